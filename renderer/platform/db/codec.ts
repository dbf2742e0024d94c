// The seam where encryption at rest plugs in. The repository hands every record's sensitive
// fields to a codec before a write and gets them back after a read — outside any Dexie
// transaction, because WebCrypto cannot be awaited inside one.
import type { AnyTableName } from '@shared/domain/tables'

/** Which record: its id and the round it belongs to (a round's own id for the rounds table). */
export interface RecordRef {
  id: string
  roundId: string
}

export interface FieldCodec {
  /** Turns the sensitive fields of a record into what is stored in `body`. */
  seal(table: AnyTableName, ref: RecordRef, fields: Record<string, unknown>): Promise<unknown>
  open(table: AnyTableName, ref: RecordRef, body: unknown): Promise<Record<string, unknown>>
}

/** No encryption: the fields are stored as they are (unit tests of the repository only). */
export const plainCodec: FieldCodec = {
  async seal(_table, _ref, fields) {
    return fields
  },
  async open(_table, _ref, body) {
    return body as Record<string, unknown>
  },
}
