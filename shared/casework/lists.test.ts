import { describe, expect, it } from 'vitest'
import { buildSampleRound } from '../sample'
import type { Cadre } from '../domain/types'
import { buildLedgerXlsx } from '../export/xlsx-ledger'
import { readBackXlsx } from '../export/read-back'
import { isSigned } from '../reports/draft'
import {
  accountabilityList,
  clueList,
  confidentialMarking,
  LIST_BUILDERS,
  LIST_KINDS,
  peopleMattersList,
  problemList,
  rectificationLedger,
  TRANSFER_SIGN_LINES,
  transferList,
  type ListData,
} from './lists'

const s = buildSampleRound()
const t = s.tables
const cadres = t.people.filter((p): p is Cadre => p.kind === 'cadre')
const data: ListData = { round: s.round, papers: t.workingPapers, clues: t.clues, cadres, today: '2026-11-21' }

describe('lists from data', () => {
  it('问题清单: every 底稿 not turned into a clue, by framework order, with the guide §7 columns', () => {
    const sheet = problemList(data)
    expect(sheet.columns.map((c) => c.header)).toEqual([
      '问题分类',
      '问题表述',
      '典型事例',
      '责任主体',
      '底稿编号',
      '整改建议',
      '是否立行立改',
      '审签状态',
    ])
    const expected = t.workingPapers.filter((p) => p.disposition !== '转为线索')
    expect(sheet.rows).toHaveLength(expected.length)
    // The report uses only 组长-signed 底稿: the list says which rows are not in it yet.
    for (const r of sheet.rows) {
      const paper = expected.find((p) => p.number === r.number)!
      if (isSigned(paper)) expect(r.signState).toBe('已审签（写入报告）')
      else expect(r.signState).toMatch(/^待.+签字（未写入报告）$/)
    }
    expect(sheet.rows.some((r) => String(r.signState).includes('未写入报告'))).toBe(true)
    expect(sheet.rows[0]!.category).toBe('落实党的理论路线方针政策和党中央重大决策部署')
    expect(sheet.rows.every((r) => ['是', '否'].includes(r.immediate as string))).toBe(true)
    // A merged 底稿 drops out, the one it went into stays.
    const merged = { ...data, papers: t.workingPapers.map((p, i) => (i === 0 ? { ...p, mergedInto: t.workingPapers[1]!.id } : p)) }
    expect(problemList(merged).rows.map((r) => r.number)).not.toContain(t.workingPapers[0]!.number)
  })
  it('问题线索清单 and 移交清单: all clues; only transferred ones with seal hash, sign lines and 3-month deadline', () => {
    expect(clueList(data).rows).toHaveLength(t.clues.length)
    const transferred = t.clues.find((c) => c.status === '已移交')!
    const sealed = { ...transferred, seal: { sha256: 'a'.repeat(64), at: '2026-11-20T00:00:00Z', by: 'x' } }
    const sheet = transferList({ ...data, clues: t.clues.map((c) => (c.id === sealed.id ? sealed : c)) })
    expect(sheet.rows).toEqual([
      expect.objectContaining({ number: sealed.number, sealHash: 'a'.repeat(64), attachments: sealed.evidence.length }),
    ])
    expect(sheet.footer).toEqual(TRANSFER_SIGN_LINES)
    expect(clueList(data).rows.find((r) => r.number === transferred.number)!.due).toMatch(/^\d{4}-\d{2}-\d{2}$/)
  })
  it('追责问责 and 点人点事 come from the 底稿 people and accountability entries', () => {
    expect(accountabilityList(data).rows).toEqual([])
    const p = t.workingPapers.find((x) => x.personIds.length)!
    const withA = {
      ...data,
      papers: t.workingPapers.map((x) =>
        x.id === p.id ? { ...x, accountability: [{ personId: p.personIds[0]!, type: '直接责任' as const, measure: '诫勉谈话' }] } : x,
      ),
    }
    const rows = accountabilityList(withA).rows
    expect(rows).toEqual([
      expect.objectContaining({
        number: p.number,
        person: cadres.find((c) => c.id === p.personIds[0])!.name,
        type: '直接责任',
        measure: '诫勉谈话',
        basis: p.basis,
      }),
    ])
    const people = peopleMattersList(withA).rows
    expect(people.length).toBe(t.workingPapers.reduce((n, x) => n + x.personIds.length, 0))
    expect(people.find((r) => r.number === p.number)!.proposal).toBe('诫勉谈话')
  })
  it('整改台账 has the guide §7 columns and one row per problem', () => {
    const sheet = rectificationLedger(data)
    expect(sheet.columns.map((c) => c.header)).toEqual([
      '反馈问题',
      '整改目标',
      '整改措施',
      '责任领导',
      '牵头部门',
      '责任人',
      '完成时限',
      '整改类型',
      '进展',
      '佐证材料',
      '销号',
    ])
    expect(sheet.rows).toHaveLength(problemList(data).rows.length)
  })
  it('writes one workbook with every list that reads back with its rows and sign lines', async () => {
    const sheets = LIST_KINDS.map((k) => LIST_BUILDERS[k](data))
    const bytes = await buildLedgerXlsx(sheets, { marking: confidentialMarking({ level: '无' }), unitName: s.round.unitName })
    const back = await readBackXlsx(bytes)
    for (const sheet of sheets) {
      const read = back.sheets.find((x) => x.name === sheet.name)!
      expect(read.headers[0]).toBe('序号')
      expect(read.dataRows).toBe(sheet.rows.length + (sheet.footer?.length ?? 0))
    }
    expect(confidentialMarking({ level: '无' }).level).toBe('内部事项 注意保管')
  })
})
