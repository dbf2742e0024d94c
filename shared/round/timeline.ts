// The round's phases and deadlines (guide §2, §6): notice 10 days before 进驻, 信访 cut-off,
// 撤点, report due about a month after 撤点, clue feedback 3 months after 移交.
import { addDays, addMonths, daysBetween } from '../util/dates'
import type { Clue, IsoDate, Round } from '../domain/types'

export interface Milestone {
  key: string
  label: string
  date: IsoDate
  /** Days from today (negative = past). */
  inDays: number
}

export const NOTICE_DAYS_BEFORE_ENTRY = 10
export const REPORT_DAYS_AFTER_EXIT = 30
export const CLUE_FEEDBACK_MONTHS = 3

export function roundMilestones(
  round: Pick<Round, 'entryDate' | 'exitDate' | 'petitionCutoff'>,
  clues: Pick<Clue, 'number' | 'transferredOn' | 'deleted'>[],
  today: IsoDate,
): Milestone[] {
  const m = (key: string, label: string, date: IsoDate): Milestone => ({ key, label, date, inDays: daysBetween(today, date) })
  const list = [
    m('notice', '发布巡察通知', addDays(round.entryDate, -NOTICE_DAYS_BEFORE_ENTRY)),
    m('entry', '进驻（动员会）', round.entryDate),
    m('petition-cutoff', '信访受理截止', round.petitionCutoff),
    m('exit', '撤点', round.exitDate),
    m('report-due', '报告提交（撤点后约一个月）', addDays(round.exitDate, REPORT_DAYS_AFTER_EXIT)),
  ]
  for (const c of clues) {
    if (c.deleted || !c.transferredOn) continue
    list.push(m(`clue-${c.number}`, `线索 ${c.number} 办理结果反馈`, addMonths(c.transferredOn, CLUE_FEEDBACK_MONTHS)))
  }
  return list.sort((a, b) => a.date.localeCompare(b.date))
}

export interface RoundProgress {
  totalDays: number
  elapsedDays: number
  remainingDays: number
  phase: '巡前准备' | '驻点巡察' | '撤点后'
}

export function roundProgress(round: Pick<Round, 'entryDate' | 'exitDate'>, today: IsoDate): RoundProgress {
  const totalDays = daysBetween(round.entryDate, round.exitDate) + 1
  const elapsed = daysBetween(round.entryDate, today) + 1
  const elapsedDays = Math.min(Math.max(elapsed, 0), totalDays)
  const phase = elapsed <= 0 ? '巡前准备' : elapsed > totalDays ? '撤点后' : '驻点巡察'
  return { totalDays, elapsedDays, remainingDays: totalDays - elapsedDays, phase }
}
