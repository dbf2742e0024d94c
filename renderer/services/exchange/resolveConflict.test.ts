// The inbox's resolution, without a DOM: current value, sealed clues, one write.
import { describe, expect, it } from 'vitest'
import { emptySyncState, type Conflict, type SyncState } from '@shared/exchange'
import { resolveExchangeConflict, type ResolveDeps } from './resolveConflict'

const conflict = (over: Partial<Conflict> = {}): Conflict => ({
  id: 'p1/interviews/i1#notes',
  table: 'interviews',
  recordId: 'i1',
  field: 'notes',
  mine: '旧的本机内容',
  theirs: '对方内容',
  theirsStamp: { d: 'dev-B', n: 3 },
  fromName: '李明',
  fromDevice: 'dev-B',
  packageId: 'p1',
  held: false,
  at: '2026-11-21T08:00:00Z',
  ...over,
})

function harness(record: Record<string, unknown>, c: Conflict) {
  let state: SyncState = { ...emptySyncState('dev-A'), conflicts: [c] }
  const writes: { record: Record<string, unknown>; audit: unknown }[] = []
  const deps: ResolveDeps = {
    async resolveField(_t, _id, field, value, _row, audit) {
      const chosen = value(record[field], record)
      const next = { ...record }
      if (chosen) next[field] = chosen.set
      writes.push({ record: next, audit })
    },
    currentState: async () => state,
    sealState: async (roundId) => ({ key: `state:${roundId}`, roundId, body: 'sealed' as never }),
    keep: (_id, s) => (state = s),
    now: () => '2026-11-21T09:00:00Z',
  }
  return { deps, writes, state: () => state }
}

describe('resolving a conflict', () => {
  it('保留本机 keeps the value as it is now, including an edit made after the conflict appeared', async () => {
    const h = harness({ id: 'i1', notes: '冲突出现后又改过的内容' }, conflict())
    await resolveExchangeConflict(h.deps, { roundId: 'R', conflict: conflict(), choice: 'mine', user: { name: '王', role: '组员' } })
    expect(h.writes).toHaveLength(1)
    expect(h.writes[0]!.record.notes).toBe('冲突出现后又改过的内容')
    expect(h.state().conflicts[0]!.resolved?.choice).toBe('mine')
  })

  it('两者都保留 combines the current value with theirs', async () => {
    const h = harness({ id: 'i1', notes: '现在的内容' }, conflict())
    await resolveExchangeConflict(h.deps, { roundId: 'R', conflict: conflict(), choice: 'both', user: { name: '王', role: '组员' } })
    expect(h.writes[0]!.record.notes).toBe('现在的内容\n【另一版本，来自李明】对方内容')
  })

  it('refuses to change a sealed clue’s content, and keeps the conflict open', async () => {
    const c = conflict({ table: 'clues', recordId: 'c1', field: 'summary', id: 'p1/clues/c1#summary' })
    const h = harness({ id: 'c1', summary: '封存时的内容', status: '已移交', seal: { sha256: 'x' } }, c)
    h.deps.resolveField = async (_t, _id, field, value) => void value('封存时的内容', { id: 'c1', status: '已移交', seal: { sha256: 'x' } })
    await expect(
      resolveExchangeConflict(h.deps, { roundId: 'R', conflict: c, choice: 'theirs', user: { name: '组长', role: '组长' } }),
    ).rejects.toThrow('已移交并封存')
    expect(h.state().conflicts[0]!.resolved).toBeUndefined()
  })
})
