import { describe, expect, it } from 'vitest'
import { buildSampleRound } from '../sample'
import type { RoundSnapshot } from '../domain/snapshot'
import type { TeamMember, WorkingPaper } from '../domain/types'
import { generateDraft, isSigned } from '../reports/draft'
import { DEFAULT_TEMPLATES } from '../reports/templates'
import { canonicalJson, sha256Hex } from '../util/hash'
import { evidenceSourcesOf, resolveEvidence } from './evidence'
import { applyPaperEdit, signPaper, waitingFor } from './papers'
import {
  evidenceHash,
  paperContentHash,
  settleFallBack,
  signConsequence,
  signingRecord,
  signoffIntact,
  signoffState,
  withStandingSignoffs,
} from './signing'

const T = (n: number) => `2026-11-2${n}T08:00:00.000Z`
const members = (s: RoundSnapshot) => s.tables.people.filter((p): p is TeamMember => p.kind === 'member')
const nowIn = (s: RoundSnapshot) => {
  const sources = evidenceSourcesOf(s)
  return (l: Parameters<typeof resolveEvidence>[0]) => resolveEvidence(l, sources)
}

/** A sample 底稿 citing an interview point and a review note, signed through all three steps. */
async function signedPaper(s: RoundSnapshot): Promise<WorkingPaper> {
  const m = members(s)
  const [staff, deputy, leader] = [
    m.find((x) => x.role === '组员')!,
    m.find((x) => x.role === '副组长')!,
    m.find((x) => x.role === '组长')!,
  ]
  const point = s.tables.interviews.find((i) => i.record?.points.length)!
  const note = s.tables.documentNotes[0]!
  let p: WorkingPaper = {
    ...s.tables.workingPapers[0]!,
    id: 'p-signed',
    number: '2026-03-DG-900',
    handlerId: staff.id,
    signoffs: [],
    editedAfterSignoff: false,
    reviewLog: [],
    versions: [],
    evidence: [
      { kind: 'interviewPoint', ref: `${point.id}#${point.record!.points[0]!.id}` },
      { kind: 'documentNote', ref: note.id },
    ],
  }
  const now = nowIn(s)
  for (const [who, at] of [
    [staff, 1],
    [deputy, 2],
    [leader, 3],
  ] as const) {
    p = signPaper(p, who, T(at), await signingRecord(p, p.evidence.map(now)))
  }
  s.tables.workingPapers.push(p)
  return p
}

describe('what a sign-off records', () => {
  it('the content hash of the 底稿 and a hashed copy of every cited item, as they read when signed', async () => {
    const s = buildSampleRound()
    const p = await signedPaper(s)
    const now = nowIn(s)
    for (const so of p.signoffs) {
      expect(so.contentSha256).toBe(await paperContentHash(p))
      expect(so.evidence!.map((e) => e.ref)).toEqual(p.evidence.map((l) => l.ref))
      for (const e of so.evidence!) {
        expect(e.text).toBe(now(e).text)
        // The hash is SHA-256 over canonical {kind, ref, text}: anyone can recompute it.
        expect(e.sha256).toBe(await sha256Hex(canonicalJson({ kind: e.kind, ref: e.ref, text: e.text })))
      }
    }
    expect(signoffState(p, now)).toMatchObject({ fellBack: false, changed: [] })
    expect(waitingFor(withStandingSignoffs(p, now))).toBe('已审签')
  })

  it('a copy altered in place no longer matches its hash', async () => {
    const s = buildSampleRound()
    const p = await signedPaper(s)
    const so = p.signoffs[2]!
    expect(await signoffIntact(so)).toBe(true)
    expect(await signoffIntact({ ...so, evidence: so.evidence!.map((e, i) => (i ? e : { ...e, text: `${e.text}（改）` })) })).toBe(false)
    expect(await evidenceHash(so.evidence![0]!)).toBe(so.evidence![0]!.sha256)
  })

  it('the confirmation says what is recorded and what an edit does', () => {
    expect(signConsequence('组长审签', 'DG-1', 2)).toMatch(/已审签.*所引 2 项支撑材料.*须重新审核/)
  })
})

