import ExcelJS from 'exceljs'
import { strFromU8, unzipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import { readBackXlsx } from './read-back'
import { buildLedgerXlsx, columnWidth, DATE_FORMAT, displayWidth, LIST_SHEET, safeSheetName, type LedgerSheet } from './xlsx-ledger'

const LONG_LIST = Array.from({ length: 40 }, (_, i) => `第${i + 1}类问题：违反中央八项规定精神`)

const sheet: LedgerSheet = {
  name: '问题台账',
  title: '巡察发现问题台账',
  serial: true,
  columns: [
    { header: '问题描述', key: 'desc', kind: 'wrap' },
    { header: '类别', key: 'cat', list: LONG_LIST },
    { header: '发现日期', key: 'date', kind: 'date' },
    { header: '金额（万元）', key: 'amount', kind: 'number' },
    { header: '备注', key: 'note' },
    { header: '短', key: 'short' },
  ],
  rows: [
    {
      desc: '违规发放津补贴，涉及人员较多，需进一步核实具体金额和责任人员',
      cat: LONG_LIST[0],
      date: '2026-11-21',
      amount: 12.5,
      note: '=1+1',
      short: 'a',
    },
    { desc: '公车私用', cat: LONG_LIST[3], date: new Date(2026, 0, 5), amount: '3', note: '+SUM(A1:A2)', short: '@x' },
    { desc: '-2+3', cat: '', date: '', amount: null, note: '普通备注', short: '' },
  ],
}

async function build() {
  const bytes = await buildLedgerXlsx(
    [sheet, { name: 'a/b:c*?[名]', title: '第二张', columns: [{ header: '姓名', key: 'n' }], rows: [{ n: '张三' }] }],
    {
      marking: { level: '内部' },
      unitName: '某某局',
      generatedBy: '刘洋',
      generatedAt: new Date(2026, 10, 21, 14, 5),
    },
  )
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.load(bytes as unknown as ArrayBuffer)
  return { bytes, wb, ws: wb.getWorksheet('问题台账')! }
}

describe('buildLedgerXlsx', () => {
  it('writes marking, title, subtitle and a bold header', async () => {
    const { ws } = await build()
    expect(ws.getCell('A1').value).toBe('内部')
    expect(ws.getCell('A2').value).toBe('巡察发现问题台账')
    expect(ws.getCell('A2').font).toMatchObject({ bold: true, size: 16 })
    expect(ws.getCell('A2').alignment).toMatchObject({ horizontal: 'center' })
    expect(ws.getCell('A2').isMerged).toBe(true)
    expect(ws.getCell('G2').master.address).toBe('A2')
    expect(String(ws.getCell('A3').value)).toBe('单位：某某局    导出时间：2026年11月21日 14:05    导出人：刘洋')
    expect(ws.getRow(4).values).toEqual([undefined, '序号', '问题描述', '类别', '发现日期', '金额（万元）', '备注', '短'])
    expect(ws.getCell('B4').font).toMatchObject({ bold: true })
    expect(ws.getCell('B5').border).toMatchObject({ top: { style: 'thin' }, bottom: { style: 'thin' } })
    expect(ws.getCell('B5').alignment).toMatchObject({ wrapText: true })
  })

  it('numbers rows, freezes below the header, filters and prints A4 landscape one page wide', async () => {
    const { ws } = await build()
    expect([ws.getCell('A5').value, ws.getCell('A6').value, ws.getCell('A7').value]).toEqual([1, 2, 3])
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 4 })
    expect(ws.autoFilter).toBe('A4:G7')
    expect(ws.pageSetup).toMatchObject({
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: '4:4',
    })
    expect(ws.headerFooter.oddFooter).toContain('&P / &N')
    expect(ws.headerFooter.oddHeader).toContain('内部')
  })

  it('puts list validations on a hidden sheet range, never inline', async () => {
    const { wb, ws, bytes } = await build()
    expect(LONG_LIST.join(',').length).toBeGreaterThan(255)
    const v = ws.getCell('C5').dataValidation
    expect(v.type).toBe('list')
    expect(v.formulae).toEqual([`'${LIST_SHEET}'!$A$1:$A$40`])
    expect(ws.getCell('C207').dataValidation?.type).toBe('list') // 3 rows + 200 spare
    expect(ws.getCell('C208').dataValidation?.type).toBeUndefined()
    const lists = wb.getWorksheet(LIST_SHEET)!
    expect(lists.state).toBe('veryHidden')
    expect(lists.getCell('A40').value).toBe(LONG_LIST[39])
    const xml = strFromU8(unzipSync(bytes)['xl/worksheets/sheet1.xml']!)
    expect(xml).toContain(`sqref="C5:C207"><formula1>&apos;${LIST_SHEET}&apos;!$A$1:$A$40</formula1>`)
    expect(xml.match(/<dataValidation /g)).toHaveLength(1)
  })

  it('writes real UTC dates shown as 2026年11月21日', async () => {
    const { ws } = await build()
    const d = ws.getCell('D5').value
    expect(d).toBeInstanceOf(Date)
    expect((d as Date).toISOString()).toBe('2026-11-21T00:00:00.000Z')
    expect(ws.getCell('D5').numFmt).toBe(DATE_FORMAT)
    expect(DATE_FORMAT).toBe('yyyy"年"m"月"d"日"')
    expect((ws.getCell('D6').value as Date).toISOString()).toBe('2026-01-05T00:00:00.000Z')
    expect(ws.getCell('D7').value).toBeNull()
    expect(ws.getCell('E5').value).toBe(12.5)
    expect(ws.getCell('E6').value).toBe(3)
  })

  it('keeps user text that looks like a formula as text', async () => {
    const { ws, bytes } = await build()
    for (const [addr, text] of [
      ['F5', '=1+1'],
      ['F6', '+SUM(A1:A2)'],
      ['G6', '@x'],
      ['B7', '-2+3'],
    ] as const) {
      expect(ws.getCell(addr).value).toBe(text)
      expect(ws.getCell(addr).type).toBe(ExcelJS.ValueType.String)
    }
    const xml = strFromU8(unzipSync(bytes)['xl/worksheets/sheet1.xml']!)
    expect(xml).not.toMatch(/<f[ >]/)
    expect(xml).toMatch(/<c r="F5"[^>]* t="s"/)
  })

  it('sizes columns from content, CJK counting double, capped', async () => {
    const { ws } = await build()
    const w = (c: string) => ws.getColumn(c).width!
    expect(w('B')).toBeGreaterThan(w('F'))
    expect(w('C')).toBeGreaterThan(w('G'))
    expect(w('B')).toBeLessThanOrEqual(40)
    expect(w('G')).toBe(6)
    expect(displayWidth('巡察a1')).toBe(6)
    expect(columnWidth('备注', ['短'], 'text')).toBe(6)
    expect(columnWidth('备注', ['这是一段比较长的中文备注'], 'text')).toBe(26)
    expect(columnWidth('备注', ['这'.repeat(100)], 'text')).toBe(50)
  })

  it('reports its progress, rows first, then the packed file', async () => {
    const seen: number[] = []
    const rows = Array.from({ length: 4500 }, (_, i) => ({ n: `第${i + 1}条` }))
    await buildLedgerXlsx(
      [
        { name: '甲', title: '甲', columns: [{ header: '内容', key: 'n' }], rows },
        { ...sheet, name: '乙' },
      ],
      { marking: { level: '内部' }, onProgress: (p) => seen.push(p) },
    )
    expect(seen.length).toBeGreaterThan(3)
    expect(seen).toEqual([...seen].sort((a, b) => a - b))
    expect(seen.at(-2)).toBeCloseTo(0.7)
    expect(seen.at(-1)).toBe(1)
  })

  it('cleans sheet names to Excel rules', () => {
    const taken = new Set<string>()
    expect(safeSheetName('a/b:c*?[名]', taken)).toBe('a_b_c___名_')
    expect(safeSheetName('A/B:C*?[名]', taken)).toBe('A_B_C___名_(2)')
    expect(Array.from(safeSheetName('长'.repeat(40), taken))).toHaveLength(31)
  })
})

describe('readBackXlsx', () => {
  it('re-reads sheets, headers and row counts', async () => {
    const { bytes } = await build()
    const back = await readBackXlsx(bytes)
    expect(back.sheets.map((s) => [s.name, s.state])).toEqual([
      ['问题台账', 'visible'],
      [LIST_SHEET, 'veryHidden'],
      ['a_b_c___名_', 'visible'],
    ])
    expect(back.sheets[0]).toMatchObject({
      headers: ['序号', '问题描述', '类别', '发现日期', '金额（万元）', '备注', '短'],
      dataRows: 3,
      rowCount: 7,
    })
    expect(back.sheets[2]).toMatchObject({ headers: ['姓名'], dataRows: 1 })
  })

  it('rejects bytes that are not a workbook', async () => {
    await expect(readBackXlsx(new Uint8Array([1, 2, 3]))).rejects.toThrow()
  })
})
