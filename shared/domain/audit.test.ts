import { describe, expect, it } from 'vitest'
import { deriveKey, encodePackage, readHeader, type CryptoOptions } from '../exchange/package'
import { auditMac } from '../security/audit-key'
import { canonicalJson, sha256Hex } from '../util/hash'
import { GENESIS_HASH, auditEntryHash, peerAuditWarning, sealAuditHead, verifyAuditLog, type AuditMac } from './audit'
import type { AuditEntry } from './types'

const hmacKey = crypto.subtle.generateKey({ name: 'HMAC', hash: 'SHA-256', length: 256 }, false, ['sign'])
const mac: AuditMac = async (t) => auditMac(await hmacKey, t)

async function chain(n: number): Promise<AuditEntry[]> {
  const out: AuditEntry[] = []
  let prev = GENESIS_HASH
  for (let seq = 1; seq <= n; seq++) {
    const base = {
      v: 2 as const,
      seq,
      at: `2026-11-21T08:00:0${seq}.000Z`,
      actor: 'm-1',
      actorId: 'm-1',
      deviceId: 'd',
      action: 'view',
      table: 'petitions',
      recordId: `p-${seq}`,
      fields: [],
      detail: '查看信访反映人联系方式',
      prevHash: prev,
    }
    const entry = { ...base, hash: await auditEntryHash(base, mac) }
    out.push(entry)
    prev = entry.hash
  }
  return out
}
const headOf = async (entries: AuditEntry[]) => sealAuditHead({ count: entries.length, head: entries.at(-1)!.hash }, mac)

describe('audit log verification', () => {
  it('a keyed hash is not the plain SHA-256 of the entry', async () => {
    const [e] = await chain(1)
    const { hash, ...rest } = e!
    expect(hash).not.toBe(await sha256Hex(canonicalJson(rest)))
  })

  it('tells an intact log, a deleted tail, a rewrite with recomputed hashes and an in-place edit apart', async () => {
    const log = await chain(6)
    const sealed = await headOf(log)
    expect(await verifyAuditLog(log, sealed, mac)).toMatchObject({ ok: true, count: 6 })
    expect(await verifyAuditLog(log.slice(0, 3), sealed, mac)).toMatchObject({
      problem: 'truncated',
      message: '审计日志末尾 3 条被删除：封存记录为 6 条，现存 3 条',
    })

    const rewritten = structuredClone(log)
    rewritten[3]!.detail = '导出轮次归档'
    let prev = rewritten[2]!.hash
    for (const e of rewritten.slice(3)) {
      e.prevHash = prev
      const { hash: _h, ...rest } = e
      e.hash = await sha256Hex(canonicalJson(rest))
      prev = e.hash
    }
    expect(await verifyAuditLog(rewritten, sealed, mac)).toMatchObject({ problem: 'rewritten', at: 4 })

    const edited = structuredClone(log)
    edited[1]!.recordId = 'p-other'
    expect(await verifyAuditLog(edited, sealed, mac)).toMatchObject({ problem: 'edited', at: 2 })

    // Nor can the head be moved down with the tail: it is sealed with the same key.
    expect(await verifyAuditLog(log.slice(0, 3), { ...sealed, count: 3, head: log[2]!.hash }, mac)).toMatchObject({ problem: 'head' })
  })

  it('a keyed log without its sealed head says so', async () => {
    expect(await verifyAuditLog(await chain(2), undefined, mac)).toMatchObject({ ok: false, problem: 'head' })
  })
})

describe('the audit head travels in packages', () => {
  const fast: CryptoOptions = { iterations: 1000, minIterations: 1000, maxIterations: 2000, derive: (p, s, n) => deriveKey(p, s, n) }
  const head = {
    kind: 'changes' as const,
    packageId: 'p1',
    roundId: 'R',
    roundName: '第三轮',
    from: { deviceId: 'd', name: '甲' },
    createdAt: '2026-11-21T09:00:00.000Z',
  }

  it('in the authenticated header; a malformed one is refused', async () => {
    const auditHead = { count: 42, head: 'a'.repeat(64) }
    const bytes = await encodePackage({ ...head, auditHead }, new TextEncoder().encode('{}'), '团队口令-Team#2026', fast)
    expect(readHeader(bytes, fast).header.auditHead).toEqual(auditHead)
    const bad = await encodePackage(
      { ...head, auditHead: { count: -1, head: 'x' } },
      new TextEncoder().encode('{}'),
      '团队口令-Team#2026',
      fast,
    )
    expect(() => readHeader(bad, fast)).toThrow('文件内容结构不正确')
  })

  it('a receiver warns when a laptop’s count went down', () => {
    const h = (count: number) => ({ count, head: 'b'.repeat(64) })
    expect(peerAuditWarning(undefined, h(5))).toBe('')
    expect(peerAuditWarning(h(5), h(9))).toBe('')
    expect(peerAuditWarning(h(9), h(6))).toContain('上次 9 条，本次 6 条')
    expect(peerAuditWarning(h(9), undefined)).toContain('本文件没有')
  })
})
