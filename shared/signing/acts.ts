// The acts a member signs with their personal key, and the exact text each signature covers.
// The text is built from the stored record by whoever verifies it, so a signature moved to
// another 底稿 or clue, another step, another signer or another time no longer verifies, and
// an evidence copy re-hashed after signing changes the text too.
import type { Clue, ClueSeal, MemberRole, ReviewEntry, Signoff, SignoffStep, WorkingPaper } from '../domain/types'
import { canonicalJson } from '../util/hash'

interface ActBase {
  roundId: string
  memberId: string
  at: string
}

export type SignedAct = ActBase &
  (
    | {
        act: 'paper-signoff'
        recordId: string
        step: SignoffStep
        contentSha256: string
        evidence: { kind: string; ref: string; sha256: string }[]
      }
    | { act: 'paper-return'; recordId: string; comment: string }
    | { act: 'clue-approve' | 'clue-return'; recordId: string; comment: string }
    | { act: 'clue-seal'; recordId: string; sealSha256: string }
    | { act: 'clue-withdraw'; recordId: string; reason: string }
    /** 组长-only acts on the round: `detail` names what (the export's fingerprint, the wipe's counts). */
    | { act: 'export-clues' | 'export-archive' | 'handover' | 'wipe'; detail: string }
  )

export type ActKind = SignedAct['act']

/** What each act is called in messages. */
export const ACT_LABELS: Record<ActKind, string> = {
  'paper-signoff': '底稿签字',
  'paper-return': '退回底稿',
  'clue-approve': '审核通过线索',
  'clue-return': '退回线索',
  'clue-seal': '移交并封存线索',
  'clue-withdraw': '撤回线索',
  'export-clues': '导出问题线索',
  'export-archive': '导出轮次归档',
  handover: '生成移交包',
  wipe: '清理本轮数据',
}

const STEP_ROLE: Record<SignoffStep, MemberRole | undefined> = { 承办人签字: undefined, 副组长审核: '副组长', 组长审签: '组长' }

/** The roles the signer may hold for the act; undefined when any member may (the 承办人's own sign-off). */
export function actRoles(a: SignedAct): readonly MemberRole[] | undefined {
  if (a.act === 'paper-signoff') {
    const role = STEP_ROLE[a.step]
    return role && [role]
  }
  // A return comes from the reviewer due: a 副组长 before the review, the 组长 before 审签.
  if (a.act === 'paper-return') return ['副组长', '组长']
  return ['组长']
}

/** The canonical text a signature covers. */
export function actText(a: SignedAct): string {
  return canonicalJson({ v: 1, ...a })
}

/** The act of a stored 底稿 sign-off (its evidence by hash: the copies' text is covered by their hashes). */
export function signoffAct(paper: { id: string; roundId: string }, s: Signoff): SignedAct {
  return {
    act: 'paper-signoff',
    roundId: paper.roundId,
    recordId: paper.id,
    step: s.step,
    memberId: s.memberId,
    at: s.at,
    contentSha256: s.contentSha256 ?? '',
    evidence: (s.evidence ?? []).map(({ kind, ref, sha256 }) => ({ kind, ref, sha256 })),
  }
}

/** The act of a stored seal. */
export function sealAct(clue: { id: string; roundId: string }, seal: ClueSeal): SignedAct {
  return { act: 'clue-seal', roundId: clue.roundId, recordId: clue.id, memberId: seal.by, at: seal.at, sealSha256: seal.sha256 }
}

/** The canonical text of the 组长's certificate for a member's public key. */
export function keyCertText(roundId: string, memberId: string, key: { keyId: string; publicKey: string; createdAt: string }): string {
  return canonicalJson({
    v: 1,
    statement: 'member-key',
    roundId,
    memberId,
    keyId: key.keyId,
    publicKey: key.publicKey,
    createdAt: key.createdAt,
  })
}

/** The canonical text of the 组长's withdrawal of a member's key (a reset, or the member leaving). */
export function keyRevokeText(roundId: string, memberId: string, keyId: string, at: string): string {
  return canonicalJson({ v: 1, statement: 'revoke-key', roundId, memberId, keyId, at })
}

/** The review-log actions that are signed acts, per table. */
const LOGGED_ACTS = {
  workingPapers: { 退回: 'paper-return' },
  clues: { 审核通过: 'clue-approve', 退回: 'clue-return' },
} as const

/** The act of a review-log entry (a return, an approval), or undefined when the entry is not a signed act. */
export function reviewAct(
  table: 'workingPapers' | 'clues',
  record: { id: string; roundId: string },
  r: ReviewEntry,
): SignedAct | undefined {
  const act = (LOGGED_ACTS[table] as Record<string, 'paper-return' | 'clue-approve' | 'clue-return'>)[r.action]
  if (!act) return undefined
  return { act, roundId: record.roundId, recordId: record.id, memberId: r.memberId, at: r.at, comment: r.comment ?? '' }
}

/** The act of a stored withdrawal. */
export function withdrawAct(clue: { id: string; roundId: string }, w: NonNullable<Clue['withdrawal']>): SignedAct {
  return { act: 'clue-withdraw', roundId: clue.roundId, recordId: clue.id, memberId: w.by, at: w.at, reason: w.reason }
}

export interface RecordedAct {
  act: SignedAct
  signature: ReviewEntry['signature']
  /** The field that holds it. */
  field: 'signoffs' | 'reviewLog' | 'seal' | 'withdrawal'
}

/** Every signed act recorded on a 底稿. */
export function paperActs(p: Pick<WorkingPaper, 'id' | 'roundId' | 'signoffs' | 'reviewLog'>): RecordedAct[] {
  return [
    ...(p.signoffs ?? []).map((s) => ({ act: signoffAct(p, s), signature: s.signature, field: 'signoffs' as const })),
    ...logActs('workingPapers', p),
  ]
}

/** Every signed act recorded on a clue. */
export function clueActs(c: Pick<Clue, 'id' | 'roundId' | 'reviewLog' | 'seal' | 'withdrawal'>): RecordedAct[] {
  return [
    ...logActs('clues', c),
    ...(c.seal ? [{ act: sealAct(c, c.seal), signature: c.seal.signature, field: 'seal' as const }] : []),
    ...(c.withdrawal ? [{ act: withdrawAct(c, c.withdrawal), signature: c.withdrawal.signature, field: 'withdrawal' as const }] : []),
  ]
}

function logActs(table: 'workingPapers' | 'clues', r: { id: string; roundId: string; reviewLog?: ReviewEntry[] }): RecordedAct[] {
  return (r.reviewLog ?? []).flatMap((e) => {
    const act = reviewAct(table, r, e)
    return act ? [{ act, signature: e.signature, field: 'reviewLog' as const }] : []
  })
}
