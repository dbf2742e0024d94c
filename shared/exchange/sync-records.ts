// How the exchange state keeps its per-record data (version vector, field stamps and hashes,
// owner): one short string per record, with device ids and field lists stored once per state.
// At ten times a real round (30,000+ records) the state then stays a few MB instead of tens,
// loads and stores in one piece, and a merge unpacks only the records it touches: a copy of the
// state shares every packed string with the original (copy on write, strings are immutable).
import type { RecordSync, SyncState } from './merge'
import { dict, own } from './plain'

/** Version of the stored state. Format 1 kept RecordSync objects (and SHA-256 field hashes). */
export const SYNC_FORMAT = 2

const fieldsetIndex = new WeakMap<string[][], Map<string, number>>()

function intern(next: SyncState, fields: string[]): number {
  let index = fieldsetIndex.get(next.fieldsets)
  if (!index) fieldsetIndex.set(next.fieldsets, (index = new Map(next.fieldsets.map((f, i) => [f.join('\u0000'), i]))))
  const key = fields.join('\u0000')
  let i = index.get(key)
  if (i === undefined) {
    i = next.fieldsets.push(fields) - 1
    index.set(key, i)
  }
  return i
}

const deviceIndex = new WeakMap<string[], Map<string, number>>()

function device(next: SyncState, d: string): number {
  let index = deviceIndex.get(next.devices)
  if (!index) deviceIndex.set(next.devices, (index = new Map(next.devices.map((x, i) => [x, i]))))
  let i = index.get(d)
  if (i === undefined) {
    i = next.devices.push(d) - 1
    index.set(d, i)
  }
  return i
}

function safe(text: string): string {
  if (/[,|]/.test(text)) throw new Error('同步状态中的字段哈希含有保留字符')
  return text
}

/** Stores a record's sync data into `next`, which must be a fork (see `forkState`). */
export function writeSync(next: SyncState, key: string, s: RecordSync): void {
  const fields = [...new Set([...Object.keys(s.stamps), ...Object.keys(s.hashes)])].sort()
  const vv = Object.entries(s.vv)
    .map(([d, n]) => `${device(next, d)}:${n}`)
    .join(',')
  const stamps = fields
    .map((f) => {
      const st = own(s.stamps, f)
      return st ? `${device(next, st.d)}:${st.n}` : ''
    })
    .join(',')
  const hashes = fields.map((f) => safe(own(s.hashes, f) ?? '')).join(',')
  next.records[key] = `${intern(next, fields)}|${device(next, s.owner)}|${vv}|${stamps}|${hashes}`
}

/** A record's sync data, unpacked (a fresh object the caller may change), or undefined. */
export function readSync(state: SyncState, key: string): RecordSync | undefined {
  const packed = state.records[key]
  if (packed === undefined) return undefined
  const [fs, owner, vv, stamps, hashes] = packed.split('|') as [string, string, string, string, string]
  const fields = state.fieldsets[Number(fs)]
  if (!fields) throw new Error('同步状态已损坏')
  const dev = (i: string) => state.devices[Number(i)] ?? ''
  const out: RecordSync = { vv: dict(), stamps: dict(), hashes: dict(), owner: dev(owner) }
  for (const pair of vv ? vv.split(',') : []) {
    const [d, n] = pair.split(':') as [string, string]
    out.vv[dev(d)] = Number(n)
  }
  const st = stamps.split(',')
  const hs = hashes.split(',')
  fields.forEach((f, i) => {
    if (st[i]) {
      const [d, n] = st[i].split(':') as [string, string]
      out.stamps[f] = { d: dev(d), n: Number(n) }
    }
    if (hs[i]) out.hashes[f] = hs[i]
  })
  return out
}

/** A copy to change: shares the packed records with `state`, copies everything that changes. */
export function forkState(state: SyncState): SyncState {
  return {
    ...state,
    records: { ...state.records },
    devices: [...state.devices],
    fieldsets: [...state.fieldsets],
    imported: [...state.imported],
    known: { ...state.known },
    conflicts: [...state.conflicts],
  }
}

type StoredState = Omit<SyncState, 'records' | 'devices' | 'fieldsets' | 'format'> & {
  format?: number
  records: Record<string, RecordSync | string>
  devices?: string[]
  fieldsets?: string[][]
}

/** Reads a stored state of any format (format 1 is packed; its hashes are replaced at the next stamping). */
export function upgradeState(stored: unknown): SyncState {
  const s = stored as StoredState
  if (s.format === SYNC_FORMAT) return s as SyncState
  if (s.format !== undefined) throw new Error(`同步状态的格式版本（${s.format}）较新，请升级巡察工作台`)
  const next: SyncState = { ...s, format: SYNC_FORMAT, records: {}, devices: [], fieldsets: [] }
  for (const [key, r] of Object.entries(s.records)) writeSync(next, key, r as RecordSync)
  return next
}
