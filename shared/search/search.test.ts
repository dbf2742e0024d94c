import { describe, expect, it } from 'vitest'
import { isWholeWordAt, normalize, queryTerms } from './tokenize'
import { matchRanges, SearchCorpus, type SearchDoc, type SearchHit } from './corpus'

const doc = (key: string, title: string, text: string, extra: Partial<SearchDoc> = {}): SearchDoc => ({
  key,
  kind: 'interviews',
  title,
  text,
  date: '2026-11-01',
  personIds: [],
  category: '',
  route: '/interviews',
  ...extra,
})
const corpusOf = (...docs: SearchDoc[]) => {
  const c = new SearchCorpus()
  for (const d of docs) c.add(d)
  return c
}
const keys = (c: SearchCorpus, q: string, f = {}) => c.search(q, f).groups.flatMap((g) => g.hits.map((h) => h.doc.key))
const marked = (text: string, ranges: [number, number][]) => ranges.map(([a, b]) => text.slice(a, b))

describe('tokenizer', () => {
  it('normalises full-width letters, digits and punctuation, and case', () => {
    expect(normalize('ＡＢＣ１２３，Ｘ；（）')).toBe('abc123,x;()')
  })
  it('keeps each Han run whole and cuts Latin words and numbers from it, in the order typed', () => {
    expect(queryTerms('张卫东在2023年用假发票报销ABC公司')).toEqual(['张卫东在', '2023', '年用假发票报销', 'abc', '公司'])
  })
  it('splits on spaces and on full-width or ASCII punctuation, and drops repeats', () => {
    expect(queryTerms('假发票，公积金；ＡＢＣ１２３　（张卫东）「发票」 假发票')).toEqual(['假发票', '公积金', 'abc123', '张卫东', '发票'])
    expect(queryTerms('E-mail/OA系统')).toEqual(['e', 'mail', 'oa', '系统'])
    expect(queryTerms(' ，。！ ')).toEqual([])
  })
  it('tells a whole ICU word from a piece of a longer one', () => {
    const text = '党委召开会议，组织部门下午开会'
    expect(isWholeWordAt(text, text.indexOf('会议'), 2)).toBe(true)
    expect(isWholeWordAt(text, text.indexOf('开会'), 2)).toBe(false) // 召开|会议
    expect(isWholeWordAt(text, text.lastIndexOf('开会'), 2)).toBe(true)
  })
})

describe('matching', () => {
  const corpus = corpusOf(
    doc('a', '与张卫东谈话', '反映其在农田建设项目招投标中打招呼，涉及金额120万元。', {
      personIds: ['p1'],
      category: 'L2.5',
      date: '2026-10-20',
    }),
    doc('b', '调阅财务凭证', '发现用假发票套取办公经费缴纳公积金，张卫东签批。', { kind: 'documentNotes', date: '2026-11-02' }),
    doc('c', '信访件', '反映卫东路门面出租租金流向不清，涉及ABC公司。', { kind: 'petitions', date: '2026-11-05' }),
  )

  it('finds a name the segmenter cuts into pieces, only where the characters are adjacent', () => {
    expect(keys(corpus, '张卫东').sort()).toEqual(['a', 'b'])
    expect(keys(corpus, '卫东张')).toEqual([])
    expect(keys(corpus, '东').sort()).toEqual(['a', 'b', 'c'])
    expect(keys(corpus, '张 东').sort()).toEqual(['a', 'b'])
  })
  it('requires every term, and takes full-width input', () => {
    expect(keys(corpus, '假发票 公积金')).toEqual(['b'])
    expect(keys(corpus, '假发票 门面')).toEqual([])
    expect(keys(corpus, '１２０万元')).toEqual(['a'])
    expect(keys(corpus, 'ａｂｃ')).toEqual(['c'])
  })
  it('filters by kind, person, category (with its sub-items) and date', () => {
    expect(keys(corpus, '卫东', { kinds: ['petitions'] })).toEqual(['c'])
    expect(keys(corpus, '卫东', { personId: 'p1' })).toEqual(['a'])
    expect(keys(corpus, '卫东', { category: 'L2' })).toEqual(['a'])
    expect(keys(corpus, '卫东', { category: 'L2.5' })).toEqual(['a'])
    expect(keys(corpus, '卫东', { category: 'L2.4' })).toEqual([])
    expect(keys(corpus, '卫东', { from: '2026-11-01', to: '2026-11-03' })).toEqual(['b'])
  })
  it('groups by kind with a total per kind and the best few shown', () => {
    const many = corpusOf(
      ...Array.from({ length: 25 }, (_, i) => doc(`n${i}`, '审阅笔记', `第${i}页：白条入账`, { kind: 'documentNotes' })),
      doc('p', '信访件', '白条报销', { kind: 'petitions' }),
    )
    const result = many.search('白条', {}, 10)
    expect(result.total).toBe(26)
    expect(result.groups.map((g) => [g.kind, g.total, g.hits.length])).toEqual([
      ['documentNotes', 25, 10],
      ['petitions', 1, 1],
    ])
  })
})

