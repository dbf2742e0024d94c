import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import { buildSampleRound, SAMPLE_DEFAULT_TODAY as TODAY } from '../sample'
import type { BorrowedDocument, Cadre, Person, Petition, TeamMember } from '../domain/types'
import { buildLedgerXlsx } from '../export/xlsx-ledger'
import { readBackXlsx } from '../export/read-back'
import { documentsOut } from '../round/dashboard'
import { checkDocument, checkNote, clearance, duplicateOpenLoan, loanStatus } from './documents'
import { checkPetition, cutoffWarning, dispositionAfter, redactPetition, reporterLabel } from './petitions'
import { checkVisit, workCounts, workCountsPhrase } from './visits'
import { lendingPdf, lendingRows, lendingSheet, notesSheet, petitionSheet, registerOrder } from './exports'

const snap = buildSampleRound()
const sample = snap.tables
const { round } = snap
const docs = sample.documents
const people = sample.people as Person[]
const nameOf = (id: string) => people.find((p) => p.id === id)?.name ?? ''
const leader = people.find((p): p is TeamMember => p.kind === 'member' && p.role === '组长')!
const head = people.find((p): p is Cadre => p.kind === 'cadre' && p.isTopLeader)!
const heads = { unitName: round.unitName, unitHead: head.name, teamLeader: leader.name }
const open = docs.find((d) => !d.returnedOn)!
const returned = docs.find((d) => d.returnedOn)!
const draft = (over: Partial<BorrowedDocument> = {}) => ({
  title: '新调阅的资料',
  department: '办公室',
  borrowedOn: TODAY,
  borrowerId: leader.id,
  dueOn: '',
  returnedOn: '',
  receiverId: '',
  ...over,
})

describe('lending register', () => {
  it('refuses an entry that duplicates an open loan, even written with other spaces or brackets', () => {
    const again = checkDocument(
      draft({ title: ` ${open.title.replace(/（/g, '(').replace(/）/g, ')')} `, department: open.department }),
      docs,
      round,
      TODAY,
    )
    expect(again.errors.join()).toContain(`“${open.title}”`)
    expect(again.errors.join()).toContain('尚未归还，不能重复登记')
  })
  it('allows borrowing again once returned, from another department, and editing the entry itself', () => {
    expect(duplicateOpenLoan({ title: returned.title, department: returned.department, returnedOn: '' }, docs)).toBeUndefined()
    expect(duplicateOpenLoan({ title: open.title, department: '另一个部门', returnedOn: '' }, docs)).toBeUndefined()
    expect(checkDocument({ ...open }, docs, round, TODAY, open.id).errors).toEqual([])
  })
  it('refuses impossible dates and a return without a receiver; warns about a due date after 撤点', () => {
    expect(checkDocument(draft({ title: '' }), docs, round, TODAY).errors).toContain('请填写资料名称')
    expect(checkDocument(draft({ borrowerId: '' }), docs, round, TODAY).errors).toContain('请选择调阅人')
    expect(checkDocument(draft({ borrowedOn: '2099-01-01' }), docs, round, TODAY).errors).toContain('调阅资料日期不能晚于今天')
    expect(checkDocument(draft({ dueOn: '2020-01-01' }), docs, round, TODAY).errors).toContain('预计归还不能早于调阅资料日期')
    expect(checkDocument(draft({ returnedOn: TODAY }), docs, round, TODAY).errors).toContain('登记归还时请填写收回人')
    expect(checkDocument({ ...draft({ returnedOn: TODAY }), receiverName: '办公室 李某' }, docs, round, TODAY).errors).toEqual([])
    const late = checkDocument(draft({ dueOn: '2026-12-30' }), docs, round, TODAY)
    expect(late.errors).toEqual([])
    expect(late.warnings[0]).toContain('撤点前须全部清退')
  })
  it('gives each entry its status, consistent with the 工作台', () => {
    const { out, overdue } = documentsOut(docs, TODAY)
    expect(overdue.length).toBeGreaterThan(0)
    expect(overdue.length).toBeLessThan(out.length)
    expect(docs.filter((d) => loanStatus(d, TODAY) === '逾期')).toEqual(overdue)
    expect(docs.filter((d) => loanStatus(d, TODAY) !== '已归还').length).toBe(out.length)
    expect(loanStatus({ returnedOn: '', dueOn: TODAY }, TODAY)).toBe('在阅')
    expect(loanStatus({ returnedOn: '', dueOn: '2026-11-20' }, TODAY)).toBe('逾期')
    expect(loanStatus({ returnedOn: '2026-11-20', dueOn: '2026-11-01' }, TODAY)).toBe('已归还')
  })
  it('reports 清退 status until everything is back', () => {
    const c = clearance(docs, round, TODAY)
    expect(c.cleared).toBe(false)
    expect(c.summary).toBe(`未清退：尚有 ${c.out.length} 份资料未归还，其中逾期 ${c.overdue.length} 份；距撤点还有 27 天，撤点前须全部清退`)
    const allBack = docs.map((d) => ({ ...d, returnedOn: d.returnedOn || TODAY }))
    const done = clearance(allBack, round, TODAY)
    expect(done.cleared).toBe(true)
    expect(done.summary).toBe(`已全部清退：调阅的 ${docs.length} 份资料均已归还`)
    expect(clearance(docs, round, '2026-12-20').summary).toContain('已过撤点日期 2 天')
  })
  it('checks review notes', () => {
    const note = { documentId: open.id, excerpt: '', reviewerId: '', date: '2099-01-01' }
    expect(checkNote(note, open, TODAY).errors).toEqual(['请填写摘录/发现', '请选择审阅人', '日期不能晚于今天'])
    expect(checkNote({ ...note, excerpt: 'x', reviewerId: leader.id, date: '2020-01-01' }, open, TODAY).warnings[0]).toContain(
      '早于该资料的调阅日期',
    )
  })
})

