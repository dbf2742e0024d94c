import { describe, expect, it } from 'vitest'
import { buildSampleRound } from '../sample'
import type { Cadre, Interview, TeamMember } from '../domain/types'
import {
  checkInterview,
  clashWarnings,
  coverageChecks,
  dateRangeWarning,
  interviewWarnings,
  recusalWarnings,
  scheduleWarnings,
  slotsOverlap,
  twoPersonWarning,
} from './checks'

const sample = buildSampleRound({ today: '2026-11-21' })
const members = sample.tables.people.filter((p): p is TeamMember => p.kind === 'member')
const cadres = sample.tables.people.filter((p): p is Cadre => p.kind === 'cadre')
const dir = { members, cadres }
const round = sample.round
const byName = <T extends { name: string }>(list: T[], n: string) => list.find((x) => x.name === n)!
const [zhao, li, chen, sun] = ['赵敏', '李静', '陈晓梅', '孙海涛'].map((n) => byName(members, n).id) as [string, string, string, string]
const [tang, han, zheng] = ['唐丽', '韩冬梅', '郑小军'].map((n) => byName(cadres, n).id) as [string, string, string]

let n = 0
function iv(over: Partial<Interview> = {}): Interview {
  return {
    id: `iv${++n}`,
    createdAt: '',
    updatedAt: '',
    updatedBy: '',
    deviceId: '',
    roundId: round.id,
    intervieweeId: tang,
    category: '中层正职',
    date: '2026-11-24',
    start: '09:00',
    end: '10:00',
    room: '谈话室1',
    leadId: zhao,
    recorderId: li,
    outline: '',
    status: '待谈',
    history: [],
    notes: '',
    record: null,
    ...over,
  }
}

describe('slot overlap', () => {
  it('treats back-to-back slots as free and shared minutes as overlap', () => {
    expect(slotsOverlap({ date: 'd', start: '09:00', end: '10:00' }, { date: 'd', start: '10:00', end: '11:00' })).toBe(false)
    expect(slotsOverlap({ date: 'd', start: '09:00', end: '10:01' }, { date: 'd', start: '10:00', end: '11:00' })).toBe(true)
    expect(slotsOverlap({ date: 'd', start: '09:00', end: '12:00' }, { date: 'd', start: '10:00', end: '11:00' })).toBe(true)
    expect(slotsOverlap({ date: 'd', start: '09:00', end: '10:00' }, { date: 'e', start: '09:00', end: '10:00' })).toBe(false)
  })
})

describe('clash check', () => {
  const a = iv()
  it('finds the same interviewer, interviewee and room double-booked', () => {
    const b = iv({ start: '09:30', end: '10:30', leadId: chen, recorderId: li })
    const w = clashWarnings(b, [a], dir)
    expect(w).toEqual([
      expect.stringContaining('谈话对象唐丽时间冲突'),
      expect.stringContaining('巡察组成员李静时间冲突'),
      expect.stringContaining('地点“谈话室1”重复安排'),
    ])
    expect(w[0]).toContain('2026年11月24日 09:00—10:00')
  })
  it('does not flag back-to-back slots, other days, or different people and rooms', () => {
    expect(clashWarnings(iv({ start: '10:00', end: '11:00' }), [a], dir)).toEqual([])
    expect(clashWarnings(iv({ date: '2026-11-25' }), [a], dir)).toEqual([])
    expect(clashWarnings(iv({ intervieweeId: han, leadId: chen, recorderId: sun, room: '谈话室2' }), [a], dir)).toEqual([])
  })
  it('ignores cancelled, no-show and deleted interviews and the old slots of moved ones', () => {
    for (const other of [iv({ status: '取消' }), iv({ status: '未到' }), iv({ deleted: true })])
      expect(clashWarnings(iv(), [other], dir)).toEqual([])
    const moved = iv({
      status: '改期',
      date: '2026-11-26',
      history: [{ date: '2026-11-24', start: '09:00', end: '10:00', room: '谈话室1', changedAt: '', reason: '出差' }],
    })
    expect(clashWarnings(iv(), [moved], dir)).toEqual([])
    // …but the new slot of a moved interview is occupied.
    expect(clashWarnings(iv({ date: '2026-11-26' }), [moved], dir).length).toBe(4) // interviewee, both members, room
  })
  it('never compares an interview with itself and does not check a cancelled one', () => {
    expect(clashWarnings(a, [a], dir)).toEqual([])
    expect(clashWarnings(iv({ status: '取消' }), [a], dir)).toEqual([])
  })
  it('finds no clash in the sample schedule', () => {
    expect(
      [...scheduleWarnings(sample.tables.interviews, dir, round).values()].flat().filter((w) => w.includes('冲突') || w.includes('重复')),
    ).toEqual([])
  })
})

