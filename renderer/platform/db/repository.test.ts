import { beforeEach, describe, expect, it } from 'vitest'
import { CLEAR_FIELDS } from '@shared/domain/tables'
import { emptyTables } from '@shared/domain/snapshot'
import { FOUR_IMPLEMENTATIONS } from '@shared/domain/frameworks'
import type { Cadre, Round } from '@shared/domain/types'
import { openDatabase, type WorkbenchDb } from './database'
import { plainCodec, type FieldCodec } from './codec'
import { Repository, type Draft } from './repository'
import { ephemeralAuditKey } from './testing'
import { GENESIS_HASH, legacyAuditHash } from './audit'

let db: WorkbenchDb
let repo: Repository
let key: () => Promise<CryptoKey>
let tick = 0
const clock = () => new Date(Date.UTC(2026, 10, 21, 8, 0, tick++)).toISOString()

function roundDraft(): Draft<Round> {
  return {
    name: '十二届区委第三轮巡察',
    batch: '第三轮',
    mode: '常规',
    unitName: '区农业农村局党委',
    entryDate: '2026-10-19',
    exitDate: '2026-12-18',
    petitionCutoff: '2026-12-08',
    framework: FOUR_IMPLEMENTATIONS,
    defaultMarking: { level: '内部' },
    notes: '',
  }
}
function cadreDraft(roundId: string, name: string): Draft<Cadre> {
  return {
    kind: 'cadre',
    roundId,
    name,
    gender: '男',
    birth: '1970-05',
    post: '副局长',
    duties: '分管财务',
    inPostSince: '2021-03',
    department: '',
    category: '班子成员',
    isTopLeader: false,
    isDisciplineChief: false,
    isLeadershipMember: true,
    isMidLevelHead: false,
    notes: '',
  }
}

beforeEach(() => {
  db = openDatabase(`test-${crypto.randomUUID()}`)
  repo = new Repository(db, plainCodec, () => ({ actor: 'member-1', deviceId: 'device-A' }), clock)
  key = ephemeralAuditKey()
  repo.audit.useKey(key)
})

