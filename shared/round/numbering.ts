// Record numbers unique in a round: 底稿 `2026-03-DG-001`, 线索 `2026-03-XS-001` — year of
// 进驻, the round's number within its 届 (第三轮 → 03), the kind, a three-digit sequence.
import type { Round } from '../domain/types'

export const NUMBER_KINDS = { workingPaper: 'DG', clue: 'XS' } as const
export type NumberKind = keyof typeof NUMBER_KINDS

const DIGITS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 }

/** 第三轮 → 3, 第十二轮 → 12, 第3轮 → 3; 0 when the batch names no round. */
export function roundOrdinal(batch: string): number {
  const m = /第\s*([0-9]+|[一二三四五六七八九十]+)\s*轮/.exec(batch)
  if (!m) return 0
  const t = m[1]!
  if (/^[0-9]+$/.test(t)) return Number(t)
  if (!t.includes('十')) return DIGITS[t] ?? 0
  const [tens, ones] = t.split('十')
  return (tens ? (DIGITS[tens] ?? 0) : 1) * 10 + (ones ? (DIGITS[ones] ?? 0) : 0)
}

export function numberPrefix(round: Pick<Round, 'entryDate' | 'batch'>, kind: NumberKind): string {
  return `${round.entryDate.slice(0, 4)}-${String(roundOrdinal(round.batch)).padStart(2, '0')}-${NUMBER_KINDS[kind]}-`
}

/** The next free number after the highest one in use with the same prefix. */
export function nextNumber(round: Pick<Round, 'entryDate' | 'batch'>, kind: NumberKind, taken: readonly string[]): string {
  const prefix = numberPrefix(round, kind)
  const highest = taken.filter((n) => n.startsWith(prefix)).reduce((max, n) => Math.max(max, Number(n.slice(prefix.length)) || 0), 0)
  return `${prefix}${String(highest + 1).padStart(3, '0')}`
}
