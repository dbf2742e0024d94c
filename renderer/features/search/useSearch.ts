// Search of the active round: the corpus lives in the search worker, in memory only, and is
// rebuilt when the round or any record changed since it was built. A locked app cannot ask:
// locking forgets the keys and reloads the page, which ends the worker with it.
import { ref } from 'vue'
import type { SearchFilters, SearchResult } from '@shared/search/corpus'
import { keyring, repo } from '../../platform/db/workbench'
import type { BuildPhase } from '../../platform/workers/loadCorpus'
import {
  buildSearch,
  type BuildInfo,
  querySearch,
  searchGeneration,
  startSearchWorker,
  stopSearchWorker,
} from '../../platform/workers/searchWorker'

const progress = ref(0)
const phase = ref<BuildPhase>('read')
/** How the last build went (the dialog shows it; the benchmark reads it). */
const built = ref<BuildInfo>()
let builtFor = { roundId: '', revision: -1, generation: -1 }
let building: { roundId: string; done: Promise<void> } | undefined

const LOCKED = '数据已锁定，请先解锁'

export interface SearchAsk {
  roundId: string
  query: string
  filters: SearchFilters
  perKind: number
}

function isCurrent(roundId: string): boolean {
  return builtFor.roundId === roundId && builtFor.revision === repo.revision && builtFor.generation === searchGeneration()
}

async function build(roundId: string): Promise<void> {
  // Writes during the build bump the revision, so the next open builds again.
  const revision = repo.revision
  progress.value = 0
  phase.value = 'read'
  const key = await keyring.roundKey(roundId)
  built.value = await buildSearch(roundId, key, (p, ph) => {
    progress.value = p
    phase.value = ph
  })
  builtFor = { roundId, revision, generation: searchGeneration() }
}

export function useSearch() {
  /** Builds the round's corpus unless it is current; one build at a time. */
  async function ensure(roundId: string): Promise<void> {
    if (!keyring.unlocked) throw new Error(LOCKED)
    if (building && building.roundId !== roundId) await building.done.catch(() => undefined)
    if (isCurrent(roundId)) return
    if (!building) {
      const done = build(roundId).finally(() => (building = undefined))
      building = { roundId, done }
    }
    return building.done
  }

  function query(roundId: string, text: string, filters: SearchFilters, perKind: number): Promise<SearchResult> {
    if (!keyring.unlocked) {
      stop()
      return Promise.reject(new Error(LOCKED))
    }
    return querySearch(roundId, text, filters, perKind)
  }

  /** Starts the (empty) worker while the app is idle, so the first Ctrl+K does not wait for it. */
  function prepare(): void {
    if (keyring.unlocked) startSearchWorker()
  }

  /** Drops the worker and its corpus (the app is locking). */
  function stop(): void {
    stopSearchWorker()
    builtFor = { roundId: '', revision: -1, generation: -1 }
  }

  /**
   * One query at a time: while one is in flight only the newest waits its turn, and an answer
   * overtaken by a newer question is never delivered (fast typing paints only the last).
   */
  function latestOnly(deliver: (asked: SearchAsk, result: SearchResult) => void, fail: (e: unknown) => void) {
    let wanted: SearchAsk | undefined
    let latest: SearchAsk | undefined
    let asking = false
    async function pump() {
      asking = true
      while (wanted) {
        const next = wanted
        wanted = undefined
        try {
          const result = await query(next.roundId, next.query, next.filters, next.perKind)
          if (next === latest) deliver(next, result)
        } catch (e) {
          if (next === latest) fail(e)
        }
      }
      asking = false
    }
    /** `undefined` withdraws the question (the box was emptied). */
    return (next: SearchAsk | undefined) => {
      wanted = latest = next
      if (next && !asking) void pump()
    }
  }

  return { progress, phase, built, isCurrent, ensure, latestOnly, prepare, stop }
}
