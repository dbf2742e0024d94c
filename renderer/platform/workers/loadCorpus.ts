// Runs inside the search worker: reads one round's rows from IndexedDB, opens them with the
// round key the page handed over, and normalises their texts into a SearchCorpus. Nothing
// is written anywhere; the decrypted records live in the worker's memory only.
import { emptyTables, type RoundSnapshot } from '@shared/domain/snapshot'
import { SearchCorpus } from '@shared/search/corpus'
import { searchDocs } from '@shared/search/documents'
import type { WorkbenchDb } from '../db/database'
import { readOnlyCodec } from '../db/keyring'
import { openInSlices, readLiveRows, type OpenedCache } from '../roundReader'

/** What search reads: not the checklist, nor attachments (large bytes, no text). */
const TABLES = ['people', 'interviews', 'documents', 'documentNotes', 'petitions', 'visits', 'workingPapers', 'clues', 'reports'] as const

export type BuildPhase = 'read' | 'decrypt' | 'prepare'

/**
 * Records opened by an earlier build, by table/id, with the identity of the body they came from
 * (platform/roundReader.ts): a rebuild after an edit decrypts only what changed.
 */
export type RecordCache = OpenedCache

export async function loadCorpus(
  db: WorkbenchDb,
  roundId: string,
  key: CryptoKey,
  cache: RecordCache,
  onProgress: (percent: number, phase: BuildPhase) => void,
): Promise<{ corpus: SearchCorpus; cache: RecordCache; decrypted: number; openMs: number; prepareMs: number }> {
  onProgress(0, 'read')
  const t0 = performance.now()
  const codec = readOnlyCodec(key)
  const next: RecordCache = new Map()
  const tables = emptyTables()
  let decrypted = 0
  // Counted on the roundId index (nothing deserialised, back long before the rows), for the progress.
  const total = Promise.all(TABLES.map((t) => db[t].where('roundId').equals(roundId).count())).then((n) =>
    Math.max(
      1,
      n.reduce((a, b) => a + b, 0),
    ),
  )
  let done = 0
  let reported = Promise.resolve()
  // Every table is read at once and opened as soon as it arrives: decrypting one overlaps reading the others.
  await Promise.all(
    TABLES.map(async (table) => {
      const { rows, tombstones } = await readLiveRows(db, table, roundId)
      done += tombstones
      const { records, opened } = await openInSlices(codec, table, rows, {
        cache,
        next,
        onSlice: (n) => {
          done += n
          reported = reported.then(async () => onProgress(Math.min(90, Math.round((90 * done) / (await total))), 'decrypt'))
        },
      })
      decrypted += opened
      // In stored order, so equal-ranked results always come out the same way.
      ;(tables[table] as unknown[]) = records
    }),
  )
  await reported
  const t1 = performance.now()
  onProgress(90, 'prepare')
  const corpus = new SearchCorpus()
  for (const doc of searchDocs({ tables } as Pick<RoundSnapshot, 'tables'>)) corpus.add(doc)
  corpus.setNames(tables.people.map((p) => p.name))
  onProgress(100, 'prepare')
  return { corpus, cache: next, decrypted, openMs: Math.round(t1 - t0), prepareMs: Math.round(performance.now() - t1) }
}
