// Finding people by the pinyin of their names, as Chinese office software does: full pinyin
// ("zhangweidong"), initials ("zwd"), or a mix ("zhangwd", "zhwd"), always from the surname on.
// Every reading of each character counts, so a polyphonic surname is found by its surname reading
// (单 shan, 曾 zeng, 解 xie, 区 ou) as well as the common one. The readings come from pinyin-pro
// once per name; each query is then a small prefix walk, cheap enough for every keystroke over
// the registry at ten times a real round.
import { pinyin } from 'pinyin-pro'

const PINYIN_QUERY = /^[a-z]+$/
const HAN = /\p{Script=Han}/u

/** The query as pinyin letters (lower-case, no spaces or apostrophes), or '' when it is not pinyin. */
export function pinyinQuery(query: string): string {
  const q = query
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s'’]/g, '')
  return PINYIN_QUERY.test(q) ? q : ''
}

const readingsCache = new Map<string, string[][]>()

/** Per character of the name, every toneless reading (ü as v and as u); other characters as written. */
function readingsOf(name: string): string[][] {
  let cached = readingsCache.get(name)
  if (!cached) {
    cached = [...name].map((ch) => {
      if (!HAN.test(ch)) return [ch.normalize('NFKC').toLowerCase()]
      const all = pinyin(ch, { multiple: true, toneType: 'none', type: 'array', v: true })
      return [...new Set(all.flatMap((s) => (s.includes('v') ? [s, s.replace(/v/g, 'u')] : [s])).filter((s) => PINYIN_QUERY.test(s)))]
    })
    if (readingsCache.size > 20_000) readingsCache.clear()
    readingsCache.set(name, cached)
  }
  return cached
}

/** Reads the names' pinyin ahead (the search worker does it while building), so no keystroke waits for it. */
export function preparePinyin(names: Iterable<string>): void {
  for (const name of names) readingsOf(name.normalize('NFKC'))
}

/** Whether q[from…] is spelled by characters i… of the name, each by a prefix of one of its readings. */
function spells(readings: string[][], q: string, i: number, from: number): boolean {
  if (from === q.length) return true
  if (i === readings.length) return false
  for (const syllable of readings[i]!) {
    for (let k = 1; k <= syllable.length && from + k <= q.length; k++) {
      if (q.charCodeAt(from + k - 1) !== syllable.charCodeAt(k - 1)) break
      if (spells(readings, q, i + 1, from + k)) return true
    }
  }
  return false
}

/** Whether pinyin letters spell this name from its first character, without gaps. */
export function pinyinMatchesName(name: string, query: string): boolean {
  const q = pinyinQuery(query)
  if (q === '' || name === '') return false
  return spells(readingsOf(name.normalize('NFKC')), q, 0, 0)
}

/**
 * The one rule every person picker uses: the name contains what was typed (full-width and case
 * folded), or what was typed is the name's pinyin. An empty query matches everyone.
 */
export function personMatches(name: string, query: string): boolean {
  const q = query.normalize('NFKC').trim().toLowerCase()
  if (q === '') return true
  return name.normalize('NFKC').toLowerCase().includes(q) || pinyinMatchesName(name, q)
}
