// Official-format PDFs (GB/T 9704-2012, GUIDE §10) with markings and watermark (§11).
//
// Layout decisions:
// - A4, margins top 37 / bottom 35 / left 28 / right 26 mm → text block 156 × 225 mm.
// - Body grid 22 lines × 28 characters. 28 × 16 pt = 158 mm does not fit 156 mm, and pdfmake cannot
//   compress character pitch the way Word's 文档网格 does, so body glyphs are set at
//   156 mm / 28 = 15.79 pt (3号 nominal 16 pt; the difference is not visible). The line pitch is
//   225 mm / 22 = 28.99 pt, derived from the font's own metrics so other fonts keep the grid.
// - Landscape (wide tables): margins top 28 / bottom 28 / left 37 / right 35 mm; same pitch and font.
// - Headings are numbered automatically by level: 一、 (黑体) / （一） (楷体) / 1. (仿宋 bold) / （1） (仿宋);
//   a lower-level counter restarts after a higher-level heading. Pass `numbered: false` to print the
//   caller's text as it is (the heading then does not advance a counter).
// - Page number "— N —", 14 pt 宋体-style, digits' top 7 mm below the text block; odd pages right-aligned
//   one character in, even pages left-aligned one character in.
// - Page 1, top-left: 份号 (6 digits) when given, then the marking (e.g. 秘密★1年) in 黑体 16 pt.
// - Watermark "user yyyy-mm-dd hh:mm" on every page (pdfmake `watermark`, light grey, CJK font).
// - 避头尾 through kinsoku.ts, table cells included (prepared for their column's width); headings are
//   never left alone at the bottom of a page; titles are balanced over their lines.
// - Tables repeat their header row, which never stands alone at a page's foot. Rows are kept whole
//   unless one is taller than a page; then rows may break (pdfmake would drop such a row).
// - Nothing lost: once laid out, the PDF's text layer is read back (pdf-text.ts) and every heading,
//   paragraph and table row is looked for in it (content-check.ts); a miss fails the build.
import type { Marking } from '../domain/types'
import { missingCharacters, missingCharactersMessage, splitByCoverage, type FallbackFonts } from './font-fallback'
import { bundledSfnt, fallbackChain, fontForRole, readFontMetrics, lineBoxHeight, roleFont, type FontBytes, type FontRole } from './fonts'
import { kinsokuRuns, kinsokuUnits, textEm } from './kinsoku'
import { formatCopyNumber, markingText, needsCopyNumber, watermarkText } from './marking'
import { renderPdf, type PdfFontFamily } from './pdf-engine'
import { contentFailure, docExpectations, missingTexts } from './content-check'
import { pdfTextPieces } from './pdf-text'

import { chineseNumber, headingPrefix, type HeadingLevel } from './numbering'
export type { HeadingLevel }
export type CellValue = string | number | null | undefined

export interface TableColumn {
  header: string
  /** Relative width (2 = twice a column of 1); 'auto' fits the content. Default 1. */
  width?: number | 'auto'
  align?: 'left' | 'center' | 'right'
}

export type Block =
  | { kind: 'heading'; level: HeadingLevel; text: string; numbered?: boolean; bookmark?: Bookmark }
  /** A second title inside the document (combined packages): centred like the title, restarts heading numbers. */
  | { kind: 'title'; text: string; bookmark?: Bookmark }
  /** `indent`: first-line indent, two characters by default, or the given number of characters; `right`: characters kept free at the right (落款). */
  | {
      kind: 'paragraph'
      text: string
      indent?: boolean | number
      right?: number
      align?: 'justify' | 'left' | 'center' | 'right'
      bold?: boolean
    }
  | { kind: 'table'; columns: TableColumn[]; rows: CellValue[][]; fontSize?: number; caption?: string }
  | { kind: 'signature'; fields: (string | { label: string; value?: string })[] }
  | { kind: 'spacer'; lines?: number }
  | { kind: 'pageBreak' }

/** A PDF bookmark (outline entry); `parentId` nests it under the bookmark with that `id`. */
export interface Bookmark {
  id?: string
  parentId?: string
}

export interface OfficialDoc {
  title: string
  subtitle?: string
  blocks: Block[]
  orientation?: 'portrait' | 'landscape'
}

