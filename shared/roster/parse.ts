// Reading an inspected unit's cadre roster (干部名册) from an .xlsx file.
import ExcelJS from 'exceljs'
import { CADRE_LABELS } from '../domain/labels'
import type { CadreCategory } from '../domain/types'
import { type CellData, cellData, cleanLine, cleanMultiline, cleanName, cleanPost, displayText } from './cells'
import { RosterImportError } from './errors'
import { headerField, NAME_HEADER } from './headers'
import { categoryFromRoles, parseCategory, type PostRoles, rolesFromCategory, rolesFromPost } from './roles'
import type { ParseRosterOptions, RosterColumn, RosterField, RosterParseResult, RosterProblem, RosterRow, RosterSkippedRow } from './types'
import { parseYearMonth } from './year-month'

/** The header must be within this many rows from the top. */
export const HEADER_SEARCH_ROWS = 10

type Sheet = ExcelJS.Worksheet
type Row = ExcelJS.Row

interface Header {
  row: number
  columns: RosterColumn[]
  /** Field → column number, first column wins. */
  fieldColumns: Map<RosterField, number>
  /** 序号 columns: recognised, never imported. */
  serialColumns: Set<number>
  /** A second header row (sub-headers under merged group headings), skipped as data. */
  continuationRow: number | null
}

function columnLetter(n: number): string {
  let s = ''
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s
  return s
}

function cellOf(row: Row, column: number): CellData {
  const cell = row.getCell(column)
  return cellData(cell.value, cell.numFmt ?? '')
}

function textOf(row: Row, column: number): string {
  return displayText(cellOf(row, column))
}

/** Readable text of every non-empty cell of a row, with the column number. */
function rowTexts(row: Row, columnCount: number): { column: number; text: string }[] {
  const out: { column: number; text: string }[] = []
  for (let c = 1; c <= columnCount; c++) {
    const text = textOf(row, c)
    if (text !== '') out.push({ column: c, text })
  }
  return out
}

async function loadWorkbook(bytes: Uint8Array | ArrayBuffer): Promise<ExcelJS.Workbook> {
  const view = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes)
  if (view.byteLength === 0) throw new RosterImportError('empty', '文件是空的，请重新选择干部名册文件')
  const magic = Array.from(view.subarray(0, 4))
  if (magic.join() === [0xd0, 0xcf, 0x11, 0xe0].join()) {
    throw new RosterImportError(
      'legacy-or-encrypted',
      '这是旧版 Excel（.xls）文件或设置了打开密码的文件，请在 Excel 中“另存为” .xlsx 格式（不设密码）后再导入',
    )
  }
  const notXlsx = () =>
    new RosterImportError(
      'not-xlsx',
      '文件不是有效的 Excel（.xlsx）文件，请确认选择的是干部名册 .xlsx 文件（.xls、.csv、.et 等请先在 Excel/WPS 中另存为 .xlsx）',
    )
  if (magic[0] !== 0x50 || magic[1] !== 0x4b) throw notXlsx()
  // ExcelJS's typings ask for a Buffer, which in its own declarations is just an ArrayBuffer.
  const buffer = view.buffer.slice(view.byteOffset, view.byteOffset + view.byteLength) as ArrayBuffer
  const workbook = new ExcelJS.Workbook()
  try {
    await workbook.xlsx.load(buffer)
  } catch {
    throw notXlsx()
  }
  if (workbook.worksheets.length === 0) throw notXlsx()
  return workbook
}

function readHeaderRow(row: Row, columnCount: number): { columns: RosterColumn[]; fields: Map<RosterField, number>; serial: Set<number> } {
  const columns: RosterColumn[] = []
  const fields = new Map<RosterField, number>()
  const serial = new Set<number>()
  for (const { column, text } of rowTexts(row, columnCount)) {
    const found = headerField(text)
    if (found === 'ignore') serial.add(column)
    const field = found && found !== 'ignore' && !fields.has(found) ? found : null
    if (field) fields.set(field, column)
    columns.push({ column, letter: columnLetter(column), header: text.replace(/\s+/g, ' ').trim(), field })
  }
  return { columns, fields, serial }
}

