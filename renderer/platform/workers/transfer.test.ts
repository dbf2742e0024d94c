import { reactive } from 'vue'
import { describe, expect, it } from 'vitest'
import { Assembly, plainCopy, SLICE, slicesOf, transferables } from './transfer'

describe('sending a job in slices', () => {
  const rows = Array.from({ length: SLICE * 2 + 7 }, (_, i) => ({ n: i, text: `第${i}行`, tags: ['甲', '乙'] }))
  const job = {
    kind: 'ledger',
    sheets: [{ name: '审阅笔记', rows, columns: [{ key: 'n' }] }],
    options: { generatedAt: new Date(Date.UTC(2026, 10, 21)), bytes: new Uint8Array([1, 2]) },
  }

  it('sends long arrays SLICE items at a time and puts the job back together as it was', () => {
    const bulk: unknown[][] = []
    const head = plainCopy(reactive(job), bulk) // UI state arrives as reactive proxies
    expect(bulk).toHaveLength(1)
    const wire = structuredClone(head) // what postMessage would do: proxies would throw here
    expect(JSON.stringify(wire).length).toBeLessThan(500)
    const slices = [...slicesOf(bulk)]
    expect(slices.map((s) => s.items.length)).toEqual([SLICE, SLICE, 7])
    const assembly = new Assembly<typeof job>(wire)
    expect(assembly.complete).toBe(false)
    for (const s of slices) assembly.add(structuredClone(s))
    expect(assembly.complete).toBe(true)
    const { bytes, ...options } = assembly.value.options
    expect({ ...assembly.value, options }).toEqual({ ...job, options: { generatedAt: job.options.generatedAt } })
    expect(options.generatedAt).toBeInstanceOf(Date)
    expect(Array.from(bytes)).toEqual([1, 2]) // (jsdom's structuredClone gives bytes of another realm)
  })

  it('leaves what postMessage copies itself (keys, maps, dates) to postMessage', async () => {
    const key = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['decrypt'])
    const lookup = new Map([['a', 1]])
    const copied = plainCopy(reactive({ key, lookup, list: [{ key }] }), []) as {
      key: CryptoKey
      lookup: Map<string, number>
      list: { key: CryptoKey }[]
    }
    expect(copied.key).toBe(key)
    expect(copied.lookup).toBe(lookup)
    expect(copied.list[0]!.key).toBe(key)
    expect(new Assembly<typeof copied>(copied).value.key).toBe(key)
  })

  it('completes at once when nothing is long, and refuses a slice it does not expect', () => {
    const assembly = new Assembly(structuredClone(plainCopy({ a: [1, 2], f: () => 1 }, [])))
    expect(assembly.complete).toBe(true)
    expect(assembly.value).toEqual({ a: [1, 2] })
    expect(() => assembly.add({ k: 3, items: [1] })).toThrow('不属于此任务')
  })

  it('hands result bytes over without a copy, each buffer once', () => {
    const bytes = new Uint8Array(8)
    expect(transferables(bytes)).toEqual([bytes.buffer])
    expect(transferables({ bytes, again: bytes.subarray(2), sheets: [] })).toEqual([bytes.buffer])
    expect(transferables({ manifest: { files: [] } })).toEqual([])
  })
})
