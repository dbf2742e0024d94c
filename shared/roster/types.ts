// Shapes of a roster import: what parseRoster hands the UI before anything is saved.
import type { Cadre, RecordMeta } from '../domain/types'

/** A cadre ready to save, minus the record bookkeeping the store adds (id, roundId, kind…). */
export type CadreDraft = Omit<Cadre, keyof RecordMeta | 'roundId' | 'kind'>

/** One imported person, with the spreadsheet row (1-based, as Excel numbers rows) it came from. */
export interface RosterRow extends CadreDraft {
  sourceRow: number
}

/** The Cadre fields a roster column can fill. */
export type RosterField =
  | 'name'
  | 'gender'
  | 'birth'
  | 'post'
  | 'duties'
  | 'inPostSince'
  | 'department'
  | 'politicalStatus'
  | 'ethnicity'
  | 'education'
  | 'nativePlace'
  | 'category'
  | 'notes'

export interface RosterProblem {
  /** Spreadsheet row number (1-based). */
  row: number
  /** Chinese, starts with 第N行：… */
  message: string
  /** The field concerned, when the problem is about one field. */
  field?: RosterField
  /** False when the whole row was left out (no name); true when it imported with the field left empty. */
  rowImported: boolean
}

export interface RosterSkippedRow {
  row: number
  /** Chinese, e.g. 空行 / 说明行：注：名册由… */
  reason: string
  /** A row that is probably not data at all (blank, repeated header, footnote): 疑似非数据行 in the preview. */
  suspect?: true
}

export interface RosterColumn {
  /** 1-based column number. */
  column: number
  /** Column letter as Excel shows it (A, B, …, AA). */
  letter: string
  /** The header text as written in the file (trimmed). */
  header: string
  /** The field the column fills; null when the column is not imported (序号, 联系电话…). */
  field: RosterField | null
}

export interface RosterParseResult {
  sheetName: string
  /** Row holding the header (1-based). */
  headerRow: number
  columns: RosterColumn[]
  rows: RosterRow[]
  problems: RosterProblem[]
  skipped: RosterSkippedRow[]
}

export interface ParseRosterOptions {
  /** Read this worksheet; by default the first visible sheet with a recognisable header. */
  sheetName?: string
}