/** The row (within the first rows) with a 姓名 column and the most recognised columns. */
function findHeader(sheet: Sheet): Header | null {
  const columnCount = sheet.columnCount
  let best: Header | null = null
  const last = Math.min(HEADER_SEARCH_ROWS, sheet.rowCount)
  for (let r = 1; r <= last; r++) {
    const row = sheet.getRow(r)
    const { columns, fields, serial } = readHeaderRow(row, columnCount)
    if (!fields.has('name')) continue
    // The lower half of a two-row header repeats 姓名 through a vertical merge; the upper row is the header.
    if (isMergedFromAbove(row, fields.get('name')!)) continue
    if (best && fields.size <= best.fieldColumns.size) continue
    best = { row: r, columns, fieldColumns: fields, serialColumns: serial, continuationRow: null }
  }
  if (!best) return null

  // Two-row headers: group headings merged over sub-headings in the next row (任职情况 → 职务 | 任现职时间).
  const next = best.row + 1
  if (next <= sheet.rowCount) {
    const sub = readHeaderRow(sheet.getRow(next), columnCount)
    const nameColumn = best.fieldColumns.get('name')!
    const nameBelow = textOf(sheet.getRow(next), nameColumn)
    const nameCellFree = nameBelow === '' || headerField(nameBelow) === 'name'
    const added = [...sub.fields].filter(([field]) => !best.fieldColumns.has(field))
    if (nameCellFree && added.length > 0) {
      for (const [field, column] of added) {
        best.fieldColumns.set(field, column)
        const existing = best.columns.find((c) => c.column === column)
        const header = sub.columns.find((c) => c.column === column)!.header
        if (existing) Object.assign(existing, { header, field })
        else best.columns.push({ column, letter: columnLetter(column), header, field })
      }
      best.columns.sort((a, b) => a.column - b.column)
      best.continuationRow = next
    }
  }
  return best
}

