import type {
  Attachment,
  BorrowedDocument,
  ChecklistItem,
  Clue,
  DocumentNote,
  Interview,
  Person,
  Petition,
  Report,
  Round,
  SiteVisit,
  WorkingPaper,
} from './types'

/** Every table that belongs to one round, with its record type. */
export interface RoundTables {
  people: Person
  interviews: Interview
  documents: BorrowedDocument
  documentNotes: DocumentNote
  petitions: Petition
  visits: SiteVisit
  workingPapers: WorkingPaper
  clues: Clue
  checklist: ChecklistItem
  reports: Report
  attachments: Attachment
}
export type RoundTableName = keyof RoundTables
export type AnyTableName = RoundTableName | 'rounds'
export type RecordOf<T extends AnyTableName> = T extends 'rounds' ? Round : T extends RoundTableName ? RoundTables[T] : never

export const ROUND_TABLES: readonly RoundTableName[] = [
  'people',
  'interviews',
  'documents',
  'documentNotes',
  'petitions',
  'visits',
  'workingPapers',
  'clues',
  'checklist',
  'reports',
  'attachments',
]

const META = ['id', 'createdAt', 'updatedAt', 'updatedBy', 'deviceId', 'deleted'] as const

/**
 * Fields kept in clear on disk because indexes and the merge need them: ids, dates, kinds,
 * statuses. Everything else in a record is "sensitive" and goes through the field codec
 * (encrypted at rest once the round has a key). Documented in docs/data-model.md.
 */
export const CLEAR_FIELDS = {
  rounds: [...META, 'entryDate', 'exitDate'],
  people: [...META, 'roundId', 'kind'],
  interviews: [...META, 'roundId', 'date', 'start', 'end', 'status', 'intervieweeId', 'leadId', 'recorderId', 'followUpOf'],
  documents: [...META, 'roundId', 'borrowedOn', 'dueOn', 'returnedOn', 'borrowerId'],
  documentNotes: [...META, 'roundId', 'documentId', 'date'],
  petitions: [...META, 'roundId', 'receivedOn'],
  visits: [...META, 'roundId', 'date', 'kind'],
  workingPapers: [...META, 'roundId', 'date'],
  clues: [...META, 'roundId', 'registeredOn', 'status', 'transferredOn'],
  checklist: [...META, 'roundId', 'order'],
  reports: [...META, 'roundId'],
  attachments: [...META, 'roundId', 'size'],
} as const satisfies { [T in AnyTableName]: readonly (keyof RecordOf<T>)[] }

/** The clear part of a record: what can be read without its round's key (counts, dates, statuses). */
export type IndexRowOf<T extends AnyTableName> = Pick<RecordOf<T>, (typeof CLEAR_FIELDS)[T][number] & keyof RecordOf<T>>
