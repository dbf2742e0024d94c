// Chinese-aware tokens for search: NFKC-normalised, lower-cased; ICU words (Intl.Segmenter)
// plus every Han character and Han bigram, so a name, a place or jargon matches whatever
// the segmenter makes of it.

const HAN = /\p{Script=Han}/u
const segmenter = new Intl.Segmenter('zh', { granularity: 'word' })

export function normalize(text: string): string {
  return text.normalize('NFKC').toLowerCase()
}

/** Index tokens of a text (duplicates kept: the count is the term frequency). */
export function indexTokens(text: string): string[] {
  const out: string[] = []
  for (const seg of segmenter.segment(normalize(text))) {
    if (!seg.isWordLike) continue
    const word = seg.segment
    if (!HAN.test(word)) {
      out.push(word)
      continue
    }
    if (word.length > 1) out.push(word)
  }
  // Han characters and bigrams over each run of Han text, independent of segmentation.
  for (const run of normalize(text).match(/\p{Script=Han}+/gu) ?? []) {
    const chars = Array.from(run)
    chars.forEach((c, i) => {
      out.push(c)
      if (i + 1 < chars.length) out.push(c + chars[i + 1])
    })
  }
  return out
}

/**
 * What a query must match: Latin words and numbers whole, Han text as bigrams (a single Han
 * character as itself). Each returned group is one query term; all terms must match.
 */
export function queryTerms(query: string): { term: string; tokens: string[] }[] {
  const terms: { term: string; tokens: string[] }[] = []
  for (const part of normalize(query).split(/[\s,，、;；]+/).filter(Boolean)) {
    for (const seg of segmenter.segment(part)) {
      if (!seg.isWordLike) continue
      const w = seg.segment
      if (HAN.test(w)) continue
      terms.push({ term: w, tokens: [w] })
    }
    for (const run of part.match(/\p{Script=Han}+/gu) ?? []) {
      const chars = Array.from(run)
      const tokens = chars.length === 1 ? chars : chars.slice(0, -1).map((c, i) => c + chars[i + 1])
      terms.push({ term: run, tokens })
    }
  }
  return terms
}
