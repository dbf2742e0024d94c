// Shared export infrastructure: official-format PDFs (pdfmake) and styled Excel ledgers (ExcelJS).
export { markingText, formatCopyNumber, watermarkText } from './marking'
export { kinsokuUnits, kinsokuRuns, kinsokuViolations, NO_LINE_START, NO_LINE_END, type KinsokuRun } from './kinsoku'
export {
  FONT_FILES,
  FONT_ROLES,
  FONT_ROLE_LABELS,
  FONT_ROLE_NAMES,
  ROLE_STAND_IN,
  fontForRole,
  fontUse,
  standInNote,
  readFontMetrics,
  type FontBytes,
  type FontRole,
  type OfficeFont,
  type RoleFontUse,
  type BundledFontKey,
} from './fonts'
export {
  buildOfficialPdf,
  officialDocDefinition,
  chineseNumber,
  headingPrefix,
  OFFICIAL_LAYOUT,
  type OfficialDoc,
  type OfficialPdfOptions,
  type Block,
  type TableColumn,
  type HeadingLevel,
} from './pdf-document'
export {
  buildLedgerXlsx,
  displayWidth,
  columnWidth,
  safeSheetName,
  DATE_FORMAT,
  LIST_SHEET,
  LEDGER_LAYOUT,
  type LedgerSheet,
  type LedgerColumn,
  type LedgerColumnKind,
  type LedgerOptions,
} from './xlsx-ledger'
export { readBackXlsx, type ReadBackSheet } from './read-back'
