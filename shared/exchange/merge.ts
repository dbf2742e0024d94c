// The merge engine (docs/exchange.md): field-by-field, causal, deterministic and pure.
// Every laptop keeps, per record, a version vector (which edits of which laptop it has seen)
// and, per field, the stamp (laptop, counter) of the edit that produced the value. Local edits
// made through the ordinary screens are turned into stamps lazily by `stampLocal` (comparing
// field hashes), so no screen has to know about the exchange.
import { canonicalJson } from '../util/hash'
import { sha256HexSync } from '../archive/sha256'
import type { AnyTableName } from '../domain/tables'
import { isSealed, SEALED_CLUE_FIELDS } from '../casework/clues'
import { hasLeaderSignoff, PAPER_CONTENT_FIELDS } from '../casework/papers'
import { dict, own, put } from './plain'
import { forkState, readSync, SYNC_FORMAT, writeSync } from './sync-records'

export interface Stamp {
  d: string
  n: number
}
export type VersionVector = Record<string, number>

export interface RecordSync {
  vv: VersionVector
  stamps: Record<string, Stamp>
  /** Field hashes as of the last stamping or merge: a differing hash is a local edit. */
  hashes: Record<string, string>
  /** The laptop that created the record (its owner). */
  owner: string
}

export interface Conflict {
  id: string
  table: AnyTableName
  recordId: string
  field: string
  mine: unknown
  theirs: unknown
  theirsStamp: Stamp
  fromName: string
  fromDevice: string
  packageId: string
  /**
   * Kept for stored states of earlier versions (a conflict on a sealed clue or signed 底稿 that
   * only the 组长 could decide). The merge no longer holds: it decides the same way everywhere.
   */
  held: boolean
  /**
   * An edit the merge refused because the record is sealed or signed (the same decision on
   * every laptop); recorded already resolved, so the author sees it was refused and why.
   */
  refused?: string
  at: string
  resolved?: { choice: Resolution; at: string; by: string }
}
export type Resolution = 'mine' | 'theirs' | 'both'

export interface SyncState {
  format: typeof SYNC_FORMAT
  deviceId: string
  counter: number
  /** Per record key (`table/id`) its RecordSync, packed (`sync-records.ts`: readSync / writeSync). */
  records: Record<string, string>
  /** Device ids and field lists the packed records refer to by index. */
  devices: string[]
  fieldsets: string[][]
  /** Package ids already applied (idempotency). */
  imported: string[]
  /** Highest counter of each laptop integrated here (sent along as acknowledgement). */
  known: VersionVector
  /** My counter that the 组长 has acknowledged (changes after it go into the next package). */
  acked: number
  conflicts: Conflict[]
}

export interface TableRecord {
  table: AnyTableName
  record: Record<string, unknown>
}

export interface PackageRecord extends TableRecord {
  vv: VersionVector
  stamps: Record<string, Stamp>
  owner: string
}

export interface ChangeSet {
  packageId: string
  roundId: string
  from: { deviceId: string; name: string }
  createdAt: string
  known: VersionVector
  records: PackageRecord[]
}

/** Metadata that is not merged field by field (identity, or derived from the winning edit). */
export const NOT_MERGED = ['id', 'roundId', 'createdAt', 'updatedAt', 'updatedBy', 'deviceId'] as const

export function emptySyncState(deviceId: string): SyncState {
  return {
    format: SYNC_FORMAT,
    deviceId,
    counter: 0,
    records: {},
    devices: [],
    fieldsets: [],
    imported: [],
    known: {},
    acked: 0,
    conflicts: [],
  }
}

export const recordKey = (table: string, id: string) => `${table}/${id}`

function fieldsOf(record: Record<string, unknown>): string[] {
  return Object.keys(record).filter((k) => record[k] !== undefined && !(NOT_MERGED as readonly string[]).includes(k))
}

/** 64-bit string hash (two multiply-xorshift lanes over the UTF-16 code units), 16 hex digits. */
function hash64(text: string): string {
  let a = 0xdeadbeef ^ text.length
  let b = 0x41c6ce57 ^ text.length
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    a = Math.imul(a ^ c, 2654435761)
    b = Math.imul(b ^ c, 1597334677)
  }
  a = Math.imul(a ^ (a >>> 16), 2246822507) ^ Math.imul(b ^ (b >>> 13), 3266489909)
  b = Math.imul(b ^ (b >>> 16), 2246822507) ^ Math.imul(a ^ (a >>> 13), 3266489909)
  return (b >>> 0).toString(16).padStart(8, '0') + (a >>> 0).toString(16).padStart(8, '0')
}

