import { describe, expect, it } from 'vitest'
import {
  EXCHANGE_ITERATIONS,
  ExchangeError,
  decodePackage,
  deriveKey,
  encodePackage,
  parseJsonPayload,
  readHeader,
  type CryptoOptions,
  type DerivedKey,
} from './package'
import { validateChangeSet } from './validate'
import { gzip } from '../archive/gzip'
import { Laptop } from './sim.test-helpers'

const PASS = '团队口令-Team#2026'
const head = {
  kind: 'changes' as const,
  packageId: 'p1',
  roundId: 'R',
  roundName: '第三轮',
  from: { deviceId: 'd', name: '甲' },
  createdAt: '2026-11-21T09:00:00.000Z',
}
// Tests derive with few iterations (the reader is told to accept that); one test uses the real count.
const cache = new Map<string, Promise<DerivedKey>>()
const fast: CryptoOptions = {
  iterations: 1000,
  minIterations: 1000,
  maxIterations: 2000,
  derive: (p, salt, n) => {
    const k = `${p}|${salt.join(',')}|${n}`
    if (!cache.has(k)) cache.set(k, deriveKey(p, salt, n))
    return cache.get(k)!
  },
}

function changeSet() {
  const a = new Laptop('甲')
  a.edit('interviews', 'i1', {
    intervieweeId: 'p1',
    date: '2026-11-21',
    status: '已安排',
    history: [],
    notes: '谈话要点：食堂采购价格偏高',
  })
  return { ...a.export(), packageId: 'p1' }
}

async function sample() {
  return encodePackage(head, new TextEncoder().encode(JSON.stringify(changeSet())), PASS, fast)
}

describe('package container', () => {
  it('round-trips with the real 600,000 iterations and refuses a wrong passphrase', async () => {
    const bytes = await encodePackage(head, new TextEncoder().encode('{"a":1}'), PASS)
    expect(readHeader(bytes).header.kdf.iterations).toBe(EXCHANGE_ITERATIONS)
    expect(new TextDecoder().decode((await decodePackage(bytes, PASS)).payload)).toBe('{"a":1}')
    await expect(decodePackage(bytes, '错误口令')).rejects.toMatchObject({
      code: 'wrong-passphrase',
      message: expect.stringContaining('团队口令不正确'),
    })
  }, 30_000)

  it('stores a payload that is gzip already (a backup) instead of compressing it twice', async () => {
    const archive = gzip(new TextEncoder().encode('归档内容'.repeat(5000)), 1000)
    const bytes = await encodePackage({ ...head, kind: 'backup' }, archive, PASS, fast)
    expect(bytes.length).toBeLessThan(archive.length + 600)
    expect((await decodePackage(bytes, PASS, fast)).payload).toEqual(archive)
  })

  it('never shows the content in clear and detects tampering, truncation, newer formats and foreign files', async () => {
    const bytes = await sample()
    expect(new TextDecoder().decode(bytes)).not.toContain('食堂')
    const decoded = await decodePackage(bytes, PASS, fast)
    expect(validateChangeSet(parseJsonPayload(decoded.payload), decoded.header).records).toHaveLength(1)
    const flip = bytes.slice()
    flip[flip.length - 5]! ^= 1
    await expect(decodePackage(flip, PASS, fast)).rejects.toMatchObject({ code: 'tampered' })
    await expect(decodePackage(bytes.slice(0, bytes.length - 30), PASS, fast)).rejects.toMatchObject({ code: 'tampered' })
    await expect(decodePackage(bytes.slice(0, 20), PASS, fast)).rejects.toMatchObject({ code: 'truncated' })
    await expect(decodePackage(new Uint8Array(), PASS, fast)).rejects.toMatchObject({ code: 'truncated' })
    await expect(decodePackage(new TextEncoder().encode('PK\u0003\u0004xlsx'), PASS, fast)).rejects.toMatchObject({ code: 'foreign' })
    const text = new TextDecoder().decode(bytes.slice(12, 12 + new DataView(bytes.buffer).getUint32(8)))
    const newer = new TextEncoder().encode(text.replace('"formatVersion":1', '"formatVersion":9'))
    const forged = new Uint8Array([...bytes.slice(0, 8), 0, 0, 0, newer.length, ...newer, ...bytes.slice(12 + text.length)])
    new DataView(forged.buffer).setUint32(8, newer.length)
    await expect(decodePackage(forged, PASS, fast)).rejects.toMatchObject({
      code: 'too-new',
      message: expect.stringContaining('格式版本 9'),
    })
  })

  it('refuses a package whose records belong to another round', async () => {
    const cs = changeSet()
    cs.records[0]!.record.roundId = 'OTHER'
    const bytes = await encodePackage(head, new TextEncoder().encode(JSON.stringify(cs)), PASS, fast)
    const d = await decodePackage(bytes, PASS, fast)
    expect(() => validateChangeSet(parseJsonPayload(d.payload), d.header)).toThrow('属于另一轮次')
  })

  it('fuzz: 10,000 mutated packages never crash, never pass as a different package, always give a Chinese message', async () => {
    const bytes = await sample()
    let s = 12345
    const rnd = (n: number) => (s = (Math.imul(s, 1103515245) + 12345) >>> 0) % n
    const codes = new Map<string, number>()
    for (let i = 0; i < 10_000; i++) {
      const m = bytes.slice(0, rnd(5) === 0 ? rnd(bytes.length) : bytes.length)
      const edits = 1 + rnd(4)
      for (let e = 0; e < edits && m.length; e++) {
        const at = rnd(4) === 0 ? rnd(Math.min(m.length, 300)) : rnd(m.length) // the header often
        m[at] = rnd(3) === 0 ? m[at]! ^ (1 << rnd(8)) : rnd(256)
      }
      const same = m.length === bytes.length && m.every((b, j) => b === bytes[j])
      try {
        const d = await decodePackage(m, PASS, fast)
        validateChangeSet(parseJsonPayload(d.payload), d.header)
        expect(same, `第 ${i} 个变异文件被当作有效文件接受`).toBe(true)
      } catch (e) {
        expect(e).toBeInstanceOf(ExchangeError)
        expect((e as Error).message).toMatch(/[\u4e00-\u9fff]/)
        expect((e as Error).message).toContain('未做任何更改')
        codes.set((e as ExchangeError).code, (codes.get((e as ExchangeError).code) ?? 0) + 1)
      }
    }
    expect([...codes.keys()]).toEqual(expect.arrayContaining(['tampered', 'truncated', 'foreign', 'corrupt']))
  }, 120_000)
})
