// 报告检查: what a 组长 looks at before a report leaves the 组, as a list shown before export
// (renderer/features/reports) and printed by the CLI. Pure: the report, the round's 底稿 and
// 测评 figures, and the attachments that will travel with it.
import type { Report, SurveyResults, WorkingPaper } from '../domain/types'
import { checkSurvey } from '../surveys/surveys'
import { traceability } from './outline'

export const CHECK_KINDS = ['空章节', '无依据段落', '引用失效', '测评数字不符', '附件缺失'] as const
export type CheckKind = (typeof CHECK_KINDS)[number]
export interface CheckItem {
  kind: CheckKind
  report: Report['kind']
  /** The section heading (or 开头). */
  where: string
  text: string
  sectionId?: string
  paragraphId?: string
}

export interface CheckInput {
  /** The round's 底稿 (citations are checked against their sign-off). */
  papers: WorkingPaper[]
  surveys?: SurveyResults
  /** Titles of the attachments that travel with this report, numbered from 1 in this order. */
  attachments: string[]
}

const CN = '〇一二三四五六七八九十'
const attachmentNumber = (s: string) => (/^\d+$/.test(s) ? Number(s) : s === '十' ? 10 : CN.indexOf(s))

/** The 报告检查 list of one report. */
export function checkReport(report: Report, input: CheckInput): CheckItem[] {
  const items: CheckItem[] = []
  const trace = traceability(report, [report], input.papers)
  const at = (kind: CheckKind, x: { heading: string; sectionId: string; paragraphId?: string }, text: string) =>
    items.push({
      kind,
      report: report.kind,
      where: x.heading || '开头',
      text,
      sectionId: x.sectionId,
      ...(x.paragraphId ? { paragraphId: x.paragraphId } : {}),
    })
  for (const e of trace.empty) at('空章节', e, '本节还没有内容，导出后将只有标题')
  for (const u of trace.unsupported)
    at('无依据段落', u, `“${u.text.slice(0, 30)}${u.text.length > 30 ? '…' : ''}”未引用底稿，也没有其他依据`)
  for (const b of trace.badCitations) at('引用失效', b, b.text)

  // 测评 figures the report quotes must add up (votes within ballots returned, returned within handed out).
  const quotesSurvey = report.sections.some(
    (s) =>
      s.paragraphs.some((p) => p.basis === '民主测评' && p.text.trim()) ||
      s.table?.rows.some((r) => r.some((c) => c.includes('好和较好率'))),
  )
  if (input.surveys && quotesSurvey) {
    for (const e of checkSurvey(input.surveys).errors) items.push({ kind: '测评数字不符', report: report.kind, where: '民主测评', text: e })
  }

  // "附件3" or "附件：问题清单" in the text must name an attachment that travels with the report.
  for (const s of report.sections) {
    for (const p of s.paragraphs) {
      for (const m of p.text.matchAll(/附件([0-9]+|[一二三四五六七八九十])/gu)) {
        const n = attachmentNumber(m[1]!)
        if (n < 1 || n > input.attachments.length)
          at(
            '附件缺失',
            { heading: s.heading, sectionId: s.id, paragraphId: p.id },
            `文中提到“${m[0]}”，但随报告的附件${input.attachments.length ? `只有 ${input.attachments.length} 件` : '没有'}`,
          )
      }
      for (const m of p.text.matchAll(/(?:见|详见)附件《?([^》，。；、\s]{2,16})》?/gu)) {
        const title = m[1]!.replace(/^[0-9一二三四五六七八九十]+[.．、]?/u, '')
        if (title && !/^[0-9一二三四五六七八九十]+$/u.test(m[1]!) && !input.attachments.some((a) => a.includes(title) || title.includes(a)))
          at('附件缺失', { heading: s.heading, sectionId: s.id, paragraphId: p.id }, `文中提到附件“${title}”，但它不随报告报送`)
      }
    }
  }
  return items
}

/** Whether the list holds something that needs an explicit confirmation before export. */
export const needsConfirmation = (items: CheckItem[]) => items.some((i) => i.kind === '空章节')

/** The list as text lines (CLI, export summary): "巡察报告 · 意见建议：空章节：本节还没有内容…". */
export function checkLines(items: CheckItem[]): string[] {
  return items.map((i) => `${i.report} · ${i.where}：${i.kind}：${i.text}`)
}