export interface OfficialPdfOptions {
  marking: Marking
  /** 份号 printed on page 1 (6 digits). */
  copyNumber?: number
  watermark?: { user: string; at: string }
  onProgress?: (p: number) => void
}

const MM = 72 / 25.4
const A4 = { width: 595.28, height: 841.89 }

/** Page geometry, in points. */
export const OFFICIAL_LAYOUT = {
  portrait: { top: 37 * MM, bottom: 35 * MM, left: 28 * MM, right: 26 * MM },
  landscape: { top: 28 * MM, bottom: 28 * MM, left: 37 * MM, right: 35 * MM },
  linesPerPage: 22,
  charsPerLine: 28,
  nominalBodyPt: 16,
  titlePt: 22,
  pageNumberPt: 14,
  pageNumberGap: 7 * MM,
} as const

/** Font family names registered with pdfmake. */
const FAMILY: Record<FontRole, string> = {
  fangsong: 'XcFangsong',
  hei: 'XcHei',
  kai: 'XcKai',
  xiaobiaosong: 'XcTitle',
  song: 'XcSong',
}

export { chineseNumber, headingPrefix }

const HEADING_ROLE: Record<HeadingLevel, { role: FontRole; bold: boolean }> = {
  1: { role: 'hei', bold: false },
  2: { role: 'kai', bold: false },
  3: { role: 'fangsong', bold: true },
  4: { role: 'fangsong', bold: false },
}

/** Family names of the fallback chain (fonts.ts `fallbackChain`), in order. */
const fallbackFamily = (i: number) => `XcFallback${i}`

/**
 * The pdfmake font families for a FontBytes set: one per role, then one per font of the fallback
 * chain. An office font is its own bold (CJK office fonts have no bold face); a stand-in's bold is
 * Noto Serif SC Bold for the serif roles.
 */
export function fontFamilies(fonts: FontBytes): Record<string, PdfFontFamily> {
  const out: Record<string, PdfFontFamily> = {}
  for (const role of Object.keys(FAMILY) as FontRole[]) {
    const f = roleFont(fonts, role)
    const serif = role !== 'hei' && role !== 'kai'
    out[FAMILY[role]] = { normal: f.bytes, bold: f.standIn && serif ? bundledSfnt(fonts, 'serifBold') : f.bytes }
  }
  fallbackChain(fonts).forEach((f, i) => (out[fallbackFamily(i)] = { normal: f.bytes, bold: f.bytes }))
  return out
}

function fallbackFonts(fonts: FontBytes): FallbackFonts {
  const coverage = new Map<string, ReturnType<typeof roleFont>['coverage']>()
  for (const role of Object.keys(FAMILY) as FontRole[]) coverage.set(FAMILY[role], roleFont(fonts, role).coverage)
  const chain = fallbackChain(fonts).map((f, i) => (coverage.set(fallbackFamily(i), f.coverage), fallbackFamily(i)))
  return { coverage, chain }
}

type Node = Record<string, unknown>

