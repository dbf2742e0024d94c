// Reading 出生年月 / 任现职时间 the many ways rosters write them, as YYYY-MM.
import type { YearMonth } from '../domain/types'
import { type CellData, displayText, roundToUtcDay } from './cells'

export const MIN_YEAR = 1900
export const MAX_YEAR = 2100

export type YearMonthResult =
  /** `warning`: imported, but worth a look (1968.1 read as October). */
  | { ok: true; value: YearMonth | ''; warning?: string }
  /** `reason` completes “出生年月“1968.13”…”, e.g. 不是有效日期（月份应在1–12之间）. */
  | { ok: false; reason: string }

const INVALID = '不是有效日期'
const pad = (n: number) => String(n).padStart(2, '0')

function build(year: number, month: number, day?: number): YearMonthResult {
  if (year < MIN_YEAR || year > MAX_YEAR) return { ok: false, reason: `${INVALID}（年份应在${MIN_YEAR}–${MAX_YEAR}之间）` }
  if (month < 1 || month > 12) return { ok: false, reason: `${INVALID}（月份应在1–12之间）` }
  if (day !== undefined) {
    const last = new Date(Date.UTC(year, month, 0)).getUTCDate()
    if (day < 1 || day > last) return { ok: false, reason: `${INVALID}（${year}年${month}月没有${day}日）` }
  }
  return { ok: true, value: `${year}-${pad(month)}` }
}

function fromUtcDate(date: Date): YearMonthResult {
  const d = roundToUtcDay(date)
  return build(d.getUTCFullYear(), d.getUTCMonth() + 1)
}

/** Excel serial day number (1 = 1900-01-01; the 1904 system counts from 1904-01-01). */
export function fromExcelSerial(serial: number, date1904 = false): YearMonthResult {
  const epoch = date1904 ? Date.UTC(1904, 0, 1) : Date.UTC(1899, 11, 30)
  return fromUtcDate(new Date(epoch + serial * 86_400_000))
}

const PATTERNS: RegExp[] = [
  // 1968.03 1968.3 1968-03 1968/3 2019.03.15 2019-3-15
  /^(\d{4})[.\-/](\d{1,2})(?:[.\-/](\d{1,2}))?\.?$/,
  // 1968年3月 1968年03月 2019年3月15日 1968年3月份
  /^(\d{4})年(\d{1,2})月(?:份|(\d{1,2})日)?$/,
  // 196803 and 20190315
  /^(\d{4})(\d{2})(\d{2})?$/,
]

/** A date typed as text. */
export function parseYearMonthText(raw: string): YearMonthResult {
  const text = raw
    .normalize('NFKC')
    .trim()
    .replace(/(?:T|\s+)\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?:Z|[+-]\d{2}:?\d{2})?$/, '') // a trailing time of day
    .replace(/\s+/g, '')
  if (text === '') return { ok: true, value: '' }
  for (const re of PATTERNS) {
    const m = re.exec(text)
    if (m) return build(Number(m[1]), Number(m[2]), m[3] === undefined ? undefined : Number(m[3]))
  }
  if (/^\d{4}年?$/.test(text)) return { ok: false, reason: '只有年份，缺少月份' }
  return { ok: false, reason: INVALID }
}

/** A date typed as a number: 1968.03, 196803, 20190315, or an Excel serial day number. */
function parseYearMonthNumber(value: number, numFmt: string, date1904: boolean): YearMonthResult {
  const whole = Math.trunc(value)
  if (Number.isInteger(value)) {
    if (value >= MIN_YEAR && value <= MAX_YEAR) return { ok: false, reason: '只有年份，缺少月份' }
    if (value >= 100_000 && value <= 999_999) return parseYearMonthText(String(value))
    if (value >= 10_000_000 && value <= 99_999_999) return parseYearMonthText(String(value))
  }
  if (whole >= MIN_YEAR && whole <= MAX_YEAR) {
    // 1968.03 typed into a number cell. Excel keeps 1968.10 as 1968.1, so .1 is ambiguous unless the
    // cell's format shows two decimals.
    const shown = /\.\d/.test(numFmt) ? displayText({ kind: 'number', value, numFmt }) : String(value)
    const result = parseYearMonthText(shown)
    if (result.ok && /^\d{4}\.1$/.test(shown)) {
      return {
        ok: true,
        value: `${whole}-10`,
        warning: `“${shown}”可能是${whole}年1月，也可能是${whole}年10月（Excel 会把 ${whole}.10 存成 ${whole}.1），已按10月导入，请核对`,
      }
    }
    return result
  }
  if (value >= 1 && value < 2_958_466) return fromExcelSerial(value, date1904)
  return { ok: false, reason: INVALID }
}

/** Read a 出生年月 / 任现职时间 cell. Empty cells give ''. */
export function parseYearMonth(cell: CellData, date1904 = false): YearMonthResult {
  switch (cell.kind) {
    case 'empty':
      return { ok: true, value: '' }
    case 'date':
      return fromUtcDate(cell.date)
    case 'number':
      return parseYearMonthNumber(cell.value, cell.numFmt, date1904)
    case 'text':
      return parseYearMonthText(cell.text)
    case 'bool':
    case 'error':
      return { ok: false, reason: INVALID }
  }
}
