// 底稿 rules (guide §5): three sign-offs in order 承办人签字 → 副组长审核 → 组长审签, each by the
// member holding that role; return with comments; an edit after sign-off keeps the 承办人签字,
// drops the later ones, marks "改动于签字后" and keeps the version it replaced; duplicates
// (same people and category) and their merge, which keeps both evidence sets.
import { can, denial } from '../domain/permissions'
import { SIGNOFF_STEPS, type EvidenceLink, type Signoff, type SignoffStep, type TeamMember, type WorkingPaper } from '../domain/types'

type Member = Pick<TeamMember, 'id' | 'name' | 'role' | 'deleted'>

/** The fields that make up what was signed: a change to any of them is an edit of the content. */
export const PAPER_CONTENT_FIELDS = [
  'title',
  'date',
  'category',
  'responsibleType',
  'personIds',
  'timePlace',
  'summary',
  'facts',
  'learnedBy',
  'basis',
  'analysis',
  'amount',
  'keyFocus',
  'disposition',
  'handlerId',
  'evidence',
  'recommendation',
  'accountability',
] as const satisfies readonly (keyof WorkingPaper)[]

export function paperContent(p: Partial<WorkingPaper>): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const k of PAPER_CONTENT_FIELDS) out[k] = p[k] ?? null
  // Optional fields absent on older records mean the same as empty.
  out.recommendation ??= ''
  out.accountability ??= []
  return out
}

export function contentChanged(a: Partial<WorkingPaper>, b: Partial<WorkingPaper>): boolean {
  return JSON.stringify(paperContent(a)) !== JSON.stringify(paperContent(b))
}

/** The 组长 has signed it (组长审签): its PAPER_CONTENT_FIELDS are what was signed, and a merge never changes them. */
export function hasLeaderSignoff(p: { signoffs?: unknown }): boolean {
  return Array.isArray(p.signoffs) && p.signoffs.some((s) => (s as { step?: unknown } | null)?.step === '组长审签')
}

/** A 底稿 counts for the report once the 组长 has signed it (and it was not merged away or deleted). */
export function isSigned(p: Pick<WorkingPaper, 'signoffs' | 'deleted' | 'mergedInto'>): boolean {
  return !p.deleted && !p.mergedInto && hasLeaderSignoff(p)
}

/**
 * The one fall-back rule, for any change to what was signed (an edit of the 底稿, or of the
 * evidence it cites): the 承办人签字 stays, 副组长审核 and 组长审签 drop.
 */
export function signoffsAfterChange(signoffs: readonly Signoff[]): Signoff[] {
  return signoffs.filter((s) => s.step === '承办人签字')
}

/** The next sign-off due, or undefined when all three are done. */
export function nextStep(p: Pick<WorkingPaper, 'signoffs'>): SignoffStep | undefined {
  return SIGNOFF_STEPS[p.signoffs.length]
}

export type Waiting = '承办人' | '副组长' | '组长' | '已审签'
export const WAITING_FOR: Record<SignoffStep, Waiting> = { 承办人签字: '承办人', 副组长审核: '副组长', 组长审签: '组长' }

/** Whom the 底稿 waits for. */
export function waitingFor(p: Pick<WorkingPaper, 'signoffs'>): Waiting {
  const step = nextStep(p)
  return step ? WAITING_FOR[step] : '已审签'
}

/** Why this member may not make the next sign-off; '' when they may. */
export function signDenial(p: Pick<WorkingPaper, 'signoffs' | 'handlerId'>, user: Member | undefined): string {
  const step = nextStep(p)
  if (!step) return '该底稿三级签字已完成'
  if (!user || user.deleted) return '请先在页面顶部选择本机使用人'
  if (step === '承办人签字') return user.id === p.handlerId ? '' : '承办人签字须由该底稿的承办人本人进行'
  if (step === '副组长审核') {
    if (!can(user, 'review-paper')) return denial(user, 'review-paper')
    return user.id === p.handlerId ? '副组长不能审核自己承办的底稿，请由另一名副组长审核' : ''
  }
  return denial(user, 'approve-paper')
}

/** Whether the user is the one the 底稿 waits for (the “待我处理” filter). */
export function waitsFor(p: Pick<WorkingPaper, 'signoffs' | 'handlerId'>, user: Member | undefined): boolean {
  return !!nextStep(p) && signDenial(p, user) === ''
}

