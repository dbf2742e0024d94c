// Re-read an exported workbook ("exported files are re-read" rule): proves the file opens and has the
// sheets, headers and row counts we meant to write.
//
// The file is read from its XML parts directly (unzip, then scan), not through ExcelJS: loading a
// 20,000-row ledger into ExcelJS's object model took longer than writing it. The figures are the
// ones ExcelJS gives (a row counts when one of its cells has a value or is covered by a merge;
// read-back.test.ts compares both readers), but nothing here trusts the writer's own model.
import { strFromU8, unzipSync } from 'fflate'

export interface ReadBackSheet {
  name: string
  state: 'visible' | 'hidden' | 'veryHidden'
  /** Rows with content, title and header rows included (ExcelJS actualRowCount). */
  rowCount: number
  /** Data rows below the header row. */
  dataRows: number
  /** Header row: the row above the frozen pane, or row 1 when nothing is frozen. */
  headers: string[]
}

const ENTITY: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }
const decode = (s: string) =>
  s.includes('&')
    ? s.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (_, e: string) =>
        e[0] === '#' ? String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1))) : ENTITY[e]!,
      )
    : s

function attrs(tag: string): Record<string, string> {
  const out: Record<string, string> = {}
  for (const m of tag.matchAll(/([\w:]+)="([^"]*)"/g)) out[m[1]!] = decode(m[2]!)
  return out
}

/** Text of a rich or plain string item (<si> or <is>): all its <t> runs. */
const runsText = (xml: string) => [...xml.matchAll(/<t(?:\s[^>]*)?>([^<]*)<\/t>/g)].map((m) => decode(m[1]!)).join('')

/** Column number of a cell reference ("AB12" → 28) and its row. */
function address(ref: string): { col: number; row: number } {
  const m = /^([A-Z]+)(\d+)$/.exec(ref)
  if (!m) throw new Error(`单元格地址无效：${ref}`)
  let col = 0
  for (const ch of m[1]!) col = col * 26 + ch.charCodeAt(0) - 64
  return { col, row: Number(m[2]) }
}

/** Shared strings, decoded only as far as the highest index asked for (headers come first). */
function sharedStrings(xml: string | undefined): (i: number) => string {
  const items: string[] = []
  const re = /<si>([\s\S]*?)<\/si>|<si\/>/g
  return (i) => {
    while (items.length <= i && xml) {
      const m = re.exec(xml)
      if (!m) break
      items.push(runsText(m[1] ?? ''))
    }
    if (i >= items.length) throw new Error(`共享字符串 ${i} 不存在`)
    return items[i]!
  }
}

const CELL = /<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g

function cellText(attr: string, body: string, shared: (i: number) => string): string | undefined {
  const type = /\bt="([^"]*)"/.exec(attr)?.[1] ?? 'n'
  if (type === 'inlineStr') return /<is>([\s\S]*?)<\/is>/.exec(body) ? runsText(body) : undefined
  const v = /<v>([^<]*)<\/v>/.exec(body)?.[1]
  if (v === undefined) return /<f[\s>]/.test(body) ? '' : undefined
  if (type === 's') return shared(Number(v))
  if (type === 'b') return v === '1' ? 'true' : 'false'
  return decode(v)
}

