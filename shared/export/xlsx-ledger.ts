// Styled Excel ledgers (台账) with ExcelJS 4.4.
//
// Each sheet: row 1 marking (e.g. 内部), row 2 title (merged, bold, 16 pt, centred), row 3 subtitle
// (单位 / 导出时间 / 导出人), row 4 bold header, data from row 5. Frozen below the header, autofilter,
// thin borders, wrapped text, widths computed from content (CJK counts 2, capped), row heights that
// fit the wrapped text (LibreOffice does not grow rows on opening), real dates (UTC
// midnight) shown as 2026年11月21日, A4 landscape fit to one page wide, header row repeated on every
// printed page, marking and "page / pages" in the print header/footer.
//
// Traps handled (NOTES.md): no autofit in ExcelJS → widths computed here; list validations always
// reference a range on the hidden sheet "_lists" (inline lists over 255 characters corrupt the file);
// dates written as Date.UTC; user text is always written as a string cell (t="s"), never as a formula,
// so '=1+1' stays text — the value is not altered, so read-back equals what was written.
import ExcelJS from 'exceljs'
import type { Marking } from '../domain/types'
import { isIsoDate } from '../util/dates'
import { contentFailure, normaliseText, type ExpectedText } from './content-check'
import { markingText } from './marking'
import { readBackCells } from './read-back'

export type LedgerColumnKind = 'text' | 'date' | 'number' | 'wrap'

export interface LedgerColumn {
  header: string
  key: string
  /** Width in Excel character units; computed from the content when omitted. */
  width?: number
  kind?: LedgerColumnKind
  /** Allowed values: a drop-down validation referencing the hidden "_lists" sheet. */
  list?: string[]
}

export interface LedgerSheet {
  /** Sheet tab name (cleaned to Excel's rules: ≤ 31 characters, no []:*?/\). */
  name: string
  title: string
  columns: LedgerColumn[]
  rows: Record<string, unknown>[]
  /** Print orientation; default landscape. */
  landscape?: boolean
  /** Prepend a 序号 column numbered 1…n. */
  serial?: boolean
  /** Rows below the data that still get the list validations (for rows added by hand). Default 200. */
  spareRows?: number
  /** Extra text in the subtitle row after the unit (e.g. 主要负责人 and 组长 on the 调阅清单). */
  subtitle?: string
  /** Lines printed below the data after one blank row, each merged across the sheet (sign lines). */
  footer?: string[]
}

export interface LedgerOptions {
  marking: Marking
  unitName?: string
  generatedBy?: string
  /** Defaults to now. */
  generatedAt?: Date
  /** Share of the work done, 0…1: rows are written up to 0.7, the file is packed after that. */
  onProgress?: (p: number) => void
}

export const LEDGER_LAYOUT = { markingRow: 1, titleRow: 2, subtitleRow: 3, headerRow: 4, firstDataRow: 5 } as const
export const LIST_SHEET = '_lists'
export const DATE_FORMAT = 'yyyy"年"m"月"d"日"'
const MAX_WIDTH = 50
const MAX_WRAP_WIDTH = 40
const MIN_WIDTH = 6
const FONT = '宋体'

const wide = (c: number) =>
  (c >= 0x1100 && c <= 0x115f) ||
  (c >= 0x2e80 && c <= 0xa4cf) ||
  (c >= 0xac00 && c <= 0xd7a3) ||
  (c >= 0xf900 && c <= 0xfaff) ||
  (c >= 0xfe30 && c <= 0xfe4f) ||
  (c >= 0xff00 && c <= 0xff60) ||
  (c >= 0xffe0 && c <= 0xffe6) ||
  (c >= 0x20000 && c <= 0x3fffd)

/** Display width counting CJK and full-width characters as 2 (ExcelJS has no autofit); stops counting at `limit`. */
export function displayWidth(text: string, limit = Infinity): number {
  let w = 0
  for (let i = 0; i < text.length && w < limit; i++) {
    const c = text.codePointAt(i)!
    if (c > 0xffff) i++
    w += wide(c) ? 2 : 1
  }
  return w
}

/** Excel's sheet-name rules: no []:*?/\, not empty, at most 31 characters, unique (case-insensitive). */
export function safeSheetName(name: string, taken: Set<string>): string {
  let base =
    name
      .replace(/[[\]:*?/\\]/g, '_')
      .replace(/^'+|'+$/g, '')
      .trim() || '台账'
  if (base.toLowerCase() === LIST_SHEET) base = `${base}_`
  base = Array.from(base).slice(0, 31).join('')
  let out = base
  for (let i = 2; taken.has(out.toLowerCase()); i++) {
    const suffix = `(${i})`
    out =
      Array.from(base)
        .slice(0, 31 - suffix.length)
        .join('') + suffix
  }
  taken.add(out.toLowerCase())
  return out
}