describe('pinyin', () => {
  const corpus = corpusOf(
    doc('a', '与张卫东谈话', '反映其在农田建设项目招投标中打招呼。', { personIds: ['p1'] }),
    doc('b', '调阅财务凭证', '单雪峰签批，张卫东知情。', { kind: 'documentNotes' }),
    doc('c', '信访件', '反映卫东路门面出租，涉及zhang姓商户。', { kind: 'petitions' }),
  )
  corpus.setNames(['张卫东', '单雪峰', '李俊'])

  it('finds a person by initials, surname pinyin or full pinyin, and highlights the name', () => {
    for (const q of ['zwd', 'zhangweidong', 'zhangwd']) expect(keys(corpus, q).sort(), q).toEqual(['a', 'b'])
    // "zhang" also stands for itself: the petition has the letters.
    expect(keys(corpus, 'zhang').sort()).toEqual(['a', 'b', 'c'])
    const hit = corpus
      .search('zwd')
      .groups.flatMap((g) => g.hits)
      .find((h) => h.doc.key === 'a')!
    expect(marked(hit.doc.title, hit.titleHighlights)).toEqual(['张卫东'])
  })
  it('reads a polyphonic surname the way surnames are read, and combines with other terms', () => {
    expect(keys(corpus, 'shanxuefeng')).toEqual(['b'])
    expect(keys(corpus, 'sxf 签批')).toEqual(['b'])
    expect(keys(corpus, 'zwd 招投标')).toEqual(['a'])
  })
  it('finds nothing for pinyin of nobody, and a single letter is not a name', () => {
    expect(keys(corpus, 'wgf')).toEqual([])
    expect(keys(corpus, 'z')).toEqual(['c']) // the letter itself, not every 张 and 赵
  })
})

describe('ranking', () => {
  it('puts title matches above text matches, then more occurrences, then newer', () => {
    const c = corpusOf(
      doc('text-new', '财务凭证', '公积金缴纳不规范', { date: '2026-11-20' }),
      doc('title-old', '公积金问题谈话', '其他事项', { date: '2026-10-01' }),
      doc('twice', '财务凭证', '公积金超标，公积金补缴', { date: '2026-10-02' }),
      doc('text-old', '财务凭证', '公积金缴纳不规范', { date: '2026-10-03' }),
    )
    expect(keys(c, '公积金')).toEqual(['title-old', 'twice', 'text-new', 'text-old'])
  })
  it('puts a term found as a whole word above one found only inside a longer word', () => {
    const c = corpusOf(
      doc('inside', '记录', '党委召开会议研究', { date: '2026-11-20' }),
      doc('whole', '记录', '组织部门下午开会', { date: '2026-10-01' }),
    )
    expect(keys(c, '开会')).toEqual(['whole', 'inside'])
    const latin = corpusOf(
      doc('inside', '记录', 'smartly done', { date: '2026-11-20' }),
      doc('whole', '记录', 'the art of it', { date: '2026-10-01' }),
    )
    expect(keys(latin, 'art')).toEqual(['whole', 'inside'])
  })
})

describe('highlights', () => {
  const hitOf = (c: SearchCorpus, q: string): SearchHit => c.search(q).groups[0]!.hits[0]!
  it('marks every term in the snippet and the title', () => {
    const c = corpusOf(doc('b', '公积金问题', '发现用假发票套取办公经费缴纳公积金，张卫东签批。'))
    const hit = hitOf(c, '公积金 假发票')
    expect(marked(hit.snippet, hit.highlights)).toEqual(['假发票', '公积金'])
    expect(marked(hit.doc.title, hit.titleHighlights)).toEqual(['公积金'])
  })
  it('excerpts long texts around the first match and keeps offsets right', () => {
    const text = `${'前文'.repeat(60)}关键的白条入账${'后文'.repeat(80)}`
    const hit = hitOf(corpusOf(doc('x', '笔记', text)), '白条')
    expect(hit.snippet.startsWith('…')).toBe(true)
    expect(hit.snippet.endsWith('…')).toBe(true)
    expect(marked(hit.snippet, hit.highlights)).toEqual(['白条'])
  })
  it('shows the original characters when normalising changes the length', () => {
    expect(matchRanges('ﬁnance部的ＡＢＣ账户', ['finance', 'abc']).map(([a, b]) => 'ﬁnance部的ＡＢＣ账户'.slice(a, b))).toEqual([
      'ﬁnance',
      'ＡＢＣ',
    ])
    const hit = hitOf(corpusOf(doc('x', '笔记', 'ﬁnance部的ＡＢＣ账户')), 'ABC')
    expect(marked(hit.snippet, hit.highlights)).toEqual(['ＡＢＣ'])
  })
})

describe('search over a round', () => {
  it('covers every kind of the sample round and never the reporter contact', async () => {
    const { buildSampleRound } = await import('../sample')
    const { searchDocs } = await import('./documents')
    const sample = buildSampleRound()
    const docs = [...searchDocs(sample)]
    const kinds = new Set(docs.map((d) => d.kind))
    for (const k of ['interviews', 'interviewPoints', 'documents', 'documentNotes', 'petitions', 'visits', 'workingPapers', 'clues'])
      expect(kinds).toContain(k)
    const contacts = sample.tables.petitions.map((p) => p.reporterContact).filter(Boolean)
    expect(contacts.length).toBeGreaterThan(0)
    for (const c of contacts) expect(docs.some((d) => d.text.includes(c) || d.title.includes(c))).toBe(false)
    const corpus = corpusOf(...docs)
    const point = sample.tables.interviews.flatMap((i) => i.record?.points ?? [])[0]!
    const phrase = point.text.slice(2, 8)
    const found = corpus.search(phrase, { kinds: ['interviewPoints'] }, 100).groups[0]!.hits
    expect(found.some((h) => h.doc.key.endsWith(`#${point.id}`))).toBe(true)
  })
})
