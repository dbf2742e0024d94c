// Signatures at the door: before a package is merged, every signed act it brings that this
// laptop does not hold yet (a sign-off, a return, an approval, a seal, a withdrawal) is verified
// against the roster and this laptop's 组长 anchor. A record with a forged, broken or missing
// signature is not merged at all: it is held, listed in the conflict inbox (未被采纳的修改) with
// the reason, for the 组长 to take up with the member. Acts already held here are not checked
// again (sign-offs from before personal signatures stay as they are).
import type { TeamMember } from '../domain/types'
import { canonicalJson } from '../util/hash'
import { clueActs, paperActs, type RecordedAct } from '../signing/acts'
import { describeVerdict, verifyAct, type LeaderAnchor } from '../signing/verify'
import type { ChangeSet, Conflict, MergeResult } from './merge'

export interface HeldRecord {
  table: 'workingPapers' | 'clues'
  recordId: string
  field: RecordedAct['field']
  mine: unknown
  theirs: unknown
  reason: string
}

const actsOf = (table: string, r: Record<string, unknown>): RecordedAct[] =>
  table === 'workingPapers' ? paperActs(r as never) : table === 'clues' ? clueActs(r as never) : []

/** The signed acts of `theirs` that `mine` does not hold (same act text and signature). */
export function newActs(table: string, theirs: Record<string, unknown>, mine: Record<string, unknown> | undefined): RecordedAct[] {
  const known = new Set((mine ? actsOf(table, mine) : []).map((a) => canonicalJson([a.act, a.signature ?? null])))
  return actsOf(table, theirs).filter((a) => !known.has(canonicalJson([a.act, a.signature ?? null])))
}

/**
 * An unsigned act dated before its signer had any key comes from before personal signatures
 * (an older round, sample data): it is let in and shows 未签名. Once a member has a key, every
 * act of theirs must be signed, so a signature stripped off a later act is held.
 */
function beforeKeys(roster: readonly TeamMember[], a: RecordedAct): boolean {
  const first = roster.find((m) => m.id === a.act.memberId)?.signingKeys?.[0]
  return !first || a.act.at < first.createdAt
}

/** The roster to verify with: this laptop's members, with the package's versions of them (new keys, certificates) on top. */
function rosterOf(pkg: ChangeSet, members: readonly TeamMember[]): TeamMember[] {
  const incoming = new Map(
    pkg.records
      .filter((r) => r.table === 'people' && r.record.kind === 'member')
      .map((r) => [r.record.id as string, r.record as unknown as TeamMember]),
  )
  const merged = members.map((m) => incoming.get(m.id) ?? m)
  for (const [id, m] of incoming) if (!members.some((x) => x.id === id)) merged.push(m)
  return merged
}

const HELD_PREFIX = '签名核验未通过'

/** How many entries of the merge's conflicts are records held for a signature. */
export const heldCount = (conflicts: readonly Conflict[]): number => conflicts.filter((c) => c.refused?.startsWith(HELD_PREFIX)).length

/** The package without the records whose new acts do not verify, and those records as held. */
export async function screenSignatures(
  pkg: ChangeSet,
  local: ReadonlyMap<string, Record<string, unknown>>,
  members: readonly TeamMember[],
  anchor: LeaderAnchor | undefined,
): Promise<{ pkg: ChangeSet; held: HeldRecord[] }> {
  const roster = rosterOf(pkg, members)
  const held: HeldRecord[] = []
  const keep = []
  for (const pr of pkg.records) {
    if (pr.table !== 'workingPapers' && pr.table !== 'clues') {
      keep.push(pr)
      continue
    }
    const mine = local.get(`${pr.table}/${pr.record.id as string}`)
    let bad: { a: RecordedAct; why: string } | undefined
    for (const a of newActs(pr.table, pr.record, mine)) {
      const v = await verifyAct(a.act, a.signature, roster, anchor)
      if (!v.ok && !(v.label === '未签名' && beforeKeys(roster, a))) {
        bad = { a, why: describeVerdict(v) }
        break
      }
    }
    if (!bad) {
      keep.push(pr)
      continue
    }
    held.push({
      table: pr.table,
      recordId: pr.record.id as string,
      field: bad.a.field,
      mine: mine?.[bad.a.field] ?? null,
      theirs: pr.record[bad.a.field],
      reason: `${HELD_PREFIX}，这条记录未被合并，已暂扣待组长处理（组长确认该成员的签名密钥后可重新导入此文件）：${bad.why}`,
    })
  }
  return { pkg: { ...pkg, records: keep }, held }
}

/** Adds the held records to the merge's result as refused, already-settled entries of the conflict inbox. */
export function withHeld(result: MergeResult, held: readonly HeldRecord[], pkg: ChangeSet, at: string): MergeResult {
  if (result.duplicate || held.length === 0) return result
  const notices: Conflict[] = held.map((h) => ({
    id: `${pkg.packageId}/${h.table}/${h.recordId}/signature`,
    table: h.table,
    recordId: h.recordId,
    field: h.field,
    mine: h.mine,
    theirs: h.theirs,
    theirsStamp: { d: pkg.from.deviceId, n: 0 },
    fromName: pkg.from.name,
    fromDevice: pkg.from.deviceId,
    packageId: pkg.packageId,
    held: true,
    refused: h.reason,
    at,
    resolved: { choice: 'mine', at, by: '自动（签名核验未通过）' },
  }))
  return {
    ...result,
    conflicts: [...result.conflicts, ...notices],
    // Not marked as imported, so the same file can be imported again once the key is confirmed.
    state: {
      ...result.state,
      conflicts: [...result.state.conflicts, ...notices],
      imported: result.state.imported.filter((id) => id !== pkg.packageId),
    },
  }
}
