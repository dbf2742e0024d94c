// Official documents from a 底稿: the one-page 底稿 form with its sign-off block, and the
// 立行立改通知书 for a 底稿 marked 立行立改 (guide §2, §5).
import { flattenFramework } from '../domain/frameworks'
import { PAPER_LABELS as L } from '../domain/labels'
import { SIGNOFF_STEPS, type Cadre, type Round, type TeamMember, type WorkingPaper } from '../domain/types'
import type { Block, OfficialDoc } from '../export/pdf-document'
import { addDays, formatDateCN, formatDateTimeCN } from '../util/dates'
import { EVIDENCE_KIND_LABELS } from './evidence'

export interface PaperDocContext {
  round: Pick<Round, 'unitName' | 'framework' | 'name'>
  members: Pick<TeamMember, 'id' | 'name'>[]
  cadres: Pick<Cadre, 'id' | 'name' | 'post'>[]
}

/** Character count above which a table cell is set smaller so the form stays on one page. */
const FORM_BUDGET = [
  { chars: 450, size: 10.5 },
  { chars: 600, size: 9 },
  { chars: 800, size: 8 },
  { chars: 1100, size: 7 },
  { chars: 1500, size: 6 },
]

export function paperFormDoc(p: WorkingPaper, ctx: PaperDocContext): OfficialDoc {
  const member = (id: string) => ctx.members.find((m) => m.id === id)?.name ?? ''
  const category = flattenFramework(ctx.round.framework).find((f) => f.node.id === p.category)?.node.title ?? p.category
  const persons = p.personIds
    .map((id) => ctx.cadres.find((c) => c.id === id))
    .filter(Boolean)
    .map((c) => `${c!.name}（${c!.post}）`)
    .join('、')
  const counts = new Map<string, number>()
  for (const e of p.evidence) counts.set(EVIDENCE_KIND_LABELS[e.kind], (counts.get(EVIDENCE_KIND_LABELS[e.kind]) ?? 0) + 1)
  const evidence = [...counts].map(([k, n]) => `${k}${n}份`).join('，') || '无'
  // Short fields two to a row, long ones one to a row: the form must stay on one page.
  const pairs: [string, string, string, string][] = [
    ['被巡察单位', ctx.round.unitName, L.category, category],
    [L.responsibleType, p.responsibleType, L.personIds, persons],
    [L.timePlace, p.timePlace, L.learnedBy, p.learnedBy],
    [L.amount, p.amount === null ? '' : p.amount.toLocaleString('zh-CN'), L.keyFocus, p.keyFocus ? '是' : '否'],
    [L.disposition, p.disposition, `${L.evidence}目录`, evidence],
  ]
  const rows: [string, string][] = [
    [L.title, p.title],
    [L.summary, p.summary],
    [L.facts, p.facts],
    [L.basis, p.basis],
    [L.analysis, p.analysis],
    [L.recommendation, p.recommendation ?? ''],
  ]
  const chars = rows.reduce((n, [, v]) => n + v.length, 0) + pairs.reduce((n, r) => n + r[1].length + r[3].length, 0)
  const size = FORM_BUDGET.find((b) => chars <= b.chars)?.size ?? 5
  const signed = (step: (typeof SIGNOFF_STEPS)[number]) => {
    const s = p.signoffs.find((x) => x.step === step)
    return s ? `${member(s.memberId)} ${formatDateTimeCN(s.at)}` : ''
  }
  const blocks: Block[] = [
    {
      kind: 'table',
      fontSize: size,
      rows: pairs,
      columns: [
        { header: L.number, width: 'auto' },
        { header: p.number, width: 1.3 },
        { header: L.date, width: 'auto' },
        { header: formatDateCN(p.date), width: 1.3 },
      ],
    },
    {
      kind: 'table',
      fontSize: size,
      columns: [
        { header: '项目', width: 'auto' },
        { header: '内容', width: 1 },
      ],
      rows,
    },
    // The sign-off block: 承办人签字 → 副组长审核 → 组长审签, name and time of each.
    {
      kind: 'table',
      fontSize: size,
      rows: [],
      columns: SIGNOFF_STEPS.flatMap((s) => [
        { header: s, width: 'auto' as const },
        { header: signed(s) || '\u3000', width: 1 },
      ]),
    },
  ]
  if (p.editedAfterSignoff) blocks.push({ kind: 'paragraph', text: '注：本底稿改动于签字后，后续审核签字须重新进行。', indent: false })
  return { title: '巡察工作底稿', blocks }
}

export const NOTICE_DEFAULT_DAYS = 15

/** 立行立改通知书 to the inspected unit; only for a 底稿 whose 处置建议 is 立行立改. */
export function immediateNoticeDoc(
  p: WorkingPaper,
  ctx: PaperDocContext & { teamName: string },
  issuedOn: string,
  days = NOTICE_DEFAULT_DAYS,
): OfficialDoc {
  if (p.disposition !== '立行立改') throw new Error('只有处置建议为“立行立改”的底稿可以出具立行立改通知书')
  if (!Number.isInteger(days) || days < 1 || days > 90) throw new Error('整改期限应为 1—90 天')
  return {
    title: '立行立改通知书',
    subtitle: `（底稿 ${p.number}）`,
    blocks: [
      { kind: 'paragraph', text: `${ctx.round.unitName}：`, indent: false },
      { kind: 'paragraph', text: `${ctx.teamName}在巡察中发现你单位存在以下问题，现通知你单位立行立改。` },
      { kind: 'heading', level: 1, text: '发现的问题' },
      { kind: 'paragraph', text: `${p.title}。${p.summary}` },
      ...(p.facts ? [{ kind: 'paragraph' as const, text: p.facts }] : []),
      { kind: 'heading', level: 1, text: '整改要求' },
      { kind: 'paragraph', text: p.recommendation?.trim() || '立即纠正，举一反三，建立健全长效机制。' },
      { kind: 'paragraph', text: `请于${formatDateCN(addDays(issuedOn, days))}前完成整改，并将整改情况书面报巡察组。` },
      { kind: 'spacer', lines: 2 },
      { kind: 'paragraph', text: ctx.teamName, align: 'right', indent: false },
      { kind: 'paragraph', text: formatDateCN(issuedOn), align: 'right', indent: false },
      { kind: 'signature', fields: ['签收人', '签收日期'] },
    ],
  }
}

/** 区委第三巡察组对…的常规巡察 → 区委第三巡察组 (the name the notice is signed with). */
export function teamNameOf(round: Pick<Round, 'name'>): string {
  return /^(.*?巡察组)/.exec(round.name)?.[1] ?? '巡察组'
}
