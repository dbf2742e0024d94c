// The 清单 (guide §6–§7) composed from the round's 底稿 and 线索 as ledger sheets: 问题清单,
// 问题线索清单, 问题线索移交清单 (sign lines, seal hashes), 追责问责清单, 点人点事清单 and the
// 整改台账 template the unit fills in after the feedback.
import { flattenFramework } from '../domain/frameworks'
import { CLUE_LABELS as C, LIST_COLUMN_LABELS as X, PAPER_LABELS as P } from '../domain/labels'
import type { Cadre, Clue, ExportKind, Marking, Round, WorkingPaper } from '../domain/types'
import type { LedgerSheet } from '../export/xlsx-ledger'
import { feedbackState } from './clues'
import { nextStep, waitingFor } from './papers'

export const LIST_KINDS = ['问题清单', '问题线索清单', '问题线索移交清单', '追责问责清单', '点人点事清单', '整改台账'] as const
export type ListKind = (typeof LIST_KINDS)[number] & ExportKind
/** Lists that carry clues: only the 组长 exports them, and they are always marked. */
export const CLUE_LISTS: readonly ListKind[] = ['问题线索清单', '问题线索移交清单']

export interface ListData {
  round: Pick<Round, 'framework'>
  papers: WorkingPaper[]
  clues: Clue[]
  cadres: Pick<Cadre, 'id' | 'name' | 'post'>[]
  today: string
}

/** Clue content is confidential: never printed without a marking. */
export function confidentialMarking(m: Marking): Marking {
  return m.level === '无' ? { level: '内部事项 注意保管' } : m
}

const livePapers = (d: ListData) => d.papers.filter((p) => !p.deleted && !p.mergedInto)
const liveClues = (d: ListData) => d.clues.filter((c) => !c.deleted)

function categoryOrder(d: ListData) {
  const flat = flattenFramework(d.round.framework)
  const order = new Map(flat.map((f, i) => [f.node.id, i]))
  const title = new Map(flat.map((f) => [f.node.id, f.node.title]))
  return { rank: (id: string) => order.get(id) ?? 9999, title: (id: string) => title.get(id) ?? id }
}

/** 底稿 that feed the 问题清单 and the 整改台账 (those turned into clues travel as clues), by category. */
function problemPapers(d: ListData): WorkingPaper[] {
  const { rank } = categoryOrder(d)
  return livePapers(d)
    .filter((p) => p.disposition !== '转为线索')
    .sort((a, b) => rank(a.category) - rank(b.category) || a.number.localeCompare(b.number))
}

export function problemList(d: ListData): LedgerSheet {
  const { title } = categoryOrder(d)
  const papers = problemPapers(d)
  const unsigned = papers.filter((p) => nextStep(p)).length
  return {
    name: '问题清单',
    title: '问题清单',
    serial: true,
    subtitle: `共 ${papers.length} 项${unsigned ? `，其中 ${unsigned} 项底稿尚未完成三级审签` : ''}`,
    columns: [
      { header: P.category, key: 'category' },
      { header: X.problemStatement, key: 'statement', kind: 'wrap' },
      { header: X.typicalCase, key: 'typical', kind: 'wrap' },
      { header: P.responsibleType, key: 'responsible' },
      { header: P.number, key: 'number' },
      { header: P.recommendation, key: 'recommendation', kind: 'wrap' },
      { header: X.immediate, key: 'immediate', list: ['是', '否'] },
      // The report states only 组长-signed 底稿: the list says which are not there yet.
      { header: X.signState, key: 'signState' },
    ],
    rows: papers.map((p) => ({
      signState: waitingFor(p) === '已审签' ? '已审签（写入报告）' : `待${waitingFor(p)}签字（未写入报告）`,
      category: title(p.category),
      statement: p.summary ? `${p.title}。${p.summary}` : p.title,
      typical: p.facts,
      responsible: p.responsibleType,
      number: p.number,
      recommendation: p.recommendation ?? '',
      immediate: p.disposition === '立行立改' ? '是' : '否',
    })),
  }
}

export function clueList(d: ListData): LedgerSheet {
  const clues = liveClues(d).sort((a, b) => a.number.localeCompare(b.number))
  const keys = [
    'number',
    'registeredOn',
    'source',
    'reporter',
    'subjectName',
    'subjectPost',
    'jurisdiction',
    'summary',
    'discipline',
    'verifiability',
    'preliminary',
    'proposal',
    'receiverUnit',
    'leaderOpinion',
    'transferredOn',
    'transferNo',
    'receiver',
    'feedback',
    'status',
  ] as const
  const wrap = new Set(['summary', 'preliminary', 'proposal', 'leaderOpinion', 'feedback'])
  return {
    name: '问题线索清单',
    title: '问题线索清单',
    serial: true,
    columns: [
      ...keys.map((k) => ({
        header: C[k],
        key: k,
        kind: k === 'registeredOn' || k === 'transferredOn' ? ('date' as const) : wrap.has(k) ? ('wrap' as const) : ('text' as const),
      })),
      { header: X.feedbackDue, key: 'due', kind: 'date' as const },
    ],
    rows: clues.map((c) => ({
      ...c,
      status: c.status === '已撤回' && c.withdrawal ? `已撤回（${c.withdrawal.reason}）` : c.status,
      due: feedbackState(c, d.today)?.due ?? '',
    })),
  }
}

export const TRANSFER_SIGN_LINES = ['移交人（签字）：＿＿＿＿＿＿　　接收人（签字）：＿＿＿＿＿＿　　日期：＿＿＿＿年＿＿月＿＿日']

