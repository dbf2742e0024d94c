// The door's time bound (issue 19, "no input over 2 s"), measured rather than tested: the
// mutation corpus of the fuzz test (shared/archive/fuzz.test-helpers.ts), class by class, through
// the app's decoder (decodeArchive: bounded inflate, depth scan, parse, checksum, the deep check)
// beside a bare fflate gunzip + JSON.parse of the same bytes. Change packages go through
// JSON.parse + validateChangeSet beside a bare JSON.parse. Prints max and p95 per class and every
// input over 2 s. Reduced in the suite (20 inputs per class, 3 bombs of 300 MiB); BENCH_FULL=1 runs
// 300 per class and 20 bombs of 600 MiB, as in the issue.
import { gunzipSync, strFromU8 } from 'fflate'
import { describe, expect, it } from 'vitest'
import { decodeArchive } from '@shared/archive'
import { ARCHIVE_CLASSES, archiveCorpus, fuzzSample, mutate, prng, PROTO_KEYS } from '@shared/archive/fuzz.test-helpers'
import { validateChangeSet } from '@shared/exchange/validate'
import { Laptop } from '@shared/exchange/sim.test-helpers'
import type { ChangeSet } from '@shared/exchange/merge'
import { FULL, p95, report } from './kit'

const PER_CLASS = FULL ? 300 : 20
// Bombs inflate past the 256 MiB cap (MAX_DECOMPRESSED_BYTES), so the limit is what is timed; fewer
// of them, since the bare gunzip beside each inflates all of it.
const BOMBS = FULL ? 20 : 3
const BOMB = (FULL ? 600 : 300) * 1024 * 1024
const LIMIT_MS = 2000

async function timed(work: () => unknown): Promise<number> {
  const t0 = performance.now()
  try {
    await work()
  } catch {
    // Refused or unreadable: the time to say so is what counts.
  }
  return performance.now() - t0
}

const over: string[] = []
function print(cls: string, app: number[], bare: number[]) {
  expect(app.length).toBeGreaterThan(0) // every input was decoded or refused; the times are read, not tested (kit.ts)
  const f = (xs: number[]) => `max ${Math.max(...xs).toFixed(0)} / p95 ${p95(xs).toFixed(0)} ms`
  report(`door ${cls} (${app.length})`, `${f(app)}   bare ${f(bare)}`)
  app.forEach((ms, i) => ms > LIMIT_MS && over.push(`${cls} #${i}: ${ms.toFixed(0)} ms`))
}

/** A member's package of real sample records, as the fuzz test builds it. */
function basePackage(): ChangeSet {
  const leader = new Laptop('组长')
  const member = new Laptop('甲')
  for (const t of ['people', 'interviews', 'workingPapers', 'clues'] as const) {
    for (const r of fuzzSample.tables[t].slice(0, 6)) {
      const { id, ...rest } = structuredClone(r) as unknown as Record<string, unknown>
      member.edit(t, id as string, { ...rest, roundId: 'R' })
      leader.edit(t, id as string, { ...rest, roundId: 'R' })
    }
  }
  for (const r of fuzzSample.tables.interviews.slice(0, 6)) member.edit('interviews', r.id, { notes: '甲补充' })
  return member.export({ kind: 'all' })
}

describe('the door under the mutation corpus', () => {
  it('decodes or refuses every input; per class, the app beside bare gunzip + JSON.parse', async () => {
    for (const [i, cls] of ARCHIVE_CLASSES.entries()) {
      const app: number[] = []
      const bare: number[] = []
      for await (const bytes of archiveCorpus(cls, cls === '解压炸弹' ? BOMBS : PER_CLASS, 19 + i, BOMB)) {
        app.push(await timed(() => decodeArchive(bytes)))
        bare.push(await timed(() => JSON.parse(strFromU8(gunzipSync(bytes)))))
      }
      print(cls, app, bare)
    }

    const rnd = prng(7)
    const pkg = basePackage()
    const header = { packageId: pkg.packageId, roundId: pkg.roundId } as never
    for (const cls of ['变更包类型变异', '变更包原型名键']) {
      const app: number[] = []
      const bare: number[] = []
      for (let n = 0; n < PER_CLASS; n++) {
        const raw = JSON.parse(JSON.stringify(pkg)) as { records: { record: Record<string, unknown>; vv: object }[] }
        const r = raw.records[Math.floor(rnd() * raw.records.length)]!
        if (cls === '变更包类型变异') mutate(r.record, rnd, 0)
        else Object.assign(r.vv, JSON.parse(`{"${PROTO_KEYS[Math.floor(rnd() * PROTO_KEYS.length)]}": 3}`))
        const text = JSON.stringify(raw)
        app.push(await timed(() => validateChangeSet(JSON.parse(text), header)))
        bare.push(await timed(() => JSON.parse(text)))
      }
      print(cls, app, bare)
    }

    report(`inputs over ${LIMIT_MS} ms`, over.length ? `${over.length}: ${over.slice(0, 10).join('; ')}` : '0')
  }, 3_600_000)
})