describe('evidence edited after signing', () => {
  it('an interview point edited in the 谈话记录: review sign-offs fall back, both texts stay readable, reports drop the 底稿', async () => {
    const s = buildSampleRound()
    const p = await signedPaper(s)
    const [interviewId, pointId] = p.evidence[0]!.ref.split('#')
    const iv = s.tables.interviews.find((i) => i.id === interviewId)!
    const point = iv.record!.points.find((x) => x.id === pointId)!
    const signedText = point.text
    point.text = '陈𠈌称食堂承包合同未经集体研究，'.repeat(200) // 3,000+ characters, a CJK Ext B name
    const now = nowIn(s)

    const state = signoffState(p, now)
    expect(state.fellBack).toBe(true)
    expect(state.signoffs.map((x) => x.step)).toEqual(['承办人签字'])
    expect(state.changed).toHaveLength(1)
    expect(state.changed[0]!.signed.text).toBe(signedText)
    expect(state.changed[0]!.current).toBe(point.text)
    expect(state.signedCopies.get(p.evidence[0]!.ref)!.text).toBe(signedText)

    const standing = withStandingSignoffs(p, now)
    expect(waitingFor(standing)).toBe('副组长')
    expect(isSigned(standing)).toBe(false)
    // Exactly the fall-back of an edit of the 底稿 itself.
    const edited = applyPaperEdit(p, { ...p, facts: `${p.facts}补充。` }, 'x', T(4))
    expect(standing.signoffs).toEqual(edited.signoffs)

    // Reports use signed 底稿 only: the fallen-back one is not cited by the generated draft.
    const gen = generateDraft('巡察报告', DEFAULT_TEMPLATES.巡察报告, s)
    expect(gen.sections.flatMap((x) => x.paragraphs).some((x) => x.paperIds.includes(p.id))).toBe(false)
    point.text = signedText
    const again = generateDraft('巡察报告', DEFAULT_TEMPLATES.巡察报告, s)
    expect(again.sections.flatMap((x) => x.paragraphs).some((x) => x.paperIds.includes(p.id))).toBe(true)
  })

  it('a review note edited, or deleted (as a merge from a change package would leave it): the same fall-back', async () => {
    const s = buildSampleRound()
    const p = await signedPaper(s)
    const note = s.tables.documentNotes.find((n) => n.id === p.evidence[1]!.ref)!
    note.excerpt = `=SUM(A1) ${note.excerpt}`
    expect(signoffState(p, nowIn(s))).toMatchObject({ fellBack: true })
    expect(signoffState(p, nowIn(s)).changed.map((c) => c.link.ref)).toEqual([note.id])
    note.deleted = true
    expect(signoffState(p, nowIn(s)).changed[0]!.current).toContain('原始记录不存在或已删除')
  })

  it('the next act writes the fall-back in, keeps the signed copies as a version, and a fresh review stands', async () => {
    const s = buildSampleRound()
    const p = await signedPaper(s)
    const note = s.tables.documentNotes.find((n) => n.id === p.evidence[1]!.ref)!
    note.doubt = '金额与合同不符'
    const now = nowIn(s)
    const settled = settleFallBack(p, now, 'x', T(5))
    expect(settled.signoffs.map((x) => x.step)).toEqual(['承办人签字'])
    expect(settled.editedAfterSignoff).toBe(true)
    expect(settled.versions!.at(-1)!.signoffs).toHaveLength(3)
    expect(settled.versions!.at(-1)!.signoffs[2]!.evidence![1]!.text).not.toContain('金额与合同不符')
    expect(settled.reviewLog!.at(-1)!.action).toBe('所引证据签字后改动')
    expect(settleFallBack(settled, now, 'x', T(6))).toBe(settled)

    const m = members(s)
    const deputy = m.find((x) => x.role === '副组长')!
    const resigned = signPaper(settled, deputy, T(6), await signingRecord(settled, settled.evidence.map(now)))
    const state = signoffState(resigned, now)
    expect(state).toMatchObject({ fellBack: false, changed: [] })
    expect(state.signoffs.map((x) => x.step)).toEqual(['承办人签字', '副组长审核'])
    expect(resigned.editedAfterSignoff).toBe(false)
  })

  it('sign-offs recorded before copies were kept stand as they are', () => {
    const s = buildSampleRound()
    const legacy = s.tables.workingPapers.find((p) => p.signoffs.length === 3)!
    expect(signoffState(legacy, () => ({ kind: 'petition', ref: 'x', text: '任何内容' })).fellBack).toBe(false)
  })
})
