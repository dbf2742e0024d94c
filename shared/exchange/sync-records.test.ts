import { describe, expect, it } from 'vitest'
import { sha256HexSync } from '../archive/sha256'
import { canonicalJson } from '../util/hash'
import { emptySyncState, hashValue, recordKey, stampLocal, type RecordSync } from './merge'
import { forkState, readSync, upgradeState, writeSync } from './sync-records'

const record = (id: string, notes: string) => ({
  id,
  roundId: 'R',
  createdAt: 'a',
  updatedAt: 'b',
  notes,
  room: '301',
  points: [{ id: 'p', text: '要点' }],
})

describe('packed sync records', () => {
  it('round-trips a record, device ids and field names stored once per state', () => {
    const s = emptySyncState('dev-A')
    const rs: RecordSync = {
      vv: { 'dev-A': 3, 'dev-B': 1 },
      stamps: { notes: { d: 'dev-B', n: 1 }, deleted: { d: 'dev-A', n: 3 } },
      hashes: { notes: 'abc', room: 'resolved' },
      owner: 'dev-B',
    }
    writeSync(s, 'interviews/i1', rs)
    writeSync(s, 'interviews/i2', rs)
    expect(readSync(s, 'interviews/i1')).toEqual(rs)
    expect(s.devices).toEqual(['dev-A', 'dev-B'])
    expect(s.fieldsets).toEqual([['deleted', 'notes', 'room']])
    expect(readSync(s, 'interviews/none')).toBeUndefined()
  })

  it('a fork shares unchanged records and never changes the original', () => {
    const s = stampLocal(emptySyncState('dev-A'), [{ table: 'visits', record: record('v1', '一') }])
    const before = JSON.stringify(s)
    const next = forkState(s)
    writeSync(next, 'visits/v2', readSync(s, 'visits/v1')!)
    const edited = stampLocal(next, [{ table: 'visits', record: record('v1', '二') }])
    expect(JSON.stringify(s)).toBe(before)
    expect(readSync(edited, 'visits/v1')!.stamps.notes).toEqual({ d: 'dev-A', n: 2 })
    expect(readSync(edited, 'visits/v1')!.stamps.room).toEqual({ d: 'dev-A', n: 1 })
  })

  it('reads a format-1 state (SHA-256 hashes): nothing counts as edited, the hashes are replaced, a resolution stays pending', () => {
    const r = record('i1', '原文')
    const old32 = (v: unknown) => sha256HexSync(canonicalJson(v)).slice(0, 32)
    const hashes = Object.fromEntries(['notes', 'room', 'points'].map((f) => [f, old32(r[f as keyof typeof r])]))
    const stamps = Object.fromEntries(['notes', 'room', 'points'].map((f) => [f, { d: 'dev-L', n: 1 }]))
    const v1 = {
      deviceId: 'dev-A',
      counter: 2,
      imported: ['p1'],
      known: { 'dev-L': 1 },
      acked: 0,
      conflicts: [],
      records: { [recordKey('interviews', 'i1')]: { vv: { 'dev-L': 1 }, stamps, hashes: { ...hashes, room: 'resolved' }, owner: 'dev-L' } },
    }
    const s = upgradeState(JSON.parse(JSON.stringify(v1)))
    expect(s).toMatchObject({ format: 2, counter: 2, imported: ['p1'], known: { 'dev-L': 1 } })
    expect(readSync(s, 'interviews/i1')!.hashes).toEqual({ ...hashes, room: 'resolved' })
    const stamped = stampLocal(s, [{ table: 'interviews', record: r }])
    expect(readSync(stamped, 'interviews/i1')!.stamps).toEqual({ ...stamps, room: { d: 'dev-A', n: 3 } })
    expect(readSync(stamped, 'interviews/i1')!.hashes).toEqual({
      notes: hashValue('原文'),
      points: hashValue(r.points),
      room: hashValue('301'),
    })
    // Unchanged records only get current hashes; a record edited since is stamped.
    const v1b = { ...v1, records: { [recordKey('interviews', 'i1')]: { vv: { 'dev-L': 1 }, stamps, hashes, owner: 'dev-L' } } }
    const quiet = stampLocal(upgradeState(JSON.parse(JSON.stringify(v1b))), [{ table: 'interviews', record: r }])
    expect(quiet.counter).toBe(2)
    expect(readSync(quiet, 'interviews/i1')).toEqual({
      vv: { 'dev-L': 1 },
      stamps,
      hashes: { notes: hashValue('原文'), points: hashValue(r.points), room: hashValue('301') },
      owner: 'dev-L',
    })
    const edited = stampLocal(upgradeState(JSON.parse(JSON.stringify(v1b))), [{ table: 'interviews', record: { ...r, notes: '改过' } }])
    expect(readSync(edited, 'interviews/i1')!.stamps).toEqual({ ...stamps, notes: { d: 'dev-A', n: 3 } })
    expect(upgradeState(stamped)).toBe(stamped)
    expect(() => upgradeState({ ...stamped, format: 3 })).toThrow('较新')
  })

  it('stays small: 3,000 stamped records of 12 fields in under 1.2 MB of JSON', () => {
    const fields = Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`field${i}`, `内容${i}`]))
    const records = Array.from({ length: 3_000 }, (_, i) => ({
      table: 'documentNotes' as const,
      record: { id: `n${i}`, roundId: 'R', ...fields },
    }))
    const s = stampLocal(emptySyncState('4b7a3c1e-0000-4000-8000-000000000001'), records)
    expect(JSON.stringify(s).length).toBeLessThan(1_200_000)
  })
})
