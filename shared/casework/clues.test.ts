import { describe, expect, it } from 'vitest'
import { buildSampleRound } from '../sample'
import type { Cadre, Clue, TeamMember } from '../domain/types'
import {
  approveClue,
  assertClueEditable,
  feedbackState,
  recordFeedback,
  returnClue,
  sealPayload,
  submitClue,
  transferClue,
  verifySeal,
  withdrawClue,
} from './clues'
import { resolveEvidence, type EvidenceSources } from './evidence'

const s = buildSampleRound()
const t = s.tables
const members = t.people.filter((p): p is TeamMember => p.kind === 'member')
const leader = members.find((m) => m.role === '组长')!
const staff = members.find((m) => m.role === '组员')!
const sources: EvidenceSources = {
  interviews: t.interviews,
  notes: t.documentNotes,
  documents: t.documents,
  petitions: t.petitions,
  visits: t.visits,
  attachments: t.attachments,
  cadres: t.people.filter((p): p is Cadre => p.kind === 'cadre'),
}
const draft = (): Clue => ({ ...t.clues.find((c) => c.status === '草稿')!, reviewLog: [] })
const T = '2026-11-21T08:00:00.000Z'
const transfer = { transferredOn: '2026-11-21', transferNo: '移〔2026〕2号', receiverUnit: '区纪委监委', receiver: '周文杰' }
const frozen = (c: Clue) => c.evidence.map((l) => resolveEvidence(l, sources))

async function sealed(): Promise<Clue> {
  const c = approveClue(submitClue(draft(), staff, T), leader, '同意移交区纪委监委', T)
  return transferClue(c, leader, transfer, frozen(c), T)
}

describe('clue flow', () => {
  it('goes 草稿 → 组长审核 → 定稿 → 已移交, with approve and return by the 组长 only', async () => {
    const submitted = submitClue(draft(), staff, T)
    expect(submitted.status).toBe('组长审核')
    expect(() => approveClue(submitted, staff, '同意', T)).toThrow('只有组长可以审核问题线索')
    expect(() => approveClue(submitted, leader, ' ', T)).toThrow('请填写组长审核意见')
    const returned = returnClue(submitted, leader, '证据不足，补充谈话记录', T)
    expect(returned.status).toBe('草稿')
    expect(returned.reviewLog?.at(-1)).toMatchObject({ action: '退回', comment: '证据不足，补充谈话记录' })
    const approved = approveClue(submitClue(returned, staff, T), leader, '同意移交', T)
    expect(approved).toMatchObject({ status: '定稿', leaderOpinion: '同意移交' })
    await expect(transferClue(approved, staff, transfer, frozen(approved), T)).rejects.toThrow('只有组长可以移交问题线索')
    await expect(transferClue(draft(), leader, transfer, frozen(draft()), T)).rejects.toThrow('只有已定稿的线索可以移交')
    const done = await transferClue(approved, leader, transfer, frozen(approved), T)
    expect(done.status).toBe('已移交')
    expect(done.seal?.sha256).toMatch(/^[0-9a-f]{64}$/)
    expect(done.seal?.evidence?.every((e) => e.text.length > 5)).toBe(true)
  })

  it('refuses every edit of a sealed clue; withdrawal needs a reason and keeps the record', async () => {
    const c = await sealed()
    expect(() => assertClueEditable(c)).toThrow('该线索已移交并封存')
    expect(() => assertClueEditable(draft())).not.toThrow()
    expect(() => withdrawClue(c, leader, '', T)).toThrow('撤回须说明理由')
    const w = withdrawClue(c, leader, '纪委监委已另案处理', T)
    expect(w).toMatchObject({
      status: '已撤回',
      withdrawal: { reason: '纪委监委已另案处理', by: leader.id },
      summary: c.summary,
      seal: c.seal,
    })
    expect(await verifySeal(w)).toBe(true)
  })
})

describe('seal hash', () => {
  it('is stable: same content, same hash, whatever the key order', async () => {
    const a = await sealed()
    const b = await sealed()
    expect(a.seal!.sha256).toBe(b.seal!.sha256)
    const reordered = Object.fromEntries(Object.entries(a).reverse()) as Clue
    expect(sealPayload(reordered, a.seal!.evidence!)).toBe(sealPayload(a, a.seal!.evidence!))
    expect(await verifySeal(a)).toBe(true)
    // Feedback is recorded after the seal and lies outside it.
    expect(await verifySeal(recordFeedback(a, leader, '已初步核实，给予诫勉', T))).toBe(true)
  })
  it('detects tampering with the content or with the frozen evidence', async () => {
    const a = await sealed()
    expect(await verifySeal({ ...a, summary: `${a.summary}（改）` })).toBe(false)
    expect(await verifySeal({ ...a, subjectName: '另一人' })).toBe(false)
    const ev = a.seal!.evidence!.map((e, i) => (i === 0 ? { ...e, text: `${e.text}！` } : e))
    expect(await verifySeal({ ...a, seal: { ...a.seal!, evidence: ev } })).toBe(false)
    expect(await verifySeal({ ...a, evidence: a.evidence.slice(1) })).toBe(false)
    expect(await verifySeal({ ...a, seal: null })).toBe(false)
  })
})

describe('feedback deadline', () => {
  it('is three calendar months after 移交, clamped to the month end', () => {
    const c = { transferredOn: '2026-11-30', feedback: '', status: '已移交' as const }
    expect(feedbackState(c, '2026-12-01')).toEqual({ due: '2027-02-28', inDays: 89, state: '未到期' })
    expect(feedbackState(c, '2027-02-20')?.state).toBe('即将到期')
    expect(feedbackState(c, '2027-03-01')).toMatchObject({ state: '已逾期', inDays: -1 })
    expect(feedbackState({ ...c, feedback: '已了结' }, '2027-03-01')?.state).toBe('已反馈')
    expect(feedbackState({ ...c, transferredOn: '' }, '2027-03-01')).toBeUndefined()
  })
})

describe('evidence text', () => {
  it('resolves every link the sample 底稿 and clues use', () => {
    for (const link of [...t.workingPapers, ...t.clues].flatMap((x) => x.evidence)) {
      const r = resolveEvidence(link, sources)
      expect(r.found, link.ref).toBe(true)
      expect(r.text.length).toBeGreaterThan(3)
    }
    expect(resolveEvidence({ kind: 'petition', ref: 'nope' }, sources).found).toBe(false)
  })
})
