// The 公文 furniture of a report (GB/T 9704-2012 §7.3.5 and §8, GUIDE §10): the 附件说明 under the
// body, the 落款 (the 巡察组 and the date) and the markings. Content only: the PDF and the Word
// file place these blocks; layout (line breaking, keeping together) is theirs.
import { MARKING_LEVELS, type Marking, type Round } from '../domain/types'
import { formatDateCN } from '../util/dates'

export interface Furniture {
  /** Attachment titles in package order; numbered 1, 2, 3… without gaps. */
  attachments: string[]
  /** 发文机关署名: the 巡察组. */
  signer: string
  /** 成文日期, ISO. */
  date: string
}

/** The 巡察组 that signs: the round's name up to "巡察组" (区委第三巡察组), else 巡察组. */
export function teamName(round: Pick<Round, 'name'>): string {
  return /^(.*?巡察组)/u.exec(round.name.trim())?.[1] ?? '巡察组'
}

/**
 * 附件说明: "附件：1.问题清单", the next items under the first one's number. Each line with the
 * first-line indent in characters it needs (two for the first, five for the rest, as "附件：" is three).
 */
export function attachmentLines(titles: string[]): { text: string; indent: number }[] {
  if (titles.length === 0) return []
  if (titles.length === 1) return [{ text: `附件：${titles[0]}`, indent: 2 }]
  return titles.map((t, i) => ({ text: `${i === 0 ? '附件：' : ''}${i + 1}.${t}`, indent: i === 0 ? 2 : 5 }))
}

/** Display width in body characters: half-width digits and Latin count half. */
const width = (s: string) => [...s].reduce((n, ch) => n + (/[\x20-\x7e]/.test(ch) ? 0.5 : 1), 0)

/**
 * 落款 without a seal (§7.3.5.2): the signer two characters in from the right; the date on the
 * next line, its first character two to the right of the signer's first; where the date is the
 * longer, the date keeps two characters from the right and the signer moves left. Returned as
 * the right indent of each line, in characters.
 */
export function signOff(f: Pick<Furniture, 'signer' | 'date'>): {
  signer: { text: string; right: number }
  date: { text: string; right: number }
} {
  const date = formatDateCN(f.date)
  const n = width(f.signer)
  const d = width(date)
  if (d <= n) return { signer: { text: f.signer, right: 2 }, date: { text: date, right: Math.max(0, Math.round(n - d)) } }
  return { signer: { text: f.signer, right: Math.round(4 + d - n) }, date: { text: date, right: 2 } }
}

const rank = (m: Marking) => MARKING_LEVELS.indexOf(m.level)

/** The marking of a document made of parts (the 合订本): the highest level, and the longest 期限 at that level. */
export function highestMarking(parts: Marking[]): Marking {
  let top: Marking = { level: '无' }
  for (const m of parts) {
    if (rank(m) > rank(top)) top = { ...m }
    else if (rank(m) === rank(top) && (m.years ?? 0) > (top.years ?? 0)) top = { ...m }
  }
  return top
}
