// Random edit sequences on three laptops (组长 + two members), packages exchanged in random
// orders, duplicated and out of order, with clues sealed and 底稿 signed by the 组长 while
// members still edit them, and conflicts resolved along the way after further local edits.
// Once the 组长 resolves every conflict and sends the state back, all laptops hold the same
// data, and every edit that left its laptop either reached the 组长 (as data or in a conflict),
// was refused with a notice (sealed or signed), or was replaced by a later edit or decision of its author.
// MERGE_SEEDS=5000 runs the long version.
import { beforeAll, describe, expect, it } from 'vitest'
import type { AnyTableName } from '../domain/tables'
import type { Signoff, TeamMember } from '../domain/types'
import { createSigningKey } from '../security/personal-key'
import { signoffAct } from '../signing/acts'
import { certifyKey, signAct } from '../signing/sign'
import type { LeaderAnchor } from '../signing/verify'
import { FROZEN_FIELDS, isProtected, type ChangeSet, type Conflict, type Resolution } from './merge'
import { Laptop } from './sim.test-helpers'

function prng(seed: number) {
  let s = seed >>> 0
  return () => ((s = (Math.imul(s ^ (s >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0), s / 2 ** 32)
}

const RECORDS: { table: AnyTableName; id: string; fields: string[] }[] = [
  ...['r1', 'r2', 'r3'].map((id) => ({ table: 'interviews' as const, id, fields: ['notes', 'room', 'outline'] })),
  ...['c1', 'c2'].map((id) => ({ table: 'clues' as const, id, fields: ['summary', 'proposal', 'feedback'] })),
  ...['w1', 'w2'].map((id) => ({ table: 'workingPapers' as const, id, fields: ['facts', 'analysis'] })),
]
// Every sign-off carries its signer's personal signature (keys certified by the 组长, whose key
// is the anchor); each import goes through the signature check at the door, which must let all
// of them through for the laptops to converge.
const STEPS: [Signoff['step'], string][] = [
  ['承办人签字', 'm-staff'],
  ['副组长审核', 'm-deputy'],
  ['组长审签', 'm-leader'],
]
const ROSTER: TeamMember[] = [
  ['m-leader', '组长'],
  ['m-deputy', '副组长'],
  ['m-staff', '组员'],
].map(
  ([id, role]) =>
    ({
      id,
      roundId: 'R',
      kind: 'member',
      name: id,
      role,
      fromUnit: '',
      phone: '',
      recusals: [],
      confidentialitySigned: true,
      createdAt: '',
      updatedAt: '',
      updatedBy: '',
      deviceId: '',
      deleted: false,
    }) as TeamMember,
)
let anchor: LeaderAnchor
/** Per 底稿 id: its three signed sign-offs. */
const SIGNED: Record<string, Signoff[]> = {}

beforeAll(async () => {
  const at = '2026-11-01T00:00:00.000Z'
  const keys = await Promise.all(ROSTER.map((m) => createSigningKey(m.id, '275913', { iterations: 1000, now: new Date(at) })))
  const signers = keys.map((k, i) => ({ memberId: ROSTER[i]!.id, keyId: k.wrapped.keyId, key: k.key }))
  const leader = signers[0]!
  for (const [i, m] of ROSTER.entries()) {
    const { keyId, publicKey, createdAt } = keys[i]!.wrapped
    m.signingKeys = [await certifyKey(leader, 'R', m.id, { keyId, publicKey, createdAt }, at)]
  }
  anchor = { memberId: leader.memberId, keyId: leader.keyId, publicKey: keys[0]!.wrapped.publicKey }
  for (const id of ['w1', 'w2']) {
    SIGNED[id] = []
    for (const [k, [step, memberId]] of STEPS.entries()) {
      const s: Signoff = { step, memberId, at: `2026-11-0${2 + k}T08:00:00.000Z`, contentSha256: '', evidence: [] }
      SIGNED[id].push({
        ...s,
        signature: await signAct(
          signers.find((x) => x.memberId === memberId)!,
          signoffAct({ id, roundId: 'R' }, s),
        ),
      })
    }
  }
})

async function run(seed: number, full: boolean) {
  const rnd = prng(seed)
  const pick = <T>(xs: T[]) => xs[Math.floor(rnd() * xs.length)]!
  const leader = new Laptop('组长')
  const members = [new Laptop('甲'), new Laptop('乙')]
  const all = [leader, ...members]
  let v = 0
  const pending: ChangeSet[] = []
  const seenAtLeader = new Set<unknown>()
  /** Values refused because the record was sealed or signed, with the notice on some laptop. */
  const refused = new Set<unknown>()
  /** Values their laptop's user replaced in the conflict inbox (a decision, not a loss). */
  const decided = new Set<unknown>()
  const resolve = (l: Laptop, c: Conflict, choice: Resolution) => {
    if (choice !== 'mine') decided.add(l.get(c.table, c.recordId)?.[c.field])
    l.resolve(c, choice)
  }
  /** Per laptop, field and record: the values exported, in order. */
  const exported = new Map<string, unknown[]>()
  const observe = () => {
    for (const { record } of leader.records.values()) for (const x of Object.values(record)) seenAtLeader.add(x)
    for (const c of leader.state.conflicts) seenAtLeader.add(c.theirs)
    for (const l of all)
      for (const c of l.state.conflicts)
        if (c.refused) {
          refused.add(c.mine)
          refused.add(c.theirs)
        }
  }
  const exportFrom = (m: Laptop) => {
    const pkg = m.export()
    for (const r of pkg.records) {
      for (const f of RECORDS.find((x) => x.id === r.record.id)!.fields) {
        const k = `${m.name}/${r.record.id}/${f}`
        if (r.stamps[f]?.d === m.state.deviceId) exported.set(k, [...(exported.get(k) ?? []), r.record[f]])
      }
    }
    pending.push(pkg)
  }
  /** An edit as the screens allow it: sealed clue content is refused; a signed 底稿 loses the 组长审签. */
  const edit = (l: Laptop) => {
    const { table, id, fields } = pick(RECORDS)
    const before = l.get(table, id)
    if (before?.deleted) return
    if (table === 'interviews' && rnd() < 0.05) return l.edit(table, id, { deleted: true })
    if (l === leader && table === 'clues' && before && !before.seal && rnd() < 0.3)
      return l.edit(table, id, { status: '已移交', seal: { sha256: `s${++v}`, at: 'now', by: 'L' } })
    if (l === leader && table === 'workingPapers' && before && !isProtected(table, before) && rnd() < 0.3)
      return l.edit(table, id, { signoffs: SIGNED[id] })
    const f = pick(fields)
    if (before && isProtected(table, before) && FROZEN_FIELDS[table]?.includes(f)) {
      if (table === 'clues') return // 该线索已移交并封存
      return l.edit(table, id, { [f]: `${l.name}-${++v}`, signoffs: SIGNED[id]!.slice(0, 1), editedAfterSignoff: true })
    }
    l.edit(table, id, {
      [f]: `${l.name}-${++v}`,
      ...(before ? {} : table === 'interviews' ? {} : { signoffs: [], seal: null, status: '起草' }),
    })
  }
  /** A laptop works through its inbox as the inbox allows (held: the 组长 only). */
  const resolveSome = (l: Laptop) => {
    for (const c of l.open()) {
      if (c.held && l !== leader) continue
      if (rnd() < 0.5) continue
      const choice: Resolution = pick(['mine', 'theirs', 'both'])
      const ok = choice === 'both' ? typeof l.get(c.table, c.recordId)?.[c.field] === 'string' && typeof c.theirs === 'string' : true
      const record = l.get(c.table, c.recordId)
      // A sealed clue's frozen fields cannot be changed by hand either: the inbox keeps the value.
      const frozen = record && isProtected(c.table, record) && FROZEN_FIELDS[c.table]?.includes(c.field)
      resolve(l, c, frozen || !ok ? 'mine' : choice)
    }
  }
  for (let step = 0; step < 80; step++) {
    const x = rnd()
    if (x < 0.5) edit(pick(all))
    else if (x < 0.58) resolveSome(pick(all))
    else if (x < 0.73) exportFrom(pick(members))
    else if (x < 0.9 && pending.length) {
      await leader.importScreened(pick(pending), full, ROSTER, anchor) // random order, duplicates allowed
      observe()
    } else {
      const state = leader.export({ kind: 'all' })
      await pick(members).importScreened(state, full, ROSTER, anchor)
      observe()
    }
  }
  // Settle: members resolve their own inbox, every member sends what is left, the 组长 imports everything, resolves, sends back.
  for (const m of members) {
    for (const c of m.open()) if (!c.held) resolve(m, c, pick(['mine', 'theirs']))
    exportFrom(m)
  }
  for (const p of [...pending].sort(() => rnd() - 0.5)) {
    await leader.importScreened(p, full, ROSTER, anchor)
    observe()
  }
  for (const c of leader.open()) {
    const choice: Resolution = pick(['mine', 'theirs', 'both'])
    const current = leader.get(c.table, c.recordId)?.[c.field]
    resolve(
      leader,
      c,
      c.field === 'deleted' || typeof current !== 'string' || typeof c.theirs !== 'string' ? (choice === 'both' ? 'mine' : choice) : choice,
    )
    observe()
  }
  const state = leader.export({ kind: 'all' })
  const memberConflicts: number[] = []
  for (const m of members) {
    await m.importScreened(state, full, ROSTER, anchor)
    observe()
    memberConflicts.push(m.open().length)
  }
  return { leader, members, memberConflicts, seenAtLeader, refused, decided, exported }
}

// Imports stamp only the package's records, as the app does; the first 50 seeds run again
// stamping every record first (the engine's original contract), which must converge the same way.
const COUNT = Number(process.env.MERGE_SEEDS ?? 500)
const SEEDS = [
  ...Array.from({ length: COUNT }, (_, i) => ({ seed: i + 1, full: false })),
  ...Array.from({ length: 50 }, (_, i) => ({ seed: i + 1, full: true })),
]

describe('three laptops converge', () => {
  it.each(SEEDS)('seed $seed (stamp every record: $full)', async ({ seed, full }) => {
    const { leader, members, memberConflicts, seenAtLeader, refused, decided, exported } = await run(seed, full)
    expect(leader.open()).toHaveLength(0)
    // Every sign-off was signed: nothing was held at the door.
    for (const l of [leader, ...members]) expect(l.state.conflicts.filter((c) => c.refused?.startsWith('签名核验未通过'))).toEqual([])
    expect(memberConflicts).toEqual([0, 0])
    for (const m of members) expect(m.content()).toEqual(leader.content())
    // No edit lost silently: each exported value reached the 组长, was refused with a notice, or its author replaced it later.
    for (const values of exported.values()) {
      const known = (x: unknown) => seenAtLeader.has(x) || refused.has(x) || decided.has(x)
      const lastSeen = values.findLastIndex(known)
      values.forEach((x, i) => expect(known(x) || i < lastSeen, `值 ${String(x)} 丢失`).toBe(true))
    }
  })
})