const NOTE_ROW =
  /^(注|说明|备注|附注)(\s*[:：\d一二三四五六七八九十、.．(（]|$)|^(填表人|填报人|制表人|审核人|审核|联系人|联系电话|经办人|负责人|单位负责人|填表日期|填报日期|制表日期|统计日期|报送日期|填报单位|填表单位)|盖章/
const SECTION_HEADING = /^([一二三四五六七八九十]+[、.．]|[(（][一二三四五六七八九十\d]+[)）])/
const TOTAL_ROW = /^(合计|小计|总计|共计)/

function isMergedAcross(row: Row, column: number): boolean {
  const cell = row.getCell(column)
  if (!cell.isMerged) return false
  const master = cell.master
  const left = column > 1 ? row.getCell(column - 1).master : null
  const right = row.getCell(column + 1).master
  return left === master || right === master
}

/** True when the name cell is the lower part of a cell merged down from the row above. */
function isMergedFromAbove(row: Row, column: number): boolean {
  const cell = row.getCell(column)
  return cell.isMerged && cell.master !== cell && Number(cell.master.row) < row.number
}

function shorten(text: string, max = 30): string {
  const line = text.replace(/\s+/g, ' ').trim()
  return line.length > max ? `${line.slice(0, max)}…` : line
}

const OPTIONAL_FIELDS = ['politicalStatus', 'ethnicity', 'education', 'nativePlace'] as const

type Draft = Omit<RosterRow, 'category' | 'isTopLeader' | 'isDisciplineChief' | 'isLeadershipMember' | 'isMidLevelHead'> & {
  givenCategory: CadreCategory | null
}

/**
 * Read a cadre roster. Row-level trouble (bad dates, missing names) is reported in
 * `problems`; only a file that cannot be read at all throws a RosterImportError. Duplicate names are
 * kept: planRosterImport flags them and the user decides.
 */
export async function parseRoster(bytes: Uint8Array | ArrayBuffer, options: ParseRosterOptions = {}): Promise<RosterParseResult> {
  const workbook = await loadWorkbook(bytes)
  const date1904 = Boolean(workbook.properties?.date1904)

  let sheet: Sheet | undefined
  let header: Header | null = null
  if (options.sheetName !== undefined) {
    sheet = workbook.getWorksheet(options.sheetName)
    if (!sheet) throw new RosterImportError('no-sheet', `文件中没有名为“${options.sheetName}”的工作表`)
    header = findHeader(sheet)
  } else {
    const visible = workbook.worksheets.filter((s) => s.state !== 'hidden' && s.state !== 'veryHidden')
    for (const candidate of [...visible, ...workbook.worksheets.filter((s) => !visible.includes(s))]) {
      header = findHeader(candidate)
      if (header) {
        sheet = candidate
        break
      }
    }
    sheet ??= visible[0] ?? workbook.worksheets[0]
  }
  const found = header
  if (!sheet || !found) {
    throw new RosterImportError(
      'no-header',
      `未找到表头：需要包含“${NAME_HEADER}”列的表头行（在前${HEADER_SEARCH_ROWS}行内），请检查所选文件和工作表是否为干部名册`,
    )
  }

  const problems: RosterProblem[] = []
  const skipped: RosterSkippedRow[] = []
  const drafts: Draft[] = []
  const columnCount = sheet.columnCount
  const col = found.fieldColumns
  const nameColumn = col.get('name')!
  const knownColumns = new Set(found.columns.map((c) => c.column))
  const fieldCell = (row: Row, field: RosterField): CellData => {
    const c = col.get(field)
    return c === undefined ? { kind: 'empty' } : cellOf(row, c)
  }
  const fieldText = (row: Row, field: RosterField) => displayText(fieldCell(row, field))
  // 政治面貌, 民族, 学历, 籍贯 only when the file has the column, so a re-import never blanks them.
  const optionalLines = (row: Row) =>
    Object.fromEntries(OPTIONAL_FIELDS.filter((f) => col.has(f)).map((f) => [f, cleanLine(fieldText(row, f))])) as Pick<
      RosterRow,
      (typeof OPTIONAL_FIELDS)[number]
    >

  let pendingBlank: number[] = []
  for (let r = found.row + 1; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r)
    const texts = rowTexts(row, columnCount)
    if (texts.length === 0) {
      pendingBlank.push(r)
      continue
    }
    // Blank rows count only when something follows them: trailing empty (formatted) rows are ignored.
    for (const b of pendingBlank) skipped.push({ row: b, reason: '空行', suspect: true })
    pendingBlank = []

    const skip = (reason: string, suspect = false) => skipped.push({ row: r, reason, ...(suspect ? { suspect } : {}) })
    const first = texts[0]!.text
    const nameText = fieldText(row, 'name')
    const distinct = new Set(texts.map((t) => t.text))

    if (r === found.continuationRow) {
      skip('表头（第二行）')
      continue
    }
    if (headerField(nameText) === 'name') {
      skip('重复的表头行', true)
      continue
    }
    if (NOTE_ROW.test(first.normalize('NFKC').trim())) {
      skip(`说明行：${shorten(first)}`, true)
      continue
    }
    if (nameText !== '' && isMergedFromAbove(row, nameColumn)) {
      const prev = drafts.at(-1)
      if (prev && prev.sourceRow < r) {
        // A person spread over two rows: keep the extra 分工 / 备注 text with them.
        for (const field of ['duties', 'notes'] as const) {
          const c = col.get(field)
          const extra = c !== undefined && !isMergedFromAbove(row, c) ? cleanMultiline(fieldText(row, field)) : ''
          if (extra !== '') prev[field] = prev[field] ? `${prev[field]}\n${extra}` : extra
        }
      }
      skip('与上一行合并（姓名单元格合并）')
      continue
    }
    if (SECTION_HEADING.test(first) || (nameText !== '' && isMergedAcross(row, nameColumn))) {
      skip(`分组标题行：${shorten(first)}`)
      continue
    }
    // One long text, merged over several cells or in the name / an unnamed column: a note, not a person.
    const lone = texts[0]!.column
    if (distinct.size === 1 && first.length >= 10 && (texts.length > 1 || lone === nameColumn || !knownColumns.has(lone))) {
      skip(`说明行：${shorten(first)}`, true)
      continue
    }
    if (TOTAL_ROW.test(first)) {
      skip(`合计行：${shorten(first)}`)
      continue
    }
    if (texts.every((t) => found.serialColumns.has(t.column))) {
      skip('空行（只有序号）', true)
      continue
    }

    const name = cleanName(nameText)
    if (name === '') {
      problems.push({ row: r, message: `第${r}行：缺少${CADRE_LABELS.name}，该行未导入`, field: 'name', rowImported: false })
      continue
    }

    const rowProblems: RosterProblem[] = []
    const report = (field: RosterField, message: string) =>
      rowProblems.push({ row: r, message: `第${r}行：${message}`, field, rowImported: true })

    const genderText = cleanLine(fieldText(row, 'gender')).normalize('NFKC')
    let gender: RosterRow['gender'] = ''
    if (/^(男|男性|m|male)$/i.test(genderText)) gender = '男'
    else if (/^(女|女性|f|female)$/i.test(genderText)) gender = '女'
    else if (genderText !== '') report('gender', `${CADRE_LABELS.gender}“${genderText}”无法识别，该项已留空`)

    const yearMonth = (field: 'birth' | 'inPostSince') => {
      const cell = fieldCell(row, field)
      const result = parseYearMonth(cell, date1904)
      const label = CADRE_LABELS[field]
      if (!result.ok) {
        report(field, `${label}“${displayText(cell)}”${result.reason}，该项已留空`)
        return ''
      }
      if (result.warning) report(field, `${label}${result.warning}`)
      return result.value
    }
    const birth = yearMonth('birth')
    const inPostSince = yearMonth('inPostSince')

    const categoryText = cleanLine(fieldText(row, 'category'))
    const givenCategory = categoryText === '' ? null : parseCategory(categoryText)
    if (categoryText !== '' && !givenCategory) {
      report('category', `${CADRE_LABELS.category}“${categoryText}”无法识别，已按职务推断`)
    }

    drafts.push({
      sourceRow: r,
      name,
      gender,
      birth,
      post: cleanPost(fieldText(row, 'post')),
      duties: cleanMultiline(fieldText(row, 'duties')),
      inPostSince,
      department: cleanLine(fieldText(row, 'department')),
      ...optionalLines(row),
      notes: cleanMultiline(fieldText(row, 'notes')),
      givenCategory,
    })
    problems.push(...rowProblems)
  }

  const rows = assignRoles(drafts, problems)
  problems.sort((a, b) => a.row - b.row)
  return { sheetName: sheet.name, headerRow: found.row, columns: found.columns, rows, problems, skipped }
}

