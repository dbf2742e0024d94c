// The XML read-back against ExcelJS's own reading of the same files: both must agree on every
// figure the exports verify (sheets, states, headers, rows), for our ledgers and for workbooks
// written with other ExcelJS options (inline strings, merges, formulas, no frozen pane).
import ExcelJS from 'exceljs'
import { strToU8, unzipSync, zipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import { transferList } from '../casework/lists'
import { notesSheet } from '../registers/exports'
import { buildSampleRound } from '../sample'
import { readBackXlsx, type ReadBackSheet } from './read-back'
import { buildLedgerXlsx } from './xlsx-ledger'

/** What the read-back gave before it read the XML itself: ExcelJS's model of the loaded file. */
async function viaExcelJs(bytes: Uint8Array): Promise<ReadBackSheet[]> {
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.load(bytes as unknown as ArrayBuffer)
  const out: ReadBackSheet[] = []
  wb.eachSheet((ws) => {
    const view = ws.views?.[0] as { state?: string; ySplit?: number } | undefined
    const headerRow = view?.state === 'frozen' && view.ySplit ? view.ySplit : 1
    const headers: string[] = []
    ws.getRow(headerRow).eachCell({ includeEmpty: false }, (cell) => void headers.push(cell.text))
    let dataRows = 0
    ws.eachRow((row, n) => void (n > headerRow && row.hasValues && dataRows++))
    out.push({ name: ws.name, state: (ws.state as ReadBackSheet['state']) ?? 'visible', rowCount: ws.actualRowCount, dataRows, headers })
  })
  return out
}

const bytesOf = async (wb: ExcelJS.Workbook, options?: Partial<ExcelJS.XlsxWriteOptions>) => {
  const buf = (await wb.xlsx.writeBuffer(options)) as unknown as Uint8Array
  return new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength)
}

const snap = buildSampleRound()
const people = new Map(snap.tables.people.map((p) => [p.id, p.name]))

describe('readBackXlsx', () => {
  it('agrees with ExcelJS on a ledger of the sample round, with a sign-off footer and a list sheet', async () => {
    const notes = notesSheet({
      docs: snap.tables.documents,
      notes: snap.tables.documentNotes,
      framework: snap.round.framework,
      nameOf: (id) => people.get(id) ?? '',
      linksOf: () => '底稿 1',
    })
    const clues = transferList({
      round: snap.round,
      papers: snap.tables.workingPapers,
      clues: snap.tables.clues,
      cadres: [],
      today: '2026-11-21',
    })
    expect(clues.footer?.length).toBeGreaterThan(0)
    const bytes = await buildLedgerXlsx(
      [notes, clues, { ...notes, name: '带下拉', columns: [...notes.columns, { header: '状态', key: 's', list: ['待核', '已核'] }] }],
      { marking: { level: '内部' }, unitName: '某局' },
    )
    const back = await readBackXlsx(bytes)
    expect(back.sheets).toEqual(await viaExcelJs(bytes))
    expect(back.sheets[0]).toMatchObject({ name: '审阅笔记', dataRows: notes.rows.length, headers: notes.columns.map((c) => c.header) })
    expect(back.sheets[1]!.dataRows).toBe(clues.rows.length + clues.footer!.length)
    expect(back.sheets.find((s) => s.state === 'veryHidden')?.headers).toEqual(['待核'])
  })

  it('agrees with ExcelJS on inline strings, merges, formulas, booleans, escapes and no frozen pane', async () => {
    const wb = new ExcelJS.Workbook()
    const ws = wb.addWorksheet('A&B <名>')
    ws.getCell('A1').value = '姓名 & "职务"'
    ws.getCell('B1').value = 42
    ws.getCell('C1').value = true
    ws.mergeCells('D1:E1')
    ws.getCell('D1').value = '合并表头'
    ws.getCell('A3').value = { formula: '1+1', result: 2 }
    ws.getCell('B4').font = { bold: true } // styled but empty: not a row with content
    ws.mergeCells('A6:A8') // vertical merge: rows 7 and 8 count, as in ExcelJS
    ws.getCell('A6').value = '跨行'
    ws.getCell('C10').value = { richText: [{ text: '富' }, { text: '文本', font: { bold: true } }] }
    wb.addWorksheet('隐藏', { state: 'hidden' }).getCell('A1').value = '隐'
    for (const useSharedStrings of [true, false]) {
      const bytes = await bytesOf(wb, { useSharedStrings })
      const back = await readBackXlsx(bytes)
      expect(back.sheets).toEqual(await viaExcelJs(bytes))
      expect(back.sheets[0]).toMatchObject({
        name: 'A&B <名>',
        headers: ['姓名 & "职务"', '42', 'true', '合并表头', '合并表头'],
        dataRows: 5,
      })
    }
  })

  it('says so when the bytes are not a workbook or a sheet part is missing', async () => {
    await expect(readBackXlsx(new Uint8Array([1, 2, 3]))).rejects.toThrow('不是有效的 Excel 工作簿')
    const files = unzipSync(
      await buildLedgerXlsx([{ name: '表', title: '表', columns: [{ header: '甲', key: 'a' }], rows: [{ a: 1 }] }], {
        marking: { level: '内部' },
      }),
    )
    delete files['xl/worksheets/sheet1.xml']
    await expect(readBackXlsx(zipSync(files))).rejects.toThrow('缺少 xl/worksheets/sheet1.xml')
    await expect(readBackXlsx(zipSync({ 'a.txt': strToU8('x') }))).rejects.toThrow('缺少 xl/_rels/workbook.xml.rels')
  })
})
