// The seam where encryption at rest plugs in. The repository hands every record's sensitive
// fields to a codec before a write and gets them back after a read — outside any Dexie
// transaction, because WebCrypto cannot be awaited inside one.
import type { AnyTableName } from '@shared/domain/tables'

export interface FieldCodec {
  /** Turns the sensitive fields of record `id` into what is stored in `body`. */
  seal(table: AnyTableName, id: string, fields: Record<string, unknown>): Promise<unknown>
  open(table: AnyTableName, id: string, body: unknown): Promise<Record<string, unknown>>
}

/** No encryption: the fields are stored as they are. */
export const plainCodec: FieldCodec = {
  async seal(_table, _id, fields) {
    return fields
  },
  async open(_table, _id, body) {
    return body as Record<string, unknown>
  },
}
