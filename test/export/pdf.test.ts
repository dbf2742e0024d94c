// Real PDFs checked with poppler (pdfinfo, pdffonts, pdftotext). Needs poppler-utils.
import { execFileSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { buildOfficialPdf, OFFICIAL_LAYOUT, type Block, type OfficialDoc } from '../../shared/export/pdf-document'
import { kinsokuViolations } from '../../shared/export/kinsoku'
import { watermarkText } from '../../shared/export/marking'
import { loadBundledFonts } from './fonts'
import { PARAGRAPHS, plainHanzi } from './sample-text'

const dir = mkdtempSync(join(tmpdir(), 'xc-export-'))
const run = (cmd: string, args: string[]) => execFileSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })
const squash = (s: string) => s.replace(/\s+/g, '')
const WM = { user: '刘洋', at: '2026-11-21T06:05:00Z' }

async function write(name: string, doc: OfficialDoc, opts: Parameters<typeof buildOfficialPdf>[2]) {
  const t0 = performance.now()
  const bytes = await buildOfficialPdf(doc, loadBundledFonts(), opts)
  const ms = Math.round(performance.now() - t0)
  const path = join(dir, name)
  writeFileSync(path, bytes)
  const pages = Number(/Pages:\s+(\d+)/.exec(run('pdfinfo', [path]))![1])
  console.log(`[export] ${name}: ${pages} pages, ${ms} ms, ${bytes.byteLength} bytes → ${path}`)
  return { path, bytes, ms, pages }
}

function pageText(path: string, page: number, layout = false): string {
  return run('pdftotext', [...(layout ? ['-layout'] : []), '-f', String(page), '-l', String(page), path, '-'])
}

/**
 * One page in content-stream order (`pdftotext -raw`): pdfmake writes the body, then the footer, then the
 * rotated watermark (which the other modes scatter through the body, one character per line).
 */
function rawPage(path: string, page: number): { body: string; pageNumber: string; watermark: string } {
  const lines = run('pdftotext', ['-raw', '-f', String(page), '-l', String(page), path, '-'])
    .replace(/\f/g, '')
    .split('\n')
  const at = lines.findIndex((l) => /^— \d+ —$/.test(l.trim()))
  if (at < 0) return { body: lines.join('\n'), pageNumber: '', watermark: '' }
  return { body: lines.slice(0, at).join('\n'), pageNumber: lines[at]!.trim(), watermark: squash(lines.slice(at + 1).join('')) }
}