describe('调阅清单 export', () => {
  it('has exactly the real columns, with blank signature cells for hand signing', async () => {
    const blank = lendingSheet(docs, nameOf, heads, 'blank')
    const bytes = await buildLedgerXlsx([blank], { marking: round.defaultMarking, unitName: round.unitName })
    const back = (await readBackXlsx(bytes)).sheets.find((s) => s.name === '调阅清单')!
    expect(back.headers).toEqual(['序号', '资料名称', '数量', '资料日期', '调阅资料日期', '调阅人签名', '归还日期', '收回人签名'])
    expect(back.dataRows).toBe(docs.length)
    expect(blank.title).toBe('区农业农村局党委调阅资料清单')
    expect(blank.subtitle).toBe(`被巡察单位主要负责人：${head.name}    巡察组组长：${leader.name}`)
    expect(blank.rows.every((r) => r.borrowerSign === '' && r.receiverSign === '')).toBe(true)
  })
  it('fills in the borrower and, once returned, the receiver', () => {
    const rows = lendingRows(docs, nameOf, 'filled')
    const ordered = registerOrder(docs)
    rows.forEach((r, i) => {
      expect(r.borrowerSign).toBe(nameOf(ordered[i]!.borrowerId))
      expect(r.receiverSign).toBe(ordered[i]!.returnedOn ? '冯晓燕' : '')
    })
    expect(lendingRows([{ ...returned, receiverId: '', receiverName: '档案室 张某' }], nameOf, 'filled')[0]!.receiverSign).toBe(
      '档案室 张某',
    )
  })
  it('lays the PDF out landscape with the same columns', () => {
    const doc = lendingPdf(docs, nameOf, heads, 'blank')
    expect(doc.orientation).toBe('landscape')
    const table = doc.blocks.find((b) => b.kind === 'table')!
    if (table.kind !== 'table') throw new Error()
    expect(table.columns.map((c) => c.header)).toEqual([
      '序号',
      '资料名称',
      '数量',
      '资料日期',
      '调阅资料日期',
      '调阅人签名',
      '归还日期',
      '收回人签名',
    ])
    expect(table.rows.every((r) => r[5] === '' && r[7] === '')).toBe(true)
  })
  it('numbers review notes with the document’s 序号 in the list', () => {
    const sheet = notesSheet({ docs, notes: sample.documentNotes, framework: round.framework, nameOf, linksOf: () => '' })
    expect(sheet.rows.length).toBe(sample.documentNotes.length)
    const first = registerOrder(docs)[0]!
    expect(sheet.rows.filter((r) => r.docNo === 1).every((r) => r.title === first.title)).toBe(true)
    const one = notesSheet({
      docs,
      notes: sample.documentNotes,
      framework: round.framework,
      nameOf,
      linksOf: () => '',
      documentId: open.id,
    })
    expect(one.rows.length).toBe(sample.documentNotes.filter((n) => n.documentId === open.id).length)
    expect(one.title).toBe(`审阅笔记：${open.title}`)
    expect(sheet.rows.some((r) => r.category === '落实全面从严治党战略部署' || String(r.category).length > 0)).toBe(true)
  })
})