/**
 * A field's hash, kept only on this laptop to notice local edits: a missed edit needs a 2^-64
 * coincidence. (Format-1 states kept 32 hex digits of SHA-256; see `hashMatches`.)
 */
export function hashValue(value: unknown): string {
  return value === undefined ? '-' : hash64(canonicalJson(value))
}

/** Whether a stored hash is that of `value` (`fresh` = hashValue(value)); format-1 hashes are SHA-256. */
function hashMatches(stored: string | undefined, value: unknown, fresh: string): boolean {
  if (stored === undefined) return value === undefined
  if (stored.length === 32 && value !== undefined) return sha256HexSync(canonicalJson(value)).slice(0, 32) === stored
  return stored === fresh
}

const knows = (vv: VersionVector, s: Stamp) => (own(vv, s.d) ?? 0) >= s.n
const later = (a: Stamp, b: Stamp) => (a.n !== b.n ? a.n > b.n : a.d > b.d)
const newest = (stamps: Record<string, Stamp>): Stamp => Object.values(stamps).reduce((a, b) => (later(b, a) ? b : a), { d: '', n: 0 })
function maxVv(a: VersionVector, b: VersionVector): VersionVector {
  const out = dict(a)
  for (const [d, n] of Object.entries(b)) out[d] = Math.max(out[d] ?? 0, n)
  return out
}
const clone = <T>(x: T): T => (x === undefined ? x : (JSON.parse(JSON.stringify(x)) as T))

/**
 * Turns local edits (fields whose hash changed since the last stamping) into stamps. Stamping
 * a subset of the records is fine: an edit stamped later simply counts as made later.
 */
export function stampLocal(state: SyncState, records: TableRecord[]): SyncState {
  const next = forkState(state)
  const me = next.deviceId
  const n = next.counter + 1
  let used = false
  for (const { table, record } of records) {
    const key = recordKey(table, record.id as string)
    const fields = fieldsOf(record)
    const hashes = Object.fromEntries(fields.map((f) => [f, hashValue(own(record, f))]))
    const s = readSync(next, key)
    if (!s) {
      writeSync(next, key, { vv: { [me]: n }, stamps: Object.fromEntries(fields.map((f) => [f, { d: me, n }])), hashes, owner: me })
      used = true
      continue
    }
    const changed = [...new Set([...fields, ...Object.keys(s.hashes)])].filter(
      (f) => !hashMatches(own(s.hashes, f), own(record, f), own(hashes, f) ?? '-'),
    )
    if (!changed.length) {
      // Unchanged; format-1 hashes are replaced by current ones (no new stamp).
      if (Object.values(s.hashes).some((h) => h.length === 32)) writeSync(next, key, { ...s, hashes })
      continue
    }
    for (const f of changed) s.stamps[f] = { d: me, n }
    s.vv[me] = n
    s.hashes = hashes
    writeSync(next, key, s)
    used = true
  }
  if (used) next.counter = n
  next.known[me] = next.counter
  return next
}

export type ExportScope = { kind: 'since-ack' } | { kind: 'since-date'; date: string } | { kind: 'all'; tables?: readonly AnyTableName[] }

/** The records a package carries. Call after `stampLocal` so every edit has a stamp. */
export function buildChangeSet(
  state: SyncState,
  records: TableRecord[],
  scope: ExportScope,
  info: Pick<ChangeSet, 'packageId' | 'roundId' | 'from' | 'createdAt'>,
): ChangeSet {
  const me = state.deviceId
  const out: PackageRecord[] = []
  for (const { table, record } of records) {
    const s = readSync(state, recordKey(table, record.id as string))
    if (!s) continue
    const wanted =
      scope.kind === 'all'
        ? !scope.tables || scope.tables.includes(table)
        : scope.kind === 'since-date'
          ? String(record.updatedAt ?? '') >= scope.date
          : (s.vv[me] ?? 0) > state.acked
    if (wanted) out.push({ table, record, vv: s.vv, stamps: s.stamps, owner: s.owner })
  }
  return { ...info, known: { ...state.known, [me]: state.counter }, records: out }
}

