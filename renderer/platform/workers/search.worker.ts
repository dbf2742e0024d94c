// The search worker: holds one round's search corpus in memory only and answers queries.
// The round key arrives with a build and is dropped when the build ends; the worker dies
// with the page (locking reloads it) or when the page stops it.
import { describeError } from '../../util/format'
import { openDatabase, type WorkbenchDb } from '../db/database'
import type { SearchCorpus } from '@shared/search/corpus'
import { loadCorpus, type RecordCache } from './loadCorpus'
import type { BuildInfo, SearchReply, SearchRequest } from './searchWorker'

let db: WorkbenchDb | undefined
let corpus: { roundId: string; corpus: SearchCorpus } | undefined
let cache: { roundId: string; records: RecordCache } | undefined

const reply = (message: SearchReply) => (self as unknown as Worker).postMessage(message)

self.addEventListener('message', async (event: MessageEvent<SearchRequest>) => {
  const request = event.data
  try {
    if (request.type === 'open') {
      db ??= openDatabase()
      await db.open()
    } else if (request.type === 'build') {
      const t0 = performance.now()
      db ??= openDatabase()
      const previous = cache?.roundId === request.roundId ? cache.records : new Map()
      const built = await loadCorpus(db, request.roundId, request.key, previous, (progress, phase) =>
        reply({ type: 'progress', id: request.id, progress, step: phase }),
      )
      corpus = { roundId: request.roundId, corpus: built.corpus }
      cache = { roundId: request.roundId, records: built.cache }
      const { decrypted, openMs, prepareMs } = built
      const info: BuildInfo = { entries: built.corpus.size, decrypted, openMs, prepareMs, ms: Math.round(performance.now() - t0) }
      reply({ type: 'done', id: request.id, result: info })
      // One query right away, so the matcher is compiled before the user's first one arrives.
      built.corpus.search('的', {}, 5)
    } else {
      if (corpus?.roundId !== request.roundId) throw new Error('本轮的搜索范围尚未建立，请重新打开搜索')
      reply({ type: 'done', id: request.id, result: corpus.corpus.search(request.query, request.filters, request.perKind) })
    }
  } catch (e) {
    reply({ type: 'failed', id: request.id, error: describeError(e) })
  }
})
