// What the register exports contain: the 调阅清单 (Excel and PDF, signature columns blank for
// hand signing or filled with names), the 审阅笔记 and the 信访登记表. Pure composition; the
// renderer gathers the records and delivers the files.
import { DOCUMENT_LABELS as D, LENDING_SIGN_LABELS as S, NOTE_LABELS as N, PETITION_LABELS as P } from '../domain/labels'
import { flattenFramework } from '../domain/frameworks'
import type { BorrowedDocument, DocumentNote, Framework, Petition } from '../domain/types'
import type { LedgerColumn, LedgerSheet } from '../export/xlsx-ledger'
import type { OfficialDoc } from '../export/pdf-document'
import { formatDateCN } from '../util/dates'
import { dispositionText, redactPetition, reporterLabel } from './petitions'

/** Blank signature columns for hand signing, or the names filled in. */
export type SignatureVariant = 'blank' | 'filled'

export interface LendingHeads {
  unitName: string
  /** 一把手 from the registry ('' when none is marked). */
  unitHead: string
  /** 组长 from the roster. */
  teamLeader: string
}

/** Register order: by 调阅日期, then by when it was entered. The 序号 of the list and the 资料编号 of the notes. */
export function registerOrder(docs: BorrowedDocument[]): BorrowedDocument[] {
  return docs.filter((d) => !d.deleted).sort((a, b) => a.borrowedOn.localeCompare(b.borrowedOn) || a.createdAt.localeCompare(b.createdAt))
}

export function receiverOf(doc: Pick<BorrowedDocument, 'receiverId' | 'receiverName'>, nameOf: (id: string) => string): string {
  return (doc.receiverId ? nameOf(doc.receiverId) : '') || doc.receiverName?.trim() || ''
}

/** The real columns (guide §4): 序号 | 资料名称 | 数量 | 资料日期 | 调阅资料日期 | 调阅人签名 | 归还日期 | 收回人签名. */
export const LENDING_COLUMNS: LedgerColumn[] = [
  { header: D.title, key: 'title', kind: 'wrap' },
  { header: D.quantity, key: 'quantity' },
  { header: D.docDate, key: 'docDate' },
  { header: D.borrowedOn, key: 'borrowedOn', kind: 'date' },
  { header: S.borrowerSign, key: 'borrowerSign', width: 14 },
  { header: D.returnedOn, key: 'returnedOn', kind: 'date' },
  { header: S.receiverSign, key: 'receiverSign', width: 14 },
]

export function lendingRows(docs: BorrowedDocument[], nameOf: (id: string) => string, variant: SignatureVariant): Record<string, string>[] {
  return registerOrder(docs).map((d) => ({
    title: d.title,
    quantity: d.quantity,
    docDate: d.docDate,
    borrowedOn: d.borrowedOn,
    returnedOn: d.returnedOn,
    borrowerSign: variant === 'filled' ? nameOf(d.borrowerId) : '',
    receiverSign: variant === 'filled' && d.returnedOn ? receiverOf(d, nameOf) : '',
  }))
}

export function headsLine(h: LendingHeads): string {
  return `被巡察单位主要负责人：${h.unitHead || '（名册中未标记一把手）'}    巡察组组长：${h.teamLeader || '（未设置组长）'}`
}

export function lendingSheet(
  docs: BorrowedDocument[],
  nameOf: (id: string) => string,
  heads: LendingHeads,
  variant: SignatureVariant,
): LedgerSheet {
  return {
    name: '调阅清单',
    title: `${heads.unitName}调阅资料清单`,
    subtitle: headsLine(heads),
    serial: true,
    spareRows: 0,
    columns: LENDING_COLUMNS,
    rows: lendingRows(docs, nameOf, variant),
  }
}

/** The same list as an official landscape PDF. */
export function lendingPdf(
  docs: BorrowedDocument[],
  nameOf: (id: string) => string,
  heads: LendingHeads,
  variant: SignatureVariant,
): OfficialDoc {
  const rows = lendingRows(docs, nameOf, variant)
  return {
    title: '调阅资料清单',
    subtitle: heads.unitName,
    orientation: 'landscape',
    blocks: [
      { kind: 'paragraph', text: headsLine(heads).replace(/ {4}/g, '\u3000\u3000'), indent: false, align: 'left' },
      {
        kind: 'table',
        fontSize: 11,
        columns: [
          // Date columns wide enough for 2026年10月20日 on one line at 11 pt.
          { header: '序号', width: 'auto', align: 'center' },
          { header: D.title, width: 3.2 },
          { header: D.quantity, width: 0.9, align: 'center' },
          { header: D.docDate, width: 1.5 },
          { header: D.borrowedOn, width: 2.3, align: 'center' },
          { header: S.borrowerSign, width: 1.5, align: 'center' },
          { header: D.returnedOn, width: 2.3, align: 'center' },
          { header: S.receiverSign, width: 1.5, align: 'center' },
        ],
        rows: rows.map((r, i) => [
          i + 1,
          r.title,
          r.quantity,
          r.docDate,
          formatDateCN(r.borrowedOn!),
          r.borrowerSign,
          formatDateCN(r.returnedOn!),
          r.receiverSign,
        ]),
      },
    ],
  }
}

