// A report as an editable Word file with the GB/T 9704 page set-up, because the office edits in
// Word/WPS: A4, margins 37/35/28/26 mm, one style per typeface role (正文 仿宋_GB2312, 标题 方正小标宋简体,
// 标题 1 黑体, 标题 2 楷体_GB2312, 标题 3/4 仿宋_GB2312, 页码 宋体, 密级 黑体) naming the office's fonts for
// East Asian text too (w:eastAsia), so Word/WPS set the text in the fonts installed there and a
// change to a style changes every paragraph of its role;
// 16 pt 仿宋 body on a fixed 28.95 pt line pitch (22 lines) and the document grid 22 × 28, first-line indent of two characters,
// headings 黑体/楷体/仿宋 by level, page numbers "— N —" 14 pt 宋体 right on odd pages and
// left on even pages, one character in; 份号 and 密级 top-left; tables at 10.5 pt whose rows are whole grid lines high.
import {
  AlignmentType,
  Document,
  DocumentGridType,
  Footer,
  HeadingLevel,
  HeightRule,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
} from 'docx'
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate'
import type { Marking, Report } from '../domain/types'
import type { FontRole } from '../export/fonts'
import { formatCopyNumber, markingText, needsCopyNumber } from '../export/marking'
import { attachmentLines, signOff, type Furniture } from './furniture'
import { sectionNumbers } from './outline'

const MM = 1440 / 25.4
/** The office's font names per role (the names Word/WPS know them by on a Windows office machine). */
export const DOCX_FONTS = { body: '仿宋_GB2312', hei: '黑体', kai: '楷体_GB2312', title: '方正小标宋简体', song: '宋体' } as const
// twips per line: 22 lines in 225 mm. Rounded down: 22 × 580 twips is a hair taller than the text
// block, and Word and LibreOffice then fit only 21 lines on a page.
const PITCH = Math.floor((225 / 22) * MM)
/**
 * The document grid (文档网格) of GB/T 9704: 22 lines of 28 characters. Word's charSpace is the
 * difference between the grid's character pitch (156 mm / 28) and the 16 pt body size, in 1/4096 pt.
 */
export const DOC_GRID = {
  type: DocumentGridType.LINES_AND_CHARS,
  linePitch: PITCH,
  charSpace: Math.round(((156 * 72) / 25.4 / 28 - 16) * 4096),
} as const
const BODY = 32 // half-points: 16 pt (3号), the Normal style's size, from which the grid is reckoned
/**
 * Text on the grid is set a hair under the grid's 15.79 pt character pitch, as in the PDF: a character
 * wider than the pitch takes two cells in LibreOffice (16 pt text gave 16 characters a line), and
 * 15.5 pt fits one cell in Word, WPS and LibreOffice alike, so all three set 28 characters a line.
 */
const ON_GRID = 31
const font = (name: string) => ({ ascii: name, eastAsia: name, hAnsi: name, hint: 'eastAsia' as const })
const HEADING_LEVEL = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3, HeadingLevel.HEADING_4]

/** Font name per role: the office's own where the export knows it (设置 → 公文字体), else DOCX_FONTS. */
export type DocxFontNames = Partial<Record<FontRole, string>>
function roleNames(own: DocxFontNames = {}): Record<FontRole, string> {
  return {
    fangsong: own.fangsong ?? DOCX_FONTS.body,
    hei: own.hei ?? DOCX_FONTS.hei,
    kai: own.kai ?? DOCX_FONTS.kai,
    xiaobiaosong: own.xiaobiaosong ?? DOCX_FONTS.title,
    song: own.song ?? DOCX_FONTS.song,
  }
}

/** Character styles of the roles that sit inside paragraphs of another style (份号/页码 宋体, 密级 黑体). */
const STYLE = { song: 'XcSong', hei: 'XcHei' } as const

/** The styles part: document default = 正文 仿宋; Title 小标宋; Heading 1–4 黑体/楷体/仿宋/仿宋; 宋体 and 黑体 as character styles. */
function roleStyles(names: Record<FontRole, string>) {
  const heading = (name: string, bold = false) => ({
    run: { font: font(name), size: ON_GRID, bold, color: '000000' },
    paragraph: { spacing: line, indent: { firstLine: 2 * 320 }, keepNext: true },
  })
  return {
    default: {
      document: { run: { font: font(names.fangsong), size: BODY } },
      title: { run: { font: font(names.xiaobiaosong), size: 44, color: '000000' }, paragraph: { alignment: AlignmentType.CENTER } },
      heading1: heading(names.hei),
      heading2: heading(names.kai),
      heading3: heading(names.fangsong, true),
      heading4: heading(names.fangsong),
    },
    // The grid's character pitch is reckoned from the Normal style's size (LibreOffice reads it
    // there, not from the document defaults): without 16 pt here a 16 pt character takes two cells.
    paragraphStyles: [
      { id: 'Normal', name: 'Normal', run: { font: font(names.fangsong), size: BODY } },
      { id: CELL_STYLE, name: '表格文字', basedOn: 'Normal', run: { size: CELL_SIZE } },
    ],
    characterStyles: [
      { id: STYLE.song, name: '宋体（页码、份号）', run: { font: font(names.song) } },
      { id: STYLE.hei, name: '黑体（密级、表头）', run: { font: font(names.hei) } },
    ],
  }
}