describe('Repository', () => {
  it('stamps metadata on create and keeps createdAt on update', async () => {
    const round = await repo.save('rounds', roundDraft())
    expect(round.id).toMatch(/^[0-9a-f-]{36}$/)
    expect(round.updatedBy).toBe('member-1')
    expect(round.deviceId).toBe('device-A')
    const edited = await repo.save('rounds', { ...round, name: '改名后的轮次' })
    expect(edited.createdAt).toBe(round.createdAt)
    expect(edited.updatedAt > round.updatedAt).toBe(true)
    expect((await repo.get('rounds', round.id))?.name).toBe('改名后的轮次')
  })

  it('audits create, the changed fields of an update, and deletion as a tombstone', async () => {
    const round = await repo.save('rounds', roundDraft())
    const cadre = await repo.save('people', cadreDraft(round.id, '王建国'))
    await repo.save('people', { ...(cadre as Cadre), post: '局长', duties: '主持全面工作' } as Cadre)
    await repo.remove('people', cadre.id)
    const log = await db.auditLog.orderBy('seq').toArray()
    expect(log.map((e) => e.action)).toEqual(['create', 'create', 'update', 'delete'])
    expect(log[2]?.fields).toEqual(['duties', 'post'])
    expect(await repo.list('people', round.id)).toEqual([])
    expect((await repo.get('people', cadre.id))?.deleted).toBe(true)
  })

  it('writes nothing and audits nothing when an update changes nothing', async () => {
    const round = await repo.save('rounds', roundDraft())
    await repo.save('rounds', { ...round })
    expect(await db.auditLog.count()).toBe(1)
  })

  it('keeps only the documented clear fields outside the codec body', async () => {
    const seen: string[] = []
    const recording: FieldCodec = {
      async seal(table, ref, fields) {
        seen.push(`${table}@${ref.roundId}`)
        return { sealed: btoa(encodeURIComponent(JSON.stringify(fields))), id: ref.id }
      },
      async open(_t, _id, body) {
        return JSON.parse(decodeURIComponent(atob((body as { sealed: string }).sealed)))
      },
    }
    repo.setCodec(recording)
    const round = await repo.save('rounds', roundDraft())
    const cadre = await repo.save('people', cadreDraft(round.id, '李红梅'))
    const row = await db.people.get(cadre.id)
    expect(
      Object.keys(row!)
        .filter((k) => k !== 'body')
        .sort(),
    ).toEqual(
      CLEAR_FIELDS.people
        .filter((k) => k in cadre)
        .slice()
        .sort(),
    )
    expect(JSON.stringify(row)).not.toContain('李红梅')
    expect((await repo.get('people', cadre.id))?.name).toBe('李红梅')
    expect(seen).toEqual([`rounds@${round.id}`, `people@${round.id}`])
  })

  it('replaces a round atomically: a failure while preparing leaves the old data untouched', async () => {
    const round = await repo.save('rounds', roundDraft())
    await repo.save('people', cadreDraft(round.id, '张志强'))
    const snapshot = await repo.snapshot(round.id)
    const failing: FieldCodec = {
      seal: async (t, id, f) => {
        if (t === 'people') throw new Error('disk full')
        return plainCodec.seal(t, id, f)
      },
      open: plainCodec.open,
    }
    repo.setCodec(failing)
    const replacement = { ...snapshot, round: { ...snapshot.round, name: '新名字' }, tables: { ...emptyTables(), people: [] as Cadre[] } }
    replacement.tables.people = [{ ...(snapshot.tables.people[0] as Cadre), name: '换掉' }]
    await expect(repo.replaceRound(replacement, { action: 'import', table: 'rounds', recordId: round.id })).rejects.toThrow('disk full')
    repo.setCodec(plainCodec)
    expect((await repo.get('rounds', round.id))?.name).toBe('十二届区委第三轮巡察')
    expect((await repo.list('people', round.id)).map((p) => p.name)).toEqual(['张志强'])
    expect((await repo.audit.verify()).ok).toBe(true)
  })

  it('round-trips a snapshot through replaceRound, tombstones included', async () => {
    const round = await repo.save('rounds', roundDraft())
    const a = await repo.save('people', cadreDraft(round.id, '赵敏'))
    await repo.save('people', cadreDraft(round.id, '钱多多'))
    await repo.remove('people', a.id)
    const snap = await repo.snapshot(round.id)
    const other = new Repository(openDatabase(`test-${crypto.randomUUID()}`), plainCodec, () => ({ actor: 'x', deviceId: 'B' }), clock)
    other.audit.useKey(key)
    await other.replaceRound(snap, { action: 'import', table: 'rounds', recordId: round.id })
    expect(await other.snapshot(round.id)).toEqual(snap)
  })

  it('tells `changed` after every commit, with the round and tables written, and nothing for a failed or empty write', async () => {
    const seen: unknown[] = []
    repo.changes.on(({ roundId, tables, ids }) => seen.push({ roundId, tables, ids }))
    const round = await repo.save('rounds', roundDraft())
    const cadre = await repo.save('people', cadreDraft(round.id, '陈𠈌'))
    await repo.save('people', { ...cadre }) // nothing changed: no commit, no event
    await repo.remove('people', cadre.id)
    await repo.record({ action: 'export', table: 'rounds', recordId: round.id })
    await repo.replaceRound(await repo.snapshot(round.id), { action: 'import', table: 'rounds', recordId: round.id })
    repo.setCodec({ ...plainCodec, seal: async () => Promise.reject(new Error('disk full')) })
    await expect(repo.save('people', cadreDraft(round.id, '失败'))).rejects.toThrow('disk full')
    await repo.purgeRound(round.id, { action: 'wipe', table: 'rounds', recordId: round.id })
    expect(seen).toEqual([
      { roundId: round.id, tables: ['rounds'], ids: [round.id] },
      { roundId: round.id, tables: ['people'], ids: [cadre.id] },
      { roundId: round.id, tables: ['people'], ids: [cadre.id] },
      { roundId: round.id, tables: expect.arrayContaining(['rounds', 'people', 'interviews']), ids: undefined },
      { roundId: round.id, tables: expect.arrayContaining(['rounds', 'people']), ids: undefined },
    ])
  })
})

