// What sealing a draft ahead costs per change (renderer/ui/useDraft.ts seals every change at once,
// so a reload inside the half-second debounce can stash it): a plain copy of the value plus
// sealFields, for a 6,000-character report and for a form, beside bare AES-GCM on the same bytes.
import { webcrypto } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { recordAad, sealFields } from '@shared/security'
import { median, p95, report } from './kit'

const RUNS = 300
const subtle = webcrypto.subtle

async function time(fn: () => Promise<unknown>): Promise<number[]> {
  const ms: number[] = []
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now()
    await fn()
    ms.push(performance.now() - t0)
  }
  return ms
}

const paragraph = (n: number) =>
  '巡察组驻点期间，通过个别谈话、调阅资料、走访座谈，发现该局在落实“三重一大”决策制度方面存在问题。'.repeat(n)
const drafts = {
  'a form (登记信访)': { summary: paragraph(3), reporterName: '匿名', channel: '来电', subjectName: '马俊', notes: '' },
  'a 6,000-character report': {
    id: 'r1',
    title: '关于区农业农村局党委的巡察报告',
    sections: Array.from({ length: 12 }, (_, i) => ({ id: `s${i}`, level: 1, paragraphs: [{ id: `p${i}`, text: paragraph(10) }] })),
  },
}

describe('sealing a draft ahead of its write', () => {
  it('measures the cost per change', async () => {
    const key = await subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt'])
    for (const [name, value] of Object.entries(drafts)) {
      const chars = JSON.stringify(value).length
      const sealed = await time(async () => {
        const copy: unknown = JSON.parse(JSON.stringify(value))
        const body = await sealFields(key as CryptoKey, recordAad('drafts', 'R|report|r1|m1'), {
          value: copy,
          savedAt: new Date().toISOString(),
        })
        JSON.stringify(body) // what the stash writes
      })
      const bytes = new TextEncoder().encode(JSON.stringify(value))
      const bare = await time(() => subtle.encrypt({ name: 'AES-GCM', iv: webcrypto.getRandomValues(new Uint8Array(12)) }, key, bytes))
      report(`seal ahead, ${name} (${chars} chars)`, `median ${median(sealed).toFixed(3)} ms, p95 ${p95(sealed).toFixed(3)} ms`)
      report(`  bare AES-GCM encrypt of the same bytes`, `median ${median(bare).toFixed(3)} ms, p95 ${p95(bare).toFixed(3)} ms`)
      expect(sealed).toHaveLength(RUNS)
    }
  })
})
