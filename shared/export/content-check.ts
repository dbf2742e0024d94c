// "Nothing lost, proven at export": every heading, paragraph and table row a document was built
// from must be found in the text read back out of the file (the PDF's text layer, the Word body,
// the workbook's cells). A miss names its place, and the export fails.
//
// Text is compared normalised (NFKC, without whitespace or invisible characters), because layout
// adds line breaks and justification, and readers differ in how they give back full-width forms.
import type { Block, CellValue, OfficialDoc } from './pdf-document'

/** What must be found: a paragraph (one part) or a table row (its cells, in order). */
export interface ExpectedText {
  place: string
  parts: string[]
}

export function normaliseText(s: string): string {
  return s.normalize('NFKC').replace(/[\s\u00ad\u200b-\u200f\u2060\ufeff]+/g, '')
}

const cellText = (v: CellValue) => (v === null || v === undefined ? '' : String(v))

/** The texts of an official document, each with its place (document title › heading › paragraph or row). */
export function docExpectations(doc: OfficialDoc): ExpectedText[] {
  const out: ExpectedText[] = []
  let title = doc.title
  let heading = ''
  let paragraph = 0
  let table = 0
  const where = (what: string) => `《${title}》${heading ? `“${heading}”` : ''}${what}`
  const add = (what: string, parts: string[]) => {
    if (parts.some((p) => normaliseText(p))) out.push({ place: where(what), parts })
  }
  add('标题', [doc.title])
  if (doc.subtitle) add('副标题', [doc.subtitle])
  for (const b of doc.blocks as Block[]) {
    switch (b.kind) {
      case 'title':
        title = b.text
        heading = ''
        paragraph = table = 0
        add('标题', [b.text])
        break
      case 'heading':
        heading = b.text
        paragraph = table = 0
        add('标题行', [b.text])
        break
      case 'paragraph':
        paragraph++
        add(`第${paragraph}段`, [b.text])
        break
      case 'table': {
        table++
        const name = table > 1 ? `第${table}个表格` : '表格'
        if (b.caption) add(`${name}标题`, [b.caption])
        add(
          `${name}表头`,
          b.columns.map((c) => c.header),
        )
        b.rows.forEach((r, i) =>
          add(
            `${name}第${i + 1}行`,
            b.columns.map((_, k) => cellText(r[k])),
          ),
        )
        break
      }
      case 'signature':
        add(
          '签字栏',
          b.fields.flatMap((f) => (typeof f === 'string' ? [f] : [f.label, f.value ?? ''])),
        )
        break
    }
  }
  return out
}

/**
 * The expectations not found in `pieces` (the file's text in reading order, in the pieces its reader
 * gives: PDF text runs, Word paragraphs). A paragraph must appear whole. A table row must appear as
 * its cells one after another; where a row runs over a page break the repeated header and the other
 * cells' first parts come between, so each cell is then looked for on its own, as pieces read in
 * order within the next few pages.
 */
export function missingTexts(expected: ExpectedText[], pieces: readonly { text: string; page?: number }[]): ExpectedText[] {
  const norm = pieces.map((p) => normaliseText(p.text))
  const starts: number[] = []
  let all = ''
  for (const n of norm) {
    starts.push(all.length)
    all += n
  }
  let cursor = 0
  // Expectations usually come in reading order: look from where the last one was found first.
  const find = (s: string) => {
    let at = all.indexOf(s, cursor)
    if (at < 0) at = all.indexOf(s)
    if (at >= 0) cursor = at + s.length
    return at >= 0
  }
  const pageOf = (i: number) => pieces[i]?.page ?? 0
  // A cell split by page breaks: pieces in order (others skipped) that spell it, each on the page of
  // the one before or the next.
  const spelled = (s: string): boolean => {
    // Where `s` may begin in a piece: the whole piece, or its tail of two characters or more (a value
    // printed after its label on the same line, as in a 签字栏 cell).
    const heads = (t: string): number[] => {
      const out: number[] = []
      for (let k = Math.min(t.length, s.length); k > 0; k--) if ((k === t.length || k >= 2) && t.endsWith(s.slice(0, k))) out.push(k)
      return out
    }
    for (let i = 0; i < norm.length; i++) {
      if (!norm[i]) continue
      const failed = new Set<string>()
      const from = (j: number, pos: number): boolean => {
        if (pos === s.length) return true
        const key = `${j}:${pos}`
        if (failed.has(key)) return false
        const lastPage = pageOf(j - 1) + 1
        for (let k = j; k < norm.length && pageOf(k) <= lastPage; k++) {
          const t = norm[k]!
          if (!t) continue
          // The last piece may run on past the end of `s` (the next column's text on the same line).
          if (t.startsWith(s.slice(pos))) return true
          if (s.startsWith(t, pos) && from(k + 1, pos + t.length)) return true
        }
        failed.add(key)
        return false
      }
      for (const k of heads(norm[i]!)) if (from(i + 1, k)) return true
    }
    return false
  }
  return expected.filter((e) => {
    const parts = e.parts.map(normaliseText).filter(Boolean)
    if (find(parts.join(''))) return false
    if (parts.length < 2) return !spelled(parts[0] ?? '')
    return !parts.every((p) => all.includes(p) || spelled(p))
  })
}

/** "内容核对失败" with the places of the first few misses, for the export's error. */
export function contentFailure(file: string, missing: ExpectedText[]): Error {
  const shown = missing.slice(0, 5).map((m) => {
    const text = m.parts.filter(Boolean).join(' | ')
    return `${m.place}：“${text.length > 40 ? `${text.slice(0, 40)}…` : text}”`
  })
  const more = missing.length > 5 ? `；另有 ${missing.length - 5} 处` : ''
  return new Error(`内容核对失败：${file}中找不到 ${missing.length} 处内容——${shown.join('；')}${more}`)
}
