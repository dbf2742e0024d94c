import { describe, expect, it } from 'vitest'
import type { Cadre } from '../domain/types'
import { matchExisting } from './match'
import type { RosterRow } from './types'

function row(name: string, birth: string, sourceRow = 2): RosterRow {
  return {
    sourceRow, name, birth, gender: '', post: '', duties: '', inPostSince: '', department: '', notes: '',
    category: '一般干部', isTopLeader: false, isDisciplineChief: false, isLeadershipMember: false, isMidLevelHead: false,
  }
}

function cadre(id: string, name: string, birth: string, extra: Partial<Cadre> = {}): Cadre {
  return {
    ...row(name, birth), id, roundId: 'r1', kind: 'cadre',
    createdAt: '2026-11-01T00:00:00Z', updatedAt: '2026-11-01T00:00:00Z', updatedBy: 'system', deviceId: 'd1',
    ...extra,
  } as Cadre
}

const summary = (result: ReturnType<typeof matchExisting>) =>
  result.matches.map((m) => [m.row.name, m.status, m.status === 'update' ? m.existing.id : m.status === 'ambiguous' ? m.candidates.map((c) => c.id) : null])

describe('matchExisting', () => {
  it('counts new people and updates of people already registered', () => {
    const existing = [cadre('c1', '陈建国', '1968-03'), cadre('c2', '林晓梅', ''), cadre('c3', '黄志强', '1972-07')]
    const result = matchExisting([row('陈建国', '1968-03'), row('林晓梅', '1975-11'), row('许文杰', '1983-05'), row('黄志强', '')], existing)
    expect(summary(result)).toEqual([
      ['陈建国', 'update', 'c1'],
      ['林晓梅', 'update', 'c2'],
      ['许文杰', 'new', null],
      ['黄志强', 'update', 'c3'],
    ])
    expect([result.newCount, result.updateCount, result.ambiguousCount]).toEqual([1, 3, 0])
  })

  it('treats the same name with another known 出生年月 as a different person', () => {
    const result = matchExisting([row('张伟', '1990-01')], [cadre('c1', '张伟', '1985-06')])
    expect(summary(result)).toEqual([['张伟', 'new', null]])
  })

  it('lets the user choose when two registered people could be meant', () => {
    const existing = [cadre('c1', '张伟', '1985-06'), cadre('c2', '张伟', '1990-01')]
    const result = matchExisting([row('张伟', '')], existing)
    expect(summary(result)).toEqual([['张伟', 'ambiguous', ['c1', 'c2']]])
    expect(result.ambiguousCount).toBe(1)
  })

  it('settles exact matches first and matches each cadre once', () => {
    const existing = [cadre('c1', '张伟', '1985-06')]
    const result = matchExisting([row('张伟', '', 2), row('张伟', '1985-06', 3)], existing)
    expect(summary(result)).toEqual([
      ['张伟', 'new', null],
      ['张伟', 'update', 'c1'],
    ])
  })

  it('ignores deleted cadres and spacing differences in names', () => {
    const existing = [cadre('c1', '李俊', '1990-01', { deleted: true }), cadre('c2', '王 秀英', '1988-10')]
    const result = matchExisting([row('李俊', '1990-01'), row('王秀英', '1988-10')], existing)
    expect(summary(result)).toEqual([
      ['李俊', 'new', null],
      ['王秀英', 'update', 'c2'],
    ])
  })
})
