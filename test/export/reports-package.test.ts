// The "1+3" package from the sample round, checked with poppler, ExcelJS and the docx XML.
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { unzipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import { buildOfficialPdf } from '../../shared/export/pdf-document'
import { NO_LINE_END, NO_LINE_START } from '../../shared/export/kinsoku'
import { buildSampleRound } from '../../shared/sample'
import { REPORT_KINDS, type Report } from '../../shared/domain/types'
import { generateDraft } from '../../shared/reports/draft'
import { newReport } from '../../shared/reports/report'
import { DEFAULT_TEMPLATES } from '../../shared/reports/templates'
import { buildPackage, docxText, verifyPackage, type Manifest } from '../../shared/reports/package'
import { reportDocx } from '../../shared/reports/docx'
import { loadBundledFonts } from './fonts'

const snap = buildSampleRound()
// The main report 秘密, the topic papers 机密: the 合订本 must carry 机密, and each carries its 份号.
snap.round.markings = { 巡察报告: { level: '秘密', years: 5 }, 专题报告: { level: '机密', years: 10 } }
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
const dir = mkdtempSync(join(tmpdir(), 'xc-reports-'))
const squash = (x: string) => x.replace(/\s+/g, '')
const pdf = (doc: Parameters<typeof buildOfficialPdf>[0], options: Parameters<typeof buildOfficialPdf>[2]) =>
  buildOfficialPdf(doc, loadBundledFonts(), options)

describe('the report package', () => {
  let zip: Uint8Array
  let manifest: Manifest
  it('builds the package with a manifest and verifies it by reading every file back', async () => {
    ;({ zip, manifest } = await buildPackage(
      {
        snap,
        reports,
        user: '黄雨晴',
        at: '2026-11-21T09:30:00.000Z',
        today: '2026-11-21',
        includeClueList: true,
        copyNumber: 7,
        allowEmpty: true,
      },
      { pdf },
    ))
    writeFileSync(join(dir, 'package.zip'), zip)
    const files = unzipSync(zip)
    expect(Object.keys(files).filter((f) => f.endsWith('.pdf'))).toHaveLength(5)
    expect(Object.keys(files).filter((f) => f.endsWith('.docx'))).toHaveLength(4)
    expect(manifest.files.map((f) => f.file)).toContain('附件2-问题线索清单.xlsx')
    expect(manifest.notes).toContain('本轮尚未录入民主测评和问卷结果，本包无测评统计')
    const v = await verifyPackage(zip)
    expect(v.problems).toEqual([])
    expect(v.ok).toBe(true)
    // A changed byte is found.
    const bad = { ...files, '01-巡察报告.docx': new Uint8Array([...files['01-巡察报告.docx']!, 0]) }
    const { zipSync } = await import('fflate')
    expect((await verifyPackage(zipSync(bad))).problems.join()).toContain('SHA-256')
  }, 180_000)

  it('prints A4 PDFs with embedded subset fonts, the source text, and no line breaking 避头尾', () => {
    const files = unzipSync(zip)
    const path = join(dir, 'report.pdf')
    writeFileSync(path, files['01-巡察报告.pdf']!)
    const info = execFileSync('pdfinfo', [path], { encoding: 'utf8' })
    expect(info).toMatch(/Page size:\s+595\.2\d? x 841\.8\d? pts \(A4\)/)
    expect(Number(/Pages:\s+(\d+)/.exec(info)![1])).toBe(manifest.files.find((f) => f.file === '01-巡察报告.pdf')!.pages)
    const fonts = execFileSync('pdffonts', [path], { encoding: 'utf8' }).split('\n').slice(2).filter(Boolean)
    expect(fonts.length).toBeGreaterThan(0)
    for (const f of fonts) expect(f).toMatch(/\+\S+\s.*\byes\s+yes\b/) // subset (ABCDEF+Name), embedded, subset
    const raw = execFileSync('pdftotext', ['-raw', path, '-'], { encoding: 'utf8' })
    // Page numbers and the watermark sit between pages in the extracted text.
    const text = squash(raw).replace(/—\d+—(黄雨晴\d{4}-\d{2}-\d{2}\d{2}:\d{2})?/g, '')
    const report = reports[0]!
    for (const s of report.sections) for (const p of s.paragraphs) expect(text).toContain(squash(p.text))
    // The rotated watermark comes out one character per line: leave it out.
    const lines = raw
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l.length > 1)
    expect(lines.length).toBeGreaterThan(25)
    for (const l of lines) {
      expect(NO_LINE_START.has(l[0]!), `line starts with closing punctuation: ${l}`).toBe(false)
      expect(NO_LINE_END.has(l.at(-1)!), `line ends with opening punctuation: ${l}`).toBe(false)
    }
    expect(squash(raw)).toContain('—1—')
    expect(text).toContain('000007')
    expect(text).toContain('秘密★5年')
    // The 附件说明 lists the package's attachments by their numbers, then the 落款.
    const attachments = manifest.files.filter((f) => f.kind === 'attachment-xlsx')
    attachments.forEach((a, i) => expect(a.file.startsWith(`附件${i + 1}-`)).toBe(true))
    expect(text).toContain(`附件：1.${attachments[0]!.title}`)
    expect(text).toContain(`${attachments.length}.${attachments.at(-1)!.title}`)
    expect(text).toMatch(/区委第三巡察组2026年11月21日/)
  })

  it('bookmarks each report in the combined PDF', () => {
    const path = join(dir, 'combined.pdf')
    writeFileSync(path, unzipSync(zip)['00-报告合订本.pdf']!)
    const raw = readFileSync(path).toString('latin1')
    expect(raw).toMatch(/\/Outlines\s+\d+ 0 R/)
    expect((raw.match(/\/Parent \d+ 0 R/g) ?? []).length).toBeGreaterThan(4)
    const text = squash(execFileSync('pdftotext', ['-raw', path, '-'], { encoding: 'utf8' }))
    expect(text).toContain('目录')
    for (const r of reports) expect(text).toContain(squash(r.title))
    // Marked as its most protected part, with the 份号 that goes with a 机密 marking.
    expect(text).toContain('机密★10年')
    expect(text).not.toContain('秘密★5年')
    expect(text).toContain('000007')
  })

  it('writes Word files with the page set-up, fonts by name, headings and the text', async () => {
    const bytes = await reportDocx(reports[3]!, { marking: { level: '秘密', years: 1 }, copyNumber: 3 })
    const parts = unzipSync(bytes)
    const xml = new TextDecoder().decode(parts['word/document.xml'])
    expect(xml).toContain('w:w="11906"')
    expect(xml).toMatch(/w:top="2098"/)
    const styles = new TextDecoder().decode(parts['word/styles.xml'])
    expect(styles).toContain('w:eastAsia="仿宋_GB2312"')
    expect(styles).toContain('w:eastAsia="黑体"')
    const text = docxText(bytes)
    expect(text).toContain('秘密★1年')
    expect(text).toContain(`一、${reports[3]!.sections[0]!.heading}`)
    expect(text).toContain(reports[3]!.sections.find((s) => s.table)!.table!.rows[0]![0])
    const footers = Object.keys(parts)
      .filter((f) => /word\/footer\d+\.xml/.test(f))
      .map((f) => new TextDecoder().decode(parts[f]))
    expect(footers.some((f) => f.includes('PAGE') && f.includes('w:val="right"'))).toBe(true)
    expect(footers.some((f) => f.includes('w:val="left"'))).toBe(true)
    expect(new TextDecoder().decode(parts['word/settings.xml'])).toContain('evenAndOddHeaders')
  })

  it('reads the Excel attachments back', async () => {
    const ExcelJS = (await import('exceljs')).default
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(unzipSync(zip)['附件1-问题清单.xlsx']!.buffer as ArrayBuffer)
    const ws = wb.getWorksheet('问题清单')!
    expect(ws.getCell('A2').text).toBe('问题清单')
    expect(manifest.files.find((f) => f.file === '附件1-问题清单.xlsx')!.rows).toBe(
      snap.tables.workingPapers.filter((p) => !p.deleted && !p.mergedInto && p.disposition !== '转为线索').length,
    )
  })

  it('refuses a package with empty sections until the user confirms, naming them', async () => {
    const input = { snap, reports, user: '黄雨晴', at: '2026-11-21T09:30:00.000Z', today: '2026-11-21', includeClueList: true }
    await expect(buildPackage(input, { pdf })).rejects.toThrow(/报告检查：有 \d+ 个章节还没有内容（巡察报告“意见建议”/)
  })

  it('leaves the 问题线索清单 out when a non-组长 exports, and says so', async () => {
    const { manifest: m } = await buildPackage(
      {
        snap,
        reports: reports.slice(0, 1),
        user: '组员',
        at: '2026-11-21T09:30:00.000Z',
        today: '2026-11-21',
        includeClueList: false,
        allowEmpty: true,
      },
      { pdf },
    )
    expect(m.files.some((f) => f.file.includes('线索'))).toBe(false)
    // Attachments stay numbered 1, 2, 3… without the clue list's number.
    m.files.filter((f) => f.kind === 'attachment-xlsx').forEach((f, i) => expect(f.file.startsWith(`附件${i + 1}-`)).toBe(true))
    expect(m.notes.join()).toContain('仅组长可导出')
    expect(m.notes.join()).toContain('尚未起草领导班子情况汇总')
  }, 120_000)

  it('lists the files in package order however the PDF layouts finish, and reports progress to the end', async () => {
    // PDF layouts are all asked for at once (other workers may run them); here they finish last-asked first.
    let asked = 0
    const slowFirst = async (doc: Parameters<typeof buildOfficialPdf>[0], options: Parameters<typeof buildOfficialPdf>[2]) => {
      const wait = 60 * (6 - ++asked)
      const bytes = await pdf(doc, options)
      await new Promise((r) => setTimeout(r, wait))
      return bytes
    }
    const steps: [string, number, number][] = []
    const built = await buildPackage(
      {
        snap,
        reports,
        user: '黄雨晴',
        at: '2026-11-21T09:30:00.000Z',
        today: '2026-11-21',
        includeClueList: true,
        copyNumber: 7,
        allowEmpty: true,
      },
      { pdf: slowFirst, onProgress: (step, done, total) => steps.push([step, done, total]) },
    )
    expect(asked).toBe(5)
    expect(built.manifest.files.map((f) => f.file)).toEqual(manifest.files.map((f) => f.file))
    expect((await verifyPackage(built.zip)).ok).toBe(true)
    const dones = steps.map(([, done]) => done)
    expect(dones).toEqual([...dones].sort((a, b) => a - b))
    expect(steps.at(-1)).toEqual(['完成', steps[0]![2], steps[0]![2]])
    expect(steps.map(([s]) => s)).toContain('已排版合订本 PDF')
  }, 180_000)
})