/** Makes the next sign-off; throws a Chinese message when it is not this member's turn. */
export function signPaper<P extends WorkingPaper>(
  p: P,
  user: Member | undefined,
  at: string,
  signed?: Pick<Signoff, 'contentSha256' | 'evidence'>,
): P {
  const why = signDenial(p, user)
  if (why) throw new Error(why)
  const step = nextStep(p)!
  const signoff: Signoff = { step, memberId: user!.id, at, ...signed }
  return {
    ...p,
    signoffs: [...p.signoffs, signoff],
    // A fresh review of the changed content settles the "改动于签字后" mark.
    editedAfterSignoff: step === '承办人签字' ? p.editedAfterSignoff : false,
    reviewLog: [...(p.reviewLog ?? []), { action: step, memberId: user!.id, at }],
  }
}

/** Returns the 底稿 to the 承办人 with comments: all sign-offs fall back. Only the reviewer due may do it. */
export function returnPaper<P extends WorkingPaper>(p: P, user: Member | undefined, comment: string, at: string): P {
  const step = nextStep(p)
  if (!step || step === '承办人签字') throw new Error('只有待副组长审核或待组长审签的底稿可以退回')
  const why = signDenial(p, user)
  if (why) throw new Error(why.replace('审核底稿', '退回底稿').replace('审签底稿', '退回底稿'))
  if (!comment.trim()) throw new Error('退回须填写修改意见')
  return {
    ...p,
    signoffs: [],
    reviewLog: [...(p.reviewLog ?? []), { action: '退回', memberId: user!.id, at, comment: comment.trim() }],
  }
}

/**
 * Applies an edit. When the content changed and the 底稿 had sign-offs: the replaced version is
 * kept, the 承办人签字 stays, 副组长审核 and 组长审签 are dropped, and it is marked 改动于签字后.
 */
export function applyPaperEdit<P extends WorkingPaper>(before: P, after: P, by: string, at: string): P {
  if (!contentChanged(before, after)) return { ...after, signoffs: before.signoffs, editedAfterSignoff: before.editedAfterSignoff }
  if (before.signoffs.length === 0) return { ...after, signoffs: [], editedAfterSignoff: before.editedAfterSignoff }
  const version = { at, by, content: paperContent(before), signoffs: before.signoffs }
  return {
    ...after,
    signoffs: signoffsAfterChange(before.signoffs),
    editedAfterSignoff: true,
    versions: [...(before.versions ?? []), version],
    reviewLog: [...(before.reviewLog ?? []), { action: '签字后修改', memberId: by, at }],
  }
}

const peopleKey = (p: Pick<WorkingPaper, 'personIds'>) => [...new Set(p.personIds)].sort().join(',')

/** Groups of live 底稿 that look like the same matter: same category and the same people (at least one). */
export function duplicateGroups<P extends Pick<WorkingPaper, 'id' | 'category' | 'personIds' | 'mergedInto' | 'deleted'>>(
  papers: P[],
): P[][] {
  const groups = new Map<string, P[]>()
  for (const p of papers) {
    if (p.deleted || p.mergedInto || !p.category || p.personIds.length === 0) continue
    const key = `${p.category}|${peopleKey(p)}`
    groups.set(key, [...(groups.get(key) ?? []), p])
  }
  return [...groups.values()].filter((g) => g.length > 1)
}

function unionEvidence(a: EvidenceLink[], b: EvidenceLink[]): EvidenceLink[] {
  const seen = new Set(a.map((l) => l.ref))
  return [...a, ...b.filter((l) => !seen.has(l.ref) && seen.add(l.ref))]
}

/**
 * Merges `other` into `keep`: both evidence sets and people, the other's facts appended with its
 * number. Returns the kept 底稿 (as an edit, so sign-offs reset) and the other marked merged.
 */
export function mergePapers<P extends WorkingPaper>(keep: P, other: P, by: string, at: string): { kept: P; merged: P } {
  if (keep.id === other.id) throw new Error('不能把底稿与自身合并')
  if (keep.mergedInto || other.mergedInto) throw new Error('已合并的底稿不能再次合并')
  const facts = other.facts.trim() ? `${keep.facts}\n【并入 ${other.number}】${other.facts}`.trim() : keep.facts
  const edited = {
    ...keep,
    evidence: unionEvidence(keep.evidence, other.evidence),
    personIds: [...new Set([...keep.personIds, ...other.personIds])],
    facts,
    amount: keep.amount ?? other.amount,
    keyFocus: keep.keyFocus || other.keyFocus,
    mergedFrom: [...(keep.mergedFrom ?? []), other.number],
  }
  const kept = applyPaperEdit(keep, edited, by, at)
  const merged = {
    ...other,
    mergedInto: keep.id,
    reviewLog: [...(other.reviewLog ?? []), { action: `并入 ${keep.number}`, memberId: by, at }],
  }
  return { kept, merged }
}
