// Layout that must not lose or misplace text: a member-table row taller than a page, the header row
// at the foot of a page, closing marks in narrow cells, long titles, headings at the foot of a page.
import { execFileSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { kinsokuViolations } from '../../shared/export/kinsoku'
import { balancedTitle, buildOfficialPdf, type Block, type OfficialDoc } from '../../shared/export/pdf-document'
import { MEMBER_TABLE_COLUMNS } from '../../shared/reports/draft'
import { loadBundledFonts } from './fonts'
import { PARAGRAPHS } from './sample-text'

const dir = mkdtempSync(join(tmpdir(), 'xc-tables-'))
const run = (cmd: string, args: string[]) => execFileSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })
const squash = (s: string) => s.replace(/\s+/g, '')
const WM = { user: '刘洋', at: '2026-11-21T06:05:00Z' }

async function layout(name: string, doc: OfficialDoc) {
  const bytes = await buildOfficialPdf(doc, loadBundledFonts(), { marking: { level: '秘密', years: 5 }, watermark: WM })
  const path = join(dir, name)
  writeFileSync(path, bytes)
  const pages = Number(/Pages:\s+(\d+)/.exec(run('pdfinfo', [path]))![1])
  /** Body lines of each page in content order (page number and the rotated watermark cut off). */
  const bodies = Array.from({ length: pages }, (_, i) => {
    const lines = run('pdftotext', ['-raw', '-f', String(i + 1), '-l', String(i + 1), path, '-'])
      .replace(/\f/g, '')
      .split('\n')
    const at = lines.findIndex((l) => /^— \d+ —$/.test(l.trim()))
    return (at < 0 ? lines : lines.slice(0, at)).map((l) => l.trim()).filter(Boolean)
  })
  return { path, pages, bodies }
}

// Twelve 底稿 numbers in one cell, as for a member named in twelve 底稿, and text ten times as long as usual.
const NUMBERS = Array.from({ length: 12 }, (_, i) => `XC-DG-2026-${String(i + 101).padStart(3, '0')}`)
const LONG = Array.from({ length: 10 }, (_, i) => `${PARAGRAPHS[i % PARAGRAPHS.length]}（见底稿${NUMBERS[i]}）`).join('')
const NAMES = ['张卫东', '何丽萍', '马俊', '陈思远', '李明', '王芳', '赵强']
// The columns of MEMBER_TABLE_COLUMNS: 姓名, 职务, 任现职时间, 测评结果, 涉及问题（底稿）, 涉及线索.
const memberRows = NAMES.map((name, i) => [
  name,
  i === 0 ? '党委书记、局长' : '党委委员、副局长',
  '2022年1月',
  '好',
  i === 0 ? LONG : '个别谈话中有干部反映其工作作风较为强势。',
  i === 0 ? `有（${NUMBERS.join('、')}）` : '无',
])

describe('tables never drop rows', () => {
  it('keeps a row taller than a page: it continues on the next pages under the repeated header', async () => {
    const doc: OfficialDoc = {
      title: '关于区住房和城乡建设局党组领导班子情况的汇总报告',
      blocks: [
        { kind: 'heading', level: 1, text: '领导班子成员情况' },
        // Nearly a page of text first, so the table starts near the foot of page 1.
        ...PARAGRAPHS.slice(0, 3).map((text): Block => ({ kind: 'paragraph', text })),
        { kind: 'table', fontSize: 9, columns: MEMBER_TABLE_COLUMNS.map((header) => ({ header })), rows: memberRows },
        { kind: 'paragraph', text: '以上情况，请审阅。' },
      ],
    }
    const { pages, bodies } = await layout('member-table.pdf', doc)
    expect(pages).toBeGreaterThan(3)
    const all = squash(bodies.flat().join(''))
    for (const name of NAMES) expect(all, name).toContain(name)
    for (const n of NUMBERS) expect(all, n).toContain(n)
    // The long cell is printed whole: it reads on once the repeated headers and the next cell are taken out.
    const header = squash(MEMBER_TABLE_COLUMNS.join(''))
    expect(all.split(header).join('').replace(squash(memberRows[0]![5]!), '')).toContain(squash(LONG))
    expect(all).toContain('以上情况，请审阅。')
    // The header repeats on every page the table runs over, and never stands alone at a page's foot.
    const tablePages = bodies.map((b, i) => ({ b, i })).filter(({ b }) => squash(b.join('')).includes('姓名职务'))
    expect(tablePages.length).toBeGreaterThan(2)
    for (const { b, i } of tablePages) {
      const at = b.findIndex((l) => l.startsWith('姓名'))
      expect(b.length - at, `page ${i + 1}: header with nothing under it`).toBeGreaterThan(3)
    }
    // No line of any cell starts with a closing mark (the 底稿 numbers wrap in a narrow column).
    expect(kinsokuViolations(bodies.flat())).toEqual([])
  }, 120_000)
})

describe('titles and headings', () => {
  it('balances a long title so that its last line is not one or two characters', async () => {
    const title = '关于区住房和城乡建设局党组落实全面从严治党主体责任情况的巡察报告'
    const lines = balancedTitle(title, 19.5).split('\n')
    expect(lines.length).toBe(2)
    expect(Math.min(...lines.map((l) => l.length))).toBeGreaterThan(10)
    const { bodies } = await layout('title.pdf', {
      title: `${title.slice(0, -1)}报告`,
      blocks: [{ kind: 'paragraph', text: PARAGRAPHS[0]! }],
    })
    const titleLines = bodies[0]!.slice(1, 3)
    expect(squash(titleLines.join(''))).toBe(squash(`${title.slice(0, -1)}报告`))
    for (const l of titleLines) expect(Array.from(l).length).toBeGreaterThan(2)
  }, 60_000)

  it('never leaves a heading alone at the foot of a page', async () => {
    const blocks: Block[] = []
    for (let k = 0; k < 12; k++) {
      blocks.push({ kind: 'heading', level: 1, text: `第${k + 1}部分的情况` }, { kind: 'heading', level: 2, text: `第${k + 1}个方面` })
      blocks.push({ kind: 'paragraph', text: PARAGRAPHS[k % PARAGRAPHS.length]! })
    }
    const { bodies } = await layout('headings.pdf', { title: '标题', blocks })
    for (const [i, b] of bodies.entries()) {
      const last = b.at(-1)!
      expect(/^[一二三四五六七八九十]+、|^（[一二三四五六七八九十]+）/.test(last), `page ${i + 1} ends with a heading: ${last}`).toBe(false)
    }
  }, 60_000)
})
