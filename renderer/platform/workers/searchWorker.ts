// The page's side of the search worker: builds the round's corpus there (the worker reads and
// decrypts the rows itself) and asks it queries, so neither touches the UI thread.
import type { SearchFilters, SearchResult } from '@shared/search/corpus'
import type { BuildPhase } from './loadCorpus'
import { WorkerClient, type JobReply } from './workerClient'

export interface BuildInfo {
  entries: number
  /** Records decrypted by this build (the others were unchanged since the last one). */
  decrypted: number
  /** Reading and decrypting, then normalising the texts, and the whole build in the worker. */
  openMs: number
  prepareMs: number
  ms: number
}

export type SearchRequest =
  | { id: number; type: 'open' }
  | { id: number; type: 'build'; roundId: string; key: CryptoKey }
  | { id: number; type: 'query'; roundId: string; query: string; filters: SearchFilters; perKind: number }

/** The worker's replies: progress names the build's phase; a build ends with BuildInfo, a query with its result. */
export type SearchReply = JobReply<BuildPhase>

/** Bumped whenever the worker goes away: a corpus built by an earlier one no longer exists. */
let generation = 0

const client = new WorkerClient({
  start: () => new Worker(new URL('./search.worker.ts', import.meta.url), { type: 'module', name: 'search' }),
  crashed: (reason) => `搜索进程出错：${reason}`,
  onEnd: () => generation++,
})

export const searchGeneration = () => generation

/** Starts the worker and opens its database ahead of the first Ctrl+K (it holds no data yet). */
export function startSearchWorker(): void {
  client.post({ id: 0, type: 'open' } satisfies SearchRequest)
}

/** Reads and decrypts the round in the worker; the key is structured-cloned, never exported. */
export function buildSearch(roundId: string, key: CryptoKey, onProgress: (percent: number, phase: BuildPhase) => void): Promise<BuildInfo> {
  // The worker names the phase with every progress report.
  return client.request({ type: 'build', roundId, key }, { onProgress: (p: number, phase?: BuildPhase) => onProgress(p, phase!) })
}

export function querySearch(roundId: string, query: string, filters: SearchFilters, perKind: number): Promise<SearchResult> {
  // Plain copies: reactive proxies cannot cross to a worker.
  return client.request({ type: 'query', roundId, query, filters: JSON.parse(JSON.stringify(filters)) as SearchFilters, perKind })
}

/** Ends the worker and everything it held in memory. */
export function stopSearchWorker(): void {
  client.terminate('搜索已停止')
}
