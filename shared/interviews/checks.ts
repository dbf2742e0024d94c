// Schedule checks for 个别谈话 (guide §3). They warn and never block: local practice varies.
// Only errors (a missing interviewee, an impossible date or time) stop a save.
//
// What occupies a slot: 待谈, 已谈 and 改期 (an interview moved to a new slot holds the new slot).
// A 取消 interview frees its slot, and so does a 未到 (the room and the pair were free for someone
// else); the earlier slots kept in `history` never occupy anything. Slots touching end-to-start
// (09:00–10:00 and 10:00–11:00) do not overlap.
import { INTERVIEW_LABELS as L } from '../domain/labels'
import type { Cadre, ClockTime, Interview, InterviewCheckKey, InterviewStatus, Round, TeamMember } from '../domain/types'
import { addDays, formatDateCN, isIsoDate } from '../util/dates'
import type { Verdict } from '../round/validation'
import { markDoneDenial } from './status'

export const OCCUPYING: readonly InterviewStatus[] = ['待谈', '已谈', '改期']

type Slot = Pick<Interview, 'date' | 'start' | 'end'>
type Draft = Pick<Interview, 'intervieweeId' | 'date' | 'start' | 'end' | 'room' | 'leadId' | 'recorderId' | 'status'> & {
  id?: string
  followUpOf?: string
}

export function isClockTime(t: string): boolean {
  return /^([01]\d|2[0-3]):[0-5]\d$/.test(t)
}

/** True when two slots share some minutes on the same day (back-to-back is no overlap). */
export function slotsOverlap(a: Slot, b: Slot): boolean {
  return a.date === b.date && a.start < b.end && b.start < a.end
}

export function occupies(iv: Pick<Interview, 'status' | 'deleted'>): boolean {
  return !iv.deleted && OCCUPYING.includes(iv.status)
}

export interface Directory {
  members: TeamMember[]
  cadres: Cadre[]
}

const nameOf = (dir: Directory, id: string) =>
  dir.members.find((m) => m.id === id)?.name ?? dir.cadres.find((c) => c.id === id)?.name ?? '（已删除人员）'

const slotText = (s: Slot & { room?: string }) => `${formatDateCN(s.date)} ${s.start}—${s.end}${s.room ? ` ${s.room}` : ''}`

/** Double bookings of the interviewee, a team member or the room with other interviews. */
export function clashWarnings(iv: Draft, others: Interview[], dir: Directory): string[] {
  if (!OCCUPYING.includes(iv.status) || !isIsoDate(iv.date) || !isClockTime(iv.start) || !isClockTime(iv.end)) return []
  const out: string[] = []
  const team = [iv.leadId, iv.recorderId].filter(Boolean)
  for (const o of others) {
    if (o.id === iv.id || !occupies(o) || !slotsOverlap(iv, o)) continue
    const when = `与 ${slotText(o)} 谈话${nameOf(dir, o.intervieweeId)}的安排`
    if (o.intervieweeId === iv.intervieweeId) out.push(`谈话对象${nameOf(dir, iv.intervieweeId)}时间冲突：${when}重叠`)
    for (const m of team.filter((id) => id === o.leadId || id === o.recorderId))
      out.push(`巡察组成员${nameOf(dir, m)}时间冲突：${when}重叠`)
    const room = iv.room.trim()
    if (room && room === o.room.trim()) out.push(`地点“${room}”重复安排：${when}重叠`)
  }
  return out
}

/** 二对一: a 主谈人 and a different 记录人, both team members. */
export function twoPersonWarning(iv: Pick<Interview, 'leadId' | 'recorderId'>): string {
  if (!iv.leadId || !iv.recorderId) return `谈话人员少于两名巡察组成员：请安排${L.leadId}和${L.recorderId}`
  if (iv.leadId === iv.recorderId) return `${L.leadId}和${L.recorderId}是同一人：谈话应由两名巡察组成员进行`
  return ''
}

