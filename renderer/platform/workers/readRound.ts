// Runs inside an export worker: reads some tables of one round straight from IndexedDB and
// opens each record with the round key the page handed over (a CryptoKey, structured-cloned,
// never exported), so a package of 10,000 records costs the UI thread nothing. Read-only; the
// decrypted records live in the worker until the job ends. Rows are opened as the repository
// opens them (decodeRow with the keyring's read-only codec).
import { emptyTables, type RoundSnapshot } from '@shared/domain/snapshot'
import type { RoundTableName } from '@shared/domain/tables'
import { openDatabase, type WorkbenchDb } from '../db/database'
import { readOnlyCodec } from '../db/keyring'
import { decodeRow } from '../db/repository'

let db: WorkbenchDb | undefined
const SLICE = 400

export async function readRoundTables(roundId: string, key: CryptoKey, tables: readonly RoundTableName[]): Promise<RoundSnapshot['tables']> {
  db ??= openDatabase()
  const out = emptyTables()
  const codec = readOnlyCodec(key)
  await Promise.all(
    tables.map(async (table) => {
      const rows = (await db![table].where('roundId').equals(roundId).toArray()).filter((r) => !r.deleted)
      const records: unknown[] = []
      for (let i = 0; i < rows.length; i += SLICE) {
        const opened = await Promise.all(rows.slice(i, i + SLICE).map((row) => decodeRow(codec, table, row)))
        records.push(...opened)
      }
      ;(out as Record<string, unknown[]>)[table] = records
    }),
  )
  return out
}
