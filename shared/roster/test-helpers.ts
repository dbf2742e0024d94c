// Building small rosters in memory for the tests.
import ExcelJS from 'exceljs'

export interface SheetSpec {
  name?: string
  rows: ExcelJS.CellValue[][]
  merges?: string[]
  /** Last-minute changes (number formats, hidden state…). */
  setup?: (sheet: ExcelJS.Worksheet) => void
}

export async function xlsx(...sheets: SheetSpec[]): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook()
  sheets.forEach((spec, i) => {
    const sheet = workbook.addWorksheet(spec.name ?? `Sheet${i + 1}`)
    spec.rows.forEach((values, r) => {
      values.forEach((value, c) => {
        if (value !== undefined) sheet.getCell(r + 1, c + 1).value = value
      })
    })
    for (const range of spec.merges ?? []) sheet.mergeCells(range)
    spec.setup?.(sheet)
  })
  return new Uint8Array(await workbook.xlsx.writeBuffer())
}