describe('imports, merges and conflict resolution', () => {
  it('refuses a round whose record ids belong to another round, leaving that round untouched', async () => {
    const a = await repo.save('rounds', roundDraft())
    const cadre = await repo.save('people', cadreDraft(a.id, '陈𠈌'))
    const snap = await repo.snapshot(a.id)
    // The same round re-issued under a new round id, as another tool may legitimately write it.
    const reissued = {
      round: { ...snap.round, id: 'round-B', name: '2026年第三轮/区农业农村局党委' },
      tables: { ...snap.tables, people: snap.tables.people.map((p) => ({ ...p, roundId: 'round-B' })) },
    }
    const before = await db.auditLog.count()
    await expect(repo.replaceRound(reissued, { action: 'import', table: 'rounds', recordId: 'round-B' })).rejects.toMatchObject({
      name: 'RoundCollisionError',
      message: expect.stringContaining(`已属于本机的另一巡察轮次“十二届区委第三轮巡察”`),
    })
    expect((await repo.list('people', a.id)).map((p) => p.name)).toEqual(['陈𠈌'])
    expect((await repo.get('people', cadre.id))?.roundId).toBe(a.id)
    expect(await repo.get('rounds', 'round-B')).toBeUndefined()
    expect(await db.auditLog.count()).toBe(before)
  })

  it('commits imports, merges, seals and sign-offs through the strict connection, ordinary edits through the relaxed one', async () => {
    const strict = openDatabase(db.name, 'strict')
    const used: string[] = []
    for (const [label, d] of [
      ['relaxed', db],
      ['strict', strict],
    ] as const) {
      const orig = d.transaction.bind(d) as (...args: unknown[]) => unknown
      ;(d as unknown as { transaction: unknown }).transaction = (...args: unknown[]) => (used.push(label), orig(...args))
    }
    const r = new Repository(db, plainCodec, () => ({ actor: 'm', deviceId: 'd' }), clock, strict)
    r.audit.useKey(key)
    const round = await r.save('rounds', roundDraft())
    expect(used.splice(0)).toEqual(['relaxed'])
    const clue = await r.save('clues', { roundId: round.id, number: 'XS-1', status: '定稿', evidence: [], seal: null } as never)
    used.splice(0)
    await r.save('clues', { ...clue, status: '已移交', seal: { sha256: 'x', at: 'now', by: 'L' } } as never)
    expect(used.splice(0)).toEqual(['strict'])
    await r.replaceRound(await r.snapshot(round.id), { action: 'import', table: 'rounds', recordId: round.id })
    expect(used.splice(0)).toEqual(['strict'])
    expect(strict.verno).toBe(db.verno)
  })

  it('resolves a conflict in one transaction: record, exchange state and audit entry, or none of them', async () => {
    const round = await repo.save('rounds', roundDraft())
    const cadre = await repo.save('people', cadreDraft(round.id, '王建国'))
    const row = { key: `state:${round.id}`, roundId: round.id, body: 'state-v2' as never }
    const audits = await db.auditLog.count()
    await expect(
      repo.resolveField(
        'people',
        cadre.id,
        'post',
        () => {
          throw new Error('不允许')
        },
        row,
        { action: 'update', table: 'people', recordId: cadre.id },
      ),
    ).rejects.toThrow('不允许')
    expect(await db.exchange.get(row.key)).toBeUndefined()
    expect(await db.auditLog.count()).toBe(audits)
    await repo.resolveField('people', cadre.id, 'post', (current) => ({ set: `${String(current)}（兼）` }), row, {
      action: 'update',
      table: 'people',
      recordId: cadre.id,
      detail: '处理冲突',
    })
    expect(((await repo.get('people', cadre.id)) as Cadre).post).toBe('副局长（兼）')
    expect((await db.exchange.get(row.key))?.body).toBe('state-v2')
    expect((await db.auditLog.orderBy('seq').last())?.fields).toEqual(['post'])
  })
})