/** A member who declared 回避 for the interviewee (by registry id, or by name when not linked). */
export function recusalWarnings(iv: Pick<Interview, 'intervieweeId' | 'leadId' | 'recorderId'>, dir: Directory): string[] {
  const person = dir.cadres.find((c) => c.id === iv.intervieweeId)
  const out: string[] = []
  for (const id of new Set([iv.leadId, iv.recorderId].filter(Boolean))) {
    const m = dir.members.find((x) => x.id === id)
    const r = m?.recusals.find((x) => (x.cadreId ? x.cadreId === iv.intervieweeId : !!person && x.name.trim() === person.name))
    if (m && r) out.push(`${m.name}申报了对${r.name}的回避（${r.relation || '回避关系'}），不宜参加此次谈话`)
  }
  return out
}

export function dateRangeWarning(date: string, round: Pick<Round, 'entryDate' | 'exitDate'>): string {
  if (!isIsoDate(date) || (date >= round.entryDate && date <= round.exitDate)) return ''
  return `${formatDateCN(date)}不在驻点期间（${formatDateCN(round.entryDate)}进驻至${formatDateCN(round.exitDate)}撤点）`
}

/** Everything to warn about on one interview. */
export function interviewWarnings(iv: Draft, others: Interview[], dir: Directory, round: Pick<Round, 'entryDate' | 'exitDate'>): string[] {
  if (!OCCUPYING.includes(iv.status)) return []
  return [twoPersonWarning(iv), ...recusalWarnings(iv, dir), dateRangeWarning(iv.date, round), ...clashWarnings(iv, others, dir)].filter(
    Boolean,
  )
}

/** The form's verdict: errors block, warnings are the checks above. */
export function checkInterview(
  iv: Draft,
  others: Interview[],
  dir: Directory,
  round: Pick<Round, 'entryDate' | 'exitDate'>,
  now: Date = new Date(),
): Verdict {
  const errors: string[] = []
  if (!iv.intervieweeId) errors.push(`请选择${L.intervieweeId}，或新增一名谈话对象`)
  if (!isIsoDate(iv.date)) errors.push(`请填写有效的${L.date}`)
  if (!isClockTime(iv.start)) errors.push(`${L.start}应为“时:分”，如 09:00`)
  if (!isClockTime(iv.end)) errors.push(`${L.end}应为“时:分”，如 10:30`)
  if (isClockTime(iv.start) && isClockTime(iv.end) && iv.end <= iv.start) errors.push(`${L.end}必须晚于${L.start}`)
  if (iv.followUpOf && iv.followUpOf === iv.id) errors.push('再次约谈不能关联本次谈话自身')
  const early = iv.status === '已谈' && isIsoDate(iv.date) && isClockTime(iv.start) ? markDoneDenial(iv, now) : null
  if (early) errors.push(early)
  const warnings = errors.length ? [] : interviewWarnings(iv, others, dir, round)
  const earlier = iv.followUpOf ? others.find((o) => o.id === iv.followUpOf) : undefined
  if (earlier && earlier.intervieweeId !== iv.intervieweeId) warnings.push('关联的前次谈话不是同一谈话对象，请核对')
  return { errors, warnings }
}

export interface CoverageCheck {
  key: InterviewCheckKey
  title: string
  enabled: boolean
  ok: boolean
  /** What is missing, one line each. */
  details: string[]
}

export const COVERAGE_TITLES: Record<InterviewCheckKey, string> = {
  leadershipCovered: '班子成员全部谈到',
  midLevelCovered: '中层正职全部谈到',
  topLeaderFirst: '进驻后首先与“一把手”谈话',
  topLeaderLastWeek: '撤点前一周内再次与“一把手”谈话',
}

