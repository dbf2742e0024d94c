import { describe, expect, it } from 'vitest'
import { exportFileName, markingFor, pdfPageCount } from './delivery'

describe('export delivery rules', () => {
  it('uses the marking set for the kind, else the round default', () => {
    const round = { defaultMarking: { level: '内部' as const }, markings: { 清理证明: { level: '秘密' as const, years: 1 } } }
    expect(markingFor(round, '清理证明')).toEqual({ level: '秘密', years: 1 })
    expect(markingFor(round, '审计日志')).toEqual({ level: '内部' })
  })
  it('names files after the unit, the kind and the day, without characters Windows refuses', () => {
    expect(exportFileName({ unitName: '区农业/农村局党委' }, '审计日志', 'xlsx', new Date(2026, 10, 21))).toBe(
      '区农业／农村局党委-审计日志-2026-11-21.xlsx',
    )
  })
  it('counts the pages of a PDF and refuses a truncated one', () => {
    const pdf = new TextEncoder().encode(
      '%PDF-1.3\n1 0 obj <</Type /Pages /Kids [2 0 R 3 0 R]>>\n2 0 obj <</Type /Page>>\n3 0 obj <</Type/Page>>\n%%EOF\n',
    )
    expect(pdfPageCount(pdf)).toBe(2)
    expect(() => pdfPageCount(pdf.subarray(0, 40))).toThrow('PDF 文件不完整')
  })
})
