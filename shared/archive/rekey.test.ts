import { describe, expect, it } from 'vitest'
import { buildSampleRound } from '../sample'
import type { RoundSnapshot } from '../domain/snapshot'
import { ROUND_TABLES } from '../domain/tables'
import type { EvidenceLink } from '../domain/types'
import { evidenceSourcesOf, resolveEvidence } from '../casework/evidence'
import { sealPayload, verifySeal } from '../casework/clues'
import { paperContentHash, signingRecord, signoffIntact } from '../casework/signing'
import { sha256Hex } from '../util/hash'
import { rekeySnapshot } from './rekey'
import { validateContent } from './validate'

/** The sample round with what it lacks: a sealed clue, a 底稿 signed with evidence copies, a report citing 底稿. */
async function richRound(): Promise<RoundSnapshot> {
  const s = buildSampleRound()
  const src = evidenceSourcesOf(s)
  const frozen = (links: EvidenceLink[]) => links.map((l) => ({ kind: l.kind, ref: l.ref, text: resolveEvidence(l, src).text }))
  for (const c of s.tables.clues.filter((x) => x.evidence.length).slice(0, 2)) {
    const evidence = frozen(c.evidence)
    c.status = '已移交'
    c.seal = { sha256: await sha256Hex(sealPayload(c, evidence)), at: '2026-11-20T08:00:00.000Z', by: c.updatedBy, evidence }
  }
  const leader = s.tables.people.find((p) => p.kind === 'member')!
  for (const p of s.tables.workingPapers.filter((x) => x.evidence.length).slice(0, 3)) {
    p.signoffs = [
      { step: '承办人签字', memberId: leader.id, at: '2026-11-20T09:00:00.000Z', ...(await signingRecord(p, frozen(p.evidence))) },
    ]
  }
  const [a, b] = s.tables.workingPapers
  const { id: _id, roundId, createdAt, updatedAt, updatedBy, deviceId } = a!
  s.tables.reports.push({
    roundId,
    createdAt,
    updatedAt,
    updatedBy,
    deviceId,
    id: 'report-1',
    kind: '巡察报告',
    title: '巡察报告',
    status: '起草',
    sections: [
      {
        id: 's1',
        level: 1,
        heading: '问题',
        paragraphs: [
          { id: 'p0', text: '一', paperIds: [a!.id, b!.id], slot: `paper:${a!.id}` },
          { id: 'p00', text: '二', paperIds: [b!.id] },
        ],
      },
    ],
  })
  return s
}

const sample = await richRound()
let n = 0
const newId = () => `neu-${(++n).toString(36).padStart(6, '0')}`

/** Every record id of the snapshot, the round's included. */
const allIds = (s: RoundSnapshot) => [s.round.id, ...ROUND_TABLES.flatMap((t) => s.tables[t].map((r) => r.id))]
const texts = (s: RoundSnapshot, links: EvidenceLink[]) => links.map((l) => resolveEvidence(l, evidenceSourcesOf(s)).text)

