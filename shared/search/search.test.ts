import { describe, expect, it } from 'vitest'
import { indexTokens, normalize, queryTerms } from './tokenize'
import { SearchIndex, type SearchDoc } from './search-index'

const doc = (key: string, title: string, text: string, extra: Partial<SearchDoc> = {}): SearchDoc => ({
  key, kind: 'interviews', title, text, date: '2026-11-01', personIds: [], category: '', route: '/interviews', ...extra,
})

describe('tokenizer', () => {
  it('normalises full-width forms and case', () => {
    expect(normalize('ＡＢＣ１２３，Ｘ')).toBe('abc123,x')
  })
  it('indexes Han characters and bigrams besides ICU words, and Latin and numbers whole', () => {
    const tokens = indexTokens('张卫东在2023年用假发票报销ABC公司')
    for (const t of ['张', '张卫', '卫东', '发票', '假发', '2023', 'abc']) expect(tokens).toContain(t)
  })
  it('turns a query into bigram terms and whole Latin words', () => {
    expect(queryTerms('假发票 ＡＢＣ')).toEqual([
      { term: '假发票', tokens: ['假发', '发票'] },
      { term: 'abc', tokens: ['abc'] },
    ])
    expect(queryTerms('张')).toEqual([{ term: '张', tokens: ['张'] }])
  })
})

describe('search index', () => {
  const index = new SearchIndex()
  index.add(doc('a', '与张卫东谈话', '反映其在农田建设项目招投标中打招呼，涉及金额120万元。', { personIds: ['p1'], category: 'L2.5', date: '2026-10-20' }))
  index.add(doc('b', '调阅财务凭证', '发现用假发票套取办公经费缴纳公积金，张卫东签批。', { kind: 'documentNotes', date: '2026-11-02' }))
  index.add(doc('c', '信访件', '反映卫东路门面出租租金流向不清。', { kind: 'petitions', date: '2026-11-05' }))

  it('finds a name whatever the segmenter did with it, title matches first', () => {
    expect(index.search('张卫东').map((h) => h.doc.key)).toEqual(['a', 'b'])
  })
  it('does not match when the bigrams are present but not the phrase', () => {
    expect(index.search('卫东张')).toEqual([])
  })
  it('requires every term, and matches full-width input', () => {
    expect(index.search('假发票 公积金').map((h) => h.doc.key)).toEqual(['b'])
    expect(index.search('１２０万元').map((h) => h.doc.key)).toEqual(['a'])
  })
  it('filters by kind, person, category and date', () => {
    expect(index.search('卫东', { kinds: ['petitions'] }).map((h) => h.doc.key)).toEqual(['c'])
    expect(index.search('卫东', { personId: 'p1' }).map((h) => h.doc.key)).toEqual(['a'])
    expect(index.search('卫东', { category: 'L2' }).map((h) => h.doc.key)).toEqual(['a'])
    expect(index.search('卫东', { from: '2026-11-01', to: '2026-11-03' }).map((h) => h.doc.key)).toEqual(['b'])
  })
  it('returns a snippet with the matches to highlight', () => {
    const [hit] = index.search('公积金')
    const [from, to] = hit!.highlights[0]!
    expect(hit!.snippet.slice(from, to)).toBe('公积金')
  })
})

describe('search over a round', () => {
  it('indexes every kind of the sample round and never the reporter contact', async () => {
    const { buildSampleRound } = await import('../sample')
    const { searchDocs } = await import('./documents')
    const sample = buildSampleRound()
    const docs = [...searchDocs(sample)]
    const kinds = new Set(docs.map((d) => d.kind))
    for (const k of ['interviews', 'interviewPoints', 'documents', 'documentNotes', 'petitions', 'visits', 'workingPapers', 'clues']) expect(kinds).toContain(k)
    const contacts = sample.tables.petitions.map((p) => p.reporterContact).filter(Boolean)
    expect(contacts.length).toBeGreaterThan(0)
    for (const c of contacts) expect(docs.some((d) => d.text.includes(c) || d.title.includes(c))).toBe(false)
    const index = new SearchIndex()
    for (const d of docs) index.add(d)
    const point = sample.tables.interviews.flatMap((i) => i.record?.points ?? [])[0]!
    const phrase = point.text.slice(2, 8)
    expect(index.search(phrase).some((h) => h.doc.text.includes(phrase))).toBe(true)
  })
})
