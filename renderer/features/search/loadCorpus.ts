// Runs inside the search worker: reads one round's rows from IndexedDB, opens them with the
// round key the page handed over, and normalises their texts into a SearchCorpus. Nothing
// is written anywhere; the decrypted records live in the worker's memory only.
import { emptyTables, type RoundSnapshot } from '@shared/domain/snapshot'
import { isEncryptedBody } from '@shared/security'
import { SearchCorpus } from '@shared/search/corpus'
import { searchDocs } from '@shared/search/documents'
import type { StoredRow, WorkbenchDb } from '../../db/database'
import { readOnlyCodec } from '../../db/keyring'
import { decodeRow } from '../../db/repository'

/** What search reads: not the checklist, nor attachments (large bytes, no text). */
const TABLES = ['people', 'interviews', 'documents', 'documentNotes', 'petitions', 'visits', 'workingPapers', 'clues', 'reports'] as const

export type BuildPhase = 'read' | 'decrypt' | 'prepare'

/**
 * Records opened by an earlier build, by table/id, with the IV of the body they came from:
 * every write seals with a fresh IV, so the same IV means the same record, and a rebuild after
 * an edit decrypts only what changed.
 */
export type RecordCache = Map<string, { iv: string; record: unknown }>

const CHUNK = 400

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
  const total = Promise.all(TABLES.map((t) => db[t].where('roundId').equals(roundId).count())).then((n) => Math.max(1, n.reduce((a, b) => a + b, 0)))
  let done = 0
  // Every table is read at once and opened as soon as it arrives: decrypting one overlaps reading the others.
  await Promise.all(
    TABLES.map(async (table) => {
      // Tombstones are never searched: `deleted` is a clear field, so they are skipped unopened.
      const stored = await db[table].where('roundId').equals(roundId).toArray()
      const rows: (StoredRow | undefined)[] = stored.filter((r) => !r.deleted)
      done += stored.length - rows.length
      stored.length = 0
      const records = tables[table] as unknown[]
      for (let i = 0; i < rows.length; i += CHUNK) {
        const chunk = rows.slice(i, i + CHUNK) as StoredRow[]
        // Sealed rows let go as they are opened: at ten times they are 18 MB of ciphertext.
        rows.fill(undefined, i, i + CHUNK)
        const opened = await Promise.all(
          chunk.map(async (row) => {
            const kept = cache.get(`${table}/${row.id}`)
            const iv = ivOf(row)
            if (kept && kept.iv === iv) return kept
            decrypted++
            return { iv, record: await decodeRow(codec, table, row) }
          }),
        )
        // In stored order, so equal-ranked results always come out the same way.
        chunk.forEach((row, k) => {
          next.set(`${table}/${row.id}`, opened[k]!)
          records.push(opened[k]!.record)
        })
        done += chunk.length
        onProgress(Math.min(90, Math.round((90 * done) / (await total))), 'decrypt')
      }
    }),
  )
  const t1 = performance.now()
  onProgress(90, 'prepare')
  const corpus = new SearchCorpus()
  for (const doc of searchDocs({ tables } as Pick<RoundSnapshot, 'tables'>)) corpus.add(doc)
  corpus.setNames(tables.people.map((p) => p.name))
  onProgress(100, 'prepare')
  return { corpus, cache: next, decrypted, openMs: Math.round(t1 - t0), prepareMs: Math.round(performance.now() - t1) }
}

const ivOf = (row: StoredRow) => (isEncryptedBody(row.body) ? row.body.iv : '')
