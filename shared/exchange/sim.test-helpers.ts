// Simulated laptops for the merge tests: records in a Map, edits made like the screens make
// them (no stamps), packages built and merged with the real engine.
import type { AnyTableName } from '../domain/tables'
import {
  buildChangeSet,
  emptySyncState,
  mergeChangeSet,
  recordKey,
  resolveConflict,
  resolvedValue,
  stampLocal,
  type ChangeSet,
  type Conflict,
  type ExportScope,
  type MergeResult,
  type Resolution,
  type SyncState,
  type TableRecord,
} from './merge'
import type { TeamMember } from '../domain/types'
import type { LeaderAnchor } from '../signing/verify'
import { screenSignatures, withHeld } from './signatures'

let clock = 0
const tick = () => new Date(Date.UTC(2026, 10, 1) + ++clock * 1000).toISOString()
let seq = 0

export class Laptop {
  state: SyncState
  records = new Map<string, { table: AnyTableName; record: Record<string, unknown> }>()
  constructor(readonly name: string) {
    this.state = emptySyncState(`dev-${name}`)
  }
  list(): TableRecord[] {
    return [...this.records.values()].map((r) => ({ table: r.table, record: r.record }))
  }
  get(table: AnyTableName, id: string) {
    return this.records.get(recordKey(table, id))?.record
  }
  edit(table: AnyTableName, id: string, changes: Record<string, unknown>) {
    const key = recordKey(table, id)
    const at = tick()
    const before = this.records.get(key)?.record ?? { id, roundId: 'R', createdAt: at }
    const record: Record<string, unknown> = { ...before, ...changes, updatedAt: at, updatedBy: this.name, deviceId: this.state.deviceId }
    for (const [k, v] of Object.entries(changes)) if (v === undefined) delete record[k]
    this.records.set(key, { table, record })
  }
  export(scope: ExportScope = { kind: 'since-ack' }): ChangeSet {
    this.state = stampLocal(this.state, this.list())
    return buildChangeSet(this.state, this.list(), scope, {
      packageId: `p${++seq}`,
      roundId: 'R',
      from: { deviceId: this.state.deviceId, name: this.name },
      createdAt: tick(),
    })
  }
  /** Stamps, like the app, only the local versions of the package's records (`full`: every record). */
  import(pkg: ChangeSet, full = false): MergeResult {
    const named = new Set(pkg.records.map((r) => recordKey(r.table, r.record.id as string)))
    this.state = stampLocal(
      this.state,
      full ? this.list() : this.list().filter((r) => named.has(recordKey(r.table, r.record.id as string))),
    )
    const local = new Map([...this.records].map(([k, v]) => [k, v.record]))
    const result = mergeChangeSet(this.state, local, pkg, tick())
    for (const w of result.writes) this.records.set(recordKey(w.table, w.record.id as string), w)
    this.state = result.state
    return result
  }
  /**
   * Like the app's import: the package's records whose new signed acts do not verify are held
   * first (shared/exchange/signatures.ts), the rest merged.
   */
  async importScreened(pkg: ChangeSet, full: boolean, roster: readonly TeamMember[], anchor: LeaderAnchor): Promise<MergeResult> {
    const local = new Map([...this.records].map(([k, v]) => [k, v.record]))
    const screened = await screenSignatures(pkg, local, roster, anchor)
    const named = new Set(screened.pkg.records.map((r) => recordKey(r.table, r.record.id as string)))
    this.state = stampLocal(
      this.state,
      full ? this.list() : this.list().filter((r) => named.has(recordKey(r.table, r.record.id as string))),
    )
    const at = tick()
    const result = withHeld(mergeChangeSet(this.state, local, screened.pkg, at), screened.held, screened.pkg, at)
    for (const w of result.writes) this.records.set(recordKey(w.table, w.record.id as string), w)
    this.state = result.state
    return result
  }
  open(): Conflict[] {
    return this.state.conflicts.filter((c) => !c.resolved)
  }
  /** Like the conflict inbox: from the field's value now, which may have been edited since. */
  resolve(c: Conflict, choice: Resolution) {
    const rec = this.records.get(recordKey(c.table, c.recordId))!
    const value = resolvedValue(c, choice, rec.record[c.field])
    const record: Record<string, unknown> = { ...rec.record, updatedAt: tick() }
    if (value === undefined) delete record[c.field]
    else record[c.field] = value
    this.records.set(recordKey(c.table, c.recordId), { table: c.table, record })
    this.state = resolveConflict(this.state, c.id, choice, this.name, tick())
  }
  /** Field values without metadata, for comparing laptops. */
  content(): Record<string, Record<string, unknown>> {
    const out: Record<string, Record<string, unknown>> = {}
    for (const [k, { record }] of this.records) {
      const { updatedAt: _a, updatedBy: _b, deviceId: _c, createdAt: _d, ...rest } = record
      out[k] = rest
    }
    return out
  }
}
