// Comparing imported rows with the cadres already in the round, so the UI can say 新增 N 人、更新 M 人.
import type { Cadre } from '../domain/types'
import { cleanName } from './cells'
import type { RosterRow } from './types'

export type RosterMatch =
  | { row: RosterRow; status: 'new' }
  /** The row updates this cadre. */
  | { row: RosterRow; status: 'update'; existing: Cadre }
  /** Several cadres of that name could be meant (出生年月 missing on one side): the user picks. */
  | { row: RosterRow; status: 'ambiguous'; candidates: Cadre[] }

export interface RosterMatchResult {
  /** One entry per row, in row order. */
  matches: RosterMatch[]
  newCount: number
  updateCount: number
  ambiguousCount: number
}

/**
 * A row updates an existing cadre with the same name when their 出生年月 are equal, or when one of
 * them has none. A known, different 出生年月 means another person of the same name (new). Exact
 * matches (name + birth) are settled first; each existing cadre is matched by at most one row.
 * Deleted (tombstoned) cadres are ignored.
 */
export function matchExisting(rows: readonly RosterRow[], existing: readonly Cadre[]): RosterMatchResult {
  const live = existing.filter((c) => !c.deleted && c.kind === 'cadre')
  const byName = new Map<string, Cadre[]>()
  for (const c of live) {
    const key = cleanName(c.name)
    byName.set(key, [...(byName.get(key) ?? []), c])
  }
  const claimed = new Set<Cadre>()
  const result: (RosterMatch | undefined)[] = rows.map(() => undefined)

  rows.forEach((row, i) => {
    if (!row.birth) return
    const exact = (byName.get(cleanName(row.name)) ?? []).find((c) => c.birth === row.birth && !claimed.has(c))
    if (exact) {
      claimed.add(exact)
      result[i] = { row, status: 'update', existing: exact }
    }
  })
  rows.forEach((row, i) => {
    if (result[i]) return
    const candidates = (byName.get(cleanName(row.name)) ?? []).filter(
      (c) => !claimed.has(c) && (!c.birth || !row.birth || c.birth === row.birth),
    )
    if (candidates.length === 0) result[i] = { row, status: 'new' }
    else if (candidates.length === 1) {
      claimed.add(candidates[0]!)
      result[i] = { row, status: 'update', existing: candidates[0]! }
    } else result[i] = { row, status: 'ambiguous', candidates }
  })

  const matches = result as RosterMatch[]
  const count = (status: RosterMatch['status']) => matches.filter((m) => m.status === status).length
  return { matches, newCount: count('new'), updateCount: count('update'), ambiguousCount: count('ambiguous') }
}