export interface KindCount {
  new: number
  changed: number
  conflicting: number
  unchanged: number
}
export interface MergeResult {
  state: SyncState
  /** Records to write (whole records, merged). */
  writes: TableRecord[]
  conflicts: Conflict[]
  counts: Partial<Record<AnyTableName, KindCount>>
  duplicate: boolean
}

/** Sealed clues and signed 底稿: their frozen fields are never changed by a merge. */
export function isProtected(table: AnyTableName, record: Record<string, unknown> | undefined): boolean {
  if (!record) return false
  if (table === 'clues') return isSealed(record)
  if (table === 'workingPapers') return hasLeaderSignoff(record)
  return false
}

/** The fields a seal or the 组长审签 freezes. */
export const FROZEN_FIELDS: Partial<Record<AnyTableName, readonly string[]>> = {
  clues: SEALED_CLUE_FIELDS,
  workingPapers: PAPER_CONTENT_FIELDS,
}

/** Why a merge refused an edit (shown in the conflict inbox). */
export const REFUSED_REASONS: Partial<Record<AnyTableName, string>> = {
  clues: '该线索已移交并封存，封存后的内容不能修改，这项修改未被采纳',
  workingPapers: '该底稿已由组长审签，审签后的内容不能经合并修改，这项修改未被采纳',
}

/**
 * Counters that only grow (the round's 份号 counter): concurrent values are no conflict, the
 * larger one wins on every laptop, so no laptop draws a 份号 below one already drawn elsewhere.
 */
export const COUNTER_FIELDS: Partial<Record<AnyTableName, readonly string[]>> = {
  rounds: ['copyCounter'],
}
const isCounter = (table: AnyTableName, field: string) => COUNTER_FIELDS[table]?.includes(field) ?? false

type FieldOutcome = 'same' | 'mine' | 'theirs' | 'conflict'

/** Equal values (as canonical JSON; a missing value equals only a missing value). */
const sameValue = (a: unknown, b: unknown) =>
  a === undefined || b === undefined ? a === b : a === b || canonicalJson(a) === canonicalJson(b)

/**
 * Merges a package into the local state. Pure: returns what to write; the caller applies it in
 * one transaction. `local` needs only the records the package names. Call `stampLocal` on
 * them first, so unsent local edits count as "mine".
 */
