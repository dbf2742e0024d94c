// The content check fails an export that lost something, and says where: a PDF without a table row,
// a Word file without a paragraph, a workbook without a row.
import { describe, expect, it } from 'vitest'
import { REPORT_KINDS, type Report } from '../../shared/domain/types'
import { docExpectations, missingTexts } from '../../shared/export/content-check'
import { buildOfficialPdf, type OfficialDoc } from '../../shared/export/pdf-document'
import { pdfTextPieces } from '../../shared/export/pdf-text'
import { buildLedgerXlsx, checkLedgerContent, type LedgerSheet } from '../../shared/export/xlsx-ledger'
import { reportDocx } from '../../shared/reports/docx'
import { generateDraft } from '../../shared/reports/draft'
import { checkDocxContent } from '../../shared/reports/package'
import { newReport } from '../../shared/reports/report'
import { DEFAULT_TEMPLATES } from '../../shared/reports/templates'
import { buildSampleRound } from '../../shared/sample'
import { loadBundledFonts } from './fonts'

const snap = buildSampleRound()
const report = {
  id: 'r',
  createdAt: '',
  updatedAt: '',
  updatedBy: '',
  deviceId: '',
  ...newReport(snap.round.id, generateDraft(REPORT_KINDS[0], DEFAULT_TEMPLATES[REPORT_KINDS[0]], snap), 'T'),
} as Report

describe('content proof at export', () => {
  it('finds every row of a PDF table in its text layer, and names the row a PDF lacks', async () => {
    const doc: OfficialDoc = {
      title: '调阅资料清单',
      blocks: [
        { kind: 'heading', level: 1, text: '调阅情况' },
        {
          kind: 'table',
          columns: [{ header: '资料名称' }, { header: '数量' }],
          rows: [
            ['=2026年党组会议记录', 3],
            ['@三重一大决策台账', 12],
            ['+财务凭证（2025年）', 40],
          ],
        },
      ],
    }
    const bytes = await buildOfficialPdf(doc, loadBundledFonts(), { marking: { level: '内部' } })
    const pieces = await pdfTextPieces(bytes)
    expect(missingTexts(docExpectations(doc), pieces)).toEqual([])
    const longer: OfficialDoc = {
      ...doc,
      blocks: [
        doc.blocks[0]!,
        {
          ...(doc.blocks[1] as Extract<OfficialDoc['blocks'][number], { kind: 'table' }>),
          rows: [
            ['=2026年党组会议记录', 3],
            ['-工程项目结算书', 5],
            ['@三重一大决策台账', 12],
            ['+财务凭证（2025年）', 40],
          ],
        },
      ],
    }
    expect(missingTexts(docExpectations(longer), pieces).map((m) => m.place)).toEqual(['《调阅资料清单》“调阅情况”表格第2行'])
  }, 60_000)

  it('fails a Word file that lacks a paragraph of its report, naming the section and paragraph', async () => {
    const bytes = await reportDocx(report, { marking: { level: '秘密', years: 5 } })
    expect(() => checkDocxContent('巡察报告 Word ', report, bytes)).not.toThrow()
    const at = report.sections.findIndex((s) => s.level > 0 && s.paragraphs.filter((p) => p.text.trim()).length >= 2)
    const section = report.sections[at]!
    const extra = {
      ...report,
      sections: report.sections.map((s, i) =>
        i === at
          ? {
              ...s,
              paragraphs: [s.paragraphs[0]!, { ...s.paragraphs[0]!, text: '该局2025年度预算执行率仅为61.3%。' }, ...s.paragraphs.slice(1)],
            }
          : s,
      ),
    }
    expect(() => checkDocxContent('巡察报告 Word ', extra, bytes)).toThrow(`《${report.title}》“${section.heading}”第2段`)
  }, 60_000)

  it('fails a workbook that lacks a row, naming the sheet and the row', async () => {
    const sheet: LedgerSheet = {
      name: '问题清单',
      title: '问题清单',
      serial: true,
      columns: [
        { header: '问题', key: 'text', kind: 'wrap' },
        { header: '发现日期', key: 'date', kind: 'date' },
        { header: '金额', key: 'n', kind: 'number' },
      ],
      rows: [
        { text: '=SUM(A1:A9) 公式样文字', date: '2026-11-21', n: 12.5 },
        { text: '陈𠈌同志违规报销', date: '2026-10-01', n: 3 },
      ],
    }
    const bytes = await buildLedgerXlsx([sheet], { marking: { level: '内部' } })
    await expect(checkLedgerContent('问题清单.xlsx ', [sheet], bytes)).resolves.toBeUndefined()
    const more = { ...sheet, rows: [sheet.rows[0]!, { text: '另一条问题', date: '2026-10-02', n: 1 }, sheet.rows[1]!] }
    await expect(checkLedgerContent('问题清单.xlsx ', [more], bytes)).rejects.toThrow('工作表“问题清单”第6行')
  })
})