describe('audit chain', () => {
  /** What someone with write access to the database but not the vault can do: plain SHA-256. */
  async function rehashFrom(seq: number) {
    const all = await db.auditLog.orderBy('seq').toArray()
    let prev = all.find((e) => e.seq === seq - 1)?.hash ?? GENESIS_HASH
    for (const e of all.filter((x) => x.seq >= seq)) {
      const { hash: _old, ...rest } = { ...e, prevHash: prev }
      const hash = await legacyAuditHash(rest)
      await db.auditLog.put({ ...rest, hash })
      prev = hash
    }
  }
  async function session() {
    const round = await repo.save('rounds', roundDraft())
    for (const name of ['甲', '乙', '丙']) await repo.save('people', cadreDraft(round.id, name))
    await repo.record({ action: 'view', table: 'petitions', recordId: 'p-1', detail: '查看信访反映人联系方式' })
    await repo.record({ action: 'export', table: 'rounds', recordId: round.id, detail: '导出轮次归档' })
    return round
  }

  it('verifies an intact chain against its sealed head', async () => {
    await session()
    expect(await repo.audit.verify()).toMatchObject({ ok: true, count: 6, message: expect.stringContaining('与封存的条数和末条哈希一致') })
    expect((await db.auditLog.toArray()).every((e) => e.v === 2)).toBe(true)
    expect(await repo.audit.head()).toMatchObject({ count: 6 })
  })

  it('finds an entry edited in place', async () => {
    await session()
    await db.auditLog.update(3, { detail: '（改）' })
    expect(await repo.audit.verify()).toMatchObject({
      ok: false,
      problem: 'edited',
      at: 3,
      message: '审计日志第 3 条被直接修改：内容与其哈希不符',
    })
  })

  it('finds a deleted tail (the newest three: a view of a petitioner contact and an export among them)', async () => {
    await session()
    for (const seq of [4, 5, 6]) await db.auditLog.delete(seq)
    expect(await repo.audit.verify()).toMatchObject({
      ok: false,
      problem: 'truncated',
      at: 4,
      message: '审计日志末尾 3 条被删除：封存记录为 6 条，现存 3 条',
    })
    // Writing on does not seal the truncation over: the next entry chains from the sealed head.
    await repo.record({ action: 'view', table: 'people', recordId: 'x', detail: '查看干部信息' })
    expect(await repo.audit.verify()).toMatchObject({
      ok: false,
      problem: 'gap',
      at: 4,
      message: expect.stringContaining('第 4 至第 6 条被删除'),
    })
  })

  it('finds a rewrite with every later hash recomputed', async () => {
    await session()
    await db.auditLog.update(2, { action: 'view' })
    await rehashFrom(2)
    expect(await repo.audit.verify()).toMatchObject({
      ok: false,
      problem: 'rewritten',
      at: 2,
      message: expect.stringContaining('自第 2 条起被改写，其后各条的哈希被重新计算'),
    })
  })

  it('finds a deleted tail whose last hashes were recomputed', async () => {
    await session()
    await db.auditLog.delete(6)
    await rehashFrom(5)
    expect(await repo.audit.verify()).toMatchObject({ ok: false, problem: 'rewritten', at: 5 })
  })

  it('finds a head edited to match a deleted tail', async () => {
    await session()
    await db.auditLog.delete(6)
    const sealed = (await db.settings.get('auditHead'))!.value as { count: number; head: string; mac: string }
    await db.settings.put({ key: 'auditHead', value: { ...sealed, count: 5 } })
    expect(await repo.audit.verify()).toMatchObject({
      ok: false,
      problem: 'head',
      message: '审计日志的封存记录被改动：无法确认末尾是否被删除',
    })
  })

  it('finds an entry deleted in the middle', async () => {
    await session()
    await db.auditLog.delete(2)
    expect(await repo.audit.verify()).toMatchObject({ ok: false, problem: 'gap', at: 2 })
  })

  it('continues the chain across a new repository on the same database', async () => {
    const round = await repo.save('rounds', roundDraft())
    const again = new Repository(db, plainCodec, () => ({ actor: 'member-2', deviceId: 'device-A' }), clock)
    again.audit.useKey(key)
    await again.save('people', cadreDraft(round.id, '吴昊'))
    expect(await again.audit.verify()).toMatchObject({ ok: true, count: 2 })
  })

  it('holds entries asked for while locked and chains them at the next write', async () => {
    await repo.save('rounds', roundDraft())
    const locked = new Repository(db, plainCodec, () => ({ actor: 'system', deviceId: 'device-A' }), clock)
    await locked.recordWhileLocked({
      action: 'recovery-failed',
      table: 'settings',
      recordId: 'vault',
      detail: '恢复密钥错误（连续第 1 次失败）',
    })
    await expect(locked.record({ action: 'view', table: 'settings', recordId: 'vault' })).rejects.toThrow('审计密钥不可用')
    await repo.flushHeldAudit()
    const log = await db.auditLog.orderBy('seq').toArray()
    expect(log.map((e) => e.action)).toEqual(['create', 'recovery-failed'])
    expect(await repo.audit.verify()).toMatchObject({ ok: true, count: 2 })
    expect(await db.settings.get('auditPending')).toBeUndefined()
  })

  it('opens an old (pre-key) log: verifies it as SHA-256, then protects it with the first keyed entry', async () => {
    // Two entries as the previous version wrote them: plain SHA-256, the actor's name in clear.
    let prev = GENESIS_HASH
    for (const seq of [1, 2]) {
      const base = {
        seq,
        at: clock(),
        actor: '刘洋（组长）',
        actorId: 'm-1',
        deviceId: 'device-A',
        action: 'view',
        table: 'people',
        recordId: `c-${seq}`,
        fields: [],
        detail: '查看 王建国',
        prevHash: prev,
      }
      const hash = await legacyAuditHash(base)
      await db.auditLog.add({ ...base, hash })
      prev = hash
    }
    expect(await repo.audit.verify()).toMatchObject({ ok: true, count: 2, legacy: 2, message: expect.stringContaining('尚未启用审计密钥') })
    await repo.record({ action: 'view', table: 'people', recordId: 'c-3', detail: '查看干部信息' })
    const log = await db.auditLog.orderBy('seq').toArray()
    expect(log.map((e) => e.action)).toEqual(['view', 'view', 'audit-upgrade', 'view'])
    expect(log[2]!.detail).toBe('启用审计密钥：此前 2 条旧格式条目按 SHA-256 校验通过，自本条起用密钥保护并封存条数')
    expect(await repo.audit.verify()).toMatchObject({
      ok: true,
      count: 4,
      legacy: 2,
      message: expect.stringContaining('前 2 条为启用审计密钥前的旧格式'),
    })
    // The old part cannot be rewritten unseen any more: the first keyed entry chains from it.
    await db.auditLog.update(1, { detail: '查看 另一人' })
    await rehashFrom(1)
    expect(await repo.audit.verify()).toMatchObject({ ok: false, problem: 'rewritten' })
  })
})
