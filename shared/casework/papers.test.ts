import { describe, expect, it } from 'vitest'
import { buildSampleRound } from '../sample'
import type { TeamMember, WorkingPaper } from '../domain/types'
import { nextNumber } from '../round/numbering'
import { applyPaperEdit, duplicateGroups, mergePapers, nextStep, returnPaper, signDenial, signPaper, waitingFor, waitsFor } from './papers'
import { checklistCoverage, uncoveredItems } from './checklist'
import { phrasesFor, phrasesOf } from './phrases'

const s = buildSampleRound()
const members = s.tables.people.filter((p): p is TeamMember => p.kind === 'member')
const leader = members.find((m) => m.role === '组长')!
const deputies = members.filter((m) => m.role === '副组长')
const staff = members.find((m) => m.role === '组员')!
const blank = (): WorkingPaper => ({
  ...s.tables.workingPapers[0]!,
  id: 'p1',
  number: '2026-03-DG-100',
  handlerId: staff.id,
  signoffs: [],
  editedAfterSignoff: false,
  reviewLog: [],
  versions: [],
})
const T = (n: number) => `2026-11-2${n}T08:00:00.000Z`

describe('底稿 numbering', () => {
  it('continues after the sample 底稿 and stays unique when one is merged (merged ones keep their number)', () => {
    const taken = s.tables.workingPapers.map((p) => p.number)
    const next = nextNumber(s.round, 'workingPaper', taken)
    expect(next).toBe(`2026-03-DG-${String(taken.length + 1).padStart(3, '0')}`)
    expect(taken).not.toContain(next)
  })
})

describe('sign-off order', () => {
  it('goes 承办人签字 → 副组长审核 → 组长审签, each by the member holding the role', () => {
    let p = blank()
    expect(waitingFor(p)).toBe('承办人')
    expect(() => signPaper(p, leader, T(1))).toThrow('承办人签字须由该底稿的承办人本人进行')
    p = signPaper(p, staff, T(1))
    expect(waitingFor(p)).toBe('副组长')
    expect(() => signPaper(p, staff, T(2))).toThrow('只有副组长可以审核底稿')
    expect(() => signPaper(p, leader, T(2))).toThrow('只有副组长可以审核底稿')
    p = signPaper(p, deputies[0]!, T(2))
    expect(waitingFor(p)).toBe('组长')
    expect(waitsFor(p, leader)).toBe(true)
    expect(waitsFor(p, deputies[0]!)).toBe(false)
    expect(() => signPaper(p, deputies[0]!, T(3))).toThrow('只有组长可以审签底稿')
    p = signPaper(p, leader, T(3))
    expect(p.signoffs.map((x) => [x.step, x.memberId])).toEqual([
      ['承办人签字', staff.id],
      ['副组长审核', deputies[0]!.id],
      ['组长审签', leader.id],
    ])
    expect(waitingFor(p)).toBe('已审签')
    expect(() => signPaper(p, leader, T(4))).toThrow('三级签字已完成')
    expect(p.reviewLog?.map((r) => r.action)).toEqual(['承办人签字', '副组长审核', '组长审签'])
  })

  it('a 副组长 does not review a 底稿 they handle; nobody signs without a current user', () => {
    const p = signPaper({ ...blank(), handlerId: deputies[0]!.id }, deputies[0]!, T(1))
    expect(signDenial(p, deputies[0]!)).toContain('不能审核自己承办的底稿')
    expect(signDenial(p, deputies[1]!)).toBe('')
    expect(signDenial(p, undefined)).toContain('请先在页面顶部选择本机使用人')
  })

  it('returns with comments to the 承办人: every sign-off falls back', () => {
    let p = signPaper(signPaper(blank(), staff, T(1)), deputies[0]!, T(2))
    expect(() => returnPaper(p, leader, '  ', T(3))).toThrow('退回须填写修改意见')
    expect(() => returnPaper(p, staff, '改', T(3))).toThrow()
    p = returnPaper(p, leader, '定性依据不准确，请补充条款', T(3))
    expect(p.signoffs).toEqual([])
    expect(nextStep(p)).toBe('承办人签字')
    expect(p.reviewLog?.at(-1)).toMatchObject({ action: '退回', memberId: leader.id, comment: '定性依据不准确，请补充条款' })
  })
})