describe('rekeySnapshot (作为新轮次导入)', () => {
  it('gives every record a new id and leaves no old id anywhere, the input untouched', async () => {
    const before = structuredClone(sample)
    const out = await rekeySnapshot(sample, newId)
    expect(sample).toEqual(before)
    const old = new Set(allIds(sample))
    expect(allIds(out).some((id) => old.has(id))).toBe(false)
    // No field anywhere still names an old record (the sample's ids are UUIDs, so a substring is a reference).
    const json = JSON.stringify(out)
    expect([...old].filter((id) => json.includes(id))).toEqual([])
    expect(ROUND_TABLES.every((t) => out.tables[t].every((r) => r.roundId === out.round.id))).toBe(true)
    expect(ROUND_TABLES.map((t) => out.tables[t].length)).toEqual(ROUND_TABLES.map((t) => sample.tables[t].length))
    expect(() => validateContent(out)).not.toThrow()
  })

  it('keeps every reference pointing at the same record: people, evidence, clue↔底稿, report sources', async () => {
    const out = await rekeySnapshot(sample, newId)
    const ids = new Map(allIds(sample).map((id, i) => [id, allIds(out)[i]!]))
    const t = sample.tables
    const o = out.tables
    t.interviews.forEach((iv, i) => {
      expect(o.interviews[i]!.intervieweeId).toBe(ids.get(iv.intervieweeId))
      expect(o.interviews[i]!.leadId).toBe(ids.get(iv.leadId))
      if (iv.followUpOf) expect(o.interviews[i]!.followUpOf).toBe(ids.get(iv.followUpOf))
    })
    t.documentNotes.forEach((note, i) => expect(o.documentNotes[i]!.documentId).toBe(ids.get(note.documentId)))
    t.visits.forEach((v, i) => expect(o.visits[i]!.memberIds).toEqual(v.memberIds.map((m) => ids.get(m))))
    // Evidence of 底稿 and clues reads the same text through the new refs (interview points included).
    const cited = t.workingPapers.flatMap((p) => p.evidence).length + t.clues.flatMap((c) => c.evidence).length
    expect(cited).toBeGreaterThan(10)
    expect(t.workingPapers.some((p) => p.evidence.some((e) => e.kind === 'interviewPoint'))).toBe(true)
    t.workingPapers.forEach((p, i) => {
      expect(texts(out, o.workingPapers[i]!.evidence)).toEqual(texts(sample, p.evidence))
      expect(o.workingPapers[i]!.personIds).toEqual(p.personIds.map((x) => ids.get(x) ?? x))
      expect(o.workingPapers[i]!.signoffs.map((s) => s.memberId)).toEqual(p.signoffs.map((s) => ids.get(s.memberId)))
    })
    t.clues.forEach((c, i) => expect(texts(out, o.clues[i]!.evidence)).toEqual(texts(sample, c.evidence)))
    // Clue ↔ 底稿 links, checklist and report sources name the same 底稿.
    const paperNumber = (s: RoundSnapshot, id: string) => s.tables.workingPapers.find((p) => p.id === id)?.number
    const reportPaperIds = (s: RoundSnapshot) =>
      s.tables.reports.flatMap((r) => r.sections.flatMap((x) => x.paragraphs.flatMap((p) => p.paperIds)))
    expect(reportPaperIds(sample).length).toBeGreaterThan(0)
    expect(reportPaperIds(out).map((id) => paperNumber(out, id))).toEqual(reportPaperIds(sample).map((id) => paperNumber(sample, id)))
    const checklist = (s: RoundSnapshot) => s.tables.checklist.flatMap((c) => c.paperIds.map((id) => paperNumber(s, id)))
    expect(checklist(out)).toEqual(checklist(sample))
  })

  it('re-hashes seals and sign-offs that stood, and leaves a broken one broken', async () => {
    const tampered = structuredClone(sample)
    const sealed = tampered.tables.clues.filter((c) => c.seal)
    expect(sealed.length).toBeGreaterThan(0)
    for (const c of sample.tables.clues.filter((x) => x.seal)) expect(await verifySeal(c)).toBe(true)
    sealed[0]!.summary += '（封存后被改）'
    const out = await rekeySnapshot(tampered, newId)
    const outSealed = out.tables.clues.filter((c) => c.seal)
    expect(await verifySeal(outSealed[0]!)).toBe(false)
    for (const c of outSealed.slice(1)) expect(await verifySeal(c)).toBe(true)

    const signed = sample.tables.workingPapers.filter((p) => p.signoffs.some((s) => s.evidence))
    expect(signed.length).toBeGreaterThan(0)
    for (const p of out.tables.workingPapers) {
      const was = sample.tables.workingPapers.find((x) => x.number === p.number)!
      for (const [i, s] of p.signoffs.entries()) {
        expect(await signoffIntact(s)).toBe(await signoffIntact(was.signoffs[i]!))
        if (was.signoffs[i]!.contentSha256 === (await paperContentHash(was))) expect(s.contentSha256).toBe(await paperContentHash(p))
      }
    }
  })

  it('follows generated report slots and renames the round when asked', async () => {
    const s = structuredClone(sample)
    const paper = s.tables.workingPapers[0]!
    const iv = s.tables.interviews.find((x) => x.record?.points.length)!
    s.tables.reports[0]!.sections[0]!.paragraphs.push(
      { id: 'p1', text: '甲', paperIds: [paper.id], slot: `paper:${paper.id}` },
      { id: 'p2', text: '乙', paperIds: [], slot: `mention:${iv.id}#${iv.record!.points[0]!.id}` },
      { id: 'p3', text: '丙', paperIds: ['不存在的底稿'], slot: 'opening' },
    )
    const out = await rekeySnapshot(s, newId, '2026年第三轮（重新编号）')
    const paras = out.tables.reports[0]!.sections[0]!.paragraphs.slice(-3)
    const newPaper = out.tables.workingPapers[0]!.id
    const newIv = out.tables.interviews[s.tables.interviews.indexOf(iv)]!.id
    expect(paras.map((p) => p.slot)).toEqual([`paper:${newPaper}`, `mention:${newIv}#${iv.record!.points[0]!.id}`, 'opening'])
    expect(paras[2]!.paperIds).toEqual(['不存在的底稿'])
    expect(out.round.name).toBe('2026年第三轮（重新编号）')
  })
})