/** Word boxes from `pdftotext -bbox` for one page. */
function words(path: string, page: number): { text: string; xMin: number; yMin: number; xMax: number; yMax: number }[] {
  const html = run('pdftotext', ['-bbox', '-f', String(page), '-l', String(page), path, '-'])
  return [...html.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((m) => ({
    xMin: Number(m[1]),
    yMin: Number(m[2]),
    xMax: Number(m[3]),
    yMax: Number(m[4]),
    text: m[5]!,
  }))
}

const LAYOUT = OFFICIAL_LAYOUT
const MM = 72 / 25.4

/** Odd pages: right-aligned one 14 pt character in; even: left-aligned; digits' top 7 mm below the block. */
function checkPageNumberPosition(
  path: string,
  page: number,
  size: { width: number; height: number },
  m: { top: number; bottom: number; left: number; right: number },
) {
  const blockBottom = size.height - m.bottom
  const w = words(path, page).filter((x) => x.yMin > blockBottom)
  expect(w.map((x) => x.text)).toEqual(['—', String(page), '—'])
  if (page % 2 === 1) expect(w[2]!.xMax).toBeCloseTo(size.width - m.right - 14, 0)
  else expect(w[0]!.xMin).toBeCloseTo(m.left + 14, 0)
  // bbox = line box (ascent 1.151 em); figure height ≈ 0.73 em → digits' top = baseline − 0.73 em
  const digitTop = w[1]!.yMin + (1.151 - 0.73) * 14
  expect(Math.abs(digitTop - (blockBottom + 7 * MM))).toBeLessThan(0.5)
}

const report: Block[] = [
  { kind: 'heading', level: 1, text: '基本情况' },
  { kind: 'paragraph', text: PARAGRAPHS[0]! },
  { kind: 'heading', level: 1, text: '发现的主要问题' },
  { kind: 'heading', level: 2, text: '党的领导作用发挥不够充分' },
  { kind: 'paragraph', text: PARAGRAPHS[1]! },
  { kind: 'heading', level: 3, text: '财务管理不够规范' },
  { kind: 'paragraph', text: PARAGRAPHS[2]! },
  { kind: 'heading', level: 4, text: '项目资金拨付滞后' },
  { kind: 'paragraph', text: PARAGRAPHS[2]! },
  { kind: 'heading', level: 2, text: '整改落实不够到位' },
  ...PARAGRAPHS.map((text) => ({ kind: 'paragraph' as const, text })),
  { kind: 'heading', level: 1, text: '整改建议' },
  { kind: 'paragraph', text: PARAGRAPHS[3]! },
  { kind: 'paragraph', text: PARAGRAPHS[4]! },
  {
    kind: 'table',
    caption: '问题清单',
    columns: [
      { header: '序号', width: 'auto', align: 'center' },
      { header: '问题描述', width: 4 },
      { header: '责任单位', width: 2 },
      { header: '整改时限', width: 2 },
    ],
    rows: Array.from({ length: 45 }, (_, i) => [
      i + 1,
      `问题${i + 1}：${PARAGRAPHS[i % 5]!.slice(0, 30 + (i % 4) * 10)}`,
      '办公室（党建科）',
      '2027年1月31日',
    ]),
  },
  { kind: 'signature', fields: ['移交人', '接收人', '日期'] },
]

describe('official PDF', () => {
  let main: Awaited<ReturnType<typeof write>>

  beforeAll(async () => {
    main = await write(
      'report.pdf',
      { title: '关于某某局党组巡察情况的报告', subtitle: '（2026年11月21日）', blocks: report },
      {
        marking: { level: '秘密', years: 1 },
        copyNumber: 1,
        watermark: WM,
      },
    )
    run('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '2', main.path, '/tmp/xc-export-report'])
  }, 60_000)

  it('is A4, several pages, with title metadata', () => {
    const info = run('pdfinfo', [main.path])
    expect(info).toMatch(/Page size:\s+595\.2\d? x 841\.8\d? pts \(A4\)/)
    expect(main.pages).toBeGreaterThanOrEqual(4)
    expect(info).toMatch(/Title:\s+关于某某局党组巡察情况的报告/)
    expect(info).toMatch(/Creator:\s+巡察工作台/)
  })

  it('embeds subset fonts only', () => {
    const rows = run('pdffonts', [main.path])
      .split('\n')
      .slice(2)
      .filter((l) => l.trim())
    expect(rows.length).toBeGreaterThanOrEqual(2)
    for (const row of rows) {
      const cols = row.trim().split(/\s+/)
      // name type [encoding…] emb sub uni object ID
      const [emb, sub] = cols.slice(-5, -3)
      expect(`${row} → emb ${emb} sub ${sub}`).toMatch(/emb yes sub yes$/)
      expect(cols[0]).toMatch(/^[A-Z]{6}\+/)
    }
  })

  it('prints marking, 份号, title and page numbers; watermark on every page', () => {
    const p1 = rawPage(main.path, 1).body
    const lines = p1
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean)
    expect(lines).toContain('000001')
    expect(lines).toContain('秘密★1年')
    expect(lines.indexOf('000001')).toBeLessThan(lines.indexOf('秘密★1年'))
    expect(squash(p1)).toContain('关于某某局党组巡察情况的报告')
    const wm = squash(watermarkText(WM.user, WM.at))
    expect(lines.slice(0, 3)).toEqual(['000001', '秘密★1年', '关于某某局党组巡察情况的报告'])
    for (let p = 1; p <= main.pages; p++) {
      const { pageNumber, watermark } = rawPage(main.path, p)
      expect(pageNumber).toBe(`— ${p} —`)
      expect(watermark, `watermark on page ${p}`).toBe(wm)
    }
  })

  it('keeps headings and paragraphs intact (extracted text equals source)', () => {
    let all = ''
    for (let p = 1; p <= main.pages; p++) all += squash(rawPage(main.path, p).body)
    for (const expected of [
      '一、基本情况',
      '二、发现的主要问题',
      '（一）党的领导作用发挥不够充分',
      '1.财务管理不够规范',
      '（1）项目资金拨付滞后',
      '（二）整改落实不够到位',
      '三、整改建议',
      ...PARAGRAPHS,
      '移交人：',
      '接收人：',
      '日期：',
    ]) {
      expect(all).toContain(squash(expected))
    }
    expect(all).not.toContain('\u2060')
  })

  it('places page numbers 7 mm below the text block, one character in from the outer edge', () => {
    for (const p of [1, 2, 3]) checkPageNumberPosition(main.path, p, { width: 595.28, height: 841.89 }, LAYOUT.portrait)
  })

  it('repeats the table header on every page the table spans', () => {
    let spans = 0
    for (let p = 1; p <= main.pages; p++) {
      const t = squash(rawPage(main.path, p).body)
      if (/问题\d+：/.test(t)) {
        spans++
        expect(t, `header on page ${p}`).toContain('问题描述')
      }
    }
    expect(spans).toBeGreaterThanOrEqual(2)
  })

  it('never starts a line with a closing mark or ends one with an opening mark (避头尾)', async () => {
    // Shift every paragraph by 0..27 characters so the line ends fall on every kind of punctuation.
    const blocks: Block[] = []
    for (let shift = 0; shift < 28; shift++) {
      for (const text of PARAGRAPHS)
        blocks.push({ kind: 'paragraph', text: '巡察'.repeat(14).slice(0, shift) + text, indent: shift % 2 === 0 })
    }
    const k = await write('kinsoku.pdf', { title: '避头尾检查', blocks }, { marking: { level: '无' } })
    const lines: string[] = []
    let text = ''
    for (let p = 1; p <= k.pages; p++) {
      const t = pageText(k.path, p, true)
      lines.push(...t.split('\n').filter((l) => !/^—\d+—$/.test(squash(l))))
      text += squash(rawPage(k.path, p).body)
    }
    // Paragraph ends are not line breaks we chose; none of the sources ends with an opening mark.
    expect(kinsokuViolations(lines)).toEqual([])
    // the check itself catches violations
    expect(kinsokuViolations(['，开头', '结尾（'])).toHaveLength(2)
    expect(text).toBe(squash('避头尾检查' + blocks.map((b) => (b.kind === 'paragraph' ? b.text : '')).join('')))
    // How many lines ended right before a closing mark on the next line would have broken the rule:
    // count lines ending in a closing mark, to show the test hits them.
    const endsWithClosing = lines.filter((l) => /[，。、；：？！）》”]\s*$/.test(l)).length
    expect(endsWithClosing).toBeGreaterThan(50)
  }, 60_000)

  it('holds 22 lines × 28 characters on a page of body text', async () => {
    const blocks: Block[] = [{ kind: 'paragraph', text: plainHanzi(28 * 70), indent: false }]
    const g = await write('grid.pdf', { title: '版心检查', blocks }, { marking: { level: '无' } })
    const lines = pageText(g.path, 2, true)
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l && !/^—\d+—$/.test(squash(l)))
    expect(lines).toHaveLength(22)
    for (const l of lines) expect(Math.abs(Array.from(squash(l)).length - 28)).toBeLessThanOrEqual(1)
    console.log(`[export] grid: page 2 has ${lines.length} lines, ${Array.from(squash(lines[0]!)).length} chars per line`)
  }, 60_000)

  it('lays out a landscape table with the same page-number rule', async () => {
    const l = await write(
      'landscape.pdf',
      {
        title: '谈话安排表',
        orientation: 'landscape',
        blocks: [
          {
            kind: 'table',
            columns: ['序号', '姓名', '职务', '谈话时间', '地点', '谈话人', '记录人', '备注'].map((header) => ({ header })),
            rows: Array.from({ length: 50 }, (_, i) => [
              i + 1,
              '张三',
              '办公室主任',
              '2026年11月21日 9:00',
              '第一谈话室',
              '刘洋',
              '李明',
              '',
            ]),
          },
        ],
      },
      { marking: { level: '内部' }, watermark: WM },
    )
    expect(run('pdfinfo', [l.path])).toMatch(/Page size:\s+841\.8\d? x 595\.2\d? pts/)
    expect(l.pages).toBeGreaterThanOrEqual(2)
    expect(rawPage(l.path, 1).pageNumber).toBe('— 1 —')
    expect(rawPage(l.path, 2).pageNumber).toBe('— 2 —')
    expect(rawPage(l.path, 2).watermark).toBe(squash(watermarkText(WM.user, WM.at)))
    checkPageNumberPosition(l.path, 1, { width: 841.89, height: 595.28 }, LAYOUT.landscape)
    checkPageNumberPosition(l.path, 2, { width: 841.89, height: 595.28 }, LAYOUT.landscape)
  }, 60_000)

  it('builds a 100-page document in reasonable time', async () => {
    const blocks: Block[] = []
    for (let i = 0; i < 150; i++) {
      if (i % 10 === 0) blocks.push({ kind: 'heading', level: 1, text: `第${i / 10 + 1}部分` })
      blocks.push(...PARAGRAPHS.map((text) => ({ kind: 'paragraph' as const, text })))
    }
    const progress: number[] = []
    const t0 = performance.now()
    const big = await buildOfficialPdf({ title: '大文档', blocks }, loadBundledFonts(), {
      marking: { level: '内部' },
      watermark: WM,
      onProgress: (p) => progress.push(p),
    })
    const ms = Math.round(performance.now() - t0)
    const path = join(dir, 'big.pdf')
    writeFileSync(path, big)
    const pages = Number(/Pages:\s+(\d+)/.exec(run('pdfinfo', [path]))![1])
    console.log(`[export] big.pdf: ${pages} pages, ${ms} ms, ${big.byteLength} bytes, ${progress.length} progress calls`)
    expect(pages).toBeGreaterThan(80)
    expect(progress[0]).toBe(0)
    expect(progress.at(-1)).toBe(1)
    expect(progress.length).toBeGreaterThan(5)
  }, 120_000)
})
