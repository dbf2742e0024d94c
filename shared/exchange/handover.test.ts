import { describe, expect, it } from 'vitest'
import { sha256Hex } from '../util/hash'
import { buildHandover } from './handover'

describe('hand-over package', () => {
  it('lists every file with size and SHA-256, and says when the reports are not in yet', async () => {
    const archive = new Uint8Array([1, 2, 3])
    const input = {
      roundId: 'R',
      roundName: '第三轮',
      unitName: '区农业农村局党委',
      handedOverBy: '刘振华',
      at: '2026-12-20T09:00:00Z',
      archive,
      audit: [],
    }
    const { manifest, payload } = await buildHandover(input)
    expect(manifest.files.map((f) => f.role)).toEqual(['轮次归档', '审计日志摘录'])
    expect(manifest.files[0]).toMatchObject({ size: 3, sha256: await sha256Hex(archive) })
    expect(manifest.reportsIncluded).toBe(false)
    expect(JSON.parse(new TextDecoder().decode(payload)).files[0].data).toBe('AQID')
    const withReports = await buildHandover({
      ...input,
      reports: [{ name: '巡察报告.docx', role: '巡察报告', bytes: new Uint8Array([9]) }],
    })
    expect(withReports.manifest.reportsIncluded).toBe(true)
  })
})

describe('reading a hand-over for review', () => {
  it('checks every file against the manifest and names what does not match', async () => {
    const { readHandover, buildHandover } = await import('./handover')
    const { payload } = await buildHandover({
      roundId: 'R',
      roundName: '2026年第三轮/区农业农村局党委',
      unitName: '区农业农村局党委',
      handedOverBy: '刘洋',
      at: '2026-12-18T08:00:00Z',
      archive: new Uint8Array([1, 2, 3]),
      audit: [],
    })
    const body = JSON.parse(new TextDecoder().decode(payload))
    const good = await readHandover(body)
    expect(good.problems).toEqual([])
    expect(good.files.map((f) => [f.role, f.ok])).toEqual([
      ['轮次归档', true],
      ['审计日志摘录', true],
    ])
    expect(good.files[0]!.name).toBe('2026年第三轮／区农业农村局党委-轮次归档.xcra')
    body.files[0].data = 'AQIE' // another archive under the same name
    const bad = await readHandover(body)
    expect(bad.problems).toEqual([expect.stringContaining('与清单不符')])
    expect(bad.files[0]!.ok).toBe(false)
    await expect(readHandover({ manifest: {}, files: [] })).rejects.toMatchObject({
      code: 'invalid',
      message: expect.stringContaining('移交包内容结构不正确'),
    })
  })
})
