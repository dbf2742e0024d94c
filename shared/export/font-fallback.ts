// Per-character font fallback for the official PDFs. pdfkit draws a character its font lacks as an
// empty box and leaves it out of the text layer (陈𠈌 printed as 陈□). So, before layout:
//   - `missingCharacters` lists characters that NO font of the set has, with their place, so the
//     export stops with a Chinese message before anything is written;
//   - `splitByCoverage` cuts every text run of the pdfmake definition where the run's font lacks a
//     character, and sets that piece in the first font of the fallback chain that has it.
// Cutting a kinsoku unit into two runs keeps it glued: pdfmake re-checks the junction with UAX #14
// and never breaks before closing punctuation or between characters of one word.
import type { Coverage } from './sfnt'
import type { OfficialDoc } from './pdf-document'

export interface MissingCharacter {
  char: string
  /** Where it is, in the user's words: 标题, “一、基本情况”下第 2 段, 表格第 3 行 … */
  places: string[]
}

/** Characters every font may leave out: line breaks, tabs and other controls are never drawn. */
const NOT_DRAWN = /[\u0000-\u001f\u007f\u200b-\u200f\u2028\u2029\ufeff]/

/** Characters of the document (and of `extra` labelled texts) that none of `fonts` has. */
export function missingCharacters(doc: OfficialDoc, fonts: Coverage[], extra: { place: string; text: string }[] = []): MissingCharacter[] {
  const found = new Map<string, string[]>()
  const check = (text: string | number | null | undefined, place: string) => {
    if (text === null || text === undefined) return
    for (const ch of String(text)) {
      if (NOT_DRAWN.test(ch)) continue
      const cp = ch.codePointAt(0)!
      if (fonts.some((f) => f.has(cp))) continue
      const places = found.get(ch) ?? []
      if (!places.includes(place)) places.push(place)
      found.set(ch, places)
    }
  }
  check(doc.title, '标题')
  check(doc.subtitle, '副标题')
  let heading = ''
  let paragraph = 0
  let table = 0
  const under = () => (heading ? `“${heading}”下` : '正文')
  for (const b of doc.blocks) {
    switch (b.kind) {
      case 'heading':
      case 'title':
        heading = b.text
        paragraph = 0
        table = 0
        check(b.text, `${b.kind === 'title' ? '标题' : '小标题'}“${b.text}”`)
        break
      case 'paragraph':
        paragraph += 1
        check(b.text, `${under()}第 ${paragraph} 段`)
        break
      case 'table': {
        table += 1
        const where = `${under()}第 ${table} 个表格`
        check(b.caption, `${where}的表题`)
        b.columns.forEach((c) => check(c.header, `${where}的表头`))
        b.rows.forEach((r, i) => r.forEach((v) => check(v, `${where}第 ${i + 1} 行`)))
        break
      }
      case 'signature':
        for (const f of b.fields) for (const text of typeof f === 'string' ? [f] : [f.label, f.value]) check(text, `${under()}签名栏`)
        break
    }
  }
  for (const e of extra) check(e.text, e.place)
  return [...found].map(([char, places]) => ({ char, places }))
}

/** The Chinese message for characters no font has. */
export function missingCharactersMessage(missing: MissingCharacter[]): string {
  const list = missing
    .slice(0, 10)
    .map(
      (m) =>
        `“${m.char}”（U+${m.char.codePointAt(0)!.toString(16).toUpperCase()}，见${m.places.slice(0, 3).join('、')}${m.places.length > 3 ? `等 ${m.places.length} 处` : ''}）`,
    )
    .join('；')
  return (
    `以下字符在所有可用字体中都没有字形，印出来会是空框，已停止导出：${list}${missing.length > 10 ? `，共 ${missing.length} 个字符` : ''}。` +
    '请在 设置 → 公文字体 的“生僻字补充字体”中选择含有这些字的字体文件（如 Windows 的 SimSun-ExtB simsunb.ttf、花园明朝 HanaMinB），或修改文字后再导出。'
  )
}

export interface FallbackFonts {
  /** Coverage of each registered family. */
  coverage: Map<string, Coverage>
  /** Families tried in order for a character the run's own family lacks. */
  chain: string[]
}

type Run = Record<string, unknown> & { text: unknown }

/** Split one string set in `family` into pieces by the family that draws each character. */
function pieces(text: string, family: string, fonts: FallbackFonts): { text: string; family: string }[] {
  const own = fonts.coverage.get(family)
  if (!own || own.covers(text.replace(NOT_DRAWN_ALL, ''))) return [{ text, family }]
  const out: { text: string; family: string }[] = []
  for (const ch of text) {
    const cp = ch.codePointAt(0)!
    let f = family
    if (!own.has(cp) && !NOT_DRAWN.test(ch)) f = fonts.chain.find((c) => fonts.coverage.get(c)!.has(cp)) ?? family
    const last = out[out.length - 1]
    if (last && (last.family === f || NOT_DRAWN.test(ch))) last.text += ch
    else out.push({ text: ch, family: f })
  }
  return out
}
const NOT_DRAWN_ALL = new RegExp(NOT_DRAWN.source, 'g')

/** An inline run (string or {text,…}) as one or more runs, each drawable by its font. */
function splitRun(run: unknown, family: string, fonts: FallbackFonts): unknown[] {
  if (typeof run === 'string') {
    const ps = pieces(run, family, fonts)
    return ps.length === 1 ? [run] : ps.map((p) => (p.family === family ? p.text : { text: p.text, font: p.family }))
  }
  if (run && typeof run === 'object' && 'text' in run) {
    const r = run as Run
    const own = typeof r.font === 'string' ? r.font : family
    if (Array.isArray(r.text)) return [{ ...r, text: r.text.flatMap((x) => splitRun(x, own, fonts)) }]
    if (typeof r.text !== 'string') return [run]
    const ps = pieces(r.text, own, fonts)
    return ps.length === 1 ? [run] : ps.map((p) => ({ ...r, text: p.text, font: p.family }))
  }
  return [run]
}

/** Rewrites the text runs of a pdfmake definition's content in place (see the file comment). */
export function splitByCoverage(content: unknown, defaultFamily: string, fonts: FallbackFonts): void {
  const walk = (node: unknown, family: string): void => {
    if (Array.isArray(node)) {
      for (let i = 0; i < node.length; i++) {
        if (typeof node[i] === 'string') {
          const ps = splitRun(node[i], family, fonts)
          if (ps.length > 1) node[i] = { text: ps }
        } else walk(node[i], family)
      }
      return
    }
    if (!node || typeof node !== 'object') return
    const n = node as Record<string, unknown>
    const f = typeof n.font === 'string' ? n.font : family
    if (typeof n.text === 'string') {
      const ps = splitRun(n.text, f, fonts)
      if (ps.length > 1) n.text = ps
    } else if (Array.isArray(n.text)) n.text = n.text.flatMap((r) => splitRun(r, f, fonts))
    for (const key of ['stack', 'columns', 'ul', 'ol']) if (Array.isArray(n[key])) walk(n[key], f)
    const table = n.table as { body?: unknown[][] } | undefined
    if (table && Array.isArray(table.body)) for (const row of table.body) walk(row, f)
  }
  walk(content, defaultFamily)
}
