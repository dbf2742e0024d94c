// How a feature store loads its round's records: once, then reused — a view mounting again, or
// another view asking, costs nothing (5,000 documents take about a second to decrypt at ten
// times a real round). `stale` says whether something outside the store wrote since (an archive
// import, a merge): the repository's revision moved by more than the store's own writes.
import { ref } from 'vue'
import { repo } from '../platform/db/workbench'

export function useRoundLoad() {
  let loadedFor: string | undefined
  let loading: Promise<void> = Promise.resolve()
  let token = 0
  let seen = -1
  /** True while the round's records are being read (the list shows that, not “no records”). */
  const pending = ref(false)

  /** Runs `job` unless the round is loaded or loading already; `isCurrent()` is false once a newer load started. */
  function load(roundId: string, force: boolean, job: (isCurrent: () => boolean) => Promise<void>): Promise<void> {
    if (!force && roundId === loadedFor) return loading
    loadedFor = roundId
    seen = repo.revision
    const mine = ++token
    pending.value = true
    loading = job(() => token === mine).finally(() => {
      if (token === mine) pending.value = false
    })
    return loading
  }

  /** Runs one of the store's own writes; the data stays current if it was before. */
  async function write<T>(w: () => Promise<T>): Promise<T> {
    const fresh = repo.revision === seen
    const result = await w()
    if (fresh) seen = repo.revision
    return result
  }

  return {
    pending,
    load,
    write,
    stale: (roundId: string) => roundId !== loadedFor || repo.revision !== seen,
    ready: () => loading,
    roundId: () => loadedFor,
  }
}
