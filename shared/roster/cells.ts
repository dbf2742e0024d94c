// Turning ExcelJS cell values into plain data, and tidying the text people type into rosters.
import type { CellValue } from 'exceljs'

/** A cell's content, with everything ExcelJS can return (rich text, hyperlinks, formulas…) folded away. */
export type CellData =
  | { kind: 'empty' }
  | { kind: 'text'; text: string }
  | { kind: 'number'; value: number; numFmt: string }
  | { kind: 'date'; date: Date }
  | { kind: 'bool'; value: boolean }
  | { kind: 'error'; text: string }

const EMPTY: CellData = { kind: 'empty' }

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null
}

/** Read a cell value (a formula gives its cached result, a hyperlink its text, rich text its runs joined). */
export function cellData(value: CellValue | unknown, numFmt = ''): CellData {
  if (value === null || value === undefined) return EMPTY
  if (typeof value === 'string') return value.trim() === '' ? EMPTY : { kind: 'text', text: value }
  if (typeof value === 'number') return Number.isFinite(value) ? { kind: 'number', value, numFmt } : EMPTY
  if (typeof value === 'boolean') return { kind: 'bool', value }
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? EMPTY : { kind: 'date', date: value }
  if (!isObject(value)) return EMPTY
  if (Array.isArray(value.richText)) {
    const text = value.richText.map((run: unknown) => (isObject(run) && typeof run.text === 'string' ? run.text : '')).join('')
    return cellData(text)
  }
  if ('formula' in value || 'sharedFormula' in value) return cellData(value.result, numFmt)
  if ('hyperlink' in value || 'text' in value) return cellData(value.text, numFmt)
  if (typeof value.error === 'string') return { kind: 'error', text: value.error }
  return EMPTY
}

/** How the value reads in a message: the text as typed, numbers as Excel shows them, dates as YYYY-MM-DD. */
export function displayText(cell: CellData): string {
  switch (cell.kind) {
    case 'empty':
      return ''
    case 'text':
      return cell.text.trim()
    case 'number':
      return formatNumber(cell.value, cell.numFmt)
    case 'date': {
      const d = roundToUtcDay(cell.date)
      const pad = (n: number) => String(n).padStart(2, '0')
      return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`
    }
    case 'bool':
      return cell.value ? '是' : '否'
    case 'error':
      return cell.text
  }
}

/** A number with the decimals its number format asks for (0.00 shows 1968.1 as 1968.10). */
export function formatNumber(value: number, numFmt: string): string {
  const decimals = /\.(0+)/.exec(numFmt.split(';')[0]!.replace(/"[^"]*"/g, ''))?.[1]
  if (decimals && decimals.length <= 10) return value.toFixed(decimals.length)
  return String(value)
}

/**
 * Excel stores dates without a time zone and ExcelJS returns them as UTC midnight. Files written by
 * other JavaScript tools sometimes carry local midnight instead (16:00 UTC the day before, in China),
 * so take the nearest UTC day.
 */
export function roundToUtcDay(date: Date): Date {
  return new Date(Math.round(date.getTime() / 86_400_000) * 86_400_000)
}

const ODD_SPACES = /[\u00A0\u1680\u2000-\u200B\u202F\u205F\u3000\uFEFF\t]/g
const HAN = /\p{Script=Han}/u

/** Normalise odd spaces and line breaks; return the non-empty lines, each trimmed with inner runs collapsed. */
function lines(text: string): string[] {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(ODD_SPACES, ' ')
    .split('\n')
    .map((line) => line.replace(/ {2,}/g, ' ').trim())
    .filter((line) => line !== '')
}

/** A one-line field (性别, 部门, 类别): lines joined, spaces trimmed and collapsed. */
export function cleanLine(text: string): string {
  return lines(text).join(' ')
}

/** 职务: a line break separates posts (党组书记⏎局长 → 党组书记、局长). */
export function cleanPost(text: string): string {
  return lines(text).reduce((acc, line) => {
    if (acc === '') return line
    return /[、，,；;]$/.test(acc) || /^[、，,；;]/.test(line) ? acc + line : `${acc}、${line}`
  }, '')
}

/** 分工, 备注: keep the line breaks, tidy each line. */
export function cleanMultiline(text: string): string {
  return lines(text).join('\n')
}

/**
 * 姓名: Chinese names lose every space (“张  三”, “张　三” → 张三), the usual dot variants in minority
 * names become ·; names in Latin letters keep single spaces between words.
 */
export function cleanName(text: string): string {
  const line = cleanLine(text.normalize('NFKC')).replace(/[•・‧∙⋅．.]/g, (dot, i, s: string) =>
    HAN.test(s.charAt(i - 1)) || HAN.test(s.charAt(i + 1)) ? '·' : dot,
  )
  return HAN.test(line) ? line.replace(/ /g, '') : line
}