/** Category and flags: from the 对象类别 column when valid, otherwise from the post; one 一把手 only. */
function assignRoles(drafts: Draft[], problems: RosterProblem[]): RosterRow[] {
  const roles: PostRoles[] = drafts.map((d) => {
    const fromPost = rolesFromPost(d.post)
    return d.givenCategory ? rolesFromCategory(d.givenCategory, fromPost) : fromPost
  })
  const topIndexes = roles.flatMap((r, i) => (r.topLeader ? [i] : []))
  const given = topIndexes.filter((i) => drafts[i]!.givenCategory === '一把手')
  const keeper = given[0] ?? topIndexes[0]
  for (const i of topIndexes) {
    if (i === keeper || drafts[i]!.givenCategory === '一把手') continue
    roles[i] = { ...roles[i]!, topLeader: false, leadershipMember: true }
    const d = drafts[i]!
    const k = drafts[keeper!]!
    problems.push({
      row: d.sourceRow,
      message: `第${d.sourceRow}行：职务“${d.post}”也像一把手，但已将第${k.sourceRow}行${k.name}认定为一把手，本行按班子成员导入，请核对`,
      field: 'category',
      rowImported: true,
    })
  }
  return drafts.map((d, i) => {
    const r = roles[i]!
    const { givenCategory, ...rest } = d
    return {
      ...rest,
      category: givenCategory ?? categoryFromRoles(r),
      isTopLeader: r.topLeader,
      isDisciplineChief: r.disciplineChief,
      isLeadershipMember: r.leadershipMember,
      isMidLevelHead: r.midLevelHead,
    }
  })
}
