// Chinese heading numbering by level (GB/T 9704 practice): 一、 / （一） / 1. / （1）.
// Kept apart from pdf-document.ts so the UI can number headings without pulling pdfmake in.
export type HeadingLevel = 1 | 2 | 3 | 4

const CN_DIGITS = '〇一二三四五六七八九'
/** 1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 99 → 九十九 (beyond 99: Arabic). */
export function chineseNumber(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 99) return String(n)
  if (n < 10) return CN_DIGITS[n]!
  const tens = Math.floor(n / 10)
  const ones = n % 10
  return `${tens === 1 ? '' : CN_DIGITS[tens]}十${ones ? CN_DIGITS[ones] : ''}`
}

export function headingPrefix(level: HeadingLevel, n: number): string {
  switch (level) {
    case 1:
      return `${chineseNumber(n)}、`
    case 2:
      return `（${chineseNumber(n)}）`
    case 3:
      return `${n}.`
    case 4:
      return `（${n}）`
  }
}

/** The prefixes of a run of headings by level: a lower-level counter restarts after a higher-level heading. */
export function headingPrefixes(levels: HeadingLevel[]): string[] {
  const counters = [0, 0, 0, 0, 0]
  return levels.map((level) => {
    counters[level]! += 1
    for (let l = level + 1; l <= 4; l++) counters[l] = 0
    return headingPrefix(level, counters[level]!)
  })
}
