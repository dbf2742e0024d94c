import { describe, expect, it } from 'vitest'
import { FOUR_IMPLEMENTATIONS } from '../domain/frameworks'
import type { BorrowedDocument, Cadre, Interview, TeamMember, WorkingPaper } from '../domain/types'
import { checkCadre, checkMember, checkRound, rosterWarnings } from './validation'
import { roundMilestones, roundProgress } from './timeline'
import { documentsOut, interviewsPerDay, papersByCategory } from './dashboard'
import { addMonths, formatDateCN, isIsoDate } from '../util/dates'

const round = {
  name: '第三轮巡察',
  unitName: '区农业农村局党委',
  entryDate: '2026-10-19',
  exitDate: '2026-12-18',
  petitionCutoff: '2026-12-08',
  mode: '常规' as const,
  framework: FOUR_IMPLEMENTATIONS,
}

describe('dates', () => {
  it('shows dates the way people read them', () => {
    expect(formatDateCN('2026-11-21')).toBe('2026年11月21日')
    expect(formatDateCN('2027-01-05')).toBe('2027年1月5日')
  })
  it('rejects impossible dates', () => {
    expect(isIsoDate('2026-02-29')).toBe(false)
    expect(isIsoDate('2028-02-29')).toBe(true)
    expect(isIsoDate('2026-13-01')).toBe(false)
    expect(isIsoDate('2026-1-1')).toBe(false)
  })
  it('adds months clamped to the end of the month', () => {
    expect(addMonths('2026-11-30', 3)).toBe('2027-02-28')
    expect(addMonths('2026-10-31', 1)).toBe('2026-11-30')
  })
})

describe('checkRound', () => {
  it('accepts a sound round', () => {
    expect(checkRound(round)).toEqual({ errors: [], warnings: [] })
  })
  it('refuses missing names, impossible dates and reversed periods with Chinese messages', () => {
    expect(checkRound({ ...round, name: ' ' }).errors).toContain('请填写巡察名称')
    expect(checkRound({ ...round, entryDate: '2026-02-30' }).errors).toContain('进驻日期不是有效日期')
    expect(checkRound({ ...round, exitDate: '2026-10-01' }).errors).toContain('撤点日期必须晚于进驻日期')
    expect(checkRound({ ...round, petitionCutoff: '2026-12-30' }).errors).toContain('信访受理截止日应在进驻与撤点之间')
  })
  it('refuses a duplicate round name but not the round itself', () => {
    const others = [{ id: 'r1', name: '第三轮巡察' }]
    expect(checkRound(round, others).errors[0]).toContain('已有同名')
    expect(checkRound(round, others, 'r1').errors).toEqual([])
  })
})

const member = (name: string, role: TeamMember['role'], extra: Partial<TeamMember> = {}): TeamMember => ({
  id: name,
  roundId: 'r',
  kind: 'member',
  name,
  role,
  fromUnit: '',
  phone: '',
  recusals: [],
  confidentialitySigned: true,
  createdAt: '',
  updatedAt: '',
  updatedBy: '',
  deviceId: '',
  ...extra,
})

describe('team roster', () => {
  it('refuses a duplicate member and warns on a second 组长', () => {
    const roster = [member('刘洋', '组长')]
    expect(checkMember({ name: '刘洋', role: '组员' }, roster).errors[0]).toContain('不能重复添加')
    expect(checkMember({ name: '陈静', role: '组长' }, roster)).toEqual({
      errors: [],
      warnings: ['巡察组已有组长，一个巡察组通常只设一名组长'],
    })
  })
  it('reminds of missing roles and unsigned pledges', () => {
    expect(rosterWarnings([member('刘洋', '组员', { confidentialitySigned: false })])).toEqual([
      '尚未设置组长：底稿审签和线索审核需要组长',
      '尚未设置副组长：底稿审核需要副组长',
      '未签保密承诺书：刘洋',
    ])
  })
})

