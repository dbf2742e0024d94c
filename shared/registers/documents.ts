// The 调阅资料 lending register (guide §4): duplicate open loans are refused, the status of each
// entry, and 清退 (everything back before 撤点). Built on documentsOut, which the 工作台 uses too.
import { documentsOut } from '../round/dashboard'
import { daysBetween, formatDateCN, isIsoDate } from '../util/dates'
import { DOCUMENT_LABELS as D, NOTE_LABELS as N } from '../domain/labels'
import type { BorrowedDocument, DocumentNote, IsoDate, Round } from '../domain/types'
import type { Verdict } from '../round/validation'

export const LOAN_STATUSES = ['在阅', '已归还', '逾期'] as const
export type LoanStatus = (typeof LOAN_STATUSES)[number]

/** 已归还 once a return date is entered; 逾期 when still out after its due date; else 在阅. */
export function loanStatus(doc: Pick<BorrowedDocument, 'returnedOn' | 'dueOn' | 'deleted'>, today: IsoDate): LoanStatus {
  if (doc.returnedOn) return '已归还'
  return documentsOut([doc as BorrowedDocument], today).overdue.length ? '逾期' : '在阅'
}

/** Titles and departments compared loosely: width, spaces and bracket styles do not make a new document. */
export function sameKey(s: string): string {
  return s
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .replace(/[()（）]/g, '')
    .replace(/[—–-]+/g, '-')
    .toLowerCase()
}

/** The open (not returned) entry this draft duplicates: same 资料名称 from the same 提供部门. */
export function duplicateOpenLoan(
  draft: Pick<BorrowedDocument, 'title' | 'department' | 'returnedOn'>,
  register: BorrowedDocument[],
  selfId?: string,
): BorrowedDocument | undefined {
  if (draft.returnedOn) return undefined
  const key = sameKey(draft.title) + '|' + sameKey(draft.department)
  return register.find((d) => !d.deleted && d.id !== selfId && !d.returnedOn && sameKey(d.title) + '|' + sameKey(d.department) === key)
}

type DocInput = Pick<BorrowedDocument, 'title' | 'department' | 'borrowedOn' | 'borrowerId' | 'dueOn' | 'returnedOn' | 'receiverId'> & {
  receiverName?: string
}

export function checkDocument(
  doc: DocInput,
  register: BorrowedDocument[],
  round: Pick<Round, 'entryDate' | 'exitDate'>,
  today: IsoDate,
  selfId?: string,
): Verdict {
  const errors: string[] = []
  const warnings: string[] = []
  if (!doc.title.trim()) errors.push(`请填写${D.title}`)
  if (!isIsoDate(doc.borrowedOn)) errors.push(`请填写${D.borrowedOn}`)
  else if (doc.borrowedOn > today) errors.push(`${D.borrowedOn}不能晚于今天`)
  if (!doc.borrowerId) errors.push(`请选择${D.borrowerId}`)
  if (doc.dueOn && !isIsoDate(doc.dueOn)) errors.push(`${D.dueOn}不是有效日期`)
  if (doc.returnedOn && !isIsoDate(doc.returnedOn)) errors.push(`${D.returnedOn}不是有效日期`)
  if (isIsoDate(doc.borrowedOn)) {
    if (doc.dueOn && doc.dueOn < doc.borrowedOn) errors.push(`${D.dueOn}不能早于${D.borrowedOn}`)
    if (doc.returnedOn && doc.returnedOn < doc.borrowedOn) errors.push(`${D.returnedOn}不能早于${D.borrowedOn}`)
    if (doc.borrowedOn < round.entryDate || doc.borrowedOn > round.exitDate) warnings.push(`${D.borrowedOn}不在本轮进驻至撤点期间，请核对`)
  }
  if (doc.returnedOn && doc.returnedOn > today) errors.push(`${D.returnedOn}不能晚于今天`)
  if (doc.returnedOn && !doc.receiverId && !doc.receiverName?.trim()) errors.push(`登记归还时请填写${D.receiverId}`)
  if (!doc.returnedOn && doc.dueOn && doc.dueOn > round.exitDate)
    warnings.push(`${D.dueOn}晚于撤点日期（${formatDateCN(round.exitDate)}），撤点前须全部清退`)
  const dup = duplicateOpenLoan(doc, register, selfId)
  if (dup)
    errors.push(
      `“${dup.title}”（${dup.department || '未填提供部门'}）已于${formatDateCN(dup.borrowedOn)}调阅，尚未归还，不能重复登记；如需再次调阅，请先登记归还`,
    )
  return { errors, warnings }
}

export function checkNote(
  note: Pick<DocumentNote, 'documentId' | 'excerpt' | 'reviewerId' | 'date'>,
  doc: BorrowedDocument | undefined,
  today: IsoDate,
): Verdict {
  const errors: string[] = []
  const warnings: string[] = []
  if (!note.documentId || !doc) errors.push('请选择所审阅的资料')
  if (!note.excerpt.trim()) errors.push(`请填写${N.excerpt}`)
  if (!note.reviewerId) errors.push(`请选择${N.reviewerId}`)
  if (!isIsoDate(note.date)) errors.push(`请填写${N.date}`)
  else if (note.date > today) errors.push(`${N.date}不能晚于今天`)
  else if (doc && note.date < doc.borrowedOn) warnings.push(`笔记日期早于该资料的调阅日期（${formatDateCN(doc.borrowedOn)}），请核对`)
  return { errors, warnings }
}

export interface Clearance {
  out: BorrowedDocument[]
  overdue: BorrowedDocument[]
  returned: number
  /** Days from today to 撤点 (negative once past). */
  daysToExit: number
  cleared: boolean
  /** One line for the page and the 工作台. */
  summary: string
}

/** 清退 status: what is still out and overdue, and how long is left before 撤点. */
export function clearance(register: BorrowedDocument[], round: Pick<Round, 'exitDate'>, today: IsoDate): Clearance {
  const { out, overdue } = documentsOut(register, today)
  const live = register.filter((d) => !d.deleted)
  const daysToExit = daysBetween(today, round.exitDate)
  const cleared = out.length === 0
  const when = daysToExit > 0 ? `距撤点还有 ${daysToExit} 天` : daysToExit === 0 ? '今天撤点' : `已过撤点日期 ${-daysToExit} 天`
  const summary = cleared
    ? live.length
      ? `已全部清退：调阅的 ${live.length} 份资料均已归还`
      : '尚未登记调阅资料'
    : `未清退：尚有 ${out.length} 份资料未归还${overdue.length ? `，其中逾期 ${overdue.length} 份` : ''}；${when}，撤点前须全部清退`
  return { out, overdue, returned: live.length - out.length, daysToExit, cleared, summary }
}
