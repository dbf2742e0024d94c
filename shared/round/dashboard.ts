// The 工作台 figures, computed from the round's records.
import { addDays, daysBetween } from '../util/dates'
import { CLUE_STATUSES } from '../domain/types'
import type { BorrowedDocument, Clue, Framework, Interview, IsoDate, Round, WorkingPaper } from '../domain/types'

export interface DailyInterviews {
  date: IsoDate
  planned: number
  done: number
}

/** Interviews per day of the round: planned (not cancelled) and done (已谈). */
export function interviewsPerDay(
  round: Pick<Round, 'entryDate' | 'exitDate'>,
  interviews: Pick<Interview, 'date' | 'status' | 'deleted'>[],
): DailyInterviews[] {
  const days = daysBetween(round.entryDate, round.exitDate) + 1
  const byDate = new Map<IsoDate, DailyInterviews>()
  for (let i = 0; i < days; i++) {
    const date = addDays(round.entryDate, i)
    byDate.set(date, { date, planned: 0, done: 0 })
  }
  for (const iv of interviews) {
    const day = byDate.get(iv.date)
    if (!day || iv.deleted || iv.status === '取消') continue
    day.planned++
    if (iv.status === '已谈') day.done++
  }
  return [...byDate.values()]
}

/** 底稿 counted under the top-level node of the framework their category belongs to. */
export function papersByCategory(framework: Framework, papers: WorkingPaper[]): { title: string; count: number }[] {
  const topOf = new Map<string, string>()
  const walk = (id: string, nodes: Framework['nodes']) => {
    for (const n of nodes) {
      topOf.set(n.id, id)
      walk(id, n.children)
    }
  }
  for (const top of framework.nodes) {
    topOf.set(top.id, top.id)
    walk(top.id, top.children)
  }
  const counts = new Map<string, number>(framework.nodes.map((n) => [n.id, 0]))
  let other = 0
  for (const p of papers) {
    if (p.deleted) continue
    const top = topOf.get(p.category)
    if (top) counts.set(top, (counts.get(top) ?? 0) + 1)
    else other++
  }
  const rows = framework.nodes.map((n) => ({ title: n.title, count: counts.get(n.id) ?? 0 }))
  return other ? [...rows, { title: '未分类', count: other }] : rows
}

export function cluesByStatus(clues: Clue[]): { status: string; count: number }[] {
  return CLUE_STATUSES.map((status) => ({ status, count: clues.filter((c) => !c.deleted && c.status === status).length }))
}

type Lending = Pick<BorrowedDocument, 'id' | 'dueOn' | 'returnedOn' | 'deleted'>

export interface DocumentsOut<D extends Lending = BorrowedDocument> {
  out: D[]
  overdue: D[]
}

/** Documents not yet returned (清退 before 撤点), and those past their due date. */
export function documentsOut<D extends Lending>(documents: D[], today: IsoDate): DocumentsOut<D> {
  const out = documents.filter((d) => !d.deleted && !d.returnedOn)
  return { out, overdue: out.filter((d) => d.dueOn !== '' && d.dueOn < today) }
}
