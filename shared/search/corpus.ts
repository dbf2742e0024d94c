// Search by scan: the round's texts, normalised once and held in memory only (the search
// worker builds this after unlock; nothing of it is written to disk). A plain substring scan
// of ~37,000 entries beats an inverted index at ten times a real round, and costs no index.
import { pinyinMatchesName, pinyinQuery, preparePinyin } from './pinyin'
import { isWholeWordAt, normalize, queryTerms } from './tokenize'

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

type Range = [number, number]

export interface SearchHit {
  doc: Pick<SearchDoc, 'key' | 'kind' | 'title' | 'route' | 'date'>
  /** What ranked it: terms in the title, occurrences of all terms, terms found as whole ICU words. */
  rank: { inTitle: number; occurrences: number; wholeWords: number }
  titleHighlights: Range[]
  /** A short excerpt of the text around the first match, with the ranges to highlight. */
  snippet: string
  highlights: Range[]
}

export interface SearchGroup {
  kind: string
  /** Every match of this kind; `hits` holds the best `perKind` of them. */
  total: number
  hits: SearchHit[]
}

export interface SearchResult {
  /** What was looked for: the query's terms, and the names a pinyin term stands for. */
  terms: string[]
  total: number
  /** Best group first. */
  groups: SearchGroup[]
}

interface Match {
  i: number
  inTitle: number
  occurrences: number
  wholeWords: number
}

export class SearchCorpus {
  private docs: SearchDoc[] = []
  /** Normalised `title \n text` of each entry, and where its title ends. */
  private hay: string[] = []
  private titleEnd: number[] = []
  /** People's names (normalised, distinct), for pinyin terms: "zwd" also looks for 张卫东. */
  private names: string[] = []

  get size(): number {
    return this.docs.length
  }

  add(doc: SearchDoc): void {
    // One normalize over the whole (not a concatenation of two): a flat string, ready to scan.
    const hay = normalize(`${doc.title}\n${doc.text}`)
    this.docs.push(doc)
    this.hay.push(hay)
    this.titleEnd.push(doc.title.includes('\n') ? normalize(doc.title).length : hay.indexOf('\n'))
  }

  /** The people whose names pinyin terms may stand for (the round's team and registry). */
  setNames(names: Iterable<string>): void {
    this.names = [...new Set([...names].map(normalize).filter((n) => n !== ''))]
    preparePinyin(this.names)
  }

  /** A term and what else satisfies it: the names a pinyin term spells (at least two letters). */
  private alternatives(term: string): string[] {
    if (term.length < 2 || pinyinQuery(term) === '') return [term]
    return [term, ...this.names.filter((name) => pinyinMatchesName(name, term))]
  }

  /** Entries holding every term of the query (or, for a pinyin term, a name it spells), grouped by kind, the best `perKind` of each ranked. */
  search(query: string, filters: SearchFilters = {}, perKind = 10): SearchResult {
    const asked = queryTerms(query)
    if (!asked.length) return { terms: asked, total: 0, groups: [] }
    const options = asked.map((t) => this.alternatives(t))
    const terms = [...new Set(options.flat())]
    // Rarest first: a longer term is rarer, so most entries are ruled out by the first test.
    const shortest = (o: string[]) => Math.min(...o.map((t) => t.length))
    const scan = [...options].sort((a, b) => shortest(b) - shortest(a))
    const byKind = new Map<string, { total: number; top: Match[] }>()
    let total = 0
    const { docs, hay: hays, titleEnd } = this
    // Plain loops, no closure per entry: this runs over every entry on every keystroke.
    entries: for (let i = 0; i < docs.length; i++) {
      const hay = hays[i]!
      scan: for (let k = 0; k < scan.length; k++) {
        const o = scan[k]!
        for (let a = 0; a < o.length; a++) if (hay.includes(o[a]!)) continue scan
        continue entries
      }
      const doc = docs[i]!
      if (!passes(doc, filters)) continue
      let inTitle = 0
      let occurrences = 0
      for (let k = 0; k < options.length; k++) {
        let titled = false
        for (const t of options[k]!) {
          const first = hay.indexOf(t)
          if (first >= 0 && first < titleEnd[i]!) titled = true
          for (let at = first; at >= 0; at = hay.indexOf(t, at + t.length)) occurrences++
        }
        if (titled) inTitle++
      }
      let group = byKind.get(doc.kind)
      if (!group) byKind.set(doc.kind, (group = { total: 0, top: [] }))
      group.total++
      total++
      this.keepTop(group.top, { i, inTitle, occurrences, wholeWords: 0 }, perKind)
    }
    const groups: SearchGroup[] = []
    for (const [kind, { total: n, top }] of byKind) {
      // Whole-word checks segment text: only for the entries that will be shown.
      for (const m of top) m.wholeWords = options.filter((o) => o.some((t) => this.hasWholeWord(m.i, t))).length
      groups.push({ kind, total: n, hits: top.sort((a, b) => this.compare(a, b)).map((m) => this.hit(m, terms)) })
    }
    const best = (g: SearchGroup) => g.hits[0]!
    groups.sort((a, b) => compareRank(best(a).rank, best(b).rank) || b.total - a.total || a.kind.localeCompare(b.kind))
    return { terms, total, groups }
  }

