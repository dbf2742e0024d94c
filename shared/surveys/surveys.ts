// 民主测评 and 问卷调查 results: checks, figures for the reports, the 测评统计 sheets and the
// import of an xlsx filled in by the team (guide §8: the topic papers quote these figures).
import ExcelJS from 'exceljs'
import { SURVEY_LABELS as L } from '../domain/labels'
import type { Cadre, SurveyResults } from '../domain/types'
import type { Verdict } from '../round/validation'
import type { LedgerSheet } from '../export/xlsx-ledger'

export const DEFAULT_SCALE = ['好', '较好', '一般', '差']

export function emptySurvey(): SurveyResults {
  return {
    scale: [...DEFAULT_SCALE],
    ballots: { handedOut: 0, returned: 0 },
    cadres: [],
    questionnaire: { handedOut: 0, returned: 0, questions: [] },
  }
}

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0)
const isCount = (n: unknown) => typeof n === 'number' && Number.isInteger(n) && n >= 0

export function checkSurvey(s: SurveyResults): Verdict {
  const errors: string[] = []
  const warnings: string[] = []
  if (s.scale.length < 2 || s.scale.some((g) => !g.trim())) errors.push('评价等次至少两个且不能为空')
  if (new Set(s.scale).size !== s.scale.length) errors.push('评价等次不能重复')
  for (const [what, b] of [
    ['民主测评票', s.ballots],
    ['调查问卷', s.questionnaire],
  ] as const) {
    if (!isCount(b.handedOut) || !isCount(b.returned)) errors.push(`${what}的发放、收回份数应为非负整数`)
    else if (b.returned > b.handedOut) errors.push(`${what}收回 ${b.returned} 份，多于发放的 ${b.handedOut} 份`)
  }
  const names = new Set<string>()
  for (const c of s.cadres) {
    if (!c.name.trim()) errors.push('测评对象的姓名不能为空')
    if (names.has(c.name)) errors.push(`测评对象“${c.name}”重复`)
    names.add(c.name)
    if (c.counts.length !== s.scale.length || !c.counts.every(isCount)) errors.push(`“${c.name}”的票数应为每个等次一个非负整数`)
    else if (sum(c.counts) > s.ballots.returned) errors.push(`“${c.name}”共 ${sum(c.counts)} 票，多于收回的 ${s.ballots.returned} 份测评票`)
    if (!c.cadreId) warnings.push(`“${c.name}”不在干部名册中，报告将无法按人引用其测评结果`)
  }
  for (const q of s.questionnaire.questions) {
    if (!q.text.trim()) errors.push('问卷题目不能为空')
    if (q.options.length !== q.counts.length || !q.counts.every(isCount)) errors.push(`问卷题目“${q.text}”的选项人数应为非负整数`)
    else if (sum(q.counts) > s.questionnaire.returned) warnings.push(`问卷题目“${q.text}”的作答人数多于收回份数（多选题可忽略）`)
  }
  return { errors, warnings }
}

/** Share of the top two grades (好 and 较好), 0–1; null when nobody voted. */
export function goodRate(counts: number[]): number | null {
  const total = sum(counts)
  return total ? ((counts[0] ?? 0) + (counts[1] ?? 0)) / total : null
}

export const percent = (r: number | null) => (r === null ? '—' : `${(Math.round(r * 1000) / 10).toFixed(1)}%`)

/** The sentence a topic paper quotes about one cadre, or '' when the cadre was not rated. */
export function cadreSurveyPhrase(s: SurveyResults | undefined, cadreId: string): string {
  const c = s?.cadres.find((x) => x.cadreId === cadreId)
  if (!s || !c || sum(c.counts) === 0) return ''
  const parts = s.scale.map((g, i) => `“${g}”${c.counts[i] ?? 0}票`).join('、')
  return `民主测评共收回测评票${s.ballots.returned}份，对${c.name}同志的评价为${parts}，${s.scale
    .slice(0, 2)
    .map((g) => `“${g}”`)
    .join('和')}率${percent(goodRate(c.counts))}。`
}

export function surveyWorkPhrase(s: SurveyResults | undefined): string {
  if (!s) return ''
  const parts: string[] = []
  if (s.ballots.returned) parts.push(`开展民主测评，收回测评票${s.ballots.returned}份`)
  if (s.questionnaire.returned) parts.push(`问卷调查收回问卷${s.questionnaire.returned}份`)
  return parts.join('，')
}

/** 测评统计: one sheet of votes per cadre, one of questionnaire answers. */
export function surveySheets(s: SurveyResults): LedgerSheet[] {
  const gradeCols = s.scale.map((g, i) => ({ header: g, key: `g${i}`, kind: 'number' as const }))
  const votes: LedgerSheet = {
    name: '民主测评',
    title: '民主测评统计表',
    serial: true,
    subtitle: `${L.handedOut} ${s.ballots.handedOut} 份，${L.returned} ${s.ballots.returned} 份`,
    columns: [
      { header: L.name, key: 'name' },
      { header: L.post, key: 'post', kind: 'wrap' },
      ...gradeCols,
      { header: '合计', key: 'total', kind: 'number' },
      { header: L.goodRate, key: 'rate' },
    ],
    rows: s.cadres.map((c) => ({
      name: c.name,
      post: c.post,
      ...Object.fromEntries(c.counts.map((n, i) => [`g${i}`, n])),
      total: sum(c.counts),
      rate: percent(goodRate(c.counts)),
    })),
  }
  const answers: LedgerSheet = {
    name: '问卷调查',
    title: '问卷调查统计表',
    serial: true,
    subtitle: `${L.handedOut} ${s.questionnaire.handedOut} 份，${L.returned} ${s.questionnaire.returned} 份`,
    columns: [
      { header: L.question, key: 'question', kind: 'wrap' },
      { header: L.option, key: 'option' },
      { header: L.count, key: 'count', kind: 'number' },
      { header: L.share, key: 'share' },
    ],
    rows: s.questionnaire.questions.flatMap((q) =>
      q.options.map((o, i) => ({
        question: q.text,
        option: o,
        count: q.counts[i] ?? 0,
        share: percent(sum(q.counts) ? (q.counts[i] ?? 0) / sum(q.counts) : null),
      })),
    ),
  }
  return [votes, answers]
}

