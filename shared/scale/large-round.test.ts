import { describe, expect, it } from 'vitest'
import { validateContent } from '../archive'
import { REPORT_KINDS, type Report } from '../domain/types'
import { isSigned } from '../reports/draft'
import { buildLargeRound } from './large-round'

describe('large round fixture', () => {
  it('has the counts issue 9 asks for, valid references and a realistic size', () => {
    const snap = buildLargeRound()
    expect(validateContent(snap)).toMatchObject({
      interviews: 3000,
      documents: 5000,
      documentNotes: 20000,
      workingPapers: 2000,
      clues: 400,
      petitions: 800,
    })
    const people = new Set(snap.tables.people.map((p) => p.id))
    expect(snap.tables.interviews.every((i) => people.has(i.intervieweeId))).toBe(true)
    const docs = new Set(snap.tables.documents.map((d) => d.id))
    expect(snap.tables.documentNotes.every((n) => docs.has(n.documentId))).toBe(true)
    const mb = JSON.stringify(snap).length / 1024 / 1024
    expect(mb).toBeGreaterThan(8)
    expect(snap.round.name).toContain('非真实数据')
  })
  it('holds the four report drafts, drawn from 底稿 the 组长 signed', () => {
    const snap = buildLargeRound()
    expect(snap.tables.reports.map((r) => r.kind)).toEqual([...REPORT_KINDS])
    const signed = new Set(snap.tables.workingPapers.filter(isSigned).map((p) => p.id))
    expect(signed.size).toBe(100)
    const cited = snap.tables.reports.flatMap((r) => r.sections.flatMap((s) => s.paragraphs.flatMap((p) => p.paperIds)))
    expect(cited.length).toBeGreaterThan(100)
    expect(cited.every((id) => signed.has(id))).toBe(true)
    const chars = (r: Report) => r.sections.reduce((n, s) => n + s.paragraphs.reduce((m, p) => m + p.text.length, 0), 0)
    expect(chars(snap.tables.reports[0]!)).toBeGreaterThan(10_000)
  })
  it('is the same every time', () => {
    const small = { cadres: 60, interviews: 50, documents: 40, notes: 80, papers: 20, clues: 5, petitions: 10 }
    expect(buildLargeRound(small)).toEqual(buildLargeRound(small))
  })
})
