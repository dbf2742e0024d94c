// Chinese line breaking (避头尾) for pdfmake.
//
// pdfmake breaks lines with the `linebreak` package (UAX #14 only). That already keeps most closing
// marks on the previous line, but not all (a middle dot ·, ～, % after a space, marks after a long
// word that pdfmake hard-wraps …), and it offers no way to add rules. Inserting U+2060 WORD JOINER
// does NOT work: Noto Serif SC (like most CJK fonts) has no glyph for it, so pdfkit draws a
// full-width .notdef gap. So we prepare the text ourselves:
//
//   1. split it into units that must stay on one line — an opening mark glued to the character after
//      it, closing marks glued to the character before them, dash/ellipsis pairs kept together;
//   2. hand pdfmake an inline run per multi-character unit with `noWrap: true` (pdfmake never breaks
//      inside a noWrap inline), and plain runs for everything else.
//
// pdfmake may still refuse a break between two runs when UAX #14 forbids it (it re-checks the
// junction with `linebreak`), which only ever adds glue, never a forbidden break. No invisible
// characters are added, so text extracted from the PDF equals the source text.

/** May not begin a line (避头). */
export const NO_LINE_START = new Set(Array.from('，。、；：？！）》」』”’〕】〉｝］〗〙〛．｡,.;:?!)]}%％‰℃°…‥·・～〜々〻ー゛゜ヽヾゝゞ'))
/** May not end a line (避尾). */
export const NO_LINE_END = new Set(Array.from('（《「『“‘〔【〈｛［〖〘〚([{·・'))
/** Runs of these stay unbroken: ——, ……. */
const PAIRED = new Set(['—', '…', '⸺'])
const ASCII_WORD = /[A-Za-z0-9]/
/** A glued unit longer than this (a long URL or number) is left to pdfmake's own breaking. */
const MAX_NOWRAP = 12

/** Split text into the smallest pieces between which a line may break. `units.join('') === text`. */
export function kinsokuUnits(text: string): string[] {
  const cs = Array.from(text)
  const units: string[] = []
  let i = 0
  while (i < cs.length) {
    let u = ''
    for (;;) {
      // opening marks, then one base character (an ASCII word or a dash/ellipsis run counts as one)
      while (i < cs.length) {
        const c = cs[i++]!
        u += c
        if (c === '\n' || c === '\r') break
        if (ASCII_WORD.test(c)) {
          while (i < cs.length && (ASCII_WORD.test(cs[i]!) || (/[.,:/_-]/.test(cs[i]!) && ASCII_WORD.test(cs[i + 1] ?? '')))) u += cs[i++]!
          break
        }
        if (PAIRED.has(c)) {
          while (i < cs.length && cs[i] === c) u += cs[i++]!
          break
        }
        if (!NO_LINE_END.has(c)) break
      }
      // closing marks stick to what precedes them
      while (i < cs.length && NO_LINE_START.has(cs[i]!)) {
        const c = cs[i++]!
        u += c
        if (PAIRED.has(c)) while (i < cs.length && cs[i] === c) u += cs[i++]!
      }
      // a mark that may neither start nor end a line (·) pulls in the next character too
      const last = Array.from(u).pop()!
      if (i < cs.length && NO_LINE_END.has(last) && last !== '\n') continue
      break
    }
    units.push(u)
  }
  return units
}

export interface KinsokuRun {
  text: string
  noWrap?: true
  wordBreak?: 'break-all'
}

const WIDE = /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]|[\u{20000}-\u{3fffd}]/u
/** Rough width of text in em: CJK and full-width forms 1, everything else 0.55. */
export function textEm(s: string): number {
  let w = 0
  for (const ch of s) w += WIDE.test(ch) ? 1 : 0.55
  return w
}

/**
 * pdfmake inline runs for `text` that respect 避头尾: glued units become `noWrap` runs, everything else
 * is merged into plain runs (pdfmake may break those between any two Hanzi, which is allowed).
 *
 * `lineEm` is the width of a line in em (a narrow table cell). A unit wider than that (a 底稿 number
 * with its closing bracket in a column four characters wide) cannot stay on one line: its middle may
 * then break anywhere (`break-all`), while its first character stays with the opening marks before it
 * and its last character with the closing marks after it, so no line starts with a closing mark.
 */
export function kinsokuRuns(text: string, lineEm = Infinity): KinsokuRun[] {
  const runs: KinsokuRun[] = []
  let plain = ''
  const flush = () => {
    if (plain) runs.push({ text: plain })
    plain = ''
  }
  for (const u of kinsokuUnits(text)) {
    const chars = Array.from(u)
    const n = chars.length
    if (n > 1 && textEm(u) > lineEm && !/\s/.test(u)) {
      flush()
      let head = 0
      while (head < n - 1 && NO_LINE_END.has(chars[head]!)) head++
      let tail = n - 1
      while (tail > head + 1 && NO_LINE_START.has(chars[tail]!)) tail--
      runs.push({ text: chars.slice(0, head + 1).join(''), noWrap: true })
      if (tail > head + 1) runs.push({ text: chars.slice(head + 1, tail).join(''), wordBreak: 'break-all' })
      if (tail > head) runs.push({ text: chars.slice(tail).join(''), noWrap: true })
    } else if (n > 1 && n <= MAX_NOWRAP && !/\s/.test(u)) {
      flush()
      runs.push({ text: u, noWrap: true })
    } else {
      plain += u
    }
  }
  flush()
  if (runs.length === 0) runs.push({ text: '' })
  return runs
}

/** Lines (as extracted from a PDF) that break a 避头尾 rule; whitespace at either end is ignored. */
export function kinsokuViolations(lines: readonly string[]): { line: number; text: string; rule: '避头' | '避尾' }[] {
  const out: { line: number; text: string; rule: '避头' | '避尾' }[] = []
  lines.forEach((raw, idx) => {
    const t = raw.trim()
    if (!t) return
    const first = Array.from(t)[0]!
    const last = Array.from(t).pop()!
    if (NO_LINE_START.has(first)) out.push({ line: idx + 1, text: t, rule: '避头' })
    if (NO_LINE_END.has(last)) out.push({ line: idx + 1, text: t, rule: '避尾' })
  })
  return out
}
