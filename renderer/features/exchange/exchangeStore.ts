// This laptop's exchange state for the active round (versions, acknowledgements, the conflict
// inbox), sealed with the round key in the `exchange` table. The badge reads `openCount`.
import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { emptySyncState, openConflicts, stampLocal, type SyncState, type TableRecord } from '@shared/exchange'
import { ROUND_TABLES } from '@shared/domain/tables'
import { openFields, recordAad, sealFields } from '@shared/security'
import type { ExchangeRow } from '../../db/database'
import { db, keyring, repo } from '../../db/workbench'

const keyOf = (roundId: string) => `state:${roundId}`

export async function loadState(roundId: string, deviceId: string): Promise<SyncState> {
  const row = await db.exchange.get(keyOf(roundId))
  if (!row) return emptySyncState(deviceId)
  return (await openFields(await keyring.roundKey(roundId), recordAad('exchange', row.key), row.body)) as unknown as SyncState
}

export async function sealState(roundId: string, state: SyncState): Promise<ExchangeRow> {
  const key = keyOf(roundId)
  return { key, roundId, body: await sealFields(await keyring.roundKey(roundId), recordAad('exchange', key), state as unknown as Record<string, unknown>) }
}

/** Every record of the round, tombstones included, as the merge sees them. */
export async function localRecords(roundId: string): Promise<TableRecord[]> {
  const snap = await repo.snapshot(roundId)
  const out: TableRecord[] = [{ table: 'rounds', record: snap.round as unknown as Record<string, unknown> }]
  for (const t of ROUND_TABLES) for (const r of snap.tables[t]) out.push({ table: t, record: r as unknown as Record<string, unknown> })
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
  const state = ref<SyncState>()
  const roundId = ref('')
  const openCount = computed(() => (state.value ? openConflicts(state.value).length : 0))

  async function load(id: string, deviceId: string) {
    roundId.value = id
    state.value = id ? await loadState(id, deviceId) : undefined
  }

  /** Stamps local edits and stores the state (before an export). */
  async function stamp(id: string, deviceId: string): Promise<{ state: SyncState; records: TableRecord[] }> {
    const records = await localRecords(id)
    const next = stampLocal(await loadState(id, deviceId), records)
    await db.exchange.put(await sealState(id, next))
    if (id === roundId.value) state.value = next
    return { state: next, records }
  }

  async function save(id: string, next: SyncState) {
    await db.exchange.put(await sealState(id, next))
    if (id === roundId.value) state.value = next
  }

  return { state, roundId, openCount, load, stamp, save }
})
