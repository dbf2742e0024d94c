// Mutation fuzz at the door (issue 19, "Proof"): type mutations with a recomputed checksum,
// prototype-named keys, deep nesting and bombs, over round archives (a backup carries one) and
// change packages. Only the documented error classes with Chinese messages; and after every
// accepted input, an archive export and a backup (encrypted package) of the result succeed and
// read back. Time per input is measured, not tested, in test/bench/door-fuzz.bench.ts.
// Reduced by default; DOOR_FUZZ=full runs the long version.
import { gzipSync, strToU8 } from 'fflate'
import { describe, expect, it } from 'vitest'
import type { RoundSnapshot } from '../domain/snapshot'
import { ArchiveError, canonicalJson, decodeArchive, encodeArchive, sha256Hex } from './index'
import { decodePackage, encodePackage, ExchangeError } from '../exchange/package'
import { FUZZ_INFO, fuzzSample, handMade, mutate, prng, PROTO_KEYS } from './fuzz.test-helpers'
import { validateChangeSet } from '../exchange/validate'
import { mergeChangeSet, type ChangeSet } from '../exchange/merge'
import { Laptop } from '../exchange/sim.test-helpers'

const FULL = process.env.DOOR_FUZZ === 'full'
const CN = /[\u4e00-\u9fff]/
const info = FUZZ_INFO
const sample = fuzzSample
const KEYS = PROTO_KEYS
const PASS = '团队口令Team#2026'
/** A backup of an accepted round succeeds and reads back (few PBKDF2 rounds: this tests the content, not the KDF). */
async function backUp(archive: Uint8Array): Promise<void> {
  const head = {
    kind: 'backup' as const,
    packageId: 'p',
    roundId: 'R',
    roundName: '轮',
    from: { deviceId: 'd', name: '组长' },
    createdAt: info.exportedAt,
  }
  const bytes = await encodePackage(head, archive, PASS, { iterations: 1000 })
  expect((await decodeArchive((await decodePackage(bytes, PASS, { minIterations: 1000 })).payload)).counts).toBeTruthy()
}

describe('the door: round archives', () => {
  it(`refuses or safely accepts ${FULL ? 3000 : 60} mutated archives with a recomputed checksum`, async () => {
    const rnd = prng(19)
    const tables = Object.keys(sample.tables) as (keyof RoundSnapshot['tables'])[]
    let accepted = 0
    for (let i = 0; i < (FULL ? 3000 : 60); i++) {
      const c = structuredClone({ round: sample.round, tables: sample.tables }) as unknown as {
        round: Record<string, unknown>
        tables: Record<string, Record<string, unknown>[]>
      }
      if (rnd() < 0.15) mutate(c.round, rnd)
      else {
        const rows = c.tables[tables[Math.floor(rnd() * tables.length)]!]!
        if (rows.length) mutate(rows[Math.floor(rnd() * rows.length)]!, rnd)
      }
      try {
        const d = await decodeArchive(await handMade(c))
        accepted++
        // Accepted: the next archive export and the next backup of it succeed.
        const again = await encodeArchive(d.snapshot, info)
        expect((await decodeArchive(again)).counts).toEqual(d.counts)
        await backUp(again)
      } catch (e) {
        expect(e, String(e)).toBeInstanceOf(ArchiveError)
        expect((e as Error).message).toMatch(CN)
      }
    }
    expect(accepted).toBeGreaterThan(0)
  }, 600_000)

  it('refuses deep nesting in Chinese, before parsing', async () => {
    const nested = `${'['.repeat(5000)}"底"${']'.repeat(5000)}`
    const bytes = gzipSync(strToU8(`{"format":"xuncha-round-archive","formatVersion":1,"x":${nested}}`))
    await expect(decodeArchive(bytes)).rejects.toMatchObject({ code: 'invalid', message: expect.stringContaining('嵌套层级过深') })
  })

  it('refuses a bomb at the limit, however far it would inflate', async () => {
    const bomb = gzipSync(new Uint8Array(20 * 1024 * 1024), { level: 9 })
    await expect(decodeArchive(bomb, { maxDecompressedBytes: 4 * 1024 * 1024 })).rejects.toMatchObject({
      code: 'too-large',
      message: expect.stringMatching(CN),
    })
  }, 60_000)

  it('refuses a bomb by its ratio after 8 MiB, well before the 256 MiB limit', async () => {
    const bomb = gzipSync(new Uint8Array(300 * 1024 * 1024), { level: 1 })
    await expect(decodeArchive(bomb)).rejects.toMatchObject({ code: 'too-large', message: expect.stringContaining('疑似恶意构造') })
    // A real archive inflating well past 8 MiB at an ordinary ratio is not taken for one.
    const big = { ...sample, tables: { ...sample.tables, attachments: [] } }
    const rnd = prng(3)
    const noise = () => Array.from({ length: 1200 }, () => String.fromCharCode(0x4e00 + Math.floor(rnd() * 2000))).join('')
    big.tables.documents = Array.from({ length: 3000 }, (_, i) => ({ ...sample.tables.documents[0]!, id: `d${i}`, notes: noise() }))
    const decoded = await decodeArchive(await encodeArchive(big, info))
    expect(decoded.counts.documents).toBe(3000)
  }, 120_000)

  it('cannot be fooled by a nested "content" key holding the original content', async () => {
    const content = { round: sample.round, tables: sample.tables }
    const good = canonicalJson(content)
    const altered = structuredClone(content)
    altered.round.name = '被改过的轮次'
    const counts = Object.fromEntries(Object.entries(content.tables).map(([k, v]) => [k, v.length]))
    const head = JSON.stringify({
      format: 'xuncha-round-archive',
      formatVersion: 1,
      ...info,
      roundId: sample.round.id,
      counts,
      contentSha256: await sha256Hex(good),
    }).slice(0, -1)
    const forged = `${head},"content":${JSON.stringify(altered)},"x\\"content":${good}}`
    await expect(decodeArchive(gzipSync(strToU8(forged)))).rejects.toMatchObject({ code: 'checksum' })
    const honest = `${head},"content":${good}}`
    expect((await decodeArchive(gzipSync(strToU8(honest)))).snapshot.round.name).toBe(sample.round.name)
  })
})

