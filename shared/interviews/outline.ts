// 谈话提纲 templates (guide §3): one per interviewee category, built from the round's framework
// and its focus checklist. The team edits them on the round (`outlineTemplates`); an interview
// copies its template once and is then tailored by hand.
import type { CadreCategory, ChecklistItem, Round } from '../domain/types'

// Not imported from export/pdf-document: that module pulls pdfmake into the UI bundle.
const CN = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十']
const chineseNumber = (n: number) => (n <= 10 ? CN[n]! : n < 20 ? `十${CN[n - 10]}` : String(n))

/** What each category is asked about beyond the framework. */
const FOCUS: Record<CadreCategory, string[]> = {
  一把手: ['履行管党治党第一责任人职责情况', '执行民主集中制、“三重一大”决策和末位表态情况', '对领导班子及成员的评价'],
  班子成员: ['分管领域工作和落实“一岗双责”情况', '对“一把手”和班子整体的评价', '对自身存在问题的认识'],
  中层正职: ['本部门职责履行和制度执行情况', '对局领导班子及成员的评价', '本部门存在的突出问题'],
  中层副职: ['分管工作和制度执行情况', '对领导班子及成员的评价'],
  一般干部: ['所在岗位工作中了解的情况', '对领导班子及成员的评价', '对选人用人的看法'],
  退休干部: ['在职期间了解的历史遗留问题', '对现任领导班子的评价'],
  '服务对象/群众': ['办事过程中的感受', '身边的不正之风和腐败问题'],
  其他: ['了解的有关情况'],
}

/** The built-in outline for a category; checklist questions (at most three per node) are added under their node. */
export function defaultOutline(
  round: Pick<Round, 'framework'>,
  category: CadreCategory,
  checklist: Pick<ChecklistItem, 'nodeId' | 'question' | 'order' | 'deleted'>[] = [],
): string {
  const lines: string[] = [
    `谈话提纲（${category}）`,
    '一、开场说明：介绍巡察工作的目的和纪律要求，请如实反映情况。',
    '二、基本情况：请简要介绍本人的工作分工和履职情况。',
  ]
  let n = 3
  lines.push(`${chineseNumber(n++)}、围绕“${round.framework.name}”了解情况：`)
  round.framework.nodes.forEach((node, i) => {
    lines.push(`（${chineseNumber(i + 1)}）${node.title}方面有哪些做法和问题？`)
    const ids = new Set([node.id, ...node.children.map((c) => c.id)])
    checklist
      .filter((q) => !q.deleted && ids.has(q.nodeId))
      .sort((a, b) => a.order - b.order)
      .slice(0, 3)
      .forEach((q) => lines.push(`    · ${q.question}`))
  })
  for (const f of FOCUS[category]) lines.push(`${chineseNumber(n++)}、${f}。`)
  lines.push(`${chineseNumber(n)}、其他需要向巡察组反映的问题和意见建议。`)
  return lines.join('\n')
}

/** The outline an interview starts from: the round's edited template, or the built-in one. */
export function outlineFor(
  round: Pick<Round, 'framework' | 'outlineTemplates'>,
  category: CadreCategory,
  checklist: Pick<ChecklistItem, 'nodeId' | 'question' | 'order' | 'deleted'>[] = [],
): string {
  const own = round.outlineTemplates?.[category]
  return own && own.trim() ? own : defaultOutline(round, category, checklist)
}
