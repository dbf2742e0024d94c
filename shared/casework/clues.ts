// 问题线索 flow (guide §6): 草稿 → 组长审核 → 定稿 → 已移交, the 组长 approves or returns with
// comments. At 移交 the clue is sealed: SHA-256 over the canonical JSON of
//   { clue: the SEALED_CLUE_FIELDS below, evidence: [{kind, ref, text}] of every cited item }
// where `text` is the evidence text at that moment (frozen in the seal, so it cannot drift).
// Not sealed: status, seal, reviewLog, withdrawal, feedback (the receiver's 办理结果反馈, which
// arrives after 移交) and the record metadata. A withdrawal needs a reason; nothing is deleted.
import { can, denial } from '../domain/permissions'
import type { Clue, FrozenEvidence, IsoDate, TeamMember } from '../domain/types'
import { CLUE_FEEDBACK_MONTHS } from '../round/timeline'
import { addMonths, daysBetween, isIsoDate } from '../util/dates'
import { canonicalJson, sha256Hex } from '../util/hash'

type Member = Pick<TeamMember, 'id' | 'role' | 'deleted'>

export const SEALED_CLUE_FIELDS = [
  'number',
  'registeredOn',
  'source',
  'reporter',
  'subjectId',
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
  'evidence',
] as const satisfies readonly (keyof Clue)[]

export const SEALED_MESSAGE = '该线索已移交并封存，内容和所引证据不能再修改'

/** Sealed at 移交 (or marked 已移交): its SEALED_CLUE_FIELDS never change again, here or by a merge. */
export function isSealed(c: { seal?: unknown; status?: unknown }): boolean {
  return !!c.seal || c.status === '已移交'
}

/** Whether the clue's content may still be edited, and if not why. */
export function clueEditDenial(c: Pick<Clue, 'status' | 'seal'>): string {
  if (isSealed(c)) return SEALED_MESSAGE
  if (c.status === '已撤回') return '该线索已撤回，不能再修改'
  if (c.status === '定稿') return '该线索已定稿，如需修改请组长先退回'
  return ''
}

/** Refuses an edit of a sealed or settled clue (the store calls this before every save). */
export function assertClueEditable(before: Pick<Clue, 'status' | 'seal'> | undefined): void {
  const why = before ? clueEditDenial(before) : ''
  if (why) throw new Error(why)
}

function log<C extends Clue>(c: C, action: string, by: string, at: string, comment?: string): C['reviewLog'] {
  return [...(c.reviewLog ?? []), { action, memberId: by, at, ...(comment ? { comment } : {}) }]
}

export function submitClue<C extends Clue>(c: C, user: Member | undefined, at: string): C {
  if (!user) throw new Error('请先在页面顶部选择本机使用人')
  if (c.status !== '草稿') throw new Error('只有草稿可以提交组长审核')
  if (!c.subjectName.trim() || !c.summary.trim()) throw new Error('提交审核前须填写被反映人和反映主要问题')
  return { ...c, status: '组长审核', reviewLog: log(c, '提交组长审核', user.id, at) }
}

export function approveClue<C extends Clue>(c: C, user: Member | undefined, opinion: string, at: string): C {
  if (!can(user, 'approve-clue')) throw new Error(denial(user, 'approve-clue'))
  if (c.status !== '组长审核') throw new Error('只有待组长审核的线索可以审核通过')
  if (!opinion.trim()) throw new Error('请填写组长审核意见')
  return { ...c, status: '定稿', leaderOpinion: opinion.trim(), reviewLog: log(c, '审核通过', user!.id, at, opinion.trim()) }
}

export function returnClue<C extends Clue>(c: C, user: Member | undefined, comment: string, at: string): C {
  if (!can(user, 'approve-clue')) throw new Error(denial(user, 'approve-clue'))
  if (c.status !== '组长审核' && c.status !== '定稿') throw new Error('只有待组长审核或已定稿的线索可以退回')
  if (!comment.trim()) throw new Error('退回须填写修改意见')
  return { ...c, status: '草稿', reviewLog: log(c, '退回', user!.id, at, comment.trim()) }
}

