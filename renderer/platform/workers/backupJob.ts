// Builds an encrypted backup of one round (the round archive in an exchange container): reads
// every row of the round straight from IndexedDB, tombstones included, opens each as the
// repository does with the round key handed over (a CryptoKey, never exported), encodes the
// archive and encrypts it with the team passphrase. Runs in a worker (backup.worker.ts) so that a backup of a large round, before
// every import or on the schedule, costs the screen nothing; nothing is written anywhere.
import { encodeArchive } from '@shared/archive'
import { emptyTables, type RoundSnapshot } from '@shared/domain/snapshot'
import { ROUND_TABLES } from '@shared/domain/tables'
import { deriveKey, encodePackage, EXCHANGE_ITERATIONS, type PackageHeader } from '@shared/exchange'
import { randomBytes, SALT_BYTES } from '@shared/security/primitives'
import { DB_NAME, openDatabase, type StoredRow, type WorkbenchDb } from '../db/database'
import { readOnlyCodec } from '../db/keyring'
import { decodeRow, openInSlices, type OpenedCache } from '../roundReader'

export interface BackupJob {
  roundId: string
  key: CryptoKey
  passphrase: string
  head: Pick<PackageHeader, 'packageId' | 'roundName' | 'from' | 'createdAt'>
  appVersion: string
  /** The database to read (unit tests use their own). */
  dbName?: string
}

const dbs = new Map<string, WorkbenchDb>()
/** Small slices: the page's own decryption (the import's preview) shares the browser's crypto threads and must not queue behind thousands of ours. */
const SLICE = 100

/**
 * The records opened by the last backup, by `table/id` with their body's identity, so the next
 * backup (a 组长 imports several packages in a row) opens only the rows written since. They live
 * as long as the worker: the page ends it after an idle minute, and locking reloads the page.
 */
let opened: { roundId: string; records: OpenedCache } | undefined

export async function buildBackup(job: BackupJob, onProgress: (percent: number) => void): Promise<Uint8Array> {
  // The team passphrase's key is derived (PBKDF2, slow on purpose) while the round is read.
  const salt = randomBytes(SALT_BYTES)
  const derived = deriveKey(job.passphrase, salt, EXCHANGE_ITERATIONS)
  derived.catch(() => undefined)
  const name = job.dbName ?? DB_NAME
  const db = dbs.get(name) ?? dbs.set(name, openDatabase(name)).get(name)!
  const codec = readOnlyCodec(job.key)
  const roundRow = await db.rounds.get(job.roundId)
  if (!roundRow) throw new Error('找不到该巡察轮次')
  const cache = opened?.roundId === job.roundId ? opened.records : undefined
  const next: OpenedCache = new Map()
  const tables = emptyTables()
  // Tombstones included: a restore must not bring deleted records back.
  const rows = await Promise.all(ROUND_TABLES.map((t) => db.table<StoredRow, string>(t).where('roundId').equals(job.roundId).toArray()))
  const total = rows.reduce((n, r) => n + r.length, 0) || 1
  let done = 0
  const onSlice = (n: number) => onProgress(Math.round((80 * (done += n)) / total))
  for (const [i, t] of ROUND_TABLES.entries()) {
    const { records } = await openInSlices(codec, t, rows[i]!, { cache, next, onSlice, slice: SLICE })
    ;(tables[t] as unknown[]).push(...records)
  }
  opened = { roundId: job.roundId, records: next }
  const snapshot = { round: await decodeRow(codec, 'rounds', roundRow), tables } as RoundSnapshot
  const archive = await encodeArchive(snapshot, {
    appVersion: job.appVersion,
    exportedBy: job.head.from.name,
    exportedAt: job.head.createdAt,
  })
  onProgress(90)
  return encodePackage({ kind: 'backup', roundId: job.roundId, ...job.head }, archive, job.passphrase, { salt, derive: () => derived })
}