/** A date cell value: ISO `YYYY-MM-DD` strings and Dates become UTC midnight; anything else is left as is. */
function toExcelDate(v: unknown): Date | unknown {
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : new Date(Date.UTC(v.getFullYear(), v.getMonth(), v.getDate()))
  if (typeof v === 'string' && isIsoDate(v)) {
    const [y, m, d] = v.split('-').map(Number)
    return new Date(Date.UTC(y!, m! - 1, d!))
  }
  if (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(v)) {
    const dt = new Date(v)
    if (!Number.isNaN(dt.getTime())) return new Date(Date.UTC(dt.getFullYear(), dt.getMonth(), dt.getDate()))
  }
  return v
}

/** The value written to a cell: user text is always a plain string (never a formula object). */
export function cellValue(v: unknown, kind: LedgerColumnKind): ExcelJS.CellValue {
  if (v === null || v === undefined || v === '') return null
  if (kind === 'date') {
    const d = toExcelDate(v)
    return d instanceof Date ? d : String(d)
  }
  if (kind === 'number') {
    if (typeof v === 'number' && Number.isFinite(v)) return v
    const n = typeof v === 'string' && /^-?\d+(\.\d+)?$/.test(v.trim()) ? Number(v) : NaN
    return Number.isFinite(n) ? n : String(v)
  }
  if (typeof v === 'number' || typeof v === 'boolean') return v
  if (Array.isArray(v)) return v.map(String).join('、')
  return String(v)
}

function displayOf(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return ''
  if (v instanceof Date) return `${v.getUTCFullYear()}年${v.getUTCMonth() + 1}月${v.getUTCDate()}日`
  return String(v)
}

/** Column width from header and content (CJK 2), capped; long text wraps instead of widening. */
export function columnWidth(header: string, values: string[], kind: LedgerColumnKind): number {
  const m = new WidthMeter(header, kind)
  for (const v of values) m.add(v)
  return m.width
}

/** columnWidth, fed one value at a time; a column already at its cap measures nothing more. */
class WidthMeter {
  private w: number
  private readonly cap: number
  constructor(header: string, kind: LedgerColumnKind) {
    this.cap = kind === 'wrap' ? MAX_WRAP_WIDTH : MAX_WIDTH
    this.w = displayWidth(header)
  }
  add(value: string): void {
    const limit = this.cap - 2
    if (this.w >= limit || value.length === 0) return
    for (const line of value.includes('\n') ? value.split(/\r?\n/) : [value]) this.w = Math.max(this.w, displayWidth(line, limit))
  }
  get width(): number {
    return Math.max(MIN_WIDTH, Math.min(this.cap, this.w + 2))
  }
}

/** Points per line of 11 pt 宋体 as Excel and LibreOffice space it, and the cell's top and bottom margins. */
const LINE_PT = 14.5
const CELL_PAD_PT = 3

/**
 * The height in points a row needs for its cells' text wrapped at their columns' widths (Excel width
 * units: about one Latin digit; CJK counts 2, as in the widths). A cell loses about one unit to its
 * margins; words are not kept whole, which errs towards a line too many, never too few.
 */
export function rowHeight(texts: string[], widths: number[]): number {
  let lines = 1
  texts.forEach((t, i) => {
    if (!t) return
    const room = Math.max(1, (widths[i] ?? MIN_WIDTH) - 1)
    let n = 0
    for (const line of t.split(/\r?\n/)) n += Math.max(1, Math.ceil(displayWidth(line) / room))
    lines = Math.max(lines, n)
  })
  return Math.round((lines * LINE_PT + CELL_PAD_PT) * 4) / 4
}

const pad2 = (n: number) => String(n).padStart(2, '0')
const thin = { style: 'thin' as const, color: { argb: 'FF000000' } }
const BORDER = { top: thin, left: thin, bottom: thin, right: thin }
const DATA_FONT = { name: FONT, size: 11 }

/** Header/footer text must not contain a stray '&' (it starts a code). */
const hf = (s: string) => s.replace(/&/g, '&&')

