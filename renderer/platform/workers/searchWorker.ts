// The page's side of the search worker: builds the round's corpus there (the worker reads and
// decrypts the rows itself) and asks it queries, so neither touches the UI thread.
import type { SearchFilters, SearchResult } from '@shared/search/corpus'
import type { BuildPhase } from './loadCorpus'

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

export type SearchReply =
  | { id: number; progress: number; phase: BuildPhase }
  | { id: number; built: BuildInfo }
  | { id: number; result: SearchResult }
  | { id: number; error: string }

interface Pending {
  resolve: (value: never) => void
  reject: (e: Error) => void
  onProgress?: (percent: number, phase: BuildPhase) => void
}

let worker: Worker | undefined
/** Bumped whenever a worker goes away: a corpus built by an earlier one no longer exists. */
let generation = 0
let nextId = 1
const pending = new Map<number, Pending>()

function failAll(message: string) {
  for (const job of pending.values()) job.reject(new Error(message))
  pending.clear()
}

function ensureWorker(): Worker {
  if (worker) return worker
  worker = new Worker(new URL('./search.worker.ts', import.meta.url), { type: 'module', name: 'search' })
  worker.addEventListener('message', (event: MessageEvent<SearchReply>) => {
    const data = event.data
    const job = pending.get(data.id)
    if (!job) return
    if ('progress' in data) return job.onProgress?.(data.progress, data.phase)
    pending.delete(data.id)
    if ('error' in data) job.reject(new Error(data.error))
    else job.resolve(('built' in data ? data.built : data.result) as never)
  })
  worker.addEventListener('error', (event) => {
    stopSearchWorker()
    failAll(`搜索进程出错：${event.message}`)
  })
  return worker
}

function ask<T>(
  request: SearchRequest extends infer R ? (R extends unknown ? Omit<R, 'id'> : never) : never,
  onProgress?: Pending['onProgress'],
): Promise<T> {
  const id = nextId++
  return new Promise<T>((resolve, reject) => {
    pending.set(id, { resolve: resolve as (v: never) => void, reject, onProgress })
    ensureWorker().postMessage({ ...request, id })
  })
}

export const searchGeneration = () => generation

/** Starts the worker and opens its database ahead of the first Ctrl+K (it holds no data yet). */
export function startSearchWorker(): void {
  ensureWorker().postMessage({ id: 0, type: 'open' } satisfies SearchRequest)
}

/** Reads and decrypts the round in the worker; the key is structured-cloned, never exported. */
export function buildSearch(roundId: string, key: CryptoKey, onProgress: Pending['onProgress']): Promise<BuildInfo> {
  return ask({ type: 'build', roundId, key }, onProgress)
}

export function querySearch(roundId: string, query: string, filters: SearchFilters, perKind: number): Promise<SearchResult> {
  // Plain copies: reactive proxies cannot cross to a worker.
  return ask({ type: 'query', roundId, query, filters: JSON.parse(JSON.stringify(filters)) as SearchFilters, perKind })
}

/** Ends the worker and everything it held in memory. */
export function stopSearchWorker(): void {
  if (!worker) return
  worker.terminate()
  worker = undefined
  generation++
  failAll('搜索已停止')
}