export class SurveyImportError extends Error {}

const cellText = (v: ExcelJS.CellValue): string => {
  if (v === null || v === undefined) return ''
  if (typeof v === 'object' && 'result' in v) return String(v.result ?? '').trim()
  if (typeof v === 'object' && 'richText' in v)
    return v.richText
      .map((r) => r.text)
      .join('')
      .trim()
  return String(v).trim()
}
const cellCount = (v: ExcelJS.CellValue, where: string): number => {
  const t = cellText(v)
  if (t === '') return 0
  const n = Number(t)
  if (!Number.isInteger(n) || n < 0) throw new SurveyImportError(`${where}应为非负整数，实际是“${t}”`)
  return n
}

/**
 * Reads the team's 测评 workbook: sheet 民主测评 (header row with 姓名, 职务 and one column per
 * grade), optional sheet 问卷 (题目 | 选项 | 人数; a blank 题目 continues the question above) and
 * sheet 概况 (项目 | 发放 | 收回, rows 民主测评 and 问卷调查). Cadres are matched by name.
 */
export async function parseSurveyXlsx(bytes: Uint8Array, cadres: Pick<Cadre, 'id' | 'name' | 'post'>[]): Promise<SurveyResults> {
  if (bytes.byteLength < 4 || bytes[0] !== 0x50 || bytes[1] !== 0x4b)
    throw new SurveyImportError('文件不是有效的 Excel（.xlsx）文件，请在 Excel/WPS 中另存为 .xlsx 后再导入')
  const wb = new ExcelJS.Workbook()
  try {
    await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer)
  } catch {
    throw new SurveyImportError('文件不是有效的 Excel（.xlsx）文件，请在 Excel/WPS 中另存为 .xlsx 后再导入')
  }
  const ws = wb.getWorksheet('民主测评')
  if (!ws) throw new SurveyImportError('找不到名为“民主测评”的工作表（表头：姓名、职务、好、较好、一般、差）')
  let headerRow = 0
  ws.eachRow((row, n) => {
    if (!headerRow && (row.values as ExcelJS.CellValue[]).some((v) => cellText(v) === '姓名')) headerRow = n
  })
  if (!headerRow) throw new SurveyImportError('“民主测评”工作表中找不到含“姓名”的表头行')
  const header = (ws.getRow(headerRow).values as ExcelJS.CellValue[]).map(cellText)
  const nameCol = header.indexOf('姓名')
  const postCol = header.indexOf('职务')
  const skip = new Set(['序号', '姓名', '职务', '备注', '合计', '好和较好率', ''])
  const gradeCols = header.map((h, i) => ({ h, i })).filter(({ h, i }) => i > 0 && !skip.has(h))
  if (gradeCols.length < 2) throw new SurveyImportError('“民主测评”表头中至少要有两个评价等次列（如 好、较好、一般、差）')
  const out = emptySurvey()
  out.scale = gradeCols.map((g) => g.h)
  const byName = new Map(cadres.map((c) => [c.name, c]))
  for (let n = headerRow + 1; n <= ws.rowCount; n++) {
    const row = ws.getRow(n)
    const name = cellText(row.getCell(nameCol).value)
    if (!name) continue
    const match = byName.get(name)
    out.cadres.push({
      cadreId: match?.id ?? '',
      name,
      post: postCol > 0 ? cellText(row.getCell(postCol).value) || match?.post || '' : (match?.post ?? ''),
      counts: gradeCols.map((g) => cellCount(row.getCell(g.i).value, `民主测评第 ${n} 行“${g.h}”`)),
    })
  }
  if (out.cadres.length === 0) throw new SurveyImportError('“民主测评”工作表没有测评对象')

  const q = wb.getWorksheet('问卷')
  if (q) {
    let current: SurveyResults['questionnaire']['questions'][number] | undefined
    q.eachRow((row, n) => {
      if (n === 1) return
      const [text, option, count] = [1, 2, 3].map((i) => row.getCell(i).value)
      if (cellText(text)) out.questionnaire.questions.push((current = { text: cellText(text), options: [], counts: [] }))
      if (!cellText(option)) return
      if (!current) throw new SurveyImportError(`“问卷”第 ${n} 行有选项但没有题目`)
      current.options.push(cellText(option))
      current.counts.push(cellCount(count, `“问卷”第 ${n} 行人数`))
    })
  }
  const o = wb.getWorksheet('概况')
  o?.eachRow((row, n) => {
    const what = cellText(row.getCell(1).value)
    const target = what.includes('测评') ? out.ballots : what.includes('问卷') ? out.questionnaire : undefined
    if (!target) return
    target.handedOut = cellCount(row.getCell(2).value, `“概况”第 ${n} 行发放`)
    target.returned = cellCount(row.getCell(3).value, `“概况”第 ${n} 行收回`)
  })
  if (!o) throw new SurveyImportError('找不到名为“概况”的工作表（项目 | 发放 | 收回，行：民主测评、问卷调查），无法得知发放和收回份数')
  // Figures that do not add up (votes above the ballots returned) are refused, naming the cadre.
  const { errors } = checkSurvey(out)
  if (errors.length) throw new SurveyImportError(`测评表的数字对不上，未导入：${errors.join('；')}`)
  return out
}
