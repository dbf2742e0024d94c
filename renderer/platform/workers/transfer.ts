// Moves a job's data to an export worker in slices. postMessage copies its message on the UI
// thread in one go (a structured clone), so a 20,000-row ledger or a whole round sent at once
// would freeze the screen for that long; here every array longer than SLICE travels SLICE items
// per message, with the UI free between messages. The copy also reads through Vue's reactive
// proxies, which postMessage refuses, and drops functions.

import { toRaw } from 'vue'

export const SLICE = 500
const MARK = '__xcSlices'

interface Marker {
  [MARK]: number
  length: number
}

/** A plain deep copy of `value`; with `bulk`, long arrays are left out (a marker stands in) and pushed to `bulk`. */
export function plainCopy(value: unknown, bulk?: unknown[][]): unknown {
  if (value === null || typeof value !== 'object') return typeof value === 'function' ? undefined : value
  if (Array.isArray(value)) {
    if (bulk && value.length > SLICE) {
      bulk.push(value)
      return { [MARK]: bulk.length - 1, length: value.length } satisfies Marker
    }
    return value.map((v) => plainCopy(v, bulk))
  }
  // Dates, bytes, keys, maps…: postMessage copies these itself, once unwrapped from any proxy.
  // (A reactive object reports its target's prototype, so UI state is copied here as data.)
  const proto = Object.getPrototypeOf(value)
  if (proto !== Object.prototype && proto !== null) return toRaw(value)
  const out: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(value)) if (typeof v !== 'function') out[k] = plainCopy(v, bulk)
  return out
}

export interface Slice {
  /** Which long array (in the order plainCopy met them). */
  k: number
  items: unknown[]
}

/** The long arrays' contents, SLICE items at a time, each copied when its turn comes. */
export function* slicesOf(bulk: unknown[][]): Generator<Slice> {
  for (const [k, list] of bulk.entries()) {
    for (let i = 0; i < list.length; i += SLICE) yield { k, items: list.slice(i, i + SLICE).map((v) => plainCopy(v)) }
  }
}

/** The worker's side: the value with its long arrays filled as slices arrive. */
export class Assembly<T> {
  readonly value: T
  private readonly arrays: unknown[][] = []
  private missing = 0

  constructor(head: unknown) {
    this.value = this.restore(head) as T
  }

  private restore(v: unknown): unknown {
    if (v === null || typeof v !== 'object') return v
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) v[i] = this.restore(v[i])
      return v
    }
    const proto = Object.getPrototypeOf(v)
    if (proto !== Object.prototype && proto !== null) return v
    const rec = v as Record<string, unknown>
    if (typeof rec[MARK] === 'number') {
      const list: unknown[] = []
      this.arrays[rec[MARK]] = list
      this.missing += (rec as unknown as Marker).length
      return list
    }
    for (const k of Object.keys(rec)) rec[k] = this.restore(rec[k])
    return rec
  }

  add(slice: Slice): void {
    const list = this.arrays[slice.k]
    if (!list) throw new Error(`数据分片 ${slice.k} 不属于此任务`)
    for (const item of slice.items) list.push(item)
    this.missing -= slice.items.length
  }

  get complete(): boolean {
    return this.missing === 0
  }
}

/** The buffers of the bytes in a result (top level or one level down), so they travel without a copy. */
export function transferables(result: unknown): Transferable[] {
  const out = new Set<ArrayBuffer>()
  const take = (v: unknown) => {
    if (ArrayBuffer.isView(v) && v.buffer instanceof ArrayBuffer) out.add(v.buffer)
  }
  take(result)
  if (result && typeof result === 'object' && !ArrayBuffer.isView(result)) Object.values(result).forEach(take)
  return [...out]
}
