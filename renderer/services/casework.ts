// 底稿 and 线索 workflows without the screen: every rule is in shared/casework; here the current
// records are checked, the new version saved and, for sign-offs and seals, audited. The caller
// (stores/casework.ts) passes the round's current lists and puts what comes back in place.
import type { Clue, FrozenEvidence, Signoff, TeamMember, WorkingPaper } from '@shared/domain/types'
import { applyPaperEdit, mergePapers as mergeRule, returnPaper, signPaper } from '@shared/casework/papers'
import {
  approveClue,
  assertClueEditable,
  recordFeedback,
  returnClue,
  submitClue,
  transferClue as sealRule,
  withdrawClue,
  type Transfer,
} from '@shared/casework/clues'
import { reviewAct, sealAct, signoffAct, withdrawAct, type SignedAct } from '@shared/signing/acts'
import type { SigningKey } from '@shared/signing/sign'
import type { Draft } from '../platform/db/repository'
import type { ServiceContext } from './context'
import { DeniedError, ServiceError } from './errors'
import { sign } from './signing'

export class CaseworkError extends ServiceError<'merged' | 'number-taken' | 'not-found'> {}

const now = () => new Date().toISOString()

/**
 * Signs the act with the acting member's own key (opened with their PIN by the caller). 当前用户
 * only names who types: without that member's key the act is refused.
 */
async function signed(user: TeamMember | undefined, signer: SigningKey | undefined, act: SignedAct) {
  if (!user || !signer || signer.memberId !== user.id) throw new DeniedError('该操作须由本人输入签名密码签名')
  return sign(signer, act)
}
/** The record with the signature added to its newest review-log entry. */
async function signLastEntry<R extends WorkingPaper | Clue>(
  table: 'workingPapers' | 'clues',
  r: R,
  user: TeamMember | undefined,
  signer?: SigningKey,
) {
  const log = r.reviewLog ?? []
  const entry = log.at(-1)!
  const signature = await signed(user, signer, reviewAct(table, r, entry)!)
  return { ...r, reviewLog: [...log.slice(0, -1), { ...entry, signature }] }
}

/** Saves a new 底稿, or an edit of one (sign-offs reset and the version kept when it was signed). */
export async function savePaper(
  ctx: ServiceContext,
  papers: readonly WorkingPaper[],
  draft: Draft<WorkingPaper>,
  userId: string,
): Promise<WorkingPaper> {
  const before = draft.id ? papers.find((p) => p.id === draft.id) : undefined
  if (before?.mergedInto) throw new CaseworkError('merged', '该底稿已并入其他底稿，不能再修改')
  if (!before && papers.some((p) => p.number === draft.number)) throw new CaseworkError('number-taken', `底稿编号 ${draft.number} 已被使用`)
  const next = before
    ? applyPaperEdit(before, { ...before, ...draft } as WorkingPaper, userId, now())
    : { ...draft, signoffs: [], editedAfterSignoff: false }
  return ctx.repo.save('workingPapers', next)
}

/** The next sign-off, by the member holding its role; audited as a signature. */
export async function signoff(
  ctx: ServiceContext,
  paper: WorkingPaper,
  user: TeamMember | undefined,
  record: Pick<Signoff, 'contentSha256' | 'evidence'> | undefined,
  signer: SigningKey | undefined,
): Promise<WorkingPaper> {
  const unsigned = signPaper(paper, user, now(), record)
  const last = unsigned.signoffs.at(-1)!
  const done = { ...last, signature: await signed(user, signer, signoffAct(unsigned, last)) }
  const signedPaper = { ...unsigned, signoffs: [...unsigned.signoffs.slice(0, -1), done] }
  const saved = await ctx.repo.save('workingPapers', signedPaper)
  await ctx.repo.record({
    action: 'sign',
    table: 'workingPapers',
    recordId: saved.id,
    fields: ['signoffs'],
    detail: `${done.step}（个人签名 ${done.signature.keyId}）`,
  })
  return saved
}

export async function returnToHandler(
  ctx: ServiceContext,
  paper: WorkingPaper,
  user: TeamMember | undefined,
  comment: string,
  signer: SigningKey | undefined,
): Promise<WorkingPaper> {
  const returned = await signLastEntry('workingPapers', returnPaper(paper, user, comment, now()), user, signer)
  const saved = await ctx.repo.save('workingPapers', returned)
  // The comment is free text: it stays in the (encrypted) review log, not in the audit log.
  await ctx.repo.record({ action: 'sign', table: 'workingPapers', recordId: saved.id, fields: ['reviewLog'], detail: '退回承办人' })
  return saved
}