  /** Keeps the best `limit` matches in order, without sorting thousands of them. */
  private keepTop(top: Match[], m: Match, limit: number): void {
    if (top.length >= limit && this.compare(m, top[top.length - 1]!) >= 0) return
    let lo = 0
    let hi = top.length
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (this.compare(top[mid]!, m) <= 0) lo = mid + 1
      else hi = mid
    }
    top.splice(lo, 0, m)
    if (top.length > limit) top.pop()
  }

  /** Title matches first, then more occurrences, then whole words, then newer. */
  private compare(a: Match, b: Match): number {
    const da = this.docs[a.i]!.date
    const db = this.docs[b.i]!.date
    return compareRank(a, b) || (da < db ? 1 : da > db ? -1 : 0)
  }

  private hasWholeWord(i: number, term: string): boolean {
    const hay = this.hay[i]!
    let tries = 0
    for (let at = hay.indexOf(term); at >= 0 && tries++ < 4; at = hay.indexOf(term, at + term.length))
      if (isWholeWordAt(hay, at, term.length)) return true
    return false
  }

  private hit(m: Match, terms: string[]): SearchHit {
    const { key, kind, title, route, date, text } = this.docs[m.i]!
    return {
      doc: { key, kind, title, route, date },
      rank: { inTitle: m.inTitle, occurrences: m.occurrences, wholeWords: m.wholeWords },
      titleHighlights: matchRanges(title, terms),
      ...excerpt(text, terms),
    }
  }
}

function compareRank(a: SearchHit['rank'], b: SearchHit['rank']): number {
  return b.inTitle - a.inTitle || b.occurrences - a.occurrences || b.wholeWords - a.wholeWords
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

/**
 * Where the terms occur in `original`, as ranges of the original text (merged, in order).
 * NFKC can change lengths (ﬁ → fi); the text is then normalised character by character, so
 * each match maps back onto the characters the user wrote.
 */
export function matchRanges(original: string, terms: string[]): Range[] {
  let norm = normalize(original)
  let at = (i: number) => i
  if (norm.length !== original.length) {
    const map: number[] = []
    norm = ''
    let i = 0
    for (const ch of original) {
      const n = normalize(ch)
      for (let k = 0; k < n.length; k++) map.push(i)
      norm += n
      i += ch.length
    }
    map.push(i)
    at = (j) => map[j]!
  }
  const found: Range[] = []
  for (const t of terms) for (let j = norm.indexOf(t); j >= 0; j = norm.indexOf(t, j + t.length)) found.push([at(j), at(j + t.length)])
  found.sort((a, b) => a[0] - b[0] || b[1] - a[1])
  const merged: Range[] = []
  for (const r of found) {
    const last = merged[merged.length - 1]
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1])
    else merged.push([...r])
  }
  return merged
}

const CONTEXT = 30

/** An excerpt of the original text around the first match; ranges refer to the excerpt. */
function excerpt(text: string, terms: string[]): { snippet: string; highlights: Range[] } {
  const ranges = matchRanges(text, terms)
  const start = Math.max(0, (ranges[0]?.[0] ?? 0) - CONTEXT)
  const end = Math.min(text.length, start + CONTEXT * 4)
  const lead = start > 0 ? 1 : 0
  const highlights = ranges
    .filter(([a, b]) => a < end && b > start)
    .map(([a, b]): Range => [Math.max(a, start) - start + lead, Math.min(b, end) - start + lead])
  return { snippet: (lead ? '…' : '') + text.slice(start, end) + (end < text.length ? '…' : ''), highlights }
}
