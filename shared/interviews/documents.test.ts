import { describe, expect, it } from 'vitest'
import ExcelJS from 'exceljs'
import { buildSampleRound } from '../sample'
import type { Cadre, TeamMember } from '../domain/types'
import { buildLedgerXlsx } from '../export/xlsx-ledger'
import { readBackXlsx } from '../export/read-back'
import {
  countsByCategory,
  inRange,
  recordDoc,
  registerSheets,
  SCHEDULE_HEADERS,
  scheduleDoc,
  scheduleRows,
  scheduleSheet,
  unitPost,
} from './documents'
import { defaultOutline, outlineFor } from './outline'

const sample = buildSampleRound({ today: '2026-11-21' })
const people = {
  members: sample.tables.people.filter((p): p is TeamMember => p.kind === 'member'),
  cadres: sample.tables.people.filter((p): p is Cadre => p.kind === 'cadre'),
}
const all = sample.tables.interviews

describe('谈话安排表', () => {
  it('has the guide columns, in time order, for a date range', () => {
    const day = inRange(all, '2026-11-24', '2026-11-24')
    expect(day.length).toBeGreaterThan(0)
    expect(day.every((iv) => iv.date === '2026-11-24')).toBe(true)
    expect(inRange(all).length).toBe(all.length)
    expect(SCHEDULE_HEADERS).toEqual([
      '序号',
      '日期',
      '时段',
      '地点',
      '谈话对象',
      '单位及职务',
      '对象类别',
      '主谈人',
      '记录人',
      '状态',
      '是否需再次约谈',
      '备注',
    ])
    const rows = scheduleRows(inRange(all), people, all)
    const first = rows[0]!
    expect(first).toMatchObject({
      interviewee: '张卫东',
      post: '党委书记、局长',
      category: '一把手',
      lead: '刘振华',
      slot: '15:00—16:30',
      followUp: '是（已安排）',
    })
    // A moved interview still to come reads 待谈, the move in 备注.
    const moved = rows.find((r) => r.notes.startsWith('由') && r.status === '待谈')!
    expect(moved.notes).toMatch(/^由\d{4}年\d+月\d+日 \d\d:\d\d改期（本人/)
  })
  it('writes an Excel sheet that reads back with its header, rows and status list', async () => {
    const rows = scheduleRows(inRange(all), people, all)
    const bytes = await buildLedgerXlsx([scheduleSheet(rows, '全轮次')], { marking: { level: '内部' }, unitName: sample.round.unitName })
    const back = await readBackXlsx(bytes)
    const sheet = back.sheets.find((s) => s.name === '谈话安排表')!
    expect(sheet.headers).toEqual(SCHEDULE_HEADERS)
    expect(sheet.dataRows).toBe(all.length)
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(bytes as unknown as ArrayBuffer)
    const ws = wb.getWorksheet('谈话安排表')!
    expect(ws.getCell('A2').value).toBe('谈话安排表（全轮次）')
    expect(ws.pageSetup.orientation).toBe('landscape')
    const statusCol = ws.getColumn(SCHEDULE_HEADERS.indexOf('状态') + 1).letter
    const validation = (ws as unknown as { dataValidations: { model: Record<string, { type: string }> } }).dataValidations.model
    expect(Object.entries(validation).some(([range, v]) => range.startsWith(`${statusCol}5`) && v.type === 'list')).toBe(true)
  })
  it('lays the PDF out landscape with one table row per interview', () => {
    const rows = scheduleRows(inRange(all, '2026-11-24', '2026-11-25'), people, all)
    const doc = scheduleDoc(rows, sample.round, '2026年11月24日至2026年11月25日')
    expect(doc.orientation).toBe('landscape')
    const table = doc.blocks[0]!
    expect(table.kind === 'table' && table.rows.length).toBe(rows.length)
    expect(table.kind === 'table' && table.columns.map((c) => c.header)).toEqual(
      SCHEDULE_HEADERS.map((h) => (h === '是否需再次约谈' ? '再次约谈' : h)),
    )
  })
})

describe('谈话记录', () => {
  it('carries the header, tagged points and signature status', () => {
    const iv =
      all.find((i) => i.record && i.record.points.some((p) => p.involvesClue) && !i.record.recorderSigned) ?? all.find((i) => i.record)!
    const doc = recordDoc(iv, sample.round, people)
    const text = doc.blocks.map((b) => ('text' in b ? b.text : '')).join('\n')
    const cadre = people.cadres.find((c) => c.id === iv.intervieweeId)!
    expect(doc.title).toBe('谈话记录')
    expect(text).toContain(`谈话对象：${cadre.name}（${unitPost(cadre)}）`)
    expect(text).toContain(`第${iv.record!.sessionNo === 1 ? '一' : '二'}次`)
    expect(text).toMatch(/1\.【[^】]+】/)
    expect(text).toContain(iv.record!.points[0]!.text)
    expect(text).toContain(iv.record!.recorderSigned ? '记录人已签字' : '记录人未签字')
    if (iv.record!.points.some((p) => p.involvesClue)) expect(text).toContain('涉及线索')
  })
  it('says so when there are no points yet', () => {
    const iv = all.find((i) => !i.record)!
    const text = recordDoc(iv, sample.round, people)
      .blocks.map((b) => ('text' in b ? b.text : ''))
      .join('\n')
    expect(text).toContain('（尚无谈话要点）')
    expect(text).toContain('谈话人未签字')
  })
})

describe('interview register', () => {
  it('counts per category, with totals that add up', () => {
    const counts = countsByCategory(all, people.cadres)
    const total = counts.at(-1)!
    expect(total.category).toBe('合计')
    expect(total.planned + total.cancelled).toBe(all.length)
    expect(total.done).toBe(all.filter((i) => i.status === '已谈').length)
    const top = counts.find((c) => c.category === '一把手')!
    expect(top).toMatchObject({ registry: 1, planned: 2, done: 1, donePeople: 1 })
    expect(counts.slice(0, -1).reduce((a, c) => a + c.done, 0)).toBe(total.done)
  })
  it('lists every interview with its points and flags', async () => {
    const sheets = registerSheets(all, people)
    const bytes = await buildLedgerXlsx(sheets, { marking: { level: '内部' } })
    const back = await readBackXlsx(bytes)
    expect(back.sheets.find((s) => s.name === '谈话登记')!.dataRows).toBe(all.length)
    expect(back.sheets.find((s) => s.name === '分类统计')!.dataRows).toBe(9)
    const clueRows = sheets[0]!.rows.filter((r) => (r.clues as number) > 0)
    expect(clueRows.length).toBe(all.filter((i) => i.record?.points.some((p) => p.involvesClue)).length)
  })
})

describe('谈话提纲 templates', () => {
  it('builds one per category from the framework and the checklist, and prefers the round’s own', () => {
    const text = defaultOutline(sample.round, '一把手', sample.tables.checklist)
    for (const node of sample.round.framework.nodes) expect(text).toContain(node.title)
    expect(text).toContain('第一责任人')
    const q = sample.tables.checklist.find((c) => c.nodeId.startsWith('L2'))
    if (q) expect(text).toContain(q.question)
    expect(defaultOutline(sample.round, '服务对象/群众')).toContain('办事过程')
    expect(outlineFor({ ...sample.round, outlineTemplates: { 一把手: '自定义提纲' } }, '一把手')).toBe('自定义提纲')
    expect(outlineFor({ ...sample.round, outlineTemplates: { 一把手: '  ' } }, '一把手')).toContain('谈话提纲（一把手）')
  })
})