export interface Transfer {
  transferredOn: IsoDate
  transferNo: string
  receiverUnit: string
  receiver: string
}

/** The canonical text the seal hash covers. */
export function sealPayload(c: Pick<Clue, (typeof SEALED_CLUE_FIELDS)[number]>, evidence: FrozenEvidence[]): string {
  const clue: Record<string, unknown> = {}
  for (const k of SEALED_CLUE_FIELDS) clue[k] = c[k]
  return canonicalJson({ clue, evidence: evidence.map(({ kind, ref, text }) => ({ kind, ref, text })) })
}

/** 移交: records the hand-over and seals the clue with its evidence frozen. Only the 组长. */
export async function transferClue<C extends Clue>(
  c: C,
  user: Member | undefined,
  t: Transfer,
  evidence: FrozenEvidence[],
  at: string,
): Promise<C> {
  if (!can(user, 'approve-clue')) throw new Error('只有组长可以移交问题线索')
  if (c.status !== '定稿') throw new Error('只有已定稿的线索可以移交')
  if (!isIsoDate(t.transferredOn)) throw new Error('请填写移交日期')
  if (!t.receiverUnit.trim()) throw new Error('请填写移交单位')
  if (evidence.length !== c.evidence.length || evidence.some((e, i) => e.ref !== c.evidence[i]!.ref))
    throw new Error('封存的证据与线索所引证据不一致')
  const next = { ...c, ...t, transferNo: t.transferNo.trim(), receiverUnit: t.receiverUnit.trim(), receiver: t.receiver.trim() }
  const frozen = evidence.map(({ kind, ref, text }) => ({ kind, ref, text }))
  const sha256 = await sha256Hex(sealPayload(next, frozen))
  return { ...next, status: '已移交', seal: { sha256, at, by: user!.id, evidence: frozen }, reviewLog: log(c, '移交并封存', user!.id, at) }
}

/** Recomputes the seal: true when the clue and its frozen evidence are as they were sealed. */
export async function verifySeal(c: Clue): Promise<boolean> {
  if (!c.seal) return false
  return (await sha256Hex(sealPayload(c, c.seal.evidence ?? []))) === c.seal.sha256
}

export function withdrawClue<C extends Clue>(c: C, user: Member | undefined, reason: string, at: string): C {
  if (!can(user, 'approve-clue')) throw new Error('只有组长可以撤回问题线索')
  if (c.status === '已撤回') throw new Error('该线索已撤回')
  if (!reason.trim()) throw new Error('撤回须说明理由')
  return {
    ...c,
    status: '已撤回',
    withdrawal: { reason: reason.trim(), at, by: user!.id },
    reviewLog: log(c, '撤回', user!.id, at, reason.trim()),
  }
}

/** The receiver's 办理结果反馈: the one thing recorded after the seal (it is outside the hash). */
export function recordFeedback<C extends Clue>(c: C, user: Member | undefined, feedback: string, at: string): C {
  if (!user) throw new Error('请先在页面顶部选择本机使用人')
  if (c.status !== '已移交') throw new Error('只有已移交的线索可以登记办理结果反馈')
  if (!feedback.trim()) throw new Error('请填写办理结果反馈')
  return { ...c, feedback: feedback.trim(), reviewLog: log(c, '登记办理结果反馈', user.id, at) }
}

export interface FeedbackState {
  due: IsoDate
  /** Days from today to the deadline (negative = past). */
  inDays: number
  state: '已反馈' | '已逾期' | '即将到期' | '未到期'
}

/** The 3-month feedback deadline after 移交; undefined before 移交. */
export function feedbackState(c: Pick<Clue, 'transferredOn' | 'feedback' | 'status'>, today: IsoDate): FeedbackState | undefined {
  if (!c.transferredOn || c.status === '已撤回') return undefined
  const due = addMonths(c.transferredOn, CLUE_FEEDBACK_MONTHS)
  const inDays = daysBetween(today, due)
  const state = c.feedback.trim() ? '已反馈' : inDays < 0 ? '已逾期' : inDays <= 14 ? '即将到期' : '未到期'
  return { due, inDays, state }
}
