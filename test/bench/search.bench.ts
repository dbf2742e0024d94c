// Search over the ten-times round in Node: index build and query times, against a linear
// scan of the same normalised texts (the bare alternative), so the ratio holds on any machine.
import { describe, expect, it } from 'vitest'
import { buildLargeRound, LARGE_ROUND } from '@shared/scale/large-round'
import { searchDocs } from '@shared/search/documents'
import { SearchIndex } from '@shared/search/search-index'
import { normalize } from '@shared/search/tokenize'

const FULL = process.env.BENCH_FULL === '1'
const report = (label: string, value: string) => console.log(`[bench${FULL ? ' full' : ' reduced'}] ${label.padEnd(46)} ${value}`)
const QUERIES = ['公积金', '张卫东', '招投标', '民主生活会', '发票', '门面出租', '选人用人', '农田', '扶贫项目', '白条', '党委会', '接待', '公车', '项目验收', '评定分离', '补助', '会议', '村级', '巡察', '整改']
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil(xs.length * p) - 1)]!

describe('search benchmark', () => {
  it('index versus linear scan', () => {
    const counts = FULL ? LARGE_ROUND : { cadres: 80, interviews: 300, documents: 500, notes: 2000, papers: 200, clues: 40, petitions: 80 }
    const docs = [...searchDocs(buildLargeRound(counts))]
    const t0 = performance.now()
    const index = new SearchIndex()
    for (const d of docs) index.add(d)
    report(`index build (${docs.length} entries)`, `${(performance.now() - t0).toFixed(0)} ms (target ≤ 3000)`)
    const texts = docs.map((d) => normalize(`${d.title}\n${d.text}`))
    const indexed: number[] = []
    const scanned: number[] = []
    for (let round = 0; round < 5; round++)
      for (const q of QUERIES) {
        let t = performance.now()
        const hits = index.search(q)
        indexed.push(performance.now() - t)
        t = performance.now()
        const n = normalize(q)
        const scan = texts.filter((x) => x.includes(n)).length
        scanned.push(performance.now() - t)
        expect(hits.length).toBeLessThanOrEqual(scan)
      }
    report('query, index (p95 / median)', `${pct(indexed, 0.95).toFixed(1)} / ${pct(indexed, 0.5).toFixed(1)} ms (target ≤ 50 at p95)`)
    report('query, linear scan (p95 / median)', `${pct(scanned, 0.95).toFixed(1)} / ${pct(scanned, 0.5).toFixed(1)} ms`)
  }, 600_000)
})