/** The pdfmake document definition (exported for tests; `buildOfficialPdf` renders it). */
export function officialDocDefinition(doc: OfficialDoc, fonts: FontBytes, options: Omit<OfficialPdfOptions, 'onProgress'>): Node {
  const landscape = doc.orientation === 'landscape'
  const margin = landscape ? OFFICIAL_LAYOUT.landscape : OFFICIAL_LAYOUT.portrait
  const page = landscape ? { width: A4.height, height: A4.width } : A4
  const textWidth = page.width - margin.left - margin.right

  const bodyPt = Math.min(OFFICIAL_LAYOUT.nominalBodyPt, Math.floor((textWidth / OFFICIAL_LAYOUT.charsPerLine) * 1000) / 1000)
  // A hair under the exact pitch so rounding never pushes the 22nd line onto the next page.
  const pitch = (225 * MM) / OFFICIAL_LAYOUT.linesPerPage - 0.002
  const metrics = new Map<FontRole, ReturnType<typeof readFontMetrics>>()
  const lineHeightFor = (role: FontRole, size: number, linePitch = pitch) => {
    let m = metrics.get(role)
    if (!m) metrics.set(role, (m = readFontMetrics(fontForRole(fonts, role))))
    return linePitch / lineBoxHeight(m, size)
  }
  const body = (role: FontRole = 'fangsong') => ({ font: FAMILY[role], fontSize: bodyPt, lineHeight: lineHeightFor(role, bodyPt) })
  const indent2 = 2 * bodyPt

  const content: Node[] = []

  // Page 1, top-left: 份号 then 密级 (GB/T 9704 版头).
  if (options.copyNumber !== undefined && needsCopyNumber(options.marking)) {
    content.push({ text: formatCopyNumber(options.copyNumber), ...body('song'), alignment: 'left' })
  }
  const mark = markingText(options.marking)
  if (mark) content.push({ text: mark, ...body('hei'), fontSize: 16, lineHeight: lineHeightFor('hei', 16), alignment: 'left' })
  if (content.length) content.push({ text: '', margin: [0, 0, 0, pitch] })

  // Title 22 pt centred, subtitle in 楷体, then one empty line.
  const titlePt = OFFICIAL_LAYOUT.titlePt
  const titleEm = textWidth / titlePt - 0.5
  content.push({
    text: kinsokuRuns(balancedTitle(doc.title, titleEm)),
    font: FAMILY.xiaobiaosong,
    fontSize: titlePt,
    lineHeight: lineHeightFor('xiaobiaosong', titlePt, titlePt * 1.5),
    alignment: 'center',
  })
  if (doc.subtitle)
    content.push({ text: kinsokuRuns(balancedTitle(doc.subtitle, textWidth / bodyPt - 0.5)), ...body('kai'), alignment: 'center' })
  content.push({ text: '', margin: [0, 0, 0, pitch] })

  const counters = [0, 0, 0, 0, 0]
  for (const block of doc.blocks) {
    switch (block.kind) {
      case 'heading': {
        let text = block.text
        if (block.numbered !== false) {
          counters[block.level]! += 1
          for (let l = block.level + 1; l <= 4; l++) counters[l] = 0
          text = headingPrefix(block.level, counters[block.level]!) + text
        }
        const { role, bold } = HEADING_ROLE[block.level]
        content.push({
          text: kinsokuRuns(text),
          ...body(role),
          bold,
          leadingIndent: indent2,
          alignment: 'justify',
          headlineLevel: block.level,
          ...outline(block.bookmark, text),
        })
        break
      }
      case 'title':
        counters.fill(0)
        content.push({
          text: kinsokuRuns(balancedTitle(block.text, titleEm)),
          font: FAMILY.xiaobiaosong,
          fontSize: titlePt,
          lineHeight: lineHeightFor('xiaobiaosong', titlePt, titlePt * 1.5),
          alignment: 'center',
          margin: [0, 0, 0, pitch],
          ...outline(block.bookmark, block.text),
        })
        break
      case 'paragraph':
        content.push({
          text: kinsokuRuns(block.text),
          ...body(),
          bold: block.bold ?? false,
          leadingIndent: block.indent === false ? 0 : typeof block.indent === 'number' ? block.indent * bodyPt : indent2,
          alignment: block.align ?? 'justify',
          ...(block.right ? { margin: [0, 0, block.right * bodyPt, 0] } : {}),
        })
        break
      case 'table':
        if (block.caption) content.push({ text: kinsokuRuns(block.caption), ...body('hei'), alignment: 'center' })
        content.push(tableNode(block, lineHeightFor, textWidth, page.height - margin.top - margin.bottom))
        break
      case 'signature':
        content.push({
          columns: block.fields.map((f) => {
            const { label, value } = typeof f === 'string' ? { label: f, value: undefined } : f
            return {
              width: '*',
              text: [
                { text: `${label}：` },
                value ? { text: value, decoration: 'underline' } : { text: '\u3000'.repeat(5), decoration: 'underline' },
              ],
            }
          }),
          columnGap: bodyPt,
          ...body(),
          margin: [0, pitch, 0, 0],
        })
        break
      case 'spacer':
        content.push({ text: '', margin: [0, 0, 0, pitch * (block.lines ?? 1)] })
        break
      case 'pageBreak':
        content.push({ text: '', pageBreak: 'after' })
        break
    }
  }

  const pnPt = OFFICIAL_LAYOUT.pageNumberPt
  const pnMetrics = readFontMetrics(fontForRole(fonts, 'song'))
  // The footer box starts at the bottom of the text block; shift up by the space above the digits
  // (ascender − figure height ≈ 0.73 em) so the digits' top sits 7 mm below the text block.
  const pnTop = Math.max(0, OFFICIAL_LAYOUT.pageNumberGap - (pnMetrics.ascent / pnMetrics.unitsPerEm - 0.73) * pnPt)
  const footer = (current: number) => ({
    text: `— ${current} —`,
    font: FAMILY.song,
    fontSize: pnPt,
    lineHeight: 1,
    alignment: current % 2 === 1 ? 'right' : 'left',
    margin: [margin.left + pnPt, pnTop, margin.right + pnPt, 0],
  })

  const def: Node = {
    pageSize: 'A4',
    pageOrientation: landscape ? 'landscape' : 'portrait',
    pageMargins: [margin.left, margin.top, margin.right, margin.bottom],
    info: {
      title: doc.title,
      creator: '巡察工作台',
      producer: '巡察工作台',
      ...(mark ? { keywords: mark } : {}),
    },
    content,
    footer,
    defaultStyle: { font: FAMILY.fangsong, fontSize: bodyPt, lineHeight: lineHeightFor('fangsong', bodyPt) },
    pageBreakBefore: (node: { headlineLevel?: number }, api: { getFollowingNodesOnPage: () => unknown[] }) =>
      node.headlineLevel !== undefined && api.getFollowingNodesOnPage().length === 0,
  }
  const fallback = fallbackFonts(fonts)
  splitByCoverage(content, FAMILY.fangsong, fallback)
  if (options.watermark) {
    // One run only: the first font that has every character of the user's name.
    const text = watermarkText(options.watermark.user, options.watermark.at)
    def.watermark = {
      text,
      font: [FAMILY.fangsong, ...fallback.chain].find((f) => fallback.coverage.get(f)!.covers(text)) ?? FAMILY.fangsong,
      color: '#9a9a9a',
      opacity: 0.22,
      bold: false,
      fontSize: landscape ? 44 : 36,
    }
  }
  return def
}