export async function buildLedgerXlsx(sheets: LedgerSheet[], options: LedgerOptions): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook()
  const at = options.generatedAt ?? new Date()
  wb.creator = '巡察工作台'
  wb.lastModifiedBy = options.generatedBy ?? '巡察工作台'
  wb.created = at
  wb.modified = at
  const mark = markingText(options.marking)
  const taken = new Set<string>([LIST_SHEET])
  const totalRows = sheets.reduce((n, s) => n + s.rows.length, 0) || 1
  let rowsBefore = 0
  const report = (rowsOfSheet: number) => options.onProgress?.((0.7 * (rowsBefore + rowsOfSheet)) / totalRows)
  const lists: string[][] = []
  const listRef = new Map<string, string>()
  let listSheet: ExcelJS.Worksheet | undefined

  const rangeFor = (values: string[]): string => {
    const key = JSON.stringify(values)
    const known = listRef.get(key)
    if (known) return known
    listSheet ??= wb.addWorksheet(LIST_SHEET, { state: 'veryHidden' })
    lists.push(values)
    const col = lists.length
    values.forEach((v, i) => {
      listSheet!.getCell(i + 1, col).value = v
    })
    const letter = listSheet.getColumn(col).letter
    const ref = `'${LIST_SHEET}'!$${letter}$1:$${letter}$${Math.max(1, values.length)}`
    listRef.set(key, ref)
    return ref
  }

  for (const sheet of sheets) {
    const ws = wb.addWorksheet(safeSheetName(sheet.name, taken))
    const columns: LedgerColumn[] = []
    if (sheet.serial)
      columns.push({ header: '序号', key: '__serial', kind: 'number', width: Math.max(6, String(sheet.rows.length).length + 4) })
    columns.push(...sheet.columns)
    const n = columns.length
    const L = LEDGER_LAYOUT

    // Marking, title, subtitle
    const markCell = ws.getCell(L.markingRow, 1)
    markCell.value = mark || null
    markCell.font = { name: '黑体', size: 12, bold: true }
    ws.mergeCells(L.titleRow, 1, L.titleRow, n)
    const title = ws.getCell(L.titleRow, 1)
    title.value = sheet.title
    title.font = { name: FONT, size: 16, bold: true }
    title.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true }
    ws.getRow(L.titleRow).height = 30
    const sub = [
      options.unitName ? `单位：${options.unitName}` : '',
      sheet.subtitle ?? '',
      `导出时间：${at.getFullYear()}年${at.getMonth() + 1}月${at.getDate()}日 ${pad2(at.getHours())}:${pad2(at.getMinutes())}`,
      options.generatedBy ? `导出人：${options.generatedBy}` : '',
    ].filter(Boolean)
    ws.mergeCells(L.subtitleRow, 1, L.subtitleRow, n)
    const subCell = ws.getCell(L.subtitleRow, 1)
    subCell.value = sub.join('    ')
    subCell.font = { name: FONT, size: 10 }
    subCell.alignment = { horizontal: 'left', vertical: 'middle' }

    // Header
    const headerRow = ws.getRow(L.headerRow)
    columns.forEach((c, i) => {
      const cell = headerRow.getCell(i + 1)
      cell.value = c.header
      cell.font = { name: FONT, size: 11, bold: true }
      cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true }
      cell.border = BORDER
      cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEDEDED' } }
    })

    // Data. One style object per column, shared by its cells: ExcelJS caches the style id per
    // object, so 20,000 rows cost one style lookup per column instead of one per cell (same file).
    const styles = columns.map((c) => {
      const kind = c.kind ?? 'text'
      const horizontal = c.key === '__serial' || kind === 'date' ? 'center' : kind === 'number' ? 'right' : 'left'
      return {
        font: DATA_FONT,
        border: BORDER,
        alignment: { vertical: 'middle', wrapText: true, horizontal },
        ...(kind === 'date' ? { numFmt: DATE_FORMAT } : {}),
      } as Partial<ExcelJS.Style>
    })
    const widths = columns.map((c) => (c.width === undefined ? new WidthMeter(c.header, c.kind ?? 'text') : undefined))
    sheet.rows.forEach((row, r) => {
      if (r % 2000 === 1999) report(r + 1)
      const excelRow = ws.getRow(L.firstDataRow + r)
      columns.forEach((c, i) => {
        const kind = c.kind ?? 'text'
        const v = cellValue(c.key === '__serial' ? r + 1 : row[c.key], kind)
        const cell = excelRow.getCell(i + 1)
        cell.value = v
        cell.style = styles[i]!
        widths[i]?.add(displayOf(v))
      })
    })

    columns.forEach((c, i) => {
      const col = ws.getColumn(i + 1)
      const kind = c.kind ?? 'text'
      col.width = c.width ?? widths[i]!.width
      if (kind === 'date') col.numFmt = DATE_FORMAT
    })

    // Row heights: no spreadsheet program grows a row for wrapped text when it opens a file
    // (LibreOffice prints such rows overlapping), so each row is given the lines its fullest cell needs.
    const colWidths = columns.map((c, i) => ws.getColumn(i + 1).width ?? MIN_WIDTH)
    const heightFor = (texts: string[]) => rowHeight(texts, colWidths)
    headerRow.height = heightFor(columns.map((c) => c.header))
    sheet.rows.forEach((row, r) => {
      const texts = columns.map((c) =>
        c.key === '__serial' || c.kind === 'date' || c.kind === 'number' ? '' : displayOf(cellValue(row[c.key], c.kind ?? 'text')),
      )
      ws.getRow(L.firstDataRow + r).height = heightFor(texts)
    })

    // List validations → hidden sheet ranges
    const lastValidated = L.firstDataRow + sheet.rows.length + (sheet.spareRows ?? 200) - 1
    columns.forEach((c, i) => {
      if (!c.list || c.list.length === 0) return
      const letter = ws.getColumn(i + 1).letter
      const ref = rangeFor(c.list)
      ;(ws as unknown as { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } }).dataValidations.add(
        `${letter}${L.firstDataRow}:${letter}${lastValidated}`,
        {
          type: 'list',
          allowBlank: true,
          formulae: [ref],
          showErrorMessage: true,
          errorStyle: 'warning',
          errorTitle: '不在可选范围',
          error: `请从下拉列表中选择“${c.header}”`,
        },
      )
    })

    // Footer lines (e.g. 移交人/接收人/日期 sign lines), one blank row below the data.
    ;(sheet.footer ?? []).forEach((line, i) => {
      const r = L.firstDataRow + sheet.rows.length + 1 + i
      ws.mergeCells(r, 1, r, n)
      const cell = ws.getCell(r, 1)
      cell.value = line
      cell.font = { name: FONT, size: 12 }
      cell.alignment = { horizontal: 'left', vertical: 'middle' }
      ws.getRow(r).height = 28
    })
    const lastCol = ws.getColumn(n).letter
    const lastRow = L.headerRow + Math.max(1, sheet.rows.length)
    ws.views = [{ state: 'frozen', xSplit: 0, ySplit: L.headerRow, topLeftCell: `A${L.firstDataRow}`, activeCell: `A${L.firstDataRow}` }]
    ws.autoFilter = `A${L.headerRow}:${lastCol}${lastRow}`
    ws.pageSetup = {
      paperSize: 9,
      orientation: sheet.landscape === false ? 'portrait' : 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: `${L.headerRow}:${L.headerRow}`,
      horizontalCentered: true,
      margins: { left: 0.5, right: 0.5, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 },
    }
    ws.headerFooter = {
      oddHeader: `${mark ? `&L&"黑体,Bold"${hf(mark)}` : ''}&C${hf(sheet.title)}`,
      oddFooter: `${mark ? `&L${hf(mark)}` : ''}&C&P / &N`,
    }
    rowsBefore += sheet.rows.length
    report(0)
  }

  // Node gives a Buffer, the browser bundle a Uint8Array-like Buffer or an ArrayBuffer.
  const buf = (await wb.xlsx.writeBuffer()) as unknown as ArrayBuffer | Uint8Array
  options.onProgress?.(1)
  return buf instanceof Uint8Array ? new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength) : new Uint8Array(buf)
}

