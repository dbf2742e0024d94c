// The worst round the door lets in (worst-case.test-helpers.ts) must stay accepted, or the e2e
// that opens every view on it (test/e2e/worst-archive.e2e.ts) would test nothing.
import { describe, expect, it } from 'vitest'
import { decodeArchive, encodeArchive } from './index'
import { buildWorstRound, longText, WORST_FRAMEWORK_DEPTH, WORST_MARK } from './worst-case.test-helpers'

const EMPTY_INTERVIEW = { category: '', start: '', end: '', room: '', leadId: '', recorderId: '', outline: '', notes: '', record: null }
const info = { appVersion: '0.1.0', exportedBy: WORST_MARK, exportedAt: '2026-11-21T09:30:00.000Z' }

describe('the worst round the door accepts', () => {
  it('passes the door; what it holds comes back, absent fields arriving as their empty value', async () => {
    const worst = buildWorstRound()
    const decoded = await decodeArchive(await encodeArchive(worst, info))
    // Complete records come back as they were; a record with only its required fields gets the rest empty.
    expect(decoded.snapshot.tables.interviews.slice(0, -2)).toEqual(worst.tables.interviews.slice(0, -2))
    expect(decoded.snapshot.tables.interviews.at(-2)).toEqual({ ...worst.tables.interviews.at(-2), ...EMPTY_INTERVIEW })
    expect(decoded.snapshot.tables.people.at(-3)).toMatchObject({ post: '', department: '', isTopLeader: false })
    expect(decoded.snapshot.round).toMatchObject({ unitName: '', defaultMarking: { level: '无' }, framework: { name: '', key: 'custom' } })
    expect(decoded.snapshot.round.petitionCutoff).toBe(worst.round.exitDate)
    // Prototype-named keys arrived as data.
    expect(Object.keys(decoded.snapshot.round.interviewChecks!)).toContain('__proto__')
    expect(Object.getPrototypeOf(decoded.snapshot.round.interviewChecks)).toBe(Object.prototype)
    expect(Array.from(longText())).toHaveLength(3000)
  })

  it('refuses dates the date arithmetic cannot take, naming the field', async () => {
    const far = buildWorstRound()
    far.round.exitDate = '9999-12-31'
    await expect(encodeArchive(far, info)).rejects.toMatchObject({
      message: expect.stringContaining('字段 exitDate 应为 1900—2100 年间的有效日期'),
    })
    const long = buildWorstRound()
    long.round.entryDate = '2090-01-01'
    await expect(encodeArchive(long, info)).rejects.toMatchObject({ message: expect.stringContaining('巡察轮次不能长于') })
    const bad = buildWorstRound()
    bad.tables.petitions.at(-1)!.receivedOn = '2026-02-30'
    await expect(encodeArchive(bad, info)).rejects.toMatchObject({
      message: expect.stringMatching(/receivedOn 应为 1900—2100 年间的有效日期/),
    })
  })

  it('nests its framework as deep as the door allows: one level more is refused', async () => {
    await expect(encodeArchive(buildWorstRound(WORST_FRAMEWORK_DEPTH), info).then(decodeArchive)).resolves.toBeTruthy()
    await expect(encodeArchive(buildWorstRound(WORST_FRAMEWORK_DEPTH + 1), info).then(decodeArchive)).rejects.toMatchObject({
      message: expect.stringContaining('嵌套层级过深'),
    })
  })
})
