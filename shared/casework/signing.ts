// What a 底稿 sign-off covers, and what becomes of it when the cited evidence changes later.
//
// At each sign-off the 底稿 records the SHA-256 of its canonical content and, for every cited
// evidence item, a copy of its text with the SHA-256 of {kind, ref, text} (these are the hashes
// a personal signature will sign). The records the evidence comes from stay editable (an
// interview record is a living document); instead, whether a sign-off still stands is derived,
// every time, from the evidence as it reads now: a review sign-off (副组长审核, 组长审签) whose
// evidence no longer matches falls back by the same rule as an edit of the 底稿
// (`signoffsAfterChange`), whichever way the evidence changed — an edit in the 谈话记录, a note
// edit, a merge from a change package. Nothing has to run at the moment of the change.
import type { EvidenceLink, FrozenEvidence, SignedEvidence, Signoff, WorkingPaper } from '../domain/types'
import { canonicalJson, sha256Hex } from '../util/hash'
import { paperContent, signoffsAfterChange } from './papers'

/** The canonical text an evidence item's hash covers. */
export function evidencePayload(e: FrozenEvidence): string {
  return canonicalJson({ kind: e.kind, ref: e.ref, text: e.text })
}

export const evidenceHash = (e: FrozenEvidence): Promise<string> => sha256Hex(evidencePayload(e))
export const paperContentHash = (p: Partial<WorkingPaper>): Promise<string> => sha256Hex(canonicalJson(paperContent(p)))

/** The record a sign-off keeps: the 底稿's content hash and each cited item as it reads now. */
export async function signingRecord(
  p: WorkingPaper,
  current: FrozenEvidence[],
): Promise<Required<Pick<Signoff, 'contentSha256' | 'evidence'>>> {
  const evidence = await Promise.all(
    current.map(async ({ kind, ref, text }) => ({ kind, ref, text, sha256: await evidenceHash({ kind, ref, text }) })),
  )
  return { contentSha256: await paperContentHash(p), evidence }
}

/** One cited item whose record reads differently from what was signed. */
export interface EvidenceChange {
  link: EvidenceLink
  signed: SignedEvidence
  /** The text now (the record's placeholder text when it was deleted). */
  current: string
  /** The sign-off the signed copy belongs to. */
  signedAt: Signoff
}

export interface SignoffState {
  /** The sign-offs that still stand. */
  signoffs: Signoff[]
  /** Sign-offs dropped because their evidence changed. */
  fellBack: boolean
  /** Evidence changed since the latest sign-off that kept a copy. */
  changed: EvidenceChange[]
  /** The copies kept at that sign-off, by ref (shown beside the current text). */
  signedCopies: Map<string, SignedEvidence>
}

function changesSince(s: Signoff, now: (l: EvidenceLink) => FrozenEvidence): EvidenceChange[] {
  return (s.evidence ?? []).flatMap((signed) => {
    const current = now(signed).text
    return current === signed.text ? [] : [{ link: { kind: signed.kind, ref: signed.ref }, signed, current, signedAt: s }]
  })
}

/**
 * Which sign-offs of the 底稿 still stand, given the evidence as it reads now. When any review
 * sign-off's copy of the evidence no longer matches, the fall-back of an edit applies: the
 * 承办人签字 stays, the review sign-offs drop. Sign-offs recorded before copies were kept are taken as
 * they are (there is nothing to compare them with).
 */
export function signoffState(p: Pick<WorkingPaper, 'signoffs'>, read: (l: EvidenceLink) => FrozenEvidence): SignoffState {
  if (!p.signoffs.some((s) => s.evidence)) return { signoffs: p.signoffs, fellBack: false, changed: [], signedCopies: new Map() }
  // Each cited item is read once, however many sign-offs kept a copy of it.
  const seen = new Map<string, FrozenEvidence>()
  const now = (l: EvidenceLink) => seen.get(l.ref) ?? seen.set(l.ref, read(l)).get(l.ref)!
  const latest = [...p.signoffs].reverse().find((s) => s.evidence)
  const changed = latest ? changesSince(latest, now) : []
  const signedCopies = new Map((latest?.evidence ?? []).map((e) => [e.ref, e]))
  const broken = p.signoffs.some((s) => s.step !== '承办人签字' && changesSince(s, now).length > 0)
  if (!broken) return { signoffs: p.signoffs, fellBack: false, changed, signedCopies }
  return { signoffs: signoffsAfterChange(p.signoffs), fellBack: true, changed, signedCopies }
}

/** The 底稿 with only the sign-offs that still stand (what views, reports and the next sign-off see). */
export function withStandingSignoffs<P extends WorkingPaper>(p: P, now: (l: EvidenceLink) => FrozenEvidence): P {
  const state = signoffState(p, now)
  return state.fellBack ? { ...p, signoffs: state.signoffs } : p
}

/**
 * Writes the fall-back into the record before the next act on it (a sign-off, an edit): the
 * dropped sign-offs, with their copies of the evidence, are kept as a version, exactly as an
 * edit keeps the version it replaced.
 */
export function settleFallBack<P extends WorkingPaper>(p: P, now: (l: EvidenceLink) => FrozenEvidence, by: string, at: string): P {
  const state = signoffState(p, now)
  if (!state.fellBack) return p
  return {
    ...p,
    signoffs: state.signoffs,
    editedAfterSignoff: true,
    versions: [...(p.versions ?? []), { at, by, content: paperContent(p), signoffs: p.signoffs }],
    reviewLog: [...(p.reviewLog ?? []), { action: '所引证据签字后改动', memberId: by, at }],
  }
}

/** Checks a sign-off's kept copies against their hashes: false when a copy was altered in place. */
export async function signoffIntact(s: Signoff): Promise<boolean> {
  if (!s.evidence) return true
  const hashes = await Promise.all(s.evidence.map((e) => evidenceHash(e)))
  return hashes.every((h, i) => h === s.evidence![i]!.sha256)
}

/** What a sign-off commits the signer to, said before they sign (the confirmation dialog). */
export function signConsequence(step: Signoff['step'], number: string, evidenceCount: number): string {
  const covers = `签字将记录底稿 ${number} 的当前内容和所引 ${evidenceCount} 项支撑材料的当前文本（各自的 SHA-256）。`
  const after = '此后底稿或任一支撑材料被修改（包括在谈话记录、审阅笔记中修改，或从变更包合并），副组长审核和组长审签即失效，须重新审核。'
  const role = {
    承办人签字: '您将以承办人身份确认底稿内容属实、依据充分。',
    副组长审核: '您将以副组长身份审核通过该底稿，随后交组长审签。',
    组长审签: '您将以组长身份审签该底稿：审签后底稿即为“已审签”，可被报告引用。',
  }[step]
  return `${role}${covers}${after}`
}