describe('信访', () => {
  const p: Petition = sample.petitions.find((x) => x.reporterContact)!
  it('warns, never blocks, when received after the cut-off', () => {
    const after = checkPetition({ ...p, receivedOn: '2026-11-21' }, { ...round, petitionCutoff: '2026-11-20' }, TODAY)
    expect(after.errors).toEqual([])
    expect(after.warnings[0]).toContain('收件日期晚于信访受理截止日（2026年11月20日）')
    expect(cutoffWarning('2026-11-20', { petitionCutoff: '2026-11-20' })).toBe('')
    expect(checkPetition({ ...p, summary: ' ', anonymous: false, reporterName: '' }, round, TODAY).errors).toEqual([
      '请填写反映人，或选择“匿名”',
      '请填写反映主要问题',
    ])
  })
  it('keeps the 处置 in step with what the petition became', () => {
    expect(dispositionAfter('', '线索')).toBe('转为线索')
    expect(dispositionAfter('纳入底稿', '线索')).toBe('转为线索')
    expect(dispositionAfter('', '底稿')).toBe('纳入底稿')
    expect(dispositionAfter('转为线索', '底稿')).toBe('转为线索')
  })
  it('leaves the reporter contact out of the 信访登记表 unless asked', async () => {
    const contacts = sample.petitions.map((x) => x.reporterContact).filter(Boolean)
    const without = petitionSheet(sample.petitions, () => '', false)
    expect(without.columns.map((c) => c.header)).not.toContain('联系方式')
    const text = JSON.stringify(without.rows)
    for (const c of contacts) expect(text).not.toContain(c)
    const bytes = await buildLedgerXlsx([without], { marking: round.defaultMarking })
    expect(new TextDecoder().decode(bytes)).not.toContain('信封地址')
    const withContact = petitionSheet(sample.petitions, () => '', true)
    expect(withContact.columns.map((c) => c.header)).toContain('联系方式')
    expect(JSON.stringify(withContact.rows)).toContain(contacts[0]!)
    expect(redactPetition(p).reporterContact).toBe('')
  })
  it('exports an undecided 处置 as 待处置, never an empty cell', async () => {
    const pending = sample.petitions.filter((x) => !x.deleted && x.disposition === '')
    expect(pending.length).toBeGreaterThan(0)
    const sheet = petitionSheet(sample.petitions, () => '', false)
    const cells = sheet.rows.map((r) => r.disposition)
    expect(cells.filter((c) => c === '待处置')).toHaveLength(pending.length)
    expect(cells).not.toContain('')
    const book = new ExcelJS.Workbook()
    await book.xlsx.load((await buildLedgerXlsx([sheet], { marking: round.defaultMarking })) as unknown as ArrayBuffer)
    const ws = book.getWorksheet('信访登记表')!
    const header = ws.getRows(1, 6)!.find((r) => (r.values as unknown[]).includes('处置'))!
    const column = (header.values as unknown[]).indexOf('处置')
    const written: string[] = []
    ws.eachRow((r, n) => n > header.number && r.getCell(2).value && written.push(String(r.getCell(column).value ?? '')))
    expect(written.filter((c) => c === '待处置')).toHaveLength(pending.length)
    expect(written).not.toContain('')
    expect(reporterLabel({ anonymous: true, reporterName: '王某' })).toBe('匿名')
  })
})

describe('走访座谈', () => {
  it('checks the log and counts the work for the report', () => {
    expect(checkVisit({ date: TODAY, place: '', kind: '走访', memberIds: [] }, TODAY).errors).toEqual([
      '请填写走访地点/单位',
      '请选择参加人员',
    ])
    expect(checkVisit({ date: TODAY, place: '某村', kind: '走访', memberIds: ['a'] }, TODAY).warnings[0]).toContain('两名以上')
    const c = workCounts(docs, sample.petitions, sample.visits)
    expect(c).toEqual({ documents: docs.length, petitions: 15, visits: { 走访: 3, 座谈: 2, 明察暗访: 2, 专项检查: 1 } })
    expect(workCountsPhrase(c)).toBe(`受理信访15件，调阅资料${docs.length}份，走访3次、座谈2次、明察暗访2次、专项检查1次`)
  })
})
