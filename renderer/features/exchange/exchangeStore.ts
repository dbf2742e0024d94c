// This laptop's exchange state for the active round (versions, acknowledgements, the conflict
// inbox), sealed with the round key in the `exchange` table. Every write of that row goes
// through this store, so the state it keeps in memory is the stored one: an import or an export
// does not decrypt it again. The badge reads `openCount`.
import { defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import {
  emptySyncState,
  ExchangeError,
  openConflicts,
  openSyncState,
  sealSyncState,
  stampLocal,
  type ChangeSet,
  type SyncState,
  type TableRecord,
} from '@shared/exchange'
import { ROUND_TABLES, type AnyTableName } from '@shared/domain/tables'
import { TABLE_LABELS } from '@shared/domain/labels'
import { recordAad } from '@shared/security'
import type { ExchangeRow } from '../../platform/db/database'
import { decodeRow } from '../../platform/db/repository'
import { db, keyring, repo } from '../../platform/db/workbench'

const keyOf = (roundId: string) => `state:${roundId}`

export async function loadState(roundId: string, deviceId: string): Promise<SyncState> {
  const row = await db.exchange.get(keyOf(roundId))
  if (!row) return emptySyncState(deviceId)
  return openSyncState(await keyring.roundKey(roundId), recordAad('exchange', row.key), row.body)
}

export async function sealState(roundId: string, state: SyncState): Promise<ExchangeRow> {
  const key = keyOf(roundId)
  return { key, roundId, body: await sealSyncState(await keyring.roundKey(roundId), recordAad('exchange', key), state) }
}

/** Every record of the round, tombstones included, as the merge sees them. */
export async function localRecords(roundId: string): Promise<TableRecord[]> {
  const snap = await repo.snapshot(roundId)
  const out: TableRecord[] = [{ table: 'rounds', record: snap.round as unknown as Record<string, unknown> }]
  for (const t of ROUND_TABLES) for (const r of snap.tables[t]) out.push({ table: t, record: r as unknown as Record<string, unknown> })
  return out
}

/**
 * This laptop's version of each record a package names (tombstones included; none for a new
 * record): only these take part in a merge, so an import reads what it touches, not the round.
 * One read per table, each row opened as the repository opens it (decodeRow, the keyring's codec).
 */
export async function packageRecords(set: ChangeSet, onProgress?: (done: number, total: number) => void): Promise<TableRecord[]> {
  const ids = new Map<AnyTableName, string[]>()
  for (const { table, record } of set.records) ids.set(table, [...(ids.get(table) ?? []), record.id as string])
  const codec = keyring.codec()
  const out: TableRecord[] = []
  let done = 0
  await Promise.all(
    [...ids].map(async ([table, keys]) => {
      const rows = await db[table].bulkGet(keys)
      for (let i = 0; i < rows.length; i += 500) {
        const opened = await Promise.all(rows.slice(i, i + 500).map((row) => row && decodeRow(codec, table, row)))
        for (const record of opened) {
          if (!record) continue
          // Ids never cross rounds: a record id that is another round's here is refused, not merged into it.
          if (table !== 'rounds' && (record as { roundId?: string }).roundId !== set.roundId)
            throw new ExchangeError(
              'wrong-round',
              `文件中的${TABLE_LABELS[table]}记录（id ${record.id}）在本机属于另一巡察轮次，不能合并到本轮次，未做任何更改`,
            )
          out.push({ table, record: record as unknown as Record<string, unknown> })
        }
        onProgress?.((done += Math.min(500, rows.length - i)), set.records.length)
      }
    }),
  )
  return out
}

/**
 * Feature stores load their round's records when the active round id changes; after a merge
 * or a conflict resolution wrote records behind their back, switching away and back makes
 * every one of them reload.
 */
export async function reloadRound(store: { activate(id: string): Promise<void> }, roundId: string) {
  await store.activate('')
  await store.activate(roundId)
}

export const useExchangeStore = defineStore('exchange', () => {
  /** The active round's state (shallow: it is replaced whole, never changed in place). */
  const state = shallowRef<SyncState>()
  const roundId = ref('')
  /** Bumped on every write, so a preview can tell whether the state changed since. */
  const version = ref(0)
  let cached: { id: string; state: SyncState } | undefined
  const openCount = computed(() => (state.value ? openConflicts(state.value).length : 0))

  function keep(id: string, next: SyncState) {
    cached = { id, state: next }
    version.value++
    if (id === roundId.value) state.value = next
  }

  /** The stored state of a round (from memory when it is the one kept). */
  async function current(id: string, deviceId: string): Promise<SyncState> {
    if (cached?.id === id) return cached.state
    const loaded = await loadState(id, deviceId)
    if (id === roundId.value) keep(id, loaded)
    return loaded
  }

  async function load(id: string, deviceId: string) {
    roundId.value = id
    state.value = id ? await current(id, deviceId) : undefined
  }

  /** Stamps local edits and stores the state (before an export). */
  async function stamp(id: string, deviceId: string): Promise<{ state: SyncState; records: TableRecord[] }> {
    const records = await localRecords(id)
    const next = stampLocal(await current(id, deviceId), records)
    await save(id, next)
    return { state: next, records }
  }

  async function save(id: string, next: SyncState) {
    await db.exchange.put(await sealState(id, next))
    keep(id, next)
  }

  return { state, roundId, version, openCount, current, load, stamp, save, keep }
})