describe('the door: change packages', () => {
  /** A member's package of real sample records, as the app builds it. */
  function basePackage(): { leader: Laptop; pkg: ChangeSet } {
    const leader = new Laptop('组长')
    const member = new Laptop('甲')
    for (const t of ['people', 'interviews', 'workingPapers', 'clues'] as const) {
      for (const r of sample.tables[t].slice(0, 6)) {
        const { id, ...rest } = structuredClone(r) as unknown as Record<string, unknown>
        member.edit(t, id as string, { ...rest, roundId: 'R' })
        leader.edit(t, id as string, { ...rest, roundId: 'R' })
      }
    }
    leader.import(member.export({ kind: 'all' }))
    for (const r of sample.tables.interviews.slice(0, 6)) member.edit('interviews', r.id, { notes: '甲补充' })
    return { leader, pkg: member.export({ kind: 'all' }) }
  }

  it(`refuses or safely merges ${FULL ? 3000 : 200} mutated change packages; prototype-named keys stay data`, async () => {
    const rnd = prng(7)
    const header = (pkg: ChangeSet) => ({ packageId: pkg.packageId, roundId: pkg.roundId }) as never
    for (let i = 0; i < (FULL ? 3000 : 200); i++) {
      const { leader, pkg } = basePackage()
      const raw = JSON.parse(JSON.stringify(pkg)) as { known: Record<string, unknown>; records: Record<string, unknown>[] }
      const r = raw.records[Math.floor(rnd() * raw.records.length)]!
      const where = rnd()
      const key = KEYS[Math.floor(rnd() * KEYS.length)]!
      // Prototype-named device ids or fields, as JSON.parse makes them (own data properties).
      if (where < 0.2) Object.assign(raw.known, JSON.parse(`{"${key}": 7}`))
      else if (where < 0.4) Object.assign(r.vv as object, JSON.parse(`{"${key}": 3}`))
      else if (where < 0.55) Object.assign(r.stamps as object, JSON.parse(`{"${key}": {"d": "${key}", "n": 2}}`))
      else mutate(r.record as Record<string, unknown>, rnd)
      const text = JSON.stringify(raw).replaceAll('"__proto__x"', '"__proto__"')
      try {
        const set = validateChangeSet(JSON.parse(text), header(pkg))
        leader.import(set)
        const result = mergeChangeSet(leader.state, new Map(), set, 'now')
        void result
        for (const n of Object.values(leader.state.known)) expect(Number.isFinite(n)).toBe(true)
        // Accepted: the merged round still exports as an archive and backs up.
        const tables = Object.fromEntries(Object.keys(sample.tables).map((t) => [t, [] as unknown[]]))
        for (const { table, record } of leader.list()) tables[table]!.push(record)
        const archive = await encodeArchive({ round: { ...sample.round, id: 'R' }, tables } as never, info)
        await backUp(archive)
      } catch (e) {
        expect(e, String(e)).toBeInstanceOf(ExchangeError)
        expect((e as Error).message).toMatch(CN)
      }
    }
  }, 600_000)
})
