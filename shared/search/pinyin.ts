// Finding people by the pinyin of their names, as Chinese office software does: full pinyin
// ("zhangweidong"), initials ("zwd"), or a mix ("zhangwd"), always from the surname on. pinyin-pro
// tries every reading of a character, so polyphonic surnames are found by their surname reading
// too (单 shan, 曾 zeng, 解 xie), as well as by the common one.
import { match } from 'pinyin-pro'

const PINYIN_QUERY = /^[a-z]+$/

/** The query as pinyin letters (lower-case, no spaces or apostrophes), or '' when it is not pinyin. */
export function pinyinQuery(query: string): string {
  const q = query.normalize('NFKC').toLowerCase().replace(/[\s'’]/g, '')
  return PINYIN_QUERY.test(q) ? q : ''
}

/** Whether pinyin letters spell this name from its first character, without gaps. */
export function pinyinMatchesName(name: string, query: string): boolean {
  const q = pinyinQuery(query)
  if (q === '' || name === '') return false
  const hit = match(name, q, { continuous: true })
  return hit !== null && hit[0] === 0
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