describe('edit after sign-off', () => {
  it('keeps the 承办人签字, drops the later ones, marks it and keeps the replaced version', () => {
    const signed = signPaper(signPaper(signPaper(blank(), staff, T(1)), deputies[0]!, T(2)), leader, T(3))
    const edited = applyPaperEdit(signed, { ...signed, facts: `${signed.facts}补充。` }, staff.id, T(4))
    expect(edited.editedAfterSignoff).toBe(true)
    expect(edited.signoffs.map((x) => x.step)).toEqual(['承办人签字'])
    expect(edited.versions).toHaveLength(1)
    expect(edited.versions![0]!.content.facts).toBe(signed.facts)
    expect(edited.versions![0]!.signoffs).toHaveLength(3)
    expect(waitingFor(edited)).toBe('副组长')
    // Re-review settles the mark.
    expect(signPaper(edited, deputies[0]!, T(5)).editedAfterSignoff).toBe(false)
  })
  it('changes nothing when only non-content fields change, and keeps no version before any sign-off', () => {
    const signed = signPaper(blank(), staff, T(1))
    expect(applyPaperEdit(signed, { ...signed, reviewLog: [] }, staff.id, T(2)).signoffs).toHaveLength(1)
    const draft = applyPaperEdit(blank(), { ...blank(), title: '新标题' }, staff.id, T(2))
    expect(draft.editedAfterSignoff).toBe(false)
    expect(draft.versions).toEqual([])
  })
  it('a caller cannot smuggle sign-offs in with an edit', () => {
    const p = blank()
    const forged = applyPaperEdit(p, { ...p, signoffs: [{ step: '组长审签', memberId: leader.id, at: T(1) }] }, staff.id, T(1))
    expect(forged.signoffs).toEqual([])
  })
})

describe('duplicates and merge', () => {
  it('finds 底稿 with the same people and category, and merges keeping both evidence sets', () => {
    const a = {
      ...blank(),
      id: 'a',
      number: 'A',
      personIds: ['x', 'y'],
      category: 'L2.3',
      evidence: [
        { kind: 'petition', ref: 'e1' },
        { kind: 'visit', ref: 'e2' },
      ] as WorkingPaper['evidence'],
    }
    const b = {
      ...blank(),
      id: 'b',
      number: 'B',
      personIds: ['y', 'x'],
      category: 'L2.3',
      facts: '另一份事实',
      evidence: [
        { kind: 'visit', ref: 'e2' },
        { kind: 'documentNote', ref: 'e3' },
      ] as WorkingPaper['evidence'],
    }
    const c = { ...blank(), id: 'c', number: 'C', personIds: ['x'], category: 'L2.3' }
    expect(duplicateGroups([a, b, c]).map((g) => g.map((p) => p.id))).toEqual([['a', 'b']])
    const { kept, merged } = mergePapers(a, b, leader.id, T(1))
    expect(kept.evidence.map((e) => e.ref)).toEqual(['e1', 'e2', 'e3'])
    expect(kept.facts).toContain('【并入 B】另一份事实')
    expect(kept.mergedFrom).toEqual(['B'])
    expect(merged.mergedInto).toBe('a')
    expect(duplicateGroups([kept, merged, c])).toEqual([])
    expect(() => mergePapers(a, a, leader.id, T(1))).toThrow('不能把底稿与自身合并')
  })
  it('the sample round has no duplicates', () => {
    expect(duplicateGroups(s.tables.workingPapers)).toEqual([])
  })
})

describe('checklist and phrases', () => {
  it('counts items not yet covered by a live 底稿; a merged 底稿 covers through the one it went into', () => {
    const items = s.tables.checklist
    const open = uncoveredItems(items, s.tables.workingPapers)
    expect(open.length).toBe(items.filter((i) => i.paperIds.length === 0).length)
    expect(open.length).toBeGreaterThan(0)
    const linked = items.find((i) => i.paperIds.length === 1)!
    const target = s.tables.workingPapers.find((p) => p.id === linked.paperIds[0])!
    const papers = s.tables.workingPapers.map((p) =>
      p.id === target.id ? { ...p, mergedInto: s.tables.workingPapers.find((x) => x.id !== p.id)!.id } : p,
    )
    expect(uncoveredItems([linked], papers)).toEqual([])
    expect(
      uncoveredItems(
        [linked],
        papers.map((p) => (p.id === target.id ? { ...p, mergedInto: undefined, deleted: true } : p)),
      ),
    ).toEqual([linked])
    expect(checklistCoverage(items, s.tables.workingPapers)).toEqual({ total: items.length, covered: items.length - open.length })
  })
  it('offers phrases of the category, its parent and general ones', () => {
    const all = phrasesOf(s.round)
    const found = phrasesFor(all, 'L2.3', '整改建议')
    expect(found.length).toBeGreaterThan(1)
    expect(found.every((p) => p.kind === '整改建议' && ['L2.3', 'L2', ''].includes(p.category))).toBe(true)
    expect(phrasesOf({ phrases: [] })).toEqual([])
  })
})
