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
import { isEncryptedBody } from '@shared/security'
import { DB_NAME, openDatabase, type StoredRow, type WorkbenchDb } from '../db/database'
import { readOnlyCodec } from '../db/keyring'
import { decodeRow } from '../db/repository'

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
const SLICE = 100

/**
 * The sensitive fields opened by the last backup, per `table/id`, with what identifies the body
 * they came from: every write seals with a fresh IV, so the same IV and GCM tag mean the same
 * body, and the next backup (a 组长 imports several packages in a row) opens only the rows
 * written since. They live as long as the worker: the page ends it after an idle minute, and
 * locking reloads the page.
 */
let opened: { roundId: string; bodies: Map<string, { body: string; fields: Record<string, unknown> }> } | undefined

const bodyId = (body: unknown) => (isEncryptedBody(body) ? `${body.iv}:${body.ct.length}:${body.ct.slice(-24)}` : '')

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
  const kept = opened?.roundId === job.roundId ? opened.bodies : new Map<string, { body: string; fields: Record<string, unknown> }>()
  const next = new Map<string, { body: string; fields: Record<string, unknown> }>()
  const tables = emptyTables()
  const rows = await Promise.all(ROUND_TABLES.map((t) => db.table<StoredRow, string>(t).where('roundId').equals(job.roundId).toArray()))
  const total = rows.reduce((n, r) => n + r.length, 0) || 1
  let done = 0
  const open = async (t: (typeof ROUND_TABLES)[number], row: StoredRow) => {
    const { body, ...clear } = row
    const key = `${t}/${row.id}`
    const id = bodyId(body)
    let entry = kept.get(key)
    if (!entry || !id || entry.body !== id) entry = { body: id, fields: await codec.open(t, { id: row.id, roundId: job.roundId }, body) }
    next.set(key, entry)
    return { ...entry.fields, ...clear }
  }
  // In small slices, one table after the other: the page's own decryption (the import's
  // preview) shares the browser's crypto threads and must not queue behind thousands of ours.
  for (const [i, t] of ROUND_TABLES.entries()) {
    const list = rows[i]!
    for (let k = 0; k < list.length; k += SLICE) {
      ;(tables[t] as unknown[]).push(...(await Promise.all(list.slice(k, k + SLICE).map((r) => open(t, r)))))
      onProgress(Math.round((80 * (done += Math.min(SLICE, list.length - k))) / total))
    }
  }
  opened = { roundId: job.roundId, bodies: next }
  const snapshot = { round: await decodeRow(codec, 'rounds', roundRow), tables } as RoundSnapshot
  const archive = await encodeArchive(snapshot, {
    appVersion: job.appVersion,
    exportedBy: job.head.from.name,
    exportedAt: job.head.createdAt,
  })
  onProgress(90)
  return encodePackage({ kind: 'backup', roundId: job.roundId, ...job.head }, archive, job.passphrase, { salt, derive: () => derived })
}
