// The audit log shows Chinese only: every field a record of the sample round has, every table,
// and who acted, even on the lock screen.
import { describe, expect, it } from 'vitest'
import { buildSampleRound } from '../sample'
import { auditActorLabel, auditFieldsLabel, auditTableLabel } from './audit'

const HAS_LATIN = /[A-Za-z]/

describe('audit log labels', () => {
  it('names every field of every record in Chinese', () => {
    const sample = buildSampleRound()
    const tables = { rounds: [sample.round], ...sample.tables } as Record<string, object[]>
    const meta = ['id', 'createdAt', 'updatedAt', 'updatedBy', 'deviceId', 'deleted']
    for (const [table, rows] of Object.entries(tables)) {
      const fields = [...new Set(rows.flatMap((r) => Object.keys(r)))].filter((f) => !meta.includes(f))
      for (const f of fields) expect(auditFieldsLabel(table, [f]), `${table}.${f}`).not.toMatch(HAS_LATIN)
      expect(auditTableLabel(table)).not.toMatch(HAS_LATIN)
    }
  })

  it('names a report regeneration and the settings table in Chinese', () => {
    expect(auditFieldsLabel('reports', ['generatedAt', 'kind', 'roundId', 'sections'])).toBe('生成时间、报告类型、所属轮次、正文')
    expect(auditTableLabel('settings')).toBe('系统设置')
    expect(auditFieldsLabel('reports', ['somethingNew'])).toBe('其他字段')
  })

  it('says a failed unlock came from the lock screen, not from “未指定用户”', () => {
    expect(auditActorLabel({ actor: '未指定用户', actorId: 'system', action: 'unlock-failed' })).toBe('锁屏界面（尚未确认身份）')
    expect(auditActorLabel({ actor: '未指定用户', actorId: 'system', action: 'create' })).toBe('本机（尚未选择使用人）')
    expect(auditActorLabel({ actor: '刘振华（组长）', actorId: 'm1', action: 'update' })).toBe('刘振华（组长）')
  })
})
