// Re-read an exported workbook ("exported files are re-read" rule): proves the file opens and has the
// sheets, headers and row counts we meant to write.
import ExcelJS from 'exceljs'

export interface ReadBackSheet {
  name: string
  state: 'visible' | 'hidden' | 'veryHidden'
  /** Rows with content, title and header rows included (ExcelJS actualRowCount). */
  rowCount: number
  /** Data rows below the header row. */
  dataRows: number
  /** Header row: the row above the frozen pane, or row 1 when nothing is frozen. */
  headers: string[]
}

export async function readBackXlsx(bytes: Uint8Array): Promise<{ sheets: ReadBackSheet[] }> {
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.load(bytes as unknown as ArrayBuffer)
  const sheets: ReadBackSheet[] = []
  wb.eachSheet((ws) => {
    const view = ws.views?.[0] as { state?: string; ySplit?: number } | undefined
    const headerRow = view?.state === 'frozen' && view.ySplit ? view.ySplit : 1
    const headers: string[] = []
    ws.getRow(headerRow).eachCell({ includeEmpty: false }, (cell) => {
      headers.push(cell.text)
    })
    let dataRows = 0
    ws.eachRow((row, n) => {
      if (n > headerRow && row.hasValues) dataRows++
    })
    sheets.push({
      name: ws.name,
      state: (ws.state as ReadBackSheet['state']) ?? 'visible',
      rowCount: ws.actualRowCount,
      dataRows,
      headers,
    })
  })
  return { sheets }
}
