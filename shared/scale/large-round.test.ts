import { describe, expect, it } from 'vitest'
import { validateContent } from '../archive'
import { buildLargeRound } from './large-round'

describe('large round fixture', () => {
  it('has the counts issue 9 asks for, valid references and a realistic size', () => {
    const snap = buildLargeRound()
    expect(validateContent(snap)).toMatchObject({ interviews: 3000, documents: 5000, documentNotes: 20000, workingPapers: 2000, clues: 400, petitions: 800 })
    const people = new Set(snap.tables.people.map((p) => p.id))
    expect(snap.tables.interviews.every((i) => people.has(i.intervieweeId))).toBe(true)
    const docs = new Set(snap.tables.documents.map((d) => d.id))
    expect(snap.tables.documentNotes.every((n) => docs.has(n.documentId))).toBe(true)
    const mb = JSON.stringify(snap).length / 1024 / 1024
    expect(mb).toBeGreaterThan(8)
    expect(snap.round.name).toContain('非真实数据')
  })
  it('is the same every time', () => {
    const small = { cadres: 60, interviews: 50, documents: 40, notes: 80, papers: 20, clues: 5, petitions: 10 }
    expect(buildLargeRound(small)).toEqual(buildLargeRound(small))
  })
})