export function categoryTitle(framework: Framework, id: string): string {
  return flattenFramework(framework).find((x) => x.node.id === id)?.node.title ?? ''
}

export const NOTE_COLUMNS: LedgerColumn[] = [
  { header: '资料编号', key: 'docNo', kind: 'number' },
  { header: D.title, key: 'title', kind: 'wrap' },
  { header: N.page, key: 'page' },
  { header: N.excerpt, key: 'excerpt', kind: 'wrap' },
  { header: N.doubt, key: 'doubt', kind: 'wrap' },
  { header: N.category, key: 'category', kind: 'wrap' },
  { header: '关联底稿/线索', key: 'links', kind: 'wrap' },
  { header: N.reviewerId, key: 'reviewer' },
  { header: N.date, key: 'date', kind: 'date' },
]

export interface NoteExportInput {
  docs: BorrowedDocument[]
  notes: DocumentNote[]
  framework: Framework
  nameOf: (id: string) => string
  /** 底稿/线索 numbers citing an evidence ref, e.g. "底稿 XC-DG-003、线索 XC-XS-001". */
  linksOf: (ref: string) => string
  /** Only the notes of this document; the whole round when omitted. */
  documentId?: string
}

/** 审阅笔记: 资料编号 is the document's 序号 in the 调阅清单, so the two exports cross-reference. */
export function notesSheet(input: NoteExportInput): LedgerSheet {
  const ordered = registerOrder(input.docs)
  const docNo = new Map(ordered.map((d, i) => [d.id, i + 1]))
  const byId = new Map(ordered.map((d) => [d.id, d]))
  // Category titles looked up once, not by walking the framework for each of 20,000 notes.
  const titles = new Map<string, string>()
  for (const { node } of flattenFramework(input.framework)) if (!titles.has(node.id)) titles.set(node.id, node.title)
  const rows = input.notes
    .filter((n) => !n.deleted && byId.has(n.documentId) && (!input.documentId || n.documentId === input.documentId))
    .sort(
      (a, b) =>
        docNo.get(a.documentId)! - docNo.get(b.documentId)! || a.date.localeCompare(b.date) || a.createdAt.localeCompare(b.createdAt),
    )
    .map((n) => ({
      docNo: docNo.get(n.documentId),
      title: byId.get(n.documentId)!.title,
      page: n.page,
      excerpt: n.excerpt,
      doubt: n.doubt,
      category: titles.get(n.category) ?? '',
      links: input.linksOf(n.id),
      reviewer: input.nameOf(n.reviewerId),
      date: n.date,
    }))
  const one = input.documentId ? byId.get(input.documentId) : undefined
  return { name: '审阅笔记', title: one ? `审阅笔记：${one.title}` : '审阅笔记', columns: NOTE_COLUMNS, rows, spareRows: 0 }
}

/** 信访登记表; the 联系方式 column exists only when the user chose to include it. */
export function petitionSheet(petitions: Petition[], linksOf: (ref: string) => string, includeContact: boolean): LedgerSheet {
  const columns: LedgerColumn[] = [
    { header: P.receivedOn, key: 'receivedOn', kind: 'date' },
    { header: P.channel, key: 'channel' },
    { header: P.reporterName, key: 'reporter' },
    ...(includeContact ? [{ header: P.reporterContact, key: 'reporterContact' }] : []),
    { header: P.subjectName, key: 'subjectName' },
    { header: P.subjectPost, key: 'subjectPost', kind: 'wrap' },
    { header: P.summary, key: 'summary', kind: 'wrap' },
    { header: P.discipline, key: 'discipline' },
    { header: P.inScope, key: 'inScope' },
    { header: P.disposition, key: 'disposition' },
    { header: '关联底稿/线索', key: 'links', kind: 'wrap' },
  ]
  const rows = petitions
    .filter((p) => !p.deleted)
    .sort((a, b) => a.receivedOn.localeCompare(b.receivedOn) || a.createdAt.localeCompare(b.createdAt))
    .map((p) => (includeContact ? p : redactPetition(p)))
    .map((p) => ({
      receivedOn: p.receivedOn,
      channel: p.channel,
      reporter: reporterLabel(p),
      ...(includeContact ? { reporterContact: p.reporterContact } : {}),
      subjectName: p.subjectName,
      subjectPost: p.subjectPost,
      summary: p.summary,
      discipline: p.discipline,
      inScope: p.inScope ? '是' : '否',
      disposition: dispositionText(p.disposition),
      links: linksOf(p.id),
    }))
  return { name: '信访登记表', title: '信访登记表', columns, rows, serial: true, spareRows: 0 }
}
