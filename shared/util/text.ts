// Short titles cut from longer texts (a 底稿 started from an interview point): cut where a
// sentence or clause ends, never mid-phrase when a boundary is near, and say that it was cut.

const SENTENCE_END = /[。！？；!?;]/u
const CLAUSE_END = /[，、：,:]/u

/**
 * The first sentence of `text` when it fits in `max` characters (a code point each: 𠈌 is one);
 * otherwise the text up to the last clause boundary within `max`, then “…”. With no boundary in the
 * second half of the window, the first `max` characters and “…”.
 */
export function clauseTitle(text: string, max = 30): string {
  const chars = [...text.replace(/\s+/g, ' ').trim()]
  const sentenceEnd = chars.findIndex((c) => SENTENCE_END.test(c))
  if (sentenceEnd >= 0 && sentenceEnd < max) {
    const sentence = chars.slice(0, sentenceEnd).join('')
    return sentenceEnd === chars.length - 1 ? sentence : `${sentence}…`
  }
  if (chars.length <= max) return chars.join('')
  const head = chars.slice(0, max + 1)
  for (let i = head.length - 1; i >= Math.floor(max / 2); i--) {
    if (CLAUSE_END.test(head[i]!)) return `${chars.slice(0, i).join('')}…`
  }
  return `${chars.slice(0, max).join('')}…`
}
