// Numbers for the data layer (run with `npm run bench`): unlock cost, field encryption and
// archive throughput at a real round's size and at ten times it. Prints medians; asserts
// only that the work completed correctly — timings are read, not tested.
import { describe, expect, it } from 'vitest'
import { createVault, createRoundKey, openFields, recordAad, sealFields, unlockWithPassphrase } from '@shared/security'
import { decodeArchive, encodeArchive } from '@shared/archive'
import { buildSampleRound } from '@shared/sample'
import type { RoundSnapshot } from '@shared/domain/snapshot'
import { ROUND_TABLES } from '@shared/domain/tables'

const RUNS = Number(process.env.BENCH_RUNS ?? 5)
const SCALE = Number(process.env.BENCH_SCALE ?? 10)

async function median(work: () => Promise<unknown>): Promise<number> {
  const times: number[] = []
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now()
    await work()
    times.push(performance.now() - t)
  }
  return times.sort((a, b) => a - b)[Math.floor(times.length / 2)]!
}

/** The sample round with every table repeated `factor` times under fresh ids. */
function scaled(factor: number): RoundSnapshot {
  const base = buildSampleRound()
  const out = structuredClone(base)
  for (const t of ROUND_TABLES) {
    const rows = base.tables[t] as { id: string }[]
    ;(out.tables[t] as { id: string }[]) = Array.from({ length: factor }, (_, k) =>
      rows.map((r) => ({ ...structuredClone(r), id: k ? `${r.id}-${k}` : r.id })),
    ).flat()
  }
  return out
}

const report = (label: string, value: string) => console.log(`[bench] ${label.padEnd(44)} ${value}`)

describe('data layer benchmarks', () => {
  it('unlock: PBKDF2-SHA-256 600,000 iterations', async () => {
    const { vault } = await createVault('Bench-Pass-2026')
    const ms = await median(() => unlockWithPassphrase(vault, 'Bench-Pass-2026'))
    report('unlock with passphrase (median)', `${ms.toFixed(0)} ms`)
    expect(ms).toBeGreaterThan(0)
  })

  it('field encryption of a round at 1× and 10×', async () => {
    const { masterKey } = await createVault('Bench-Pass-2026', { iterations: 1000 })
    const { key } = await createRoundKey(masterKey, 'bench')
    for (const factor of [1, SCALE]) {
      const snap = scaled(factor)
      const records = ROUND_TABLES.flatMap((t) => (snap.tables[t] as unknown as Record<string, unknown>[]).map((r) => ({ t, r })))
      let sealed: { t: string; id: string; body: unknown }[] = []
      const sealMs = await median(async () => {
        sealed = await Promise.all(
          records.map(async ({ t, r }) => ({ t, id: r.id as string, body: await sealFields(key, recordAad(t, r.id as string), r) })),
        )
      })
      const openMs = await median(() => Promise.all(sealed.map((s) => openFields(key, recordAad(s.t, s.id), s.body))))
      report(
        `seal ${records.length} records (${factor}×)`,
        `${sealMs.toFixed(0)} ms (${((sealMs / records.length) * 1000).toFixed(0)} µs each)`,
      )
      report(`open ${records.length} records (${factor}×)`, `${openMs.toFixed(0)} ms`)
      expect(sealed).toHaveLength(records.length)
    }
  })

  it('round archive encode and decode at 1× and 10×', async () => {
    for (const factor of [1, SCALE]) {
      const snap = scaled(factor)
      let bytes: Uint8Array = new Uint8Array()
      const encMs = await median(async () => {
        bytes = await encodeArchive(snap, { appVersion: 'bench', exportedBy: 'bench', exportedAt: '2026-11-21T00:00:00.000Z' })
      })
      const decMs = await median(() => decodeArchive(bytes))
      report(`archive encode (${factor}×, ${(bytes.byteLength / 1024).toFixed(0)} KB)`, `${encMs.toFixed(0)} ms`)
      report(`archive decode (${factor}×)`, `${decMs.toFixed(0)} ms`)
      expect((await decodeArchive(bytes)).snapshot.tables.interviews).toHaveLength(snap.tables.interviews.length)
    }
  })
})