export function transferList(d: ListData): LedgerSheet {
  const clues = liveClues(d)
    .filter((c) => c.status === '已移交')
    .sort((a, b) => a.number.localeCompare(b.number))
  return {
    name: '问题线索移交清单',
    title: '问题线索移交清单',
    serial: true,
    footer: TRANSFER_SIGN_LINES,
    subtitle: `共 ${clues.length} 件`,
    columns: [
      { header: C.number, key: 'number' },
      { header: C.subjectName, key: 'subjectName' },
      { header: C.subjectPost, key: 'subjectPost', kind: 'wrap' },
      { header: X.problemSummary, key: 'summary', kind: 'wrap' },
      { header: C.source, key: 'source' },
      { header: X.attachments, key: 'attachments', kind: 'number' },
      { header: C.proposal, key: 'proposal', kind: 'wrap' },
      { header: C.receiverUnit, key: 'receiverUnit' },
      { header: C.transferredOn, key: 'transferredOn', kind: 'date' },
      { header: X.sealHash, key: 'sealHash' },
    ],
    rows: clues.map((c) => ({
      number: c.number,
      subjectName: c.subjectName,
      subjectPost: c.subjectPost,
      summary: c.summary,
      source: c.source,
      attachments: c.evidence.length,
      proposal: c.proposal,
      receiverUnit: c.receiverUnit,
      transferredOn: c.transferredOn,
      sealHash: c.seal?.sha256 ?? '（未封存）',
    })),
  }
}

export function accountabilityList(d: ListData): LedgerSheet {
  const person = (id: string) => d.cadres.find((c) => c.id === id)
  const rows = livePapers(d)
    .sort((a, b) => a.number.localeCompare(b.number))
    .flatMap((p) =>
      (p.accountability ?? []).map((a) => ({
        problem: p.title,
        person: person(a.personId)?.name ?? '（名册中已无此人）',
        post: person(a.personId)?.post ?? '',
        type: a.type,
        measure: a.measure,
        basis: p.basis,
        number: p.number,
      })),
    )
  return {
    name: '追责问责清单',
    title: '追责问责清单',
    serial: true,
    columns: [
      { header: X.problem, key: 'problem', kind: 'wrap' },
      { header: X.responsiblePerson, key: 'person' },
      { header: X.post, key: 'post' },
      { header: X.responsibilityType, key: 'type' },
      { header: X.measure, key: 'measure', kind: 'wrap' },
      { header: X.basis, key: 'basis', kind: 'wrap' },
      { header: P.number, key: 'number' },
    ],
    rows,
  }
}

export function peopleMattersList(d: ListData): LedgerSheet {
  const person = (id: string) => d.cadres.find((c) => c.id === id)
  const rows = livePapers(d)
    .sort((a, b) => a.number.localeCompare(b.number))
    .flatMap((p) =>
      p.personIds.map((id) => ({
        name: person(id)?.name ?? '（名册中已无此人）',
        post: person(id)?.post ?? '',
        matter: p.title,
        time: p.timePlace,
        amount: p.amount,
        source: p.learnedBy,
        number: p.number,
        proposal: p.accountability?.find((a) => a.personId === id)?.measure || p.disposition,
      })),
    )
  return {
    name: '点人点事清单',
    title: '点人点事清单',
    serial: true,
    columns: [
      { header: X.name, key: 'name' },
      { header: X.post, key: 'post' },
      { header: X.matter, key: 'matter', kind: 'wrap' },
      { header: X.time, key: 'time', kind: 'wrap' },
      { header: X.amount, key: 'amount', kind: 'number' },
      { header: X.source, key: 'source' },
      { header: P.number, key: 'number' },
      { header: X.proposal, key: 'proposal', kind: 'wrap' },
    ],
    rows,
  }
}

export const RECTIFY_TYPES = ['立行立改', '限期整改', '长期坚持'] as const

export function rectificationLedger(d: ListData): LedgerSheet {
  return {
    name: '整改台账',
    title: '巡察反馈问题整改台账',
    serial: true,
    subtitle: '由被巡察党组织填写整改目标、措施、责任人和进展，逐项销号',
    columns: [
      { header: X.feedbackProblem, key: 'problem', kind: 'wrap' },
      { header: X.target, key: 'target', kind: 'wrap', width: 20 },
      { header: X.measures, key: 'measures', kind: 'wrap', width: 30 },
      { header: X.leader, key: 'leader', width: 10 },
      { header: X.leadDepartment, key: 'dept', width: 12 },
      { header: X.owner, key: 'owner', width: 10 },
      { header: X.deadline, key: 'deadline', kind: 'date', width: 14 },
      { header: X.rectifyType, key: 'type', list: [...RECTIFY_TYPES], width: 12 },
      { header: X.progress, key: 'progress', kind: 'wrap', width: 20 },
      { header: X.proof, key: 'proof', kind: 'wrap', width: 16 },
      { header: X.closed, key: 'closed', list: ['是', '否'], width: 8 },
    ],
    rows: problemPapers(d).map((p) => ({
      problem: `${p.title}（底稿 ${p.number}）`,
      measures: p.recommendation ?? '',
      type: p.disposition === '立行立改' ? '立行立改' : '限期整改',
      closed: '否',
    })),
  }
}

export const LIST_BUILDERS: Record<ListKind, (d: ListData) => LedgerSheet> = {
  问题清单: problemList,
  问题线索清单: clueList,
  问题线索移交清单: transferList,
  追责问责清单: accountabilityList,
  点人点事清单: peopleMattersList,
  整改台账: rectificationLedger,
}
