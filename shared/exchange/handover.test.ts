import { describe, expect, it } from 'vitest'
import { sha256Hex } from '../util/hash'
import { buildHandover } from './handover'

describe('hand-over package', () => {
  it('lists every file with size and SHA-256, and says when the reports are not in yet', async () => {
    const archive = new Uint8Array([1, 2, 3])
    const input = { roundId: 'R', roundName: '第三轮', unitName: '区农业农村局党委', handedOverBy: '刘振华', at: '2026-12-20T09:00:00Z', archive, audit: [] }
    const { manifest, payload } = await buildHandover(input)
    expect(manifest.files.map((f) => f.role)).toEqual(['轮次归档', '审计日志摘录'])
    expect(manifest.files[0]).toMatchObject({ size: 3, sha256: await sha256Hex(archive) })
    expect(manifest.reportsIncluded).toBe(false)
    expect(JSON.parse(new TextDecoder().decode(payload)).files[0].data).toBe('AQID')
    const withReports = await buildHandover({ ...input, reports: [{ name: '巡察报告.docx', role: '巡察报告', bytes: new Uint8Array([9]) }] })
    expect(withReports.manifest.reportsIncluded).toBe(true)
  })
})