describe('checkCadre', () => {
  const existing = { id: 'c1', kind: 'cadre', name: '王建国', birth: '1968-03', isTopLeader: true, isDisciplineChief: false } as Cadre
  it('refuses the same person twice', () => {
    expect(
      checkCadre({ name: '王建国', birth: '1968-03', inPostSince: '', isTopLeader: false, isDisciplineChief: false }, [existing]).errors[0],
    ).toContain('不能重复登记')
    expect(
      checkCadre({ name: '王建国', birth: '1975-01', inPostSince: '', isTopLeader: false, isDisciplineChief: false }, [existing]).errors,
    ).toEqual([])
  })
  it('refuses impossible year-months and warns on a second 一把手', () => {
    const v = checkCadre({ name: '李四', birth: '1968-13', inPostSince: '2020-01', isTopLeader: true, isDisciplineChief: false }, [
      existing,
    ])
    expect(v.errors).toEqual(['出生年月不是有效的年月'])
    expect(v.warnings).toEqual(['名册中已有一名“一把手”，请核对'])
  })
})

describe('timeline', () => {
  it('lists the deadlines of the round in order, with clue feedback 3 months after 移交', () => {
    const ms = roundMilestones(round, [{ number: 'XS-01', transferredOn: '2026-11-30' }], '2026-11-21')
    expect(ms.map((m) => [m.label, m.date])).toEqual([
      ['发布巡察通知', '2026-10-09'],
      ['进驻（动员会）', '2026-10-19'],
      ['信访受理截止', '2026-12-08'],
      ['撤点', '2026-12-18'],
      ['报告提交（撤点后约一个月）', '2027-01-17'],
      ['线索 XS-01 办理结果反馈', '2027-02-28'],
    ])
    expect(ms.find((m) => m.key === 'exit')?.inDays).toBe(27)
  })
  it('counts days elapsed and left, and the phase', () => {
    expect(roundProgress(round, '2026-11-21')).toEqual({ totalDays: 61, elapsedDays: 34, remainingDays: 27, phase: '驻点巡察' })
    expect(roundProgress(round, '2026-10-01').phase).toBe('巡前准备')
    expect(roundProgress(round, '2027-01-01')).toMatchObject({ elapsedDays: 61, remainingDays: 0, phase: '撤点后' })
  })
})

describe('dashboard figures', () => {
  it('counts planned and done interviews per day, ignoring cancelled ones; a moved one counts on its new day', () => {
    const iv = (date: string, status: Interview['status']) => ({ date, status }) as Interview
    const days = interviewsPerDay(round, [
      iv('2026-10-19', '已谈'),
      iv('2026-10-19', '待谈'),
      iv('2026-10-19', '取消'),
      iv('2026-10-20', '改期'),
    ])
    expect(days).toHaveLength(61)
    expect(days[0]).toEqual({ date: '2026-10-19', planned: 2, done: 1 })
    expect(days[1]).toEqual({ date: '2026-10-20', planned: 1, done: 0 })
  })
  it('counts 底稿 under top-level framework nodes', () => {
    const p = (category: string) => ({ category }) as WorkingPaper
    const rows = papersByCategory(FOUR_IMPLEMENTATIONS, [p('L2.3'), p('L2'), p('L3.2'), p('nowhere')])
    expect(rows.map((r) => r.count)).toEqual([0, 2, 1, 0, 1])
    expect(rows.at(-1)?.title).toBe('未分类')
  })
  it('lists documents still out and overdue', () => {
    const d = (id: string, dueOn: string, returnedOn = '') => ({ id, dueOn, returnedOn }) as BorrowedDocument
    const res = documentsOut([d('a', '2026-11-20'), d('b', '2026-11-25'), d('c', '2026-11-01', '2026-11-02'), d('e', '')], '2026-11-21')
    expect(res.out.map((x) => x.id)).toEqual(['a', 'b', 'e'])
    expect(res.overdue.map((x) => x.id)).toEqual(['a'])
  })
})