function readSheet(xml: string, shared: (i: number) => string): Omit<ReadBackSheet, 'name' | 'state'> {
  const pane = attrs(/<pane\b[^>]*>/.exec(xml)?.[0] ?? '')
  const headerRow = pane.state === 'frozen' && Number(pane.ySplit) > 0 ? Number(pane.ySplit) : 1

  // Cells covered by a merge (all but its top-left) count as content, as in ExcelJS.
  const merges = [...xml.matchAll(/<mergeCell\s+ref="([A-Z]+\d+):([A-Z]+\d+)"/g)].map((m) => ({ from: address(m[1]!), to: address(m[2]!) }))
  const mergedRow = (r: number) => merges.some(({ from, to }) => r >= from.row && r <= to.row && (r > from.row || to.col > from.col))

  // Only the header row and the rows holding a merge's text are kept for reading cells.
  const keep = new Set([headerRow, ...merges.map((m) => m.from.row)])
  const rows = new Map<number, string>()
  const counted = new Set<number>()
  let last = 0
  for (const m of xml.matchAll(/<row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/row>)/g)) {
    const n = Number(/\br="(\d+)"/.exec(m[1]!)?.[1] ?? last + 1)
    last = n
    const body = m[2] ?? ''
    if (keep.has(n)) rows.set(n, body)
    if (/<(?:v|is|f)[\s>]/.test(body) || mergedRow(n)) counted.add(n)
  }
  // A merge creates its rows even when the file leaves them out.
  for (const { from, to } of merges) for (let r = from.row; r <= to.row; r++) if (mergedRow(r)) counted.add(r)
  let dataRows = 0
  for (const n of counted) if (n > headerRow) dataRows++
  const rowCount = counted.size

  const textAt = (row: number, col: number): string => {
    for (const c of (rows.get(row) ?? '').matchAll(CELL)) {
      const ref = /\br="([A-Z]+\d+)"/.exec(c[1]!)?.[1]
      if (ref && address(ref).col === col) return cellText(c[1]!, c[2] ?? '', shared) ?? ''
    }
    return ''
  }
  const headers: string[] = []
  let col = 0
  for (const c of (rows.get(headerRow) ?? '').matchAll(CELL)) {
    const ref = /\br="([A-Z]+\d+)"/.exec(c[1]!)?.[1]
    col = ref ? address(ref).col : col + 1
    const text = cellText(c[1]!, c[2] ?? '', shared)
    if (text !== undefined) headers.push(text)
    else {
      const merge = merges.find(
        ({ from, to }) =>
          headerRow >= from.row && headerRow <= to.row && col >= from.col && col <= to.col && (headerRow > from.row || col > from.col),
      )
      if (merge) headers.push(textAt(merge.from.row, merge.from.col))
    }
  }
  return { rowCount, dataRows, headers }
}

/** Every row's cell texts (by column, 1-based row number as the key) of one sheet's XML. */
function readCells(xml: string, shared: (i: number) => string): Map<number, string[]> {
  const out = new Map<number, string[]>()
  let last = 0
  for (const m of xml.matchAll(/<row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/row>)/g)) {
    const n = Number(/\br="(\d+)"/.exec(m[1]!)?.[1] ?? last + 1)
    last = n
    const cells: string[] = []
    let col = 0
    for (const c of (m[2] ?? '').matchAll(CELL)) {
      const ref = /\br="([A-Z]+\d+)"/.exec(c[1]!)?.[1]
      col = ref ? address(ref).col : col + 1
      cells[col - 1] = cellText(c[1]!, c[2] ?? '', shared) ?? ''
    }
    out.set(
      n,
      Array.from(cells, (t) => t ?? ''),
    )
  }
  return out
}

/** The workbook's parts: each sheet's name, state and XML, and the shared strings. */
function workbookParts(bytes: Uint8Array): {
  sheets: { name: string; state: ReadBackSheet['state']; xml: string }[]
  shared: (i: number) => string
} {
  let files: Record<string, Uint8Array>
  try {
    files = unzipSync(bytes)
  } catch {
    throw new Error('导出的文件不是有效的 Excel 工作簿（无法解压）')
  }
  const part = (path: string) => {
    const f = files[path]
    if (!f) throw new Error(`导出的 Excel 工作簿缺少 ${path}`)
    return strFromU8(f)
  }
  const targets = new Map<string, string>()
  for (const m of part('xl/_rels/workbook.xml.rels').matchAll(/<Relationship\b[^>]*>/g)) {
    const a = attrs(m[0])
    if (a.Id && a.Target) targets.set(a.Id, a.Target.startsWith('/') ? a.Target.slice(1) : `xl/${a.Target}`)
  }
  const shared = sharedStrings(files['xl/sharedStrings.xml'] ? strFromU8(files['xl/sharedStrings.xml']) : undefined)
  const sheets = [...part('xl/workbook.xml').matchAll(/<sheet\b[^>]*>/g)].map((m) => {
    const a = attrs(m[0])
    const path = targets.get(a['r:id'] ?? '')
    if (!path) throw new Error(`工作表“${a.name}”在工作簿中没有对应的文件`)
    return { name: a.name ?? '', state: (a.state as ReadBackSheet['state']) ?? 'visible', xml: part(path) }
  })
  return { sheets, shared }
}

export async function readBackXlsx(bytes: Uint8Array): Promise<{ sheets: ReadBackSheet[] }> {
  const { sheets, shared } = workbookParts(bytes)
  return { sheets: sheets.map((s) => ({ name: s.name, state: s.state, ...readSheet(s.xml, shared) })) }
}

/** The text of every cell, per sheet name and row number, as stored (dates as serial numbers). */
export async function readBackCells(bytes: Uint8Array): Promise<Map<string, Map<number, string[]>>> {
  const { sheets, shared } = workbookParts(bytes)
  return new Map(sheets.map((s) => [s.name, readCells(s.xml, shared)]))
}