describe('two-person, 回避 and date checks', () => {
  it('warns when fewer than two members take part', () => {
    expect(twoPersonWarning({ leadId: zhao, recorderId: '' })).toContain('少于两名')
    expect(twoPersonWarning({ leadId: '', recorderId: '' })).toContain('少于两名')
    expect(twoPersonWarning({ leadId: zhao, recorderId: zhao })).toContain('同一人')
    expect(twoPersonWarning({ leadId: zhao, recorderId: li })).toBe('')
  })
  it('warns when a member declared 回避 for the interviewee, by id or by name', () => {
    expect(recusalWarnings({ intervieweeId: zheng, leadId: zhao, recorderId: sun }, dir)).toEqual([
      expect.stringContaining('孙海涛申报了对郑小军的回避（配偶之弟'),
    ])
    expect(recusalWarnings({ intervieweeId: tang, leadId: zhao, recorderId: sun }, dir)).toEqual([])
    const byName = members.map((m) => (m.id === zhao ? { ...m, recusals: [{ name: '唐丽', relation: '表姐' }] } : m))
    expect(recusalWarnings({ intervieweeId: tang, leadId: zhao, recorderId: li }, { members: byName, cadres })).toEqual([
      expect.stringContaining('表姐'),
    ])
  })
  it('warns outside 进驻–撤点, inclusive of both days', () => {
    expect(dateRangeWarning(round.entryDate, round)).toBe('')
    expect(dateRangeWarning(round.exitDate, round)).toBe('')
    expect(dateRangeWarning('2026-10-01', round)).toContain('不在驻点期间')
    expect(dateRangeWarning('2027-01-05', round)).toContain('不在驻点期间')
  })
  it('collects all warnings for one interview; cancelled interviews get none', () => {
    const w = interviewWarnings(iv({ intervieweeId: zheng, recorderId: sun, date: '2027-01-05' }), [], dir, round)
    expect(w).toHaveLength(2)
    expect(interviewWarnings(iv({ recorderId: '', status: '取消' }), [], dir, round)).toEqual([])
  })
})

describe('the form verdict', () => {
  it('blocks only on a missing interviewee or an impossible date or time', () => {
    expect(checkInterview(iv({ intervieweeId: '' }), [], dir, round).errors).toEqual([expect.stringContaining('请选择谈话对象')])
    expect(checkInterview(iv({ date: '2026-02-30' }), [], dir, round).errors).toEqual(['请填写有效的日期'])
    expect(checkInterview(iv({ start: '9点' }), [], dir, round).errors[0]).toContain('开始时间应为')
    expect(checkInterview(iv({ start: '10:00', end: '10:00' }), [], dir, round).errors).toEqual(['结束时间必须晚于开始时间'])
    const ok = checkInterview(iv({ recorderId: '' }), [iv()], dir, round)
    expect(ok.errors).toEqual([])
    expect(ok.warnings.length).toBeGreaterThanOrEqual(2)
  })
  it('checks a 再次约谈 link', () => {
    const first = iv({ intervieweeId: han })
    expect(checkInterview(iv({ followUpOf: first.id }), [first], dir, round).warnings).toContain('关联的前次谈话不是同一谈话对象，请核对')
    const self = iv()
    expect(checkInterview({ ...self, followUpOf: self.id }, [], dir, round).errors).toEqual(['再次约谈不能关联本次谈话自身'])
  })
})

describe('coverage checks', () => {
  const top = cadres.find((c) => c.isTopLeader || c.category === '一把手')!
  const leaders = cadres.filter((c) => c.category === '班子成员')
  it('pass on the sample round where the customary coverage was planned', () => {
    const checks = coverageChecks(round, sample.tables.interviews, cadres)
    expect(checks.find((c) => c.key === 'leadershipCovered')!.ok).toBe(true)
    expect(checks.find((c) => c.key === 'topLeaderFirst')!.ok).toBe(true)
    expect(checks.find((c) => c.key === 'topLeaderLastWeek')!.ok).toBe(true)
  })
  it('list who is missing, and say when someone is only planned', () => {
    const done = sample.tables.interviews.filter((i) => i.intervieweeId !== leaders[0]!.id)
    const planned = [...done, iv({ intervieweeId: leaders[0]!.id, date: '2026-12-01' })]
    expect(coverageChecks(round, done, cadres)[0]!.details).toEqual([`${leaders[0]!.name}：尚未安排谈话`])
    expect(coverageChecks(round, planned, cadres)[0]!.details[0]).toContain('已安排 2026年12月1日')
    const cancelled = [...done, iv({ intervieweeId: leaders[0]!.id, status: '取消' })]
    expect(coverageChecks(round, cancelled, cadres)[0]!.ok).toBe(false)
  })
  it('check that the 一把手 comes first after 进驻 and again in the last week', () => {
    const early = iv({ intervieweeId: tang, date: round.entryDate, start: '08:00', end: '08:30', status: '已谈' })
    const checks = coverageChecks(round, [...sample.tables.interviews, early], cadres)
    expect(checks.find((c) => c.key === 'topLeaderFirst')!.details[0]).toContain('唐丽')
    const noLast = sample.tables.interviews.filter((i) => !(i.intervieweeId === top.id && i.date >= '2026-12-01'))
    expect(coverageChecks(round, noLast, cadres).find((c) => c.key === 'topLeaderLastWeek')!.ok).toBe(false)
    // A last-week interview exactly 6 days before 撤点 counts; 7 days before does not.
    const at = (d: string) =>
      coverageChecks(round, [...noLast, iv({ intervieweeId: top.id, date: d })], cadres).find((c) => c.key === 'topLeaderLastWeek')!.ok
    expect(at('2026-12-12')).toBe(true)
    expect(at('2026-12-11')).toBe(false)
  })
  it('pass when switched off for the round', () => {
    const off = coverageChecks({ ...round, interviewChecks: { leadershipCovered: false } }, [], cadres)
    expect(off[0]).toMatchObject({ enabled: false, ok: true, details: [] })
    expect(off[1]!.ok).toBe(false)
  })
})
