// Checks on what the user typed. Errors block the save (the message says why, in Chinese);
// warnings are shown but never block — local practice varies (guide, introduction).
import { daysBetween, isIsoDate, isWorkDate, WORK_YEARS } from '../util/dates'
import type { Cadre, Person, Round, TeamMember } from '../domain/types'
import { ROUND_LABELS as R } from '../domain/labels'

export interface Verdict {
  errors: string[]
  warnings: string[]
}

/** A round lasts at most this many days: its daily figures and deadlines are computed day by day. */
export const MAX_ROUND_DAYS = 3 * 366

/** What is wrong with a round's 进驻/撤点 dates ('' if nothing); the form and the archive door both ask. */
export function roundSpanProblem(round: Pick<Round, 'entryDate' | 'exitDate'>): string {
  for (const key of ['entryDate', 'exitDate'] as const) {
    if (!isIsoDate(round[key])) return `${R[key]}不是有效日期`
    if (!isWorkDate(round[key])) return `${R[key]}应在 ${WORK_YEARS.min} 年至 ${WORK_YEARS.max} 年之间`
  }
  if (round.exitDate <= round.entryDate) return `${R.exitDate}必须晚于${R.entryDate}`
  const days = daysBetween(round.entryDate, round.exitDate) + 1
  return days > MAX_ROUND_DAYS ? `巡察轮次不能长于 ${MAX_ROUND_DAYS} 天（${R.entryDate}至${R.exitDate}共 ${days} 天）` : ''
}

type RoundInput = Pick<Round, 'name' | 'unitName' | 'entryDate' | 'exitDate' | 'petitionCutoff' | 'mode' | 'framework'>

export function checkRound(round: RoundInput, others: Pick<Round, 'id' | 'name'>[] = [], selfId?: string): Verdict {
  const errors: string[] = []
  const warnings: string[] = []
  if (!round.name.trim()) errors.push(`请填写${R.name}`)
  if (!round.unitName.trim()) errors.push(`请填写${R.unitName}`)
  if (!isIsoDate(round.petitionCutoff)) errors.push(`${R.petitionCutoff}不是有效日期`)
  const span = roundSpanProblem(round)
  if (span) errors.push(span)
  if (!span) {
    if (isIsoDate(round.petitionCutoff) && (round.petitionCutoff < round.entryDate || round.petitionCutoff > round.exitDate))
      errors.push(`${R.petitionCutoff}应在进驻与撤点之间`)
    else if (isIsoDate(round.petitionCutoff) && round.petitionCutoff === round.exitDate) warnings.push('信访受理通常在撤点前几天截止')
  }
  if (round.framework.nodes.length === 0) errors.push('分类框架至少需要一个类别')
  const clash = others.find((o) => o.id !== selfId && o.name.trim() === round.name.trim())
  if (clash) errors.push(`已有同名的巡察轮次“${clash.name}”`)
  return { errors, warnings }
}

type MemberInput = Pick<TeamMember, 'name' | 'role'>

export function checkMember(member: MemberInput, roster: TeamMember[], selfId?: string): Verdict {
  const errors: string[] = []
  const warnings: string[] = []
  const name = member.name.trim()
  if (!name) errors.push('请填写姓名')
  const others = roster.filter((m) => m.id !== selfId && !m.deleted)
  if (name && others.some((m) => m.name.trim() === name)) errors.push(`巡察组中已有“${name}”，不能重复添加`)
  if (member.role === '组长' && others.some((m) => m.role === '组长')) warnings.push('巡察组已有组长，一个巡察组通常只设一名组长')
  return { errors, warnings }
}

/** Roster-wide reminders shown on the team page. */
export function rosterWarnings(roster: TeamMember[]): string[] {
  const live = roster.filter((m) => !m.deleted)
  const out: string[] = []
  const leaders = live.filter((m) => m.role === '组长').length
  if (leaders === 0) out.push('尚未设置组长：底稿审签和线索审核需要组长')
  if (leaders > 1) out.push(`设置了 ${leaders} 名组长，请核对`)
  if (!live.some((m) => m.role === '副组长')) out.push('尚未设置副组长：底稿审核需要副组长')
  const unsigned = live.filter((m) => !m.confidentialitySigned).map((m) => m.name)
  if (unsigned.length) out.push(`未签保密承诺书：${unsigned.join('、')}`)
  return out
}

type CadreInput = Pick<Cadre, 'name' | 'birth' | 'inPostSince' | 'isTopLeader' | 'isDisciplineChief'>
const YEAR_MONTH = /^(19|20)\d{2}-(0[1-9]|1[0-2])$/

export function checkCadre(cadre: CadreInput, registry: Person[], selfId?: string): Verdict {
  const errors: string[] = []
  const warnings: string[] = []
  const name = cadre.name.trim()
  if (!name) errors.push('请填写姓名')
  if (cadre.birth && !YEAR_MONTH.test(cadre.birth)) errors.push('出生年月不是有效的年月')
  if (cadre.inPostSince && !YEAR_MONTH.test(cadre.inPostSince)) errors.push('任现职时间不是有效的年月')
  if (cadre.birth && cadre.inPostSince && cadre.inPostSince <= cadre.birth) errors.push('任现职时间不能早于出生年月')
  const others = registry.filter((p): p is Cadre => p.kind === 'cadre' && p.id !== selfId && !p.deleted)
  if (name && others.some((c) => c.name === name && (c.birth === cadre.birth || !c.birth || !cadre.birth)))
    errors.push(`名册中已有“${name}”${cadre.birth ? `（${cadre.birth}）` : ''}，不能重复登记`)
  if (cadre.isTopLeader && others.some((c) => c.isTopLeader)) warnings.push('名册中已有一名“一把手”，请核对')
  if (cadre.isDisciplineChief && others.some((c) => c.isDisciplineChief)) warnings.push('名册中已有一名纪检组长/纪委书记，请核对')
  return { errors, warnings }
}
