// An in-memory inverted index, built after unlock and dropped at lock: nothing of it is
// written to disk (encryption at rest stays whole).
import { indexTokens, normalize, queryTerms } from './tokenize'

export interface SearchDoc {
  /** Unique key, e.g. `interviews:<id>` or `interviews:<id>#<pointId>`. */
  key: string
  kind: string
  title: string
  text: string
  date: string
  personIds: string[]
  category: string
  /** Where the UI goes to show it. */
  route: string
}

export interface SearchFilters {
  kinds?: string[]
  personId?: string
  category?: string
  from?: string
  to?: string
}

export interface SearchHit {
  doc: SearchDoc
  score: number
  /** A short excerpt around the first match, with the ranges to highlight. */
  snippet: string
  highlights: [number, number][]
}

const TITLE_WEIGHT = 3

export class SearchIndex {
  private docs: SearchDoc[] = []
  private normalized: { title: string; text: string }[] = []
  private postings = new Map<string, Map<number, number>>()

  get size(): number {
    return this.docs.length
  }

  add(doc: SearchDoc): void {
    const n = this.docs.push(doc) - 1
    this.normalized.push({ title: normalize(doc.title), text: normalize(doc.text) })
    const count = (tokens: string[], weight: number) => {
      for (const t of tokens) {
        let p = this.postings.get(t)
        if (!p) this.postings.set(t, (p = new Map()))
        p.set(n, (p.get(n) ?? 0) + weight)
      }
    }
    count(indexTokens(doc.title), TITLE_WEIGHT)
    count(indexTokens(doc.text), 1)
  }

  search(query: string, filters: SearchFilters = {}, limit = 200): SearchHit[] {
    const terms = queryTerms(query)
    if (terms.length === 0) return []
    // Candidates: documents holding every token of every term, rarest token first.
    const tokens = [...new Set(terms.flatMap((t) => t.tokens))].sort((a, b) => (this.postings.get(a)?.size ?? 0) - (this.postings.get(b)?.size ?? 0))
    let candidates: Map<number, number> | undefined
    for (const tok of tokens) {
      const p = this.postings.get(tok)
      if (!p) return []
      const next = new Map<number, number>()
      for (const d of (candidates ?? p).keys()) {
        const tf = p.get(d)
        if (tf !== undefined) next.set(d, (candidates?.get(d) ?? 0) + tf)
      }
      candidates = next
      if (candidates.size === 0) return []
    }
    const hits: SearchHit[] = []
    for (const [d, tf] of candidates ?? []) {
      const doc = this.docs[d]!
      if (!passes(doc, filters)) continue
      const { title, text } = this.normalized[d]!
      // Bigrams can all be present without the phrase: keep only real matches of every term.
      if (!terms.every((t) => title.includes(t.term) || text.includes(t.term))) continue
      const score = tf + terms.reduce((s, t) => s + (title.includes(t.term) ? 10 : 0), 0)
      hits.push({ doc, score, ...snippet(doc.text, text, terms.map((t) => t.term)) })
    }
    return hits.sort((a, b) => b.score - a.score || b.doc.date.localeCompare(a.doc.date)).slice(0, limit)
  }
}

function passes(doc: SearchDoc, f: SearchFilters): boolean {
  return (
    (!f.kinds?.length || f.kinds.includes(doc.kind)) &&
    (!f.personId || doc.personIds.includes(f.personId)) &&
    (!f.category || doc.category === f.category || doc.category.startsWith(`${f.category}.`)) &&
    (!f.from || doc.date >= f.from) &&
    (!f.to || doc.date <= f.to)
  )
}

const CONTEXT = 30

/** An excerpt around the first match; offsets refer to the excerpt. */
function snippet(original: string, normalized: string, terms: string[]): { snippet: string; highlights: [number, number][] } {
  // NFKC can change lengths (rare in Chinese text); fall back to the normalised text then.
  const source = original.length === normalized.length ? original : normalized
  const first = Math.min(...terms.map((t) => normalized.indexOf(t)).filter((i) => i >= 0))
  const start = Number.isFinite(first) ? Math.max(0, first - CONTEXT) : 0
  const end = Math.min(source.length, start + CONTEXT * 4)
  const excerpt = source.slice(start, end)
  const lower = normalized.slice(start, end)
  const highlights: [number, number][] = []
  for (const t of terms) {
    for (let i = lower.indexOf(t); i >= 0; i = lower.indexOf(t, i + t.length)) highlights.push([i, i + t.length])
  }
  highlights.sort((a, b) => a[0] - b[0])
  return { snippet: (start > 0 ? '…' : '') + excerpt + (end < source.length ? '…' : ''), highlights: start > 0 ? highlights.map(([a, b]) => [a + 1, b + 1]) : highlights }
}