const line = { line: PITCH, lineRule: LineRuleType.EXACT, before: 0, after: 0 }
const body = (
  text: string,
  opts: { bold?: boolean; role?: keyof typeof STYLE; indent?: boolean; align?: (typeof AlignmentType)[keyof typeof AlignmentType] } = {},
) =>
  new Paragraph({
    alignment: opts.align ?? AlignmentType.BOTH,
    spacing: line,
    indent: opts.indent === false ? undefined : { firstLine: 2 * 320 },
    children: [new TextRun({ text, size: ON_GRID, bold: opts.bold, ...(opts.role ? { style: STYLE[opts.role] } : {}) })],
  })

const pageNumber = (side: 'odd' | 'even') =>
  new Footer({
    children: [
      new Paragraph({
        alignment: side === 'odd' ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: side === 'odd' ? { right: 280 } : { left: 280 },
        children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], style: STYLE.song, size: 28 })],
      }),
    ],
  })

/**
 * Tables at 10.5 pt (五号) off the character grid, each row a whole number of grid lines high, so the
 * body text after a table stays on the 22-line grid (rows of any other height left a page 21 lines).
 * Cell text does not snap to the grid (it would be spread one character per 15.8 pt cell and one line
 * per 28.95 pt) and runs at an exact 12 pt, two lines to a grid line with room for the borders. The row height is reckoned from
 * the column widths, counting a CJK character 10.5 pt and anything else about half that, with a
 * character to spare per line, Latin runs broken only at their hyphens, and a line to spare in every
 * row, so an estimate a line short still shows all the text; a row taller than a page may grow instead,
 * and then leaves the grid.
 */
const CELL_STYLE = 'XcCell'
const CELL_SIZE = 21 // half-points: 10.5 pt
const CELL_LINE = 240 // twips: 12 pt
const CELL_PAD = 57 // twips: 1 mm left and right
const TEXT_WIDTH = Math.round(156 * MM)
const MAX_ON_GRID_LINES = 20
const units = (text: string) => Array.from(text).reduce((n, c) => n + (/[\u0000-\u024f]/.test(c) ? 0.6 : 1), 0)
/** Where a line may break: after any CJK character; a Latin run (2026-03-DG-001) only after its hyphens. */
const pieces = (text: string) => text.match(/[\u0000-\u024f]+?(?:-|(?=[^\u0000-\u024f])|$)|[^\u0000-\u024f]/g) ?? []
/** Column widths in twips, by how much text each column holds (header included), each at least 5 characters (a three-character name on one line). */
export function columnWidths(columns: string[], rows: string[][]): number[] {
  const weight = columns.map((c, i) => Math.min(14, Math.max(5, units(c), ...rows.map((r) => units(r[i] ?? '')))))
  const total = weight.reduce((a, b) => a + b, 0)
  return weight.map((w) => Math.floor((TEXT_WIDTH * w) / total))
}
/** Lines a cell's text takes at its column's width. */
export function cellLines(text: string, width: number): number {
  const perLine = Math.max(1, Math.floor((width - 2 * CELL_PAD) / (CELL_SIZE * 10)) - 1)
  let lines = 0
  for (const part of text.split('\n')) {
    // Filled the way a word processor fills a line, piece by piece.
    let used = 0
    lines++
    for (const piece of pieces(part)) {
      const w = units(piece)
      if (used > 0 && used + w > perLine) {
        lines++
        used = 0
      }
      used += w
      while (used > perLine) {
        lines++
        used -= perLine
      }
    }
  }
  return lines
}
/** The row's height: whole grid lines holding its tallest cell, or `undefined` when it is taller than a page. */
export function rowPitches(cells: string[], widths: number[]): number | undefined {
  const lines = Math.max(1, ...cells.map((c, i) => cellLines(c, widths[i]!)))
  if (lines > MAX_ON_GRID_LINES * 2) return undefined
  // A line to spare in every row: a cell the estimate got one line short still shows all its text.
  return Math.ceil(((lines + 1) * CELL_LINE + 80) / PITCH)
}

