// Runs inside an export worker: reads some tables of one round straight from IndexedDB and
// opens each record with the round key the page handed over (a CryptoKey, structured-cloned,
// never exported), so a package of 10,000 records costs the UI thread nothing. Read-only; the
// decrypted records live in the worker until the job ends. Same rule as the keyring's codec:
// the body is opened with the table and id as associated data, the clear fields go on top, and
// a body that is not ciphertext is refused as tampering.
import { emptyTables, type RoundSnapshot } from '@shared/domain/snapshot'
import type { RoundTableName } from '@shared/domain/tables'
import { isEncryptedBody, openFields, recordAad, VaultError } from '@shared/security'
import { openDatabase, type WorkbenchDb } from '../db/database'

let db: WorkbenchDb | undefined
const SLICE = 400

export async function readRoundTables(roundId: string, key: CryptoKey, tables: readonly RoundTableName[]): Promise<RoundSnapshot['tables']> {
  db ??= openDatabase()
  const out = emptyTables()
  await Promise.all(
    tables.map(async (table) => {
      const rows = (await db![table].where('roundId').equals(roundId).toArray()).filter((r) => !r.deleted)
      const records: unknown[] = []
      for (let i = 0; i < rows.length; i += SLICE) {
        const opened = await Promise.all(
          rows.slice(i, i + SLICE).map(async ({ body, ...clear }) => {
            if (!isEncryptedBody(body)) throw new VaultError('tampered', '数据校验失败：记录可能被篡改或损坏')
            return { ...(await openFields(key, recordAad(table, clear.id), body)), ...clear }
          }),
        )
        records.push(...opened)
      }
      ;(out as Record<string, unknown[]>)[table] = records
    }),
  )
  return out
}
