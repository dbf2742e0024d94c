import { describe, expect, it } from 'vitest'
import { Laptop } from './sim.test-helpers'
import { isProtected } from './merge'

function team() {
  const leader = new Laptop('组长')
  const a = new Laptop('甲')
  const b = new Laptop('乙')
  // The 组长 creates an interview; everyone gets it.
  leader.edit('interviews', 'i1', { outline: '提纲', notes: '', status: '待谈', room: '301' })
  const state = leader.export({ kind: 'all' })
  a.import(state)
  b.import(state)
  return { leader, a, b }
}

describe('merge', () => {
  it('merges concurrent edits of different fields without a conflict', () => {
    const { leader, a } = team()
    a.edit('interviews', 'i1', { notes: '甲的备注' })
    leader.edit('interviews', 'i1', { room: '402' })
    const r = leader.import(a.export())
    expect(r.conflicts).toHaveLength(0)
    expect(r.counts.interviews).toMatchObject({ changed: 1, conflicting: 0 })
    expect(leader.get('interviews', 'i1')).toMatchObject({ notes: '甲的备注', room: '402' })
  })

  it('reports a concurrent edit of the same field as a conflict, field by field, and keeps mine until resolved', () => {
    const { leader, a } = team()
    a.edit('interviews', 'i1', { outline: '甲改的提纲', notes: '甲' })
    leader.edit('interviews', 'i1', { outline: '组长改的提纲' })
    const r = leader.import(a.export())
    expect(r.conflicts.map((c) => [c.field, c.mine, c.theirs])).toEqual([['outline', '组长改的提纲', '甲改的提纲']])
    expect(leader.get('interviews', 'i1')).toMatchObject({ outline: '组长改的提纲', notes: '甲' })
    leader.resolve(r.conflicts[0]!, 'both')
    expect(leader.get('interviews', 'i1')!.outline).toBe('组长改的提纲\n【另一版本，来自甲】甲改的提纲')
    // The resolution travels back and wins on the member's laptop without a new conflict.
    const back = a.import(leader.export({ kind: 'all' }))
    expect(back.conflicts).toHaveLength(0)
    expect(a.content()).toEqual(leader.content())
  })

  it('delete vs edit is a conflict, never a silent loss', () => {
    const { leader, a } = team()
    a.edit('interviews', 'i1', { notes: '补充' })
    leader.edit('interviews', 'i1', { deleted: true })
    const r = leader.import(a.export())
    expect(r.conflicts.map((c) => c.field)).toEqual(['deleted'])
    expect(leader.get('interviews', 'i1')).toMatchObject({ deleted: true, notes: '补充' })
    leader.resolve(r.conflicts[0]!, 'theirs')
    expect(leader.get('interviews', 'i1')!.deleted).toBeUndefined()
  })

  it("the round's 份号 counter drawn on two laptops apart: no conflict, both keep the larger", () => {
    const leader = new Laptop('组长')
    const a = new Laptop('甲')
    leader.edit('rounds', 'r1', { name: '本轮', copyCounter: 2 })
    a.import(leader.export({ kind: 'all' }))
    leader.edit('rounds', 'r1', { copyCounter: 5 })
    a.edit('rounds', 'r1', { copyCounter: 3 })
    const r = leader.import(a.export())
    expect(r.conflicts).toHaveLength(0)
    expect(leader.get('rounds', 'r1')!.copyCounter).toBe(5)
    const back = a.import(leader.export({ kind: 'all' }))
    expect(back.conflicts).toHaveLength(0)
    expect(a.get('rounds', 'r1')!.copyCounter).toBe(5)
    expect(a.content()).toEqual(leader.content())
  })

  it('tombstones travel', () => {
    const { leader, a } = team()
    a.edit('interviews', 'i1', { deleted: true })
    const r = leader.import(a.export())
    expect(r.conflicts).toHaveLength(0)
    expect(leader.get('interviews', 'i1')!.deleted).toBe(true)
  })

  it('importing the same package twice changes nothing', () => {
    const { leader, a } = team()
    a.edit('interviews', 'i1', { notes: '甲' })
    leader.edit('interviews', 'i1', { notes: '组长' })
    const pkg = a.export()
    const first = leader.import(pkg)
    const before = JSON.stringify([leader.state, [...leader.records]])
    const again = leader.import(pkg)
    expect(first.conflicts).toHaveLength(1)
    expect(again).toMatchObject({ duplicate: true, writes: [], conflicts: [] })
    expect(JSON.stringify([leader.state, [...leader.records]])).toBe(before)
  })

  it('an older package imported after a newer one changes nothing (out of order)', () => {
    const { leader, a } = team()
    a.edit('interviews', 'i1', { notes: '第一版' })
    const p1 = a.export()
    a.edit('interviews', 'i1', { notes: '第二版' })
    const p2 = a.export()
    leader.import(p2)
    const r = leader.import(p1)
    expect(r.conflicts).toHaveLength(0)
    expect(r.writes).toHaveLength(0)
    expect(leader.get('interviews', 'i1')!.notes).toBe('第二版')
  })

  it('three laptops: new records from each arrive, a same-field edit by two members conflicts once', () => {
    const { leader, a, b } = team()
    a.edit('interviews', 'ia', { notes: '甲新建' })
    b.edit('visits', 'vb', { notes: '乙新建' })
    a.edit('interviews', 'i1', { room: '甲室' })
    b.edit('interviews', 'i1', { room: '乙室' })
    const ra = leader.import(a.export())
    const rb = leader.import(b.export())
    expect(ra.counts.interviews).toMatchObject({ new: 1, changed: 1 })
    expect(rb.counts.visits).toMatchObject({ new: 1 })
    expect(rb.conflicts.map((c) => [c.field, c.mine, c.theirs, c.fromName])).toEqual([['room', '甲室', '乙室', '乙']])
    leader.resolve(rb.conflicts[0]!, 'theirs')
    const state = leader.export({ kind: 'all' })
    a.import(state)
    b.import(state)
    expect(a.content()).toEqual(leader.content())
    expect(b.content()).toEqual(leader.content())
    expect(leader.get('interviews', 'i1')!.room).toBe('乙室')
  })

  it('refuses, on both laptops and with the reason, an edit made to a clue while it was being sealed', () => {
    const { leader, a } = team()
    leader.edit('clues', 'c1', { summary: '原文', status: '定稿', seal: null })
    a.import(leader.export({ kind: 'all' }))
    leader.edit('clues', 'c1', { status: '已移交', seal: { sha256: 'x', at: 'now', by: 'L' } })
    a.edit('clues', 'c1', { summary: '甲改动' })
    const sealPkg = leader.export({ kind: 'all' })
    const r = leader.import(a.export())
    expect(r.conflicts).toEqual([
      expect.objectContaining({ field: 'summary', theirs: '甲改动', refused: expect.stringContaining('已移交并封存') }),
    ])
    expect(leader.open()).toHaveLength(0)
    expect(leader.get('clues', 'c1')!.summary).toBe('原文')
    // The member receives the seal: the edit is refused there too, with the reason, and nothing is left to decide.
    const back = a.import(sealPkg)
    expect(back.conflicts).toEqual([
      expect.objectContaining({ field: 'summary', mine: '甲改动', refused: expect.stringContaining('已移交并封存') }),
    ])
    expect(a.get('clues', 'c1')!.summary).toBe('原文')
    expect(a.open()).toHaveLength(0)
    a.import(leader.export({ kind: 'all' }))
    leader.import(a.export({ kind: 'all' }))
    expect(a.content()).toEqual(leader.content())
    expect(isProtected('workingPapers', { signoffs: [{ step: '组长审签' }] })).toBe(true)
    expect(isProtected('workingPapers', { signoffs: [{ step: '承办人签字' }] })).toBe(false)
  })

  it('exports only what changed since the 组长 acknowledged', () => {
    const { leader, a } = team()
    a.edit('interviews', 'ia', { notes: '一' })
    leader.import(a.export())
    a.import(leader.export({ kind: 'all' }))
    a.edit('interviews', 'ib', { notes: '二' })
    expect(a.export().records.map((r) => r.record.id)).toEqual(['ib'])
  })
})
