// The package's Word and Excel files as LibreOffice lays them out (Debian's libreoffice-writer-nogui
// and libreoffice-calc-nogui, installed by build/dev): each is converted to PDF once, then read with
// poppler. The Word files keep the official grid of 22 lines a page; the Excel rows are tall enough
// for their wrapped text, so no two lines of text print over each other.
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { unzipSync } from 'fflate'
import { beforeAll, describe, expect, it } from 'vitest'
import { REPORT_KINDS, type Report } from '../../shared/domain/types'
import { buildOfficialPdf } from '../../shared/export/pdf-document'
import { generateDraft } from '../../shared/reports/draft'
import { buildPackage } from '../../shared/reports/package'
import { reportDocx } from '../../shared/reports/docx'
import { newReport } from '../../shared/reports/report'
import { DEFAULT_TEMPLATES } from '../../shared/reports/templates'
import { buildSampleRound } from '../../shared/sample'
import { loadBundledFonts } from './fonts'
import { PARAGRAPHS } from './sample-text'

const dir = mkdtempSync(join(tmpdir(), 'xc-soffice-'))
const run = (cmd: string, args: string[]) => execFileSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })
const PAGE_NUMBER = /^—\d+—$/

interface Word {
  text: string
  xMin: number
  yMin: number
  xMax: number
  yMax: number
}
/** Word boxes per page (`pdftotext -bbox`). */
function pagesOfWords(pdf: string): Word[][] {
  const html = run('pdftotext', ['-bbox', pdf, '-'])
  return html
    .split('<page ')
    .slice(1)
    .map((page) =>
      [...page.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((m) => ({
        xMin: Number(m[1]),
        yMin: Number(m[2]),
        xMax: Number(m[3]),
        yMax: Number(m[4]),
        text: m[5]!,
      })),
    )
}

/** Lines of text per page: word boxes grouped by their vertical middle; the page number's line left out. */
function linesPerPage(pdf: string): number[] {
  return pagesOfWords(pdf).map((words) => {
    const sorted = [...words].sort((a, b) => a.yMin + a.yMax - b.yMin - b.yMax)
    const lines: Word[][] = []
    let last = -Infinity
    for (const w of sorted) {
      const mid = (w.yMin + w.yMax) / 2
      if (mid - last > 6) lines.push([])
      lines.at(-1)!.push(w)
      last = mid
    }
    return lines.filter((l) => !PAGE_NUMBER.test(l.map((w) => w.text).join(''))).length
  })
}

let converted: string[] = []
const files: Record<string, Uint8Array> = {}
/** The file number of the long body-text report, and of the long report with the member table amid its text. */
let longIndex = -1
let tableIndex = -1
let tableHeading = ''
/** The heading right after the member table: the pages after its page are full pages of body text. */
const AFTER_TABLE = '表格之后的正文'

beforeAll(async () => {
  const snap = buildSampleRound()
  const reports = REPORT_KINDS.map(
    (k, i) =>
      ({
        id: `r${i}`,
        createdAt: '',
        updatedAt: '',
        updatedBy: '',
        deviceId: '',
        ...newReport(snap.round.id, generateDraft(k, DEFAULT_TEMPLATES[k], snap), 'T'),
      }) as Report,
  )
  const { zip } = await buildPackage(
    { snap, reports, user: '黄雨晴', at: '2026-11-21T09:30:00.000Z', today: '2026-11-21', includeClueList: true, allowEmpty: true },
    { pdf: (doc, options) => buildOfficialPdf(doc, loadBundledFonts(), options) },
  )
  // And a long report, so that body text fills whole pages.
  const long: Report = {
    ...reports[0]!,
    sections: [
      ...reports[0]!.sections,
      {
        id: 'long',
        key: 'long',
        level: 1,
        heading: '整改建议',
        paragraphs: [...PARAGRAPHS, ...PARAGRAPHS, ...PARAGRAPHS].map((text, i) => ({ id: `p${i}`, text })),
      } as Report['sections'][number],
    ],
  }
  // And the 领导班子情况汇总's member table between pages of body text: the text after it stays on the grid.
  const team = reports[3]!
  const memberTable = team.sections.find((x) => x.table?.rows.length)!
  tableHeading = memberTable.heading
  const text = (id: string, heading: string, times: number) =>
    ({
      id,
      key: id,
      level: 1,
      heading,
      paragraphs: Array.from({ length: times }, () => PARAGRAPHS)
        .flat()
        .map((t, i) => ({ id: `${id}${i}`, text: t })),
    }) as Report['sections'][number]
  const withTable: Report = {
    ...team,
    sections: [team.sections[0]!, text('before', '总体情况', 1), memberTable, text('after', AFTER_TABLE, 2)],
  }
  const office = [
    ...Object.entries(unzipSync(zip)).filter(([name]) => /\.(docx|xlsx)$/.test(name)),
    ['table.docx', await reportDocx(withTable, { marking: { level: '内部' } })] as const,
    ['long.docx', await reportDocx(long, { marking: { level: '内部' } })] as const,
  ]
  // ASCII names: soffice is handed paths on its command line.
  longIndex = office.length - 1
  tableIndex = office.length - 2
  office.forEach(([name, bytes], i) => {
    const file = join(dir, `${i}${name.endsWith('.docx') ? '.docx' : '.xlsx'}`)
    files[file] = bytes
    writeFileSync(file, bytes)
  })
  const profile = `file://${join(dir, 'profile')}`
  run('soffice', [
    `-env:UserInstallation=${profile}`,
    '--headless',
    '--convert-to',
    'pdf',
    '--outdir',
    join(dir, 'pdf'),
    ...Object.keys(files),
  ])
  converted = readdirSync(join(dir, 'pdf')).map((f) => join(dir, 'pdf', f))
}, 300_000)

describe('the package in LibreOffice', () => {
  it('converts every Word and Excel file', () => {
    expect(converted.length).toBe(Object.keys(files).length)
  })

  it('lays out the Word reports on the grid: 22 lines on every full page', () => {
    // Table rows hold 10.5 pt text at 13 pt, two lines to a grid line: pages with a table are measured below.
    const bodyOnly = Object.keys(files).filter(
      (f) => f.endsWith('.docx') && !new TextDecoder().decode(unzipSync(files[f]!)['word/document.xml']).includes('<w:tbl>'),
    )
    expect(bodyOnly.length).toBeGreaterThan(1)
    let full = 0
    for (const pdf of bodyOnly.map((f) => join(dir, 'pdf', f.split('/').pop()!.replace('.docx', '.pdf')))) {
      const lines = linesPerPage(pdf)
      console.log(`[soffice] ${pdf}: lines per page ${lines.join(', ')}`)
      // Page 1 carries the title (22 pt, its own pitch) and the last page is not full. A report's
      // furniture (附件说明, 落款) is set off by empty lines, which pdftotext does not count: only the
      // long body-text report fills its pages with text; no page of any report holds more than 22.
      for (const n of lines) expect(n).toBeLessThanOrEqual(22)
      if (!pdf.endsWith(`/${longIndex}.pdf`)) continue
      // Widow/orphan control may carry a paragraph's line over to the next page (21 there); the grid
      // itself gives 22 (a line pitch a hair too tall gave 21 on every page).
      const fullPages = lines.slice(1, -1)
      for (const n of fullPages) expect(n).toBeGreaterThanOrEqual(21)
      expect(fullPages.filter((n) => n === 22).length * 2).toBeGreaterThanOrEqual(fullPages.length)
      full += fullPages.length
      // 28 characters a line: no line of body text (page 2 on) holds more than 28 full-width characters, and
      // the fullest come close (digits are half-width and are not counted; a closing mark may hang past the
      // end rather than start the next line; 16 pt text on this grid gave 16).
      const widest = Math.max(
        ...run('pdftotext', ['-f', '2', '-layout', pdf, '-'])
          .split('\n')
          .map(
            (l) =>
              Array.from(l.replace(/\s+/g, '').replace(/[，。、；：！？）」』”]$/, '')).filter((c) =>
                /[\u3000-\u9fff\uff00-\uffef]/.test(c),
              ).length,
          ),
      )
      expect(widest).toBeGreaterThanOrEqual(24)
      expect(widest).toBeLessThanOrEqual(28)
    }
    expect(full).toBeGreaterThan(0)
  }, 60_000)

  it('keeps the text after a table on the grid: 22 lines on every full page after the member table', () => {
    const pdf = join(dir, 'pdf', `${tableIndex}.pdf`)
    const words = pagesOfWords(pdf)
    const tablePage = words.findIndex((ws) =>
      ws
        .map((w) => w.text)
        .join('')
        .includes(tableHeading),
    )
    expect(tablePage).toBeGreaterThanOrEqual(0)
    const lines = linesPerPage(pdf)
    console.log(`[soffice] member table on page ${tablePage + 1}; lines per page ${lines.join(', ')}`)
    // Full pages of body text after the page where the table ends (the last page is not full). Rows
    // off the grid gave 21 on each of them.
    const tableEnd = words.findIndex((ws) =>
      ws
        .map((w) => w.text)
        .join('')
        .includes(AFTER_TABLE),
    )
    expect(tableEnd).toBeGreaterThanOrEqual(tablePage)
    const after = lines.slice(tableEnd + 1, -1)
    expect(after.length).toBeGreaterThan(1)
    for (const n of after) expect(n).toBeGreaterThanOrEqual(21)
    expect(after.filter((n) => n === 22).length * 2).toBeGreaterThanOrEqual(after.length)
    // The table reads as a table: 10.5 pt characters side by side, not one per 15.8 pt grid cell.
    const duty = words[tablePage]!.find((w) => w.text.startsWith('党委书记'))
    expect(duty).toBeDefined()
    expect((duty!.xMax - duty!.xMin) / Array.from(duty!.text).length).toBeLessThan(12)
  }, 60_000)

  it('gives Excel rows the height of their wrapped text: no two lines of text print over each other', () => {
    const sheets = Object.keys(files)
      .filter((f) => f.endsWith('.xlsx'))
      .map((f) => join(dir, 'pdf', f.split('/').pop()!.replace('.xlsx', '.pdf')))
    for (const pdf of sheets) {
      for (const [p, words] of pagesOfWords(pdf).entries()) {
        const byTop = [...words].sort((a, b) => a.yMin - b.yMin)
        for (let i = 0; i < byTop.length; i++) {
          const a = byTop[i]!
          for (let j = i + 1; j < byTop.length && byTop[j]!.yMin < a.yMax; j++) {
            const b = byTop[j]!
            const dx = Math.min(a.xMax, b.xMax) - Math.max(a.xMin, b.xMin)
            const dy = Math.min(a.yMax, b.yMax) - Math.max(a.yMin, b.yMin)
            const overlap = dx > 1 && dy > 0.25 * Math.min(a.yMax - a.yMin, b.yMax - b.yMin)
            expect(overlap, `${pdf} page ${p + 1}: “${a.text}” over “${b.text}”`).toBe(false)
          }
        }
      }
    }
  }, 60_000)
})
