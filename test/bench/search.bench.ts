// Search in Node over the ten-times round (or a reduced one): the time to normalise the round's
// texts into the corpus, and queries of the app's matcher (terms, filters, ranking, snippets)
// against a bare linear `includes` scan of the same normalised texts, so the ratio holds on any
// machine.
import { describe, expect, it } from 'vitest'
import { buildLargeRound, LARGE_ROUND } from '@shared/scale/large-round'
import { searchDocs } from '@shared/search/documents'
import { SearchCorpus } from '@shared/search/corpus'
import { normalize } from '@shared/search/tokenize'
import { FULL, median, p95, report } from './kit'

const QUERIES = [
  '公积金',
  '张卫东',
  '招投标',
  '民主生活会',
  '发票',
  '门面出租',
  '选人用人',
  '农田',
  '扶贫项目',
  '白条',
  '党委会',
  '接待',
  '公车',
  '项目验收',
  '评定分离',
  '补助',
  '会议',
  '村级',
  '巡察',
  '整改',
  '发票 报销',
  'ＡＢＣ',
  '2023',
]
const REDUCED = { cadres: 80, interviews: 300, documents: 500, notes: 2000, papers: 200, clues: 40, petitions: 80 }

describe('search benchmark', () => {
  it('the app matcher against a linear scan', () => {
    const round = buildLargeRound(FULL ? LARGE_ROUND : REDUCED)
    const docs = [...searchDocs(round)]
    const heap0 = process.memoryUsage().heapUsed
    const t0 = performance.now()
    const corpus = new SearchCorpus()
    for (const d of docs) corpus.add(d)
    report(
      `corpus build: normalise ${docs.length} entries`,
      `${(performance.now() - t0).toFixed(0)} ms (target ≤ 3000 with reading and decrypting)`,
    )
    report('corpus heap (texts normalised)', `${((process.memoryUsage().heapUsed - heap0) / 2 ** 20).toFixed(0)} MB`)
    const texts = docs.map((d) => normalize(`${d.title}\n${d.text}`))
    const app: number[] = []
    const bare: number[] = []
    for (let round = 0; round < 5; round++)
      for (const q of QUERIES) {
        let t = performance.now()
        const result = corpus.search(q, {}, 5)
        app.push(performance.now() - t)
        t = performance.now()
        const n = normalize(q)
        const scan = texts.filter((x) => x.includes(n)).length
        bare.push(performance.now() - t)
        // Every term must match, so the app never finds more than the scan for the whole query.
        if (!q.includes(' ')) expect(result.total).toBe(scan)
      }
    report('query, app matcher (p95 / median)', `${p95(app).toFixed(1)} / ${median(app).toFixed(1)} ms (target ≤ 50 at p95 to the screen)`)
    report('query, bare linear scan (p95 / median)', `${p95(bare).toFixed(1)} / ${median(bare).toFixed(1)} ms`)
    report('app / bare (median)', `${(median(app) / median(bare)).toFixed(1)}×`)

    // Pinyin terms are first matched against every person's name (pinyin-pro), then scanned for.
    const names = round.tables.people.map((p) => p.name)
    corpus.setNames(names)
    const pinyin: number[] = []
    for (let r = 0; r < 5; r++)
      for (const q of ['zwd', 'zhangweidong', 'zhang', 'hlp', 'chenj']) {
        const t = performance.now()
        corpus.search(q, {}, 5)
        pinyin.push(performance.now() - t)
      }
    report(`query by pinyin over ${names.length} names (p95 / median)`, `${p95(pinyin).toFixed(1)} / ${median(pinyin).toFixed(1)} ms`)
  }, 600_000)
})