/** Merges a duplicate into the one kept (both evidence sets kept); returns both as saved. */
export async function mergePapers(ctx: ServiceContext, papers: readonly WorkingPaper[], keepId: string, otherId: string, userId: string) {
  const keep = papers.find((p) => p.id === keepId && !p.mergedInto)
  const other = papers.find((p) => p.id === otherId && !p.mergedInto)
  if (!keep || !other) throw new CaseworkError('not-found', '找不到要合并的底稿')
  const { kept, merged } = mergeRule(keep, other, userId, now())
  return { kept: await ctx.repo.save('workingPapers', kept), merged: await ctx.repo.save('workingPapers', merged) }
}

/** Saves the content of a clue; a sealed, withdrawn or settled clue is refused. Flow fields are kept as stored. */
export async function saveClue(ctx: ServiceContext, clues: readonly Clue[], draft: Draft<Clue>): Promise<Clue> {
  const before = draft.id ? clues.find((c) => c.id === draft.id) : undefined
  assertClueEditable(before)
  const next = before
    ? {
        ...draft,
        status: before.status,
        seal: before.seal,
        leaderOpinion: before.leaderOpinion,
        reviewLog: before.reviewLog,
        withdrawal: before.withdrawal,
        transferredOn: before.transferredOn,
        feedback: before.feedback,
      }
    : { ...draft, status: '草稿' as const, seal: null }
  return ctx.repo.save('clues', next)
}

export type ClueStep = '提交' | '通过' | '退回' | '撤回' | '反馈'

const problemOf = (run: () => unknown): string => {
  try {
    run()
    return ''
  } catch (e) {
    return e instanceof Error ? e.message : String(e)
  }
}

/** Why the clue step would be refused ('' when allowed): checked before the PIN is asked for. */
export function clueStepProblem(clue: Clue, user: TeamMember | undefined, step: ClueStep, text: string): string {
  const at = now()
  const rule = { 提交: submitClue, 通过: approveClue, 退回: returnClue, 撤回: withdrawClue, 反馈: recordFeedback }[step]
  return problemOf(() => (step === '提交' ? submitClue(clue, user, at) : rule(clue, user, text, at)))
}

/** Why returning the 底稿 would be refused ('' when allowed). */
export const returnProblem = (paper: WorkingPaper, user: TeamMember | undefined, comment: string): string =>
  problemOf(() => returnPaper(paper, user, comment, now()))

/** Why the 移交 would be refused ('' when allowed). */
export async function transferProblem(clue: Clue, user: TeamMember | undefined, t: Transfer): Promise<string> {
  try {
    await sealRule(
      clue,
      user,
      t,
      clue.evidence.map((l) => ({ ...l, text: '' })),
      now(),
    )
    return ''
  } catch (e) {
    return e instanceof Error ? e.message : String(e)
  }
}

/** The steps that are signed acts (approval, return, withdrawal): they need the 组长's own key. */
export const SIGNED_CLUE_STEPS: readonly ClueStep[] = ['通过', '退回', '撤回']

/** One step of the clue's flow, by whoever the rule allows (shared/casework/clues.ts). */
export async function clueStep(
  ctx: ServiceContext,
  clue: Clue,
  user: TeamMember | undefined,
  step: ClueStep,
  text = '',
  signer?: SigningKey,
): Promise<Clue> {
  const at = now()
  const unsigned = {
    提交: () => submitClue(clue, user, at),
    通过: () => approveClue(clue, user, text, at),
    退回: () => returnClue(clue, user, text, at),
    撤回: () => withdrawClue(clue, user, text, at),
    反馈: () => recordFeedback(clue, user, text, at),
  }[step]()
  let next = unsigned
  if (step === '撤回') {
    const w = unsigned.withdrawal!
    next = { ...unsigned, withdrawal: { ...w, signature: await signed(user, signer, withdrawAct(unsigned, w)) } }
  } else if (SIGNED_CLUE_STEPS.includes(step)) next = await signLastEntry('clues', unsigned, user, signer)
  return ctx.repo.save('clues', next)
}

/** 移交: freezes the cited evidence's text in the seal, records the SHA-256 and audits the seal. */
export async function transferClue(
  ctx: ServiceContext,
  clue: Clue,
  user: TeamMember | undefined,
  t: Transfer,
  frozen: FrozenEvidence[],
  signer: SigningKey | undefined,
): Promise<Clue> {
  const unsigned = await sealRule(clue, user, t, frozen, now())
  const seal = unsigned.seal!
  const sealed = { ...unsigned, seal: { ...seal, signature: await signed(user, signer, sealAct(unsigned, seal)) } }
  const saved = await ctx.repo.save('clues', sealed)
  await ctx.repo.record({
    action: 'seal',
    table: 'clues',
    recordId: saved.id,
    fields: ['seal'],
    detail: `移交并封存 sha256:${saved.seal!.sha256}`,
  })
  return saved
}