/** pdfmake's outline properties for a bookmarked node. */
function outline(b: Bookmark | undefined, text: string): Node {
  if (!b) return {}
  return { outline: true, outlineText: text, ...(b.id ? { id: b.id } : {}), ...(b.parentId ? { outlineParentId: b.parentId } : {}) }
}

const PAD = 4
const RULE = 0.6

/**
 * Column widths in points (content width, without padding and rules). 'auto' columns get the width of
 * their longest cell (capped at a quarter of the table); the rest is shared by weight.
 */
export function tableWidths(columns: TableColumn[], rows: CellValue[][], size: number, textWidth: number): number[] {
  const n = columns.length
  const available = textWidth - n * 2 * PAD - (n + 1) * RULE
  const fixed = columns.map((c, i) => {
    if (c.width !== 'auto') return 0
    const cells = [c.header, ...rows.map((r) => (r[i] === null || r[i] === undefined ? '' : String(r[i])))]
    return Math.min(available / 4, Math.max(...cells.map((t) => textEm(t) * size)) + 1)
  })
  const rest = Math.max(0, available - fixed.reduce((a, b) => a + b, 0))
  const weights = columns.map((c) => (c.width === 'auto' ? 0 : Math.max(0.01, c.width ?? 1)))
  const total = weights.reduce((a, b) => a + b, 0) || 1
  return columns.map((c, i) => (c.width === 'auto' ? fixed[i]! : (rest * weights[i]!) / total))
}

/** Estimated height of a table row in points: its tallest cell, wrapped at its column's width. */
function rowHeight(cells: string[], widths: number[], size: number, lineHeight: number): number {
  const lines = cells.map((text, i) => {
    const perLine = Math.max(1, widths[i]! / size)
    return text.split('\n').reduce((n, l) => n + Math.max(1, Math.ceil(textEm(l) / perLine)), 0)
  })
  return Math.max(1, ...lines) * lineHeight + 6 + RULE
}

