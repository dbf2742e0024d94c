// What an interview's status means to the user: a moved interview waits for its new slot (待谈,
// with the move kept in its history), and one that has not started cannot be 已谈 yet.
import type { Interview, InterviewStatus } from '../domain/types'
import { formatDateCN } from '../util/dates'

/** The status to show. Records written before a move kept 待谈 stored 改期; they wait too. */
export function shownStatus(iv: Pick<Interview, 'status'>): InterviewStatus {
  return iv.status === '改期' ? '待谈' : iv.status
}

/** Each earlier slot, oldest first: 由2026年11月24日 09:00改期（出差）. */
export function rescheduleNotes(iv: Pick<Interview, 'history'>): string[] {
  return iv.history.map((h) => `由${formatDateCN(h.date)} ${h.start}改期${h.reason ? `（${h.reason}）` : ''}`)
}

const pad = (n: number) => String(n).padStart(2, '0')

/** Why the interview cannot be marked 已谈 at `now` (local time), or null when it may. */
export function markDoneDenial(iv: Pick<Interview, 'date' | 'start'>, now: Date): string | null {
  const current = `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())} ${pad(now.getHours())}:${pad(now.getMinutes())}`
  if (`${iv.date} ${iv.start}` <= current) return null
  return `这次谈话安排在${formatDateCN(iv.date)} ${iv.start}，尚未开始，不能标记为已谈；如已提前谈话，请先把日期和时间改为实际谈话时间`
}
