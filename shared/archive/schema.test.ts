// The one validation at the door: the defects of issue 19 (§2, §9) are refused, naming the
// record and the field, for an archive and for a change package alike.
import { describe, expect, it } from 'vitest'
import { buildSampleRound } from '../sample'
import { validateContent } from './validate'
import { recordProblem } from './schema'
import { validateChangeSet } from '../exchange/validate'
import type { PackageHeader } from '../exchange/package'

const sample = buildSampleRound()
const content = () =>
  structuredClone({ round: sample.round, tables: sample.tables }) as unknown as {
    round: Record<string, unknown>
    tables: Record<string, Record<string, unknown>[]>
  }

describe('record schema', () => {
  it('accepts the sample round', () => {
    expect(() => validateContent(content())).not.toThrow()
  })

  it.each([
    ['interviews', (r: Record<string, unknown>) => (r.history = '改期一次'), /谈话.*字段 history 应为列表/],
    ['people', (r: Record<string, unknown>) => (r.kind = 'boss'), /字段 kind 应为 member 或 cadre/],
    ['workingPapers', (r: Record<string, unknown>) => (r.evidence = [null]), /字段 evidence\[0\] 应为对象/],
    ['workingPapers', (r: Record<string, unknown>) => (r.signoffs = '组长审签'), /字段 signoffs 应为列表/],
    ['visits', (r: Record<string, unknown>) => (r.memberIds = 'm1'), /字段 memberIds 应为列表/],
    ['checklist', (r: Record<string, unknown>) => (r.paperIds = {}), /字段 paperIds 应为列表/],
    ['attachments', (r: Record<string, unknown>) => (r.data = 12), /字段 data 应为文本/],
    ['interviews', (r: Record<string, unknown>) => (r.record = { points: '要点' }), /字段 record\.points 应为列表/],
    [
      'people',
      (r: Record<string, unknown>) => (r.signingKeys = [{ keyId: 'k', publicKey: 7, createdAt: '' }]),
      /字段 signingKeys\[0\]\.publicKey 应为文本/,
    ],
    [
      'workingPapers',
      (r: Record<string, unknown>) => (r.signoffs = [{ step: '组长审签', memberId: 'm', at: '', signature: 'forged' }]),
      /字段 signoffs\[0\]\.signature 应为对象/,
    ],
  ])('refuses a bad %s record, naming it and the field', (table, spoil, message) => {
    const c = content()
    const rows = c.tables[table]!
    const target = table === 'interviews' && String(spoil).includes('record') ? rows.find((r) => r.record)! : rows.find((r) => !r.deleted)!
    spoil(target)
    expect(() => validateContent(c)).toThrow(message)
    expect(() => validateContent(c)).toThrow(`id ${target.id as string}`)
  })

  it('refuses a report paragraph whose text is not text', () => {
    const c = content()
    const section = { id: 's', level: 1, heading: '一、', paragraphs: [{ id: 'x', text: 3, paperIds: [] }] }
    c.tables.reports!.push({ id: 'rep-1', roundId: c.round.id, title: '巡察报告', sections: [section] })
    expect(() => validateContent(c)).toThrow(/id rep-1）的字段 sections\[0\]\.paragraphs\[0\]\.text 应为文本/)
  })

  it('refuses nested framework nodes that are not nodes', () => {
    const c = content()
    ;(c.round.framework as { nodes: unknown[] }).nodes[0] = null
    expect(() => validateContent(c)).toThrow(/巡察轮次.*framework\.nodes\[0\] 应为对象/)
    const d = content()
    ;((d.round.framework as { nodes: { children: unknown[] }[] }).nodes[0]!.children as unknown[]).push({ id: 'x', title: 7, children: [] })
    expect(() => validateContent(d)).toThrow(/framework\.nodes\[0\]\.children\[\d+\]\.title 应为文本/)
  })

  it('refuses field names that would become object members', () => {
    expect(recordProblem('documents', JSON.parse('{"id":"d","title":"t","__proto__":{"x":1}}'))).toMatch(/__proto__/)
    expect(recordProblem('documents', { id: 'd', title: 't', toString: 'x' })).toBeUndefined()
  })

  it('refuses the same record in a change package, before any merge', () => {
    const header = { packageId: 'p', roundId: 'R' } as PackageHeader
    const record = { id: 'i1', roundId: 'R', intervieweeId: 'c', date: '2026-11-21', status: '已安排', history: '改期一次' }
    const set = {
      packageId: 'p',
      roundId: 'R',
      from: { deviceId: 'd', name: '甲' },
      createdAt: 'now',
      known: {},
      records: [{ table: 'interviews', record, vv: { d: 1 }, stamps: { history: { d: 'd', n: 1 } }, owner: 'd' }],
    }
    expect(() => validateChangeSet(set, header)).toThrow(/第 1 条记录（谈话.*id i1）的字段 history 应为列表，未做任何更改/)
  })
})
