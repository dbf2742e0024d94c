// The mutation corpus of the door (issue 19, "Proof"), shared by the fuzz test
// (door.fuzz.test.ts: what is accepted or refused) and its benchmark (test/bench/door-fuzz.bench.ts:
// how long each input takes). Inputs are made from the sample round, deterministically per seed.
import { gzipSync, strToU8 } from 'fflate'
import { buildSampleRound } from '../sample'
import type { RoundSnapshot } from '../domain/snapshot'
import { canonicalJson, encodeArchive, sha256Hex } from './index'

export const FUZZ_INFO = { appVersion: '0.1.0', exportedBy: '黄雨晴', exportedAt: '2026-11-21T09:30:00.000Z' }
export const fuzzSample = buildSampleRound()

export function prng(seed: number) {
  let s = seed >>> 0
  return () => ((s = (Math.imul(s ^ (s >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0), s / 2 ** 32)
}

export const deep = (n: number): unknown => {
  let v: unknown = '底'
  for (let i = 0; i < n; i++) v = [v]
  return v
}
export const FUZZ_VALUES = (rnd: () => number): unknown[] => [
  null,
  0,
  Number.MAX_VALUE,
  -1,
  '',
  '改期一次',
  true,
  [],
  {},
  [null],
  [1],
  { x: 1 },
  [{}],
  deep(8),
  "=cmd|'/c calc'!A1",
  '陈𠈌'.repeat(1500),
  Math.floor(rnd() * 1e9),
]
export const PROTO_KEYS = ['__proto__', 'constructor', 'toString', 'prototype', 'hasOwnProperty', 'valueOf']

const setOwn = (node: object, key: string, value: unknown) =>
  Object.defineProperty(node, key, { value, enumerable: true, configurable: true, writable: true })

/** Changes one value somewhere inside `root` (a record or the round), or, with `protoRate`, adds a prototype-named key. */
export function mutate(root: Record<string, unknown>, rnd: () => number, protoRate = 0.15) {
  const pick = <T>(xs: T[]) => xs[Math.floor(rnd() * xs.length)]!
  let node: unknown = root
  for (let d = 0; d < 6; d++) {
    const keys = node && typeof node === 'object' ? Object.keys(node) : []
    if (!keys.length) break
    const k = pick(keys)
    const child = (node as Record<string, unknown>)[k]
    if (rnd() < 0.4 || !child || typeof child !== 'object') {
      if (rnd() < protoRate) setOwn(node as object, pick(PROTO_KEYS), pick(FUZZ_VALUES(rnd)))
      else (node as Record<string, unknown>)[k] = pick(FUZZ_VALUES(rnd))
      return
    }
    node = child
  }
}

/** An archive written by hand with a correct checksum over whatever content it is given. */
export async function handMade(content: { round: unknown; tables: Record<string, unknown[]> }): Promise<Uint8Array> {
  return gzipSync(strToU8(await handMadeJson(content)))
}

async function handMadeJson(content: { round: unknown; tables: Record<string, unknown[]> }): Promise<string> {
  const counts = Object.fromEntries(Object.entries(content.tables).map(([k, v]) => [k, Array.isArray(v) ? v.length : 0]))
  const env = {
    format: 'xuncha-round-archive',
    formatVersion: 1,
    ...FUZZ_INFO,
    roundId: (content.round as { id?: string })?.id ?? '',
    counts,
    contentSha256: await sha256Hex(canonicalJson(content)),
    content,
  }
  return JSON.stringify(env)
}

type Content = { round: Record<string, unknown>; tables: Record<string, Record<string, unknown>[]> }
const sampleContent = () => structuredClone({ round: fuzzSample.round, tables: fuzzSample.tables }) as unknown as Content
const tableNames = Object.keys(fuzzSample.tables) as (keyof RoundSnapshot['tables'])[]

/** A record of a random table (or the round), to mutate. */
function someRecord(c: Content, rnd: () => number): Record<string, unknown> {
  if (rnd() < 0.15) return c.round
  const rows = c.tables[tableNames[Math.floor(rnd() * tableNames.length)]!]!
  return rows.length ? rows[Math.floor(rnd() * rows.length)]! : c.round
}

/** A type mutation (and, now and then, a prototype-named key) with the checksum recomputed: the test's corpus. */
export async function mutatedArchive(rnd: () => number): Promise<Uint8Array> {
  const c = sampleContent()
  mutate(someRecord(c, rnd), rnd)
  return handMade(c)
}

export const ARCHIVE_CLASSES = ['截断', '位翻转', '类型变异（校验值重算）', '原型名键', '深层嵌套', '解压炸弹'] as const
export type ArchiveClass = (typeof ARCHIVE_CLASSES)[number]

/** `n` inputs of one class, over the sample round's archive. `bombBytes`: how far a bomb inflates. */
export async function* archiveCorpus(cls: ArchiveClass, n: number, seed: number, bombBytes: number): AsyncGenerator<Uint8Array> {
  const rnd = prng(seed)
  const valid = await encodeArchive(fuzzSample, FUZZ_INFO)
  for (let i = 0; i < n; i++) {
    if (cls === '截断') yield valid.slice(0, Math.floor(rnd() * valid.length))
    else if (cls === '位翻转') {
      const b = valid.slice()
      for (let f = 0; f < 1 + Math.floor(rnd() * 8); f++) b[Math.floor(rnd() * b.length)]! ^= 1 << Math.floor(rnd() * 8)
      yield b
    } else if (cls === '类型变异（校验值重算）') yield mutatedArchive(rnd)
    else if (cls === '原型名键') {
      const c = sampleContent()
      const r = someRecord(c, rnd)
      setOwn(r, PROTO_KEYS[Math.floor(rnd() * PROTO_KEYS.length)]!, FUZZ_VALUES(rnd)[Math.floor(rnd() * 17)])
      yield handMade(c)
    } else if (cls === '深层嵌套') {
      const c = sampleContent()
      someRecord(c, rnd).notes = '@@DEEP@@'
      // Written as text: nesting this deep overflows any recursive writer (which is the point).
      const n = 60 + Math.floor(rnd() * 5000)
      yield gzipSync(strToU8((await handMadeJson(c)).replace('"@@DEEP@@"', `${'['.repeat(n)}"底"${']'.repeat(n)}`)))
    } else yield gzipSync(new Uint8Array(bombBytes + Math.floor(rnd() * 1024)), { level: 9 })
  }
}
