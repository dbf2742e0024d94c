// Random edit sequences on three laptops (组长 + two members), packages exchanged in random
// orders, duplicated and out of order: once the 组长 resolves every conflict and sends the
// state back, all laptops hold the same data, and every edit that left its laptop either
// reached the 组长 (as data or in a conflict) or was replaced by a later edit of its author.
import { describe, expect, it } from 'vitest'
import type { ChangeSet, Resolution } from './merge'
import { Laptop } from './sim.test-helpers'

function prng(seed: number) {
  let s = seed >>> 0
  return () => ((s = (Math.imul(s ^ (s >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0), s / 2 ** 32)
}

function run(seed: number, full: boolean) {
  const rnd = prng(seed)
  const pick = <T>(xs: T[]) => xs[Math.floor(rnd() * xs.length)]!
  const leader = new Laptop('组长')
  const members = [new Laptop('甲'), new Laptop('乙')]
  const all = [leader, ...members]
  const ids = ['r1', 'r2', 'r3', 'r4']
  const fields = ['notes', 'room', 'outline']
  let v = 0
  const pending: ChangeSet[] = []
  const seenAtLeader = new Set<unknown>()
  /** Per laptop, field and record: the values exported, in order. */
  const exported = new Map<string, unknown[]>()
  const observe = () => {
    for (const { record } of leader.records.values()) for (const f of fields) seenAtLeader.add(record[f])
    for (const c of leader.state.conflicts) seenAtLeader.add(c.theirs)
  }
  const exportFrom = (m: Laptop) => {
    const pkg = m.export()
    for (const r of pkg.records) for (const f of fields) {
      const k = `${m.name}/${r.record.id}/${f}`
      if (r.stamps[f]?.d === m.state.deviceId) exported.set(k, [...(exported.get(k) ?? []), r.record[f]])
    }
    pending.push(pkg)
  }
  for (let step = 0; step < 60; step++) {
    const x = rnd()
    if (x < 0.55) {
      const l = pick(all)
      const id = pick(ids)
      if (l.get('interviews', id)?.deleted) continue
      if (rnd() < 0.05) l.edit('interviews', id, { deleted: true })
      else l.edit('interviews', id, { [pick(fields)]: `${l.name}-${++v}` })
    } else if (x < 0.75) exportFrom(pick(members))
    else if (x < 0.92 && pending.length) {
      leader.import(pick(pending), full) // random order, duplicates allowed
      observe()
    } else {
      const state = leader.export({ kind: 'all' })
      pick(members).import(state, full)
    }
  }
  // Settle: members resolve their own inbox, every member sends what is left, the 组长 imports everything, resolves, sends back.
  for (const m of members) {
    for (const c of m.open()) m.resolve(c, pick(['mine', 'theirs']))
    exportFrom(m)
  }
  for (const p of [...pending].sort(() => rnd() - 0.5)) {
    leader.import(p, full)
    observe()
  }
  for (const c of leader.open()) {
    const choice: Resolution = pick(['mine', 'theirs', 'both'])
    leader.resolve(c, c.field === 'deleted' && choice === 'both' ? 'mine' : choice)
    observe()
  }
  const state = leader.export({ kind: 'all' })
  const memberConflicts = members.map((m) => m.import(state, full).conflicts.length)
  return { leader, members, memberConflicts, seenAtLeader, exported }
}

// Imports stamp only the package's records, as the app does; the first 50 seeds run again
// stamping every record first (the engine's original contract), which must converge the same way.
const SEEDS = [...Array.from({ length: 200 }, (_, i) => ({ seed: i + 1, full: false })), ...Array.from({ length: 50 }, (_, i) => ({ seed: i + 1, full: true }))]

describe('three laptops converge', () => {
  it.each(SEEDS)('seed $seed (stamp every record: $full)', ({ seed, full }) => {
    const { leader, members, memberConflicts, seenAtLeader, exported } = run(seed, full)
    expect(leader.open()).toHaveLength(0)
    expect(memberConflicts).toEqual([0, 0])
    for (const m of members) expect(m.content()).toEqual(leader.content())
    // No edit lost: each exported value reached the 组长, or its author replaced it later by one that did.
    for (const values of exported.values()) {
      const lastSeen = values.findLastIndex((x) => seenAtLeader.has(x))
      values.forEach((x, i) => expect(seenAtLeader.has(x) || i < lastSeen, `值 ${String(x)} 丢失`).toBe(true))
    }
  })
})