const isLeadership = (c: Cadre) => c.isLeadershipMember || c.isTopLeader || c.category === '班子成员' || c.category === '一把手'
const isMidHead = (c: Cadre) => c.isMidLevelHead || c.category === '中层正职'
const isTop = (c: Cadre) => c.isTopLeader || c.category === '一把手'
const byTime = (a: Slot, b: Slot) => a.date.localeCompare(b.date) || a.start.localeCompare(b.start)

/** The round's coverage checks (each can be switched off per round; switched-off checks pass). */
export function coverageChecks(
  round: Pick<Round, 'entryDate' | 'exitDate' | 'interviewChecks'>,
  interviews: Interview[],
  cadres: Cadre[],
): CoverageCheck[] {
  const live = interviews.filter(occupies)
  const people = cadres.filter((c) => !c.deleted)
  const missing = (group: Cadre[]) =>
    group.flatMap((c) => {
      const own = live.filter((iv) => iv.intervieweeId === c.id)
      if (own.some((iv) => iv.status === '已谈')) return []
      const next = own.filter((iv) => iv.status !== '已谈').sort(byTime)[0]
      return [next ? `${c.name}：尚未谈话（已安排 ${formatDateCN(next.date)} ${next.start}）` : `${c.name}：尚未安排谈话`]
    })
  const tops = people.filter(isTop)
  const topIds = new Set(tops.map((c) => c.id))
  const first = live.filter((iv) => iv.date >= round.entryDate).sort(byTime)[0]
  const lastWeekFrom = addDays(round.exitDate, -6)
  const topFirst: string[] =
    tops.length === 0
      ? ['名册中没有标记“一把手”']
      : !first
        ? ['尚未安排任何谈话']
        : topIds.has(first.intervieweeId)
          ? []
          : [
              `进驻后的第一场谈话是 ${formatDateCN(first.date)} ${first.start} 与${people.find((c) => c.id === first.intervieweeId)?.name ?? '他人'}的谈话`,
            ]
  const topLast: string[] =
    tops.length === 0
      ? ['名册中没有标记“一把手”']
      : live.some((iv) => topIds.has(iv.intervieweeId) && iv.date >= lastWeekFrom && iv.date <= round.exitDate)
        ? []
        : [`${formatDateCN(lastWeekFrom)}至${formatDateCN(round.exitDate)}之间没有安排与${tops.map((c) => c.name).join('、')}的谈话`]
  const results: Record<InterviewCheckKey, string[]> = {
    leadershipCovered: missing(people.filter(isLeadership)),
    midLevelCovered: missing(people.filter(isMidHead)),
    topLeaderFirst: topFirst,
    topLeaderLastWeek: topLast,
  }
  return (Object.keys(COVERAGE_TITLES) as InterviewCheckKey[]).map((key) => {
    const enabled = round.interviewChecks?.[key] !== false
    return { key, title: COVERAGE_TITLES[key], enabled, ok: !enabled || results[key].length === 0, details: enabled ? results[key] : [] }
  })
}

/** Warnings for every interview of the schedule, by interview id (only those with warnings). */
export function scheduleWarnings(
  interviews: Interview[],
  dir: Directory,
  round: Pick<Round, 'entryDate' | 'exitDate'>,
): Map<string, string[]> {
  const out = new Map<string, string[]>()
  const live = interviews.filter((iv) => !iv.deleted)
  // Only interviews on the same day can clash: grouping by date keeps this linear in practice
  // (3,000 interviews: 9 million pair checks become about 150 thousand).
  const byDate = new Map<string, Interview[]>()
  for (const iv of live) {
    const day = byDate.get(iv.date)
    if (day) day.push(iv)
    else byDate.set(iv.date, [iv])
  }
  for (const iv of live) {
    const w = interviewWarnings(iv, byDate.get(iv.date) ?? [], dir, round)
    if (w.length) out.set(iv.id, w)
  }
  return out
}

/** Minutes between two clock times, for the board. */
export function minutesOf(t: ClockTime): number {
  const [h, m] = t.split(':').map(Number)
  return h! * 60 + m!
}
