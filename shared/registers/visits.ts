// 走访 / 座谈 / 明察暗访 / 专项检查 log, and the work counts the report's opening paragraph
// quotes (guide §8: 受理信访N件, 调阅资料N份, 走访N次).
import { isIsoDate } from '../util/dates'
import { VISIT_LABELS as V } from '../domain/labels'
import { VISIT_KINDS, type BorrowedDocument, type IsoDate, type Petition, type SiteVisit } from '../domain/types'
import type { Verdict } from '../round/validation'

export function checkVisit(v: Pick<SiteVisit, 'date' | 'place' | 'kind' | 'memberIds'>, today: IsoDate): Verdict {
  const errors: string[] = []
  const warnings: string[] = []
  if (!isIsoDate(v.date)) errors.push(`请填写${V.date}`)
  else if (v.date > today) errors.push(`${V.date}不能晚于今天：走访座谈在开展后登记`)
  if (!v.place.trim()) errors.push(`请填写${V.place}`)
  if (!VISIT_KINDS.includes(v.kind)) errors.push(`请选择${V.kind}`)
  if (v.memberIds.length === 0) errors.push(`请选择${V.memberIds}`)
  else if (v.memberIds.length < 2) warnings.push('走访座谈一般应有两名以上巡察组成员参加')
  return { errors, warnings }
}

export interface WorkCounts {
  documents: number
  petitions: number
  visits: Record<(typeof VISIT_KINDS)[number], number>
}

export function workCounts(documents: BorrowedDocument[], petitions: Petition[], visits: SiteVisit[]): WorkCounts {
  const live = <T extends { deleted?: boolean }>(xs: T[]) => xs.filter((x) => !x.deleted)
  const byKind = Object.fromEntries(VISIT_KINDS.map((k) => [k, 0])) as WorkCounts['visits']
  for (const v of live(visits)) byKind[v.kind]++
  return { documents: live(documents).length, petitions: live(petitions).length, visits: byKind }
}

/** The phrase for the report's opening: 受理信访15件，调阅资料38份，走访3次、座谈2次… (zero kinds left out). */
export function workCountsPhrase(c: WorkCounts): string {
  const visits = VISIT_KINDS.filter((k) => c.visits[k] > 0).map((k) => `${k}${c.visits[k]}次`)
  return [`受理信访${c.petitions}件`, `调阅资料${c.documents}份`, ...(visits.length ? [visits.join('、')] : [])].join('，')
}
