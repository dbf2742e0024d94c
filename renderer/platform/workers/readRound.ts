// Runs inside an export worker: reads some tables of one round straight from IndexedDB and
// opens each record with the round key the page handed over (a CryptoKey, structured-cloned,
// never exported), so a package of 10,000 records costs the UI thread nothing. Read-only; the
// decrypted records live in the worker until the job ends. Rows are read and opened as the
// repository does (platform/roundReader.ts with the keyring's read-only codec).
import { emptyTables, type RoundSnapshot } from '@shared/domain/snapshot'
import type { RoundTableName } from '@shared/domain/tables'
import { openDatabase, type WorkbenchDb } from '../db/database'
import { readOnlyCodec } from '../db/keyring'
import { openInSlices, readLiveRows } from '../roundReader'

let db: WorkbenchDb | undefined

export async function readRoundTables(
  roundId: string,
  key: CryptoKey,
  tables: readonly RoundTableName[],
): Promise<RoundSnapshot['tables']> {
  db ??= openDatabase()
  const out = emptyTables()
  const codec = readOnlyCodec(key)
  await Promise.all(
    tables.map(async (table) => {
      const { rows } = await readLiveRows(db!, table, roundId)
      ;(out as Record<string, unknown[]>)[table] = (await openInSlices(codec, table, rows)).records
    }),
  )
  return out
}