export function mergeChangeSet(
  state: SyncState,
  local: ReadonlyMap<string, Record<string, unknown>>,
  pkg: ChangeSet,
  at: string,
): MergeResult {
  const counts: MergeResult['counts'] = {}
  if (state.imported.includes(pkg.packageId)) return { state, writes: [], conflicts: [], counts, duplicate: true }
  const next = forkState(state)
  const writes: TableRecord[] = []
  const conflicts: Conflict[] = []
  const open = new Set(state.conflicts.map((c) => `${c.table}/${c.recordId}#${c.field}@${c.theirsStamp.d}:${c.theirsStamp.n}`))
  const bump = (t: AnyTableName, k: keyof KindCount) => ((counts[t] ??= { new: 0, changed: 0, conflicting: 0, unchanged: 0 })[k] += 1)

  // In key order (code units, the same on every laptop whatever its locale).
  const ordered = pkg.records
    .map((pr) => ({ pr, key: recordKey(pr.table, pr.record.id as string) }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
  for (const { pr, key } of ordered) {
    const id = pr.record.id as string
    const mine = local.get(key)
    const ls = readSync(next, key)
    const theirs = pr.record
    if (!mine || !ls) {
      writes.push({ table: pr.table, record: clone(theirs) })
      const fields = fieldsOf(theirs)
      writeSync(next, key, {
        vv: dict(pr.vv),
        stamps: dict(pr.stamps),
        hashes: Object.fromEntries(fields.map((f) => [f, hashValue(own(theirs, f))])),
        owner: pr.owner,
      })
      bump(pr.table, 'new')
      continue
    }
    const outcome = dict<FieldOutcome>()
    for (const f of [...new Set([...fieldsOf(mine), ...fieldsOf(theirs)])].sort()) {
      const st = own(pr.stamps, f)
      const sl = own(ls.stamps, f)
      if (sameValue(own(mine, f), own(theirs, f))) outcome[f] = 'same'
      else if (!st || knows(ls.vv, st)) outcome[f] = 'mine'
      else if (!sl || knows(pr.vv, sl)) outcome[f] = 'theirs'
      else outcome[f] = 'conflict'
    }
    // Delete vs edit: a deletion never silently swallows an edit the other side has not seen.
    const unseenMine = Object.entries(ls.stamps).some(([f, s]) => f !== 'deleted' && !knows(pr.vv, s))
    const unseenTheirs = Object.entries(pr.stamps).some(([f, s]) => f !== 'deleted' && !knows(ls.vv, s))
    if (outcome.deleted === 'theirs' && theirs.deleted === true && unseenMine) outcome.deleted = 'conflict'
    if (outcome.deleted === 'mine' && mine.deleted === true && unseenTheirs && ls.stamps.deleted && !knows(pr.vv, ls.stamps.deleted))
      outcome.deleted = 'conflict'
    const merged: Record<string, unknown> = dict(mine)
    const stamps = dict(ls.stamps)
    const taken = new Set<string>()
    const vv = maxVv(ls.vv, pr.vv)
    let conflicted = false
    // Protection is decided from the pair (and the merge of it), never from one side alone, so
    // every laptop that merges the same two versions decides the same way.
    const protectedMine = isProtected(pr.table, mine)
    const protectedTheirs = isProtected(pr.table, theirs)
    const draft = dict(mine)
    for (const [f, o] of Object.entries(outcome)) if (o === 'theirs') put(draft, f, own(theirs, f))
    const frozen = new Set(isProtected(pr.table, draft) ? (FROZEN_FIELDS[pr.table] ?? []) : [])
    /** One side protected: its frozen fields win, and the other side's unseen edits are refused. */
    const sealedSide = frozen.size && protectedMine !== protectedTheirs ? (protectedMine ? 'mine' : 'theirs') : undefined
    const notice = (f: string, stamp: Stamp, extra: Partial<Conflict>) => {
      conflicts.push({
        id: `${pkg.packageId}/${key}#${f}`,
        table: pr.table,
        recordId: id,
        field: f,
        mine: clone(own(mine, f)),
        theirs: clone(own(theirs, f)),
        theirsStamp: stamp,
        fromName: pkg.from.name,
        fromDevice: pkg.from.deviceId,
        packageId: pkg.packageId,
        held: false,
        at,
        ...extra,
      })
    }
    for (const [f, o] of Object.entries(outcome)) {
      if (sealedSide && frozen.has(f)) {
        const [keepStamps, otherStamps, keepVv] = sealedSide === 'mine' ? [ls.stamps, pr.stamps, ls.vv] : [pr.stamps, ls.stamps, pr.vv]
        const otherStamp = own(otherStamps, f)
        const refused = o !== 'same' && otherStamp !== undefined && !knows(keepVv, otherStamp)
        if (sealedSide === 'theirs') {
          if (own(theirs, f) === undefined) delete merged[f]
          else put(merged, f, clone(own(theirs, f)))
          const st = own(keepStamps, f)
          if (st) stamps[f] = st
          taken.add(f)
        }
        if (refused) {
          // A fresh stamp of this laptop for the kept value: it is newer than the refused edit
          // everywhere, so no laptop that still holds that edit can keep it.
          const n = ++next.counter
          stamps[f] = { d: next.deviceId, n }
          vv[next.deviceId] = n
          next.known[next.deviceId] = n
          taken.add(f)
          notice(f, otherStamp, { refused: REFUSED_REASONS[pr.table], resolved: { choice: sealedSide, at, by: '自动（已封存或已审签）' } })
        }
        continue
      }
      if (o === 'same') {
        // Equal values: keep the causally newer stamp (a resolution's fresh stamp must not give
        // way to the older one it settled); only concurrent or mutually known stamps go by order.
        const st = own(pr.stamps, f)
        const sl = stamps[f]
        if (st && (!sl || (knows(pr.vv, sl) === knows(ls.vv, st) ? later(st, sl) : knows(pr.vv, sl)))) stamps[f] = st
      } else if (o === 'theirs') {
        if (own(theirs, f) === undefined) delete merged[f]
        else put(merged, f, clone(own(theirs, f)))
        stamps[f] = own(pr.stamps, f)!
        taken.add(f)
      } else if (o === 'conflict' && frozen.has(f)) {
        // Both sides sealed or signed, with concurrent frozen values: no one edits these by hand
        // any more, so the later stamp wins on every laptop and the other value is noted as refused.
        const st = own(pr.stamps, f) ?? newest(pr.stamps)
        const sl = own(ls.stamps, f) ?? newest(ls.stamps)
        if (later(st, sl)) {
          if (own(theirs, f) === undefined) delete merged[f]
          else put(merged, f, clone(own(theirs, f)))
          stamps[f] = st
          taken.add(f)
        }
        notice(f, st, {
          refused: REFUSED_REASONS[pr.table],
          resolved: { choice: later(st, sl) ? 'theirs' : 'mine', at, by: '自动（已封存或已审签）' },
        })
      } else if (o === 'conflict' && isCounter(pr.table, f)) {
        if (Number(own(theirs, f) ?? 0) > Number(own(mine, f) ?? 0)) {
          put(merged, f, own(theirs, f))
          stamps[f] = own(pr.stamps, f)!
          taken.add(f)
        }
      } else if (o === 'conflict') {
        const st = own(pr.stamps, f) ?? newest(pr.stamps)
        conflicted = true
        const sig = `${key}#${f}@${st.d}:${st.n}`
        if (open.has(sig)) continue
        open.add(sig)
        notice(f, st, {})
      }
    }
    // Kept fields keep their hash (stamping just computed it); only taken values are hashed.
    const hashes = Object.fromEntries(fieldsOf(merged).map((f) => [f, (!taken.has(f) && ls.hashes[f]) || hashValue(merged[f])]))
    writeSync(next, key, { vv, stamps, owner: ls.owner, hashes })
    const took = taken.size > 0
    if (took) {
      if (String(theirs.updatedAt ?? '') > String(mine.updatedAt ?? '')) {
        for (const m of ['updatedAt', 'updatedBy', 'deviceId']) merged[m] = theirs[m]
      }
      writes.push({ table: pr.table, record: merged })
    }
    bump(pr.table, conflicted ? 'conflicting' : took ? 'changed' : 'unchanged')
  }
  next.known = maxVv(next.known, pkg.known)
  next.known[next.deviceId] = next.counter
  next.acked = Math.max(next.acked, own(pkg.known, next.deviceId) ?? 0)
  next.imported = [...next.imported, pkg.packageId]
  next.conflicts = [...next.conflicts, ...conflicts]
  return { state: next, writes, conflicts, counts, duplicate: false }
}

/**
 * The value a resolution writes into the field, from the field's value now (`current`, which may
 * have been edited since the conflict appeared): 'mine' keeps it, 'theirs' takes the other
 * laptop's, 'both' keeps the two texts, marked.
 */
export function resolvedValue(c: Conflict, choice: Resolution, current: unknown): unknown {
  if (choice === 'mine') return current
  if (choice === 'theirs') return c.theirs
  if (typeof current !== 'string' || typeof c.theirs !== 'string') throw new Error('只有文字内容可以“两者都保留”')
  return `${current}\n【另一版本，来自${c.fromName}】${c.theirs}`
}

/**
 * Marks a conflict resolved. The field's hash is cleared, so the next stamping gives the
 * chosen value a fresh stamp that every laptop sees as newer than both sides.
 */
export function resolveConflict(state: SyncState, conflictId: string, choice: Resolution, by: string, at: string): SyncState {
  const next = forkState(state)
  const i = next.conflicts.findIndex((x) => x.id === conflictId)
  const c = next.conflicts[i]
  if (!c) throw new Error('找不到该冲突，可能已经处理')
  if (c.resolved) throw new Error('该冲突已处理')
  next.conflicts[i] = { ...c, resolved: { choice, at, by } }
  const key = recordKey(c.table, c.recordId)
  const s = readSync(next, key)
  if (s) {
    s.hashes[c.field] = 'resolved'
    writeSync(next, key, s)
  }
  return next
}

export const openConflicts = (state: SyncState) => state.conflicts.filter((c) => !c.resolved)
