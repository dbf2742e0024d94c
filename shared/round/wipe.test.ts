import { describe, expect, it } from 'vitest'
import { buildSampleRound } from '../sample'
import { archiveMatchesRound, countRecords, wipeCertificate } from './wipe'

describe('wipe', () => {
  const sample = buildSampleRound()
  it('accepts an archive only when it holds exactly the round', () => {
    const copy = structuredClone(sample)
    expect(archiveMatchesRound(copy, sample)).toBe(true)
    copy.tables.people[0]!.updatedAt = '2026-11-22T00:00:00.000Z'
    expect(archiveMatchesRound(copy, sample)).toBe(false)
    expect(archiveMatchesRound(buildSampleRound({ seed: 7 }), sample)).toBe(false)
  })
  it('lists what was removed on the certificate', () => {
    const counts = countRecords(sample)
    const doc = wipeCertificate({
      roundId: sample.round.id,
      roundName: sample.round.name,
      unitName: sample.round.unitName,
      entryDate: sample.round.entryDate,
      exitDate: sample.round.exitDate,
      counts,
      archiveFileName: 'a.xcra',
      archiveSha256: 'ab'.repeat(32),
      keyDestroyedAt: '2026-12-20T02:00:00.000Z',
      wipedAt: '2026-12-20T02:00:01.000Z',
      wipedBy: '刘洋（组长）',
      deviceId: 'dev-1',
    })
    expect(doc.title).toBe('巡察数据清理证明')
    const table = doc.blocks.find((b) => b.kind === 'table')
    expect(table && table.kind === 'table' && table.rows).toContainEqual(['谈话', String(sample.tables.interviews.length)])
    const total = Object.values(counts).reduce((a, b) => a + b, 0) + 1
    expect(table && table.kind === 'table' && table.rows.at(-1)).toEqual(['合计', String(total)])
  })
})
