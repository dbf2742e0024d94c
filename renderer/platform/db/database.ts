// The IndexedDB schema (Dexie). Migration policy (docs/data-model.md): versions only add
// tables or indexes; primary keys never change; every bump gets an upgrade test.
import Dexie, { type Table } from 'dexie'
import type { AnyTableName } from '@shared/domain/tables'
import type { AuditEntry, Setting } from '@shared/domain/types'
import type { WrappedRoundKey } from '@shared/security'

/** A record as stored: the clear (indexable) fields plus the codec's payload of the rest. */
export interface StoredRow {
  id: string
  roundId?: string
  body: unknown
  [clearField: string]: unknown
}

export type WorkbenchDb = Dexie & { [T in AnyTableName]: Table<StoredRow, string> } & {
  auditLog: Table<AuditEntry, number>
  settings: Table<Setting, string>
  roundKeys: Table<WrappedRoundKey, string>
  exchange: Table<ExchangeRow, string>
  drafts: Table<DraftRow, string>
}

/** v4: an unsaved form or editor (drafts.ts), sealed with the round key; never exported. */
export interface DraftRow {
  /** round | form | record id (or "new") | user */
  key: string
  roundId: string
  body: unknown
}

/** v3: this laptop's exchange state per round (versions, acknowledgements, conflict inbox), sealed. */
export interface ExchangeRow {
  key: string
  roundId: string
  body: unknown
}

export const DB_NAME = 'xuncha-workbench'

export const SCHEMA_V1: Record<AnyTableName | 'auditLog' | 'settings', string> = {
  rounds: 'id, updatedAt',
  people: 'id, roundId, [roundId+kind], updatedAt',
  interviews: 'id, roundId, [roundId+date], intervieweeId, status, updatedAt',
  documents: 'id, roundId, [roundId+borrowedOn], returnedOn, updatedAt',
  documentNotes: 'id, roundId, documentId, updatedAt',
  petitions: 'id, roundId, [roundId+receivedOn], updatedAt',
  visits: 'id, roundId, [roundId+date], updatedAt',
  workingPapers: 'id, roundId, updatedAt',
  clues: 'id, roundId, status, updatedAt',
  checklist: 'id, roundId, updatedAt',
  reports: 'id, roundId, updatedAt',
  attachments: 'id, roundId, updatedAt',
  auditLog: '++seq, at, actor, action, table, recordId',
  settings: 'key',
}

/**
 * `durability: 'strict'` opens a second connection whose every transaction is flushed to disk
 * before it completes (Dexie 4 sets durability per connection, not per transaction).
 */
export function openDatabase(name = DB_NAME, durability?: 'strict'): WorkbenchDb {
  const db = new Dexie(name, durability ? { chromeTransactionDurability: durability } : undefined) as WorkbenchDb
  db.version(1).stores(SCHEMA_V1)
  // v2: each round's data key, wrapped by this laptop's master key (wiping a round deletes it first).
  db.version(2).stores({ roundKeys: 'roundId' })
  // v3: the exchange state of each round (docs/exchange.md); adds a table only.
  db.version(3).stores({ exchange: 'key, roundId' })
  // v4: drafts of unsaved forms and editors, per round (deleted with the round); adds a table only.
  db.version(4).stores({ drafts: 'key, roundId' })
  return db
}