function table(t: NonNullable<Report['sections'][number]['table']>): Table {
  const widths = columnWidths(t.columns, t.rows)
  const cell = (text: string, i: number, head = false) =>
    new TableCell({
      width: { size: widths[i]!, type: WidthType.DXA },
      verticalAlign: VerticalAlign.CENTER,
      margins: { left: CELL_PAD, right: CELL_PAD, top: 0, bottom: 0 },
      children: text.split('\n').map(
        (part) =>
          new Paragraph({
            style: CELL_STYLE,
            alignment: head ? AlignmentType.CENTER : AlignmentType.LEFT,
            spacing: { line: CELL_LINE, lineRule: LineRuleType.EXACT, before: 0, after: 0 },
            children: [new TextRun({ text: part, size: CELL_SIZE, snapToGrid: false, ...(head ? { style: STYLE.hei } : {}) })],
          }),
      ),
    })
  const row = (cells: string[], head = false) => {
    const pitches = rowPitches(cells, widths)
    return new TableRow({
      tableHeader: head,
      cantSplit: pitches !== undefined,
      // Exact, borders included (LibreOffice adds the borders to an "at least" height, which left the grid).
      height: pitches ? { value: pitches * PITCH, rule: HeightRule.EXACT } : { value: PITCH, rule: HeightRule.ATLEAST },
      children: cells.map((c, i) => cell(c, i, head)),
    })
  }
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    rows: [row(t.columns, true), ...t.rows.map((r) => row(t.columns.map((_, i) => r[i] ?? '')))],
  })
}

export interface DocxOptions {
  marking: Marking
  /** 份号, printed only on documents marked 秘密 or 机密. */
  copyNumber?: number
  /** 附件说明 and 落款 after the body. */
  furniture?: Furniture
  /** The office's font names per role, where known; the styles name DOCX_FONTS otherwise. */
  fonts?: DocxFontNames
}

/** 附件说明 and 落款 (shared/reports/furniture.ts), one body line each. */
function furnitureParagraphs(f: Furniture): Paragraph[] {
  const out: Paragraph[] = []
  const lines = attachmentLines(f.attachments)
  if (lines.length)
    out.push(
      body('', { indent: false }),
      ...lines.map(
        (l) =>
          new Paragraph({ spacing: line, indent: { firstLine: l.indent * 320 }, children: [new TextRun({ text: l.text, size: ON_GRID })] }),
      ),
    )
  const { signer, date } = signOff(f)
  out.push(body('', { indent: false }))
  for (const x of [signer, date])
    out.push(
      new Paragraph({
        alignment: AlignmentType.RIGHT,
        spacing: line,
        indent: { right: x.right * 320 },
        children: [new TextRun({ text: x.text, size: ON_GRID })],
      }),
    )
  return out
}

export async function reportDocx(report: Report, options: DocxOptions): Promise<Uint8Array> {
  const children: (Paragraph | Table)[] = []
  if (options.copyNumber !== undefined && needsCopyNumber(options.marking))
    children.push(body(formatCopyNumber(options.copyNumber), { indent: false, role: 'song', align: AlignmentType.LEFT }))
  const mark = markingText(options.marking)
  if (mark) children.push(body(mark, { indent: false, role: 'hei', align: AlignmentType.LEFT }))
  if (children.length) children.push(body('', { indent: false }))
  children.push(
    new Paragraph({
      heading: HeadingLevel.TITLE,
      alignment: AlignmentType.CENTER,
      spacing: { line: Math.round(22 * 1.5 * 20), lineRule: LineRuleType.EXACT },
      children: [new TextRun({ text: report.title })],
    }),
    body('', { indent: false }),
  )
  const numbers = sectionNumbers(report.sections)
  report.sections.forEach((s, i) => {
    if (s.level > 0) {
      const lv = Math.min(4, s.level) - 1
      children.push(
        new Paragraph({
          heading: HEADING_LEVEL[lv],
          spacing: line,
          indent: { firstLine: 2 * 320 },
          keepNext: true,
          children: [new TextRun({ text: `${numbers[i]}${s.heading}` })],
        }),
      )
    }
    for (const p of s.paragraphs) if (p.text.trim()) children.push(body(p.text.trim()))
    if (s.table?.rows.length) children.push(table(s.table))
  })
  if (options.furniture) children.push(...furnitureParagraphs(options.furniture))
  const doc = new Document({
    creator: '巡察工作台',
    title: report.title,
    evenAndOddHeaderAndFooters: true,
    styles: roleStyles(roleNames(options.fonts)),
    sections: [
      {
        properties: {
          page: {
            size: { width: Math.round(210 * MM), height: Math.round(297 * MM) },
            margin: {
              top: Math.round(37 * MM),
              bottom: Math.round(35 * MM),
              left: Math.round(28 * MM),
              right: Math.round(26 * MM),
              footer: Math.round(28 * MM) - 400,
            },
          },
          grid: DOC_GRID,
        },
        footers: { default: pageNumber('odd'), even: pageNumber('even') },
        children,
      },
    ],
  })
  return offGrid(new Uint8Array(await Packer.toArrayBuffer(doc)))
}

/**
 * Table cell paragraphs do not snap to the document grid (w:snapToGrid 0, which the docx library
 * does not write for paragraphs): written into their pPr, right after the style, where the schema
 * puts it. Without it LibreOffice spreads 10.5 pt text one character per grid cell.
 */
function offGrid(bytes: Uint8Array): Uint8Array {
  const files = unzipSync(bytes)
  const xml = strFromU8(files['word/document.xml']!)
  const tag = `<w:pStyle w:val="${CELL_STYLE}"/>`
  files['word/document.xml'] = strToU8(xml.split(tag).join(`${tag}<w:snapToGrid w:val="0"/>`))
  return zipSync(files, { level: 6 })
}
