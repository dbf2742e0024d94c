// Chinese-aware query terms for search by scan: texts and queries are NFKC-normalised and
// lower-cased (full-width ＡＢＣ１２３ finds abc123); each query term must occur as a substring.
// A Han run is one term as it stands (a name, a place or jargon matches whatever the segmenter
// makes of it); Latin words and numbers are whole terms, cut by Intl.Segmenter.

const HAN = /\p{Script=Han}/u
const CHUNKS = /\p{Script=Han}+|[^\p{Script=Han}]+/gu
/** Spaces, punctuation (full-width too) and symbols separate terms. */
const SEPARATORS = /[\s\p{P}\p{S}]+/u
const segmenter = new Intl.Segmenter('zh', { granularity: 'word' })

export function normalize(text: string): string {
  return text.normalize('NFKC').toLowerCase()
}

/** What a query asks for: distinct terms, in the order typed, all to be found. */
export function queryTerms(query: string): string[] {
  const terms: string[] = []
  for (const part of normalize(query).split(SEPARATORS)) {
    for (const chunk of part.match(CHUNKS) ?? []) {
      if (HAN.test(chunk)) terms.push(chunk)
      else for (const seg of segmenter.segment(chunk)) if (seg.isWordLike) terms.push(seg.segment)
    }
  }
  return [...new Set(terms)]
}

/** Room around an occurrence that the segmenter needs to decide its word boundaries. */
const WINDOW = 12

/**
 * Whether the occurrence of a term at `at` (length `length`) in `text` is a whole ICU word.
 * Only a window around it is segmented: cheap enough for the hits shown, never the corpus.
 */
export function isWholeWordAt(text: string, at: number, length: number): boolean {
  const from = Math.max(0, at - WINDOW)
  const local = at - from
  for (const seg of segmenter.segment(text.slice(from, Math.min(text.length, at + length + WINDOW)))) {
    if (seg.index === local) return seg.segment.length === length && seg.isWordLike === true
    if (seg.index > local) return false
  }
  return false
}