function tableNode(
  block: Extract<Block, { kind: 'table' }>,
  lineHeightFor: (role: FontRole, size: number, pitch?: number) => number,
  textWidth: number,
  pageHeight: number,
): Node {
  const size = block.fontSize ?? 12
  const lh = (role: FontRole) => lineHeightFor(role, size, size * 1.35)
  const widths = tableWidths(block.columns, block.rows, size, textWidth)
  const text = (v: CellValue) => (v === null || v === undefined ? '' : String(v))
  // Each cell's text is prepared for its own column width, so that no line of a cell starts with a closing mark.
  const cell = (v: CellValue, i: number, align: string | undefined) => ({
    text: kinsokuRuns(text(v), widths[i]! / size),
    alignment: align ?? 'left',
    font: FAMILY.fangsong,
    fontSize: size,
    lineHeight: lh('fangsong'),
  })
  const header = block.columns.map((c, i) => ({
    text: kinsokuRuns(c.header, widths[i]! / size),
    alignment: 'center',
    font: FAMILY.hei,
    fontSize: size,
    lineHeight: lh('hei'),
  }))
  // Rows are kept whole where every row fits on a page with the header. pdfmake silently drops a
  // row that fits on no page when rows may not break, so a table with such a row lets rows break
  // (a long cell continues on the next page, under the repeated header).
  const linePt = size * 1.35
  const headerPt = rowHeight(
    block.columns.map((c) => c.header),
    widths,
    size,
    linePt,
  )
  const rowsPt = block.rows.map((r) =>
    rowHeight(
      block.columns.map((_, i) => text(r[i])),
      widths,
      size,
      linePt,
    ),
  )
  const room = pageHeight - headerPt - 12
  const wholeRows = rowsPt.every((h) => h <= room)
  return {
    table: {
      headerRows: 1,
      // The header never stands alone at the foot of a page: it goes with the first row (or, when
      // that row is taller than a page, with as much of it as fits).
      ...(rowsPt.length && rowsPt[0]! <= room ? { keepWithHeaderRows: 1 } : {}),
      dontBreakRows: wholeRows,
      widths,
      body: [header, ...block.rows.map((r) => block.columns.map((c, i) => cell(r[i], i, c.align)))],
    },
    layout: {
      hLineWidth: () => RULE,
      vLineWidth: () => RULE,
      paddingLeft: () => PAD,
      paddingRight: () => PAD,
      paddingTop: () => 3,
      paddingBottom: () => 3,
    },
    margin: [0, 4, 0, 8],
  }
}

/**
 * A title broken into lines of nearly equal length (centred titles must not end on a line of one or
 * two characters): as many lines as the width needs, the text shared evenly, never breaking 避头尾.
 */
export function balancedTitle(title: string, lineEm: number): string {
  const total = textEm(title)
  if (total <= lineEm) return title
  const lines = Math.ceil(total / lineEm)
  const units = kinsokuUnits(title)
  for (let n = lines; n <= lines + 2; n++) {
    const target = total / n
    const out: string[] = []
    let line = ''
    for (const u of units) {
      // Break before this unit when the line is at its share and the unit would take it past.
      if (line && out.length < n - 1 && textEm(line) + textEm(u) / 2 > target) {
        out.push(line)
        line = ''
      }
      line += u
    }
    out.push(line)
    if (out.every((l) => textEm(l) <= lineEm)) return out.map((l) => l.trim()).join('\n')
  }
  return title
}

/**
 * Build the PDF and read it back: every heading, paragraph and table row of `doc` must be in the
 * file's text layer, or the build fails naming what is missing and where. Pure JS (no DOM, no
 * Node): run it in a Web Worker for big documents.
 */
export async function buildOfficialPdf(doc: OfficialDoc, fonts: FontBytes, options: OfficialPdfOptions): Promise<Uint8Array> {
  const { onProgress, ...rest } = options
  // Characters no font has fail the export before anything is laid out, naming where they are.
  const missingChars = missingCharacters(
    doc,
    fallbackChain(fonts).map((f) => f.coverage),
    options.watermark ? [{ place: '水印（使用人）', text: options.watermark.user }] : [],
  )
  if (missingChars.length) throw new Error(`《${doc.title}》${missingCharactersMessage(missingChars)}`)
  const definition = officialDocDefinition(doc, fonts, rest)
  const bytes = await renderPdf(definition, fontFamilies(fonts), onProgress)
  const missing = missingTexts(docExpectations(doc), await pdfTextPieces(bytes))
  if (missing.length) throw contentFailure('PDF ', missing)
  return bytes
}
