// The one way a store holds a round's records: loaded once per round, held raw (shallowRef,
// replaced on every change, never changed in place: reading 3,000 records through Vue's reactive
// proxies took 1.7 s), kept current by the repository's `changed` events. The store's own writes
// put the saved record in the list; someone else's write of named records (a service, another
// store) re-reads just those records; a bulk change (an archive import, a merge) reloads the
// round. Replaces a hand-written loader, race token and revision comparison per store.
import { getCurrentScope, onScopeDispose, ref, shallowRef, watch } from 'vue'
import type { RecordOf, RoundTableName } from '@shared/domain/tables'
import { repo } from '../platform/db/workbench'
import type { Draft } from '../platform/db/repository'
import { useRoundStore } from './round'

/** A new list with `item` in place of the one with its id, or appended. */
export function upsertById<T extends { id: string }>(list: readonly T[], item: T): T[] {
  const i = list.findIndex((x) => x.id === item.id)
  return i >= 0 ? list.map((x, j) => (j === i ? item : x)) : [...list, item]
}

export interface CollectionOptions<K extends RoundTableName, T> {
  /** How the round's items are read; by default every live record, decrypted (`repo.list`). */
  read?: (roundId: string) => Promise<T[]>
  /** What a saved record becomes in the list (e.g. only its clear index fields). */
  toItem?: (saved: RecordOf<K>) => T
  /** Called after a load has put the round's items in place (e.g. to drop what was derived from the old ones). */
  onLoaded?: (roundId: string) => void
  /** Keeps the list in this order after every change. */
  sort?: (a: T, b: T) => number
  /** Reads nothing until the first `load`; from then on follows the active round (large, rarely needed data). */
  lazy?: boolean
}

/**
 * A round's records of `table` for the active round. Call it inside a Pinia setup store: it
 * follows the round store's active round and unsubscribes with the store.
 */
export function createRoundCollection<K extends RoundTableName, T extends { id: string } = RecordOf<K>>(
  table: K,
  options: CollectionOptions<K, T> = {},
) {
  const round = useRoundStore()
  const read = options.read ?? ((roundId: string) => repo.list(table, roundId) as Promise<unknown[]> as Promise<T[]>)
  const toItem = options.toItem ?? ((saved: RecordOf<K>) => saved as unknown as T)
  const items = shallowRef<T[]>([])
  /** True while the round's records are being read (the list shows that, not “no records”). */
  const loading = ref(false)
  let loadedFor: string | undefined
  let loaded: Promise<void> = Promise.resolve()
  let token = 0
  /** Ids this collection is writing right now: their `changed` events are its own. */
  const own = new Set<string>()

  const ordered = (list: T[]) => (options.sort ? [...list].sort(options.sort) : list)

  /** Loads the round's items unless they are loaded or loading already (`force` reads again). */
  function load(roundId: string, force = false): Promise<void> {
    if (!force && roundId === loadedFor) return loaded
    loadedFor = roundId
    const mine = ++token
    loading.value = true
    loaded = (async () => {
      try {
        const list = roundId ? await read(roundId) : []
        if (mine !== token) return
        items.value = ordered(list)
        options.onLoaded?.(roundId)
      } finally {
        if (mine === token) loading.value = false
      }
    })()
    return loaded
  }
  watch(
    () => round.activeRoundId,
    (id) => {
      if (!options.lazy || loadedFor !== undefined) void load(id)
    },
    { immediate: true },
  )

  /** Re-reads a few records written elsewhere and puts them in place (or out, when deleted). */
  async function refreshIds(roundId: string, ids: string[]) {
    const mine = token
    const fresh = await repo.getMany(table, ids)
    // A load started meanwhile brings these records too.
    if (mine !== token || roundId !== loadedFor) return
    let list = items.value
    for (const record of fresh) {
      list = record.deleted ? list.filter((x) => x.id !== record.id) : upsertById(list, toItem(record))
    }
    items.value = ordered(list)
  }

  const off = repo.changes.on((change) => {
    if (loadedFor === undefined || change.roundId !== loadedFor || !change.tables.includes(table)) return
    const foreign = change.ids?.filter((id) => !own.has(id))
    if (foreign?.length === 0) return
    if (foreign && !loading.value) void refreshIds(loadedFor, foreign)
    else void load(loadedFor, true)
  })
  if (getCurrentScope()) onScopeDispose(off)

  async function ownWrite<R>(id: string, write: () => Promise<R>): Promise<R> {
    own.add(id)
    try {
      return await write()
    } finally {
      own.delete(id)
    }
  }

  /** Saves through the repository and puts the saved record in the list. */
  async function save(draft: Draft<RecordOf<K>>): Promise<RecordOf<K>> {
    // The id is chosen here, so that the commit's `changed` event is recognised as this write.
    const id = draft.id ?? crypto.randomUUID()
    const saved = await ownWrite(id, () => repo.save(table, { ...draft, id } as Draft<RecordOf<K>>))
    items.value = ordered(upsertById(items.value, toItem(saved)))
    return saved
  }

  async function remove(id: string): Promise<void> {
    await ownWrite(id, () => repo.remove(table, id))
    items.value = items.value.filter((x) => x.id !== id)
  }

  /** Puts a record saved elsewhere (by a service) in the list now, rather than when its event is handled. */
  function put(saved: RecordOf<K>): RecordOf<K> {
    items.value = ordered(upsertById(items.value, toItem(saved)))
    return saved
  }

  return {
    items,
    loading,
    load,
    save,
    remove,
    put,
    /** Resolves once the round's items are in place. */
    ready: (): Promise<void> => loaded,
    /** On entering a view: loads the round if another one is held (events keep a held one current). */
    refresh: (roundId: string): Promise<void> => load(roundId),
    roundId: () => loadedFor,
  }
}