const EXCEL_EPOCH = Date.UTC(1899, 11, 30)

/** A cell as the file stores it: dates as serial day numbers, the rest as their text. */
function storedText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return ''
  if (v instanceof Date) return String((v.getTime() - EXCEL_EPOCH) / 86_400_000)
  return String(v)
}

/**
 * Reads the workbook back and checks that every row of every sheet holds the values it was built
 * from, cell by cell; throws "内容核对失败" naming the sheet and row of each miss.
 */
export async function checkLedgerContent(file: string, sheets: LedgerSheet[], bytes: Uint8Array): Promise<void> {
  const back = await readBackCells(bytes)
  const taken = new Set<string>([LIST_SHEET])
  const missing: ExpectedText[] = []
  for (const sheet of sheets) {
    const name = safeSheetName(sheet.name, taken)
    const rows = back.get(name)
    const columns = [...(sheet.serial ? [{ header: '序号', key: '__serial', kind: 'number' as const }] : []), ...sheet.columns]
    const header = rows?.get(LEDGER_LAYOUT.headerRow) ?? []
    if (columns.some((c, i) => normaliseText(header[i] ?? '') !== normaliseText(c.header)))
      missing.push({ place: `工作表“${name}”表头`, parts: columns.map((c) => c.header) })
    sheet.rows.forEach((row, r) => {
      const excelRow = LEDGER_LAYOUT.firstDataRow + r
      const want = columns.map((c) => storedText(cellValue(c.key === '__serial' ? r + 1 : row[c.key], c.kind ?? 'text')))
      const got = rows?.get(excelRow) ?? []
      if (want.some((w, i) => normaliseText(w) !== normaliseText(got[i] ?? '')))
        missing.push({ place: `工作表“${name}”第${excelRow}行`, parts: want })
    })
  }
  if (missing.length) throw contentFailure(file, missing)
}
