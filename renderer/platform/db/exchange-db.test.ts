// Schema v3 (the exchange table) and the atomic merge write.
import Dexie from 'dexie'
import { describe, expect, it } from 'vitest'
import { openDatabase, SCHEMA_V1 } from './database'
import { plainCodec } from './codec'
import { Repository } from './repository'
import { ephemeralAuditKey } from './testing'

describe('schema v3 and applyMerge', () => {
  it('upgrades a v2 database without touching its rows', async () => {
    const name = `v2-${crypto.randomUUID()}`
    const old = new Dexie(name)
    old.version(1).stores(SCHEMA_V1)
    old.version(2).stores({ roundKeys: 'roundId' })
    await old.open()
    await old.table('people').put({ id: 'p1', roundId: 'R', body: { name: '甲' } })
    old.close()
    const db = openDatabase(name)
    expect((await db.people.get('p1'))?.body).toEqual({ name: '甲' })
    await db.exchange.put({ key: 'state:R', roundId: 'R', body: { x: 1 } })
    expect(db.verno).toBeGreaterThanOrEqual(3)
    expect(await db.exchange.where('roundId').equals('R').count()).toBe(1)
  })

  it('writes merged records, the state and the audit entries together, or nothing', async () => {
    const db = openDatabase(`m-${crypto.randomUUID()}`)
    const repo = new Repository(db, plainCodec, () => ({ actor: 'm1', deviceId: 'dev-L' }))
    repo.audit.useKey(ephemeralAuditKey())
    const record = { id: 'v1', roundId: 'R', createdAt: 'a', updatedAt: 'b', updatedBy: '甲', deviceId: 'dev-A', notes: '走访' }
    await repo.applyMerge([{ table: 'visits', record }], [{ action: 'import', table: 'visits', recordId: 'v1' }], {
      key: 'state:R',
      roundId: 'R',
      body: 1,
    })
    expect(await repo.get('visits', 'v1')).toEqual(record) // the author's metadata is kept
    expect((await db.auditLog.toArray()).map((e) => e.action)).toEqual(['import'])
    // A failing write (an id that is not a string) rolls back the state row and the audit entry too.
    const bad = { ...record, id: undefined as unknown as string }
    await expect(
      repo.applyMerge(
        [
          { table: 'visits', record: { ...record, id: 'v2' } },
          { table: 'visits', record: bad },
        ],
        [{ action: 'import', table: 'visits', recordId: 'v2' }],
        { key: 'state:R', roundId: 'R', body: 2 },
      ),
    ).rejects.toThrow()
    expect(await repo.get('visits', 'v2')).toBeUndefined()
    expect((await db.exchange.get('state:R'))?.body).toBe(1)
    expect(await db.auditLog.count()).toBe(1)
  })
})
