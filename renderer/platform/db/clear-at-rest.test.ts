// What IndexedDB holds in clear after a full session, against the list in docs/security.md:
// every store's clear fields must be on the list, the record tables' list must be the code's
// CLEAR_FIELDS, and no name, round or unit name or free text written in the session may be
// readable outside ciphertext (the audit log included).
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { CLEAR_FIELDS, ROUND_TABLES } from '@shared/domain/tables'
import type { Cadre, Petition, TeamMember } from '@shared/domain/types'
import { buildSampleRound } from '@shared/sample'
import { generateDraft } from '@shared/reports/draft'
import { newReport } from '@shared/reports/report'
import { DEFAULT_TEMPLATES } from '@shared/reports/templates'
import { emptySyncState, sealSyncState } from '@shared/exchange'
import { createSigningKey, createVault, recordAad, sealFields } from '@shared/security'
import { openDatabase, type WorkbenchDb } from './database'
import { Keyring } from './keyring'
import { Repository } from './repository'
import { DraftStore } from './drafts'

const DOC = readFileSync(resolve(__dirname, '../../../docs/security.md'), 'utf8')

/** The documented list: store → the backticked names in its row. */
function documentedClear(): Map<string, Set<string>> {
  const block = DOC.slice(DOC.indexOf('<!-- clear-at-rest:begin -->'), DOC.indexOf('<!-- clear-at-rest:end -->'))
  const out = new Map<string, Set<string>>()
  for (const line of block.split('\n')) {
    const m = /^\| `(\w+)` \| (.+) \|$/.exec(line)
    if (m) out.set(m[1]!, new Set([...m[2]!.matchAll(/`([^`]+)`/g)].map((x) => x[1]!)))
  }
  return out
}

const s = buildSampleRound()
const MEMBER_NAME = s.tables.people.find((p): p is TeamMember => p.kind === 'member')!.name
let db: WorkbenchDb
let secrets: string[]

beforeAll(async () => {
  db = openDatabase(`clear-${crypto.randomUUID()}`)
  const { vault, masterKey } = await createVault('Clear-At-Rest-2026', { iterations: 1000 })
  await db.settings.put({ key: 'vault', value: vault })
  const keyring = new Keyring(db)
  const context = { actor: s.tables.people.find((p) => p.kind === 'member')!.id, actorName: `${MEMBER_NAME}（组长）`, deviceId: 'device-A' }
  const repo = new Repository(db, keyring.codec(), () => context)
  repo.audit.useKey(() => keyring.auditKey())

  // Locked: a wrong passphrase is held, then chained at unlock.
  await repo.recordWhileLocked({ action: 'unlock-failed', table: 'settings', recordId: 'vault', detail: '口令错误（连续第 1 次失败）' })
  keyring.unlock(masterKey)
  await repo.flushHeldAudit()

  // A round with records of every table (the sample has no report: one is drafted).
  const report = newReport(s.round.id, generateDraft('巡察报告', DEFAULT_TEMPLATES.巡察报告, s), '2026-11-21T08:00:00.000Z')
  s.tables.reports.push({
    ...report,
    id: 'report-1',
    createdAt: '2026-11-21T08:00:00.000Z',
    updatedAt: '2026-11-21T08:00:00.000Z',
    updatedBy: context.actor,
    deviceId: 'device-A',
  } as never)
  for (const t of ROUND_TABLES) expect(s.tables[t].length, t).toBeGreaterThan(0)
  await repo.replaceRound(s, { action: 'import', table: 'rounds', recordId: s.round.id, detail: '载入示例轮次' })

  // Edits, a deletion, views and exports, as the screens write them.
  const cadre = s.tables.people.find((p): p is Cadre => p.kind === 'cadre')!
  await repo.save('people', {
    ...cadre,
    post: '陈𠈌：局长/党委书记',
    notes: `=HYPERLINK("x") ${'反映其在工程招投标中打招呼，'.repeat(250)}`,
  } as Cadre)
  await repo.record({ action: 'view', table: 'people', recordId: cadre.id, detail: '查看干部信息' })
  const petition = s.tables.petitions[0] as Petition
  await repo.record({ action: 'view', table: 'petitions', recordId: petition.id, detail: '查看信访反映人联系方式' })
  await repo.remove('petitions', petition.id)
  const paper = s.tables.workingPapers[0]!
  await repo.save('workingPapers', {
    ...paper,
    reviewLog: [
      ...(paper.reviewLog ?? []),
      { action: '退回', memberId: context.actor, at: '2026-11-22T08:00:00.000Z', comment: '定性依据不准确：请补充《条例》第三十条' },
    ],
  })
  await repo.record({ action: 'sign', table: 'workingPapers', recordId: paper.id, fields: ['reviewLog'], detail: '退回承办人' })
  await repo.record({
    action: 'export',
    table: 'rounds',
    recordId: s.round.id,
    detail: '导出问题清单（20480 字节，份号 000001）sha256:' + 'a'.repeat(64),
  })
  // A half-written form, kept as a draft.
  await new DraftStore(db, (roundId) => keyring.roundKey(roundId)).save(
    { roundId: s.round.id, form: 'paper', recordId: paper.id, user: context.actor },
    { title: '陈𠈌 草稿：定性依据不准确' },
  )

  // The exchange state and this laptop's settings.
  const signing = await createSigningKey(context.actor, '275913', { iterations: 1000 })
  const key = `${s.round.id}:device-A`
  await db.exchange.put({
    key,
    roundId: s.round.id,
    body: await sealSyncState(await keyring.roundKey(s.round.id), recordAad('exchange', key), emptySyncState('device-A')),
  })
  for (const [k, v] of [
    ['failedUnlocks', 0],
    ['deviceId', 'device-A'],
    ['activeRoundId', s.round.id],
    ['autoLockMinutes', 10],
    [`copyNumber:${s.round.id}`, 3],
    [`currentUser:${s.round.id}`, context.actor],
    ['auditSeen:device-B', { count: 12, head: 'b'.repeat(64) }],
    // A personal signing key (wrapped under the PIN, sealed with the round key), its failure count, the 组长 anchor, joined.
    [
      `signingKey:${context.actor}`,
      await sealFields(await keyring.roundKey(s.round.id), `signingKey:${context.actor}`, { ...signing.wrapped }),
    ],
    [`pinFailures:${context.actor}`, 1],
    [`leaderKey:${s.round.id}`, { memberId: context.actor, keyId: signing.wrapped.keyId, publicKey: signing.wrapped.publicKey }],
    [`joinedRound:${s.round.id}`, true],
  ] as const)
    await db.settings.put({ key: k, value: v })

  // Everything a person would recognise: names, the round and unit, free text of every record.
  const texts = new Set<string>([MEMBER_NAME, s.round.name, s.round.unitName, '陈𠈌', '定性依据不准确', '反映其在工程招投标中打招呼'])
  for (const p of s.tables.people) texts.add(p.name)
  for (const p of s.tables.petitions) [p.summary, p.reporterName, p.reporterContact, p.subjectName].forEach((x) => x && texts.add(x))
  for (const c of s.tables.clues) [c.subjectName, c.summary, c.receiverUnit].forEach((x) => x && texts.add(x))
  for (const w of s.tables.workingPapers) texts.add(w.title)
  for (const i of s.tables.interviews) for (const pt of i.record?.points ?? []) texts.add(pt.text)
  secrets = [...texts].filter((x) => x.trim().length >= 2)
})

/** A row's clear part: everything but the sealed body. */
const clearOf = (row: Record<string, unknown>) => Object.fromEntries(Object.entries(row).filter(([k]) => k !== 'body'))
/** Setting keys as the list names them (`copyNumber:<round id>`). */
const settingName = (k: string) =>
  k
    .replace(/^(copyNumber|currentUser|leaderKey|joinedRound):.*/, '$1:<round id>')
    .replace(/^(signingKey|pinFailures):.*/, '$1:<member id>')
    .replace(/^auditSeen:.*/, 'auditSeen:<device id>')

describe('what stays in clear at rest', () => {
  it('every store holds in clear only what docs/security.md lists, and the record tables list is the code’s', async () => {
    const listed = documentedClear()
    for (const t of Object.keys(CLEAR_FIELDS) as (keyof typeof CLEAR_FIELDS)[])
      expect([...listed.get(t)!].sort(), t).toEqual([...CLEAR_FIELDS[t]].sort())
    for (const table of db.tables) {
      const rows = (await table.toArray()) as Record<string, unknown>[]
      expect(rows.length, table.name).toBeGreaterThan(0)
      const found = new Set(
        table.name === 'settings' ? rows.map((r) => settingName(String(r.key))) : rows.flatMap((r) => Object.keys(clearOf(r))),
      )
      const allowed = listed.get(table.name)
      expect(allowed, `docs/security.md does not list the store ${table.name}`).toBeDefined()
      expect(
        [...found].filter((f) => !allowed!.has(f)),
        table.name,
      ).toEqual([])
    }
    // The audit log holds exactly the listed fields.
    const audit = (await db.auditLog.toArray()) as unknown as Record<string, unknown>[]
    expect(new Set(audit.flatMap((e) => Object.keys(e)))).toEqual(listed.get('auditLog'))
  })

  it('no name, round or unit name or free text of the session is readable outside ciphertext', async () => {
    expect(secrets.length).toBeGreaterThan(50)
    for (const table of db.tables) {
      for (const row of (await table.toArray()) as Record<string, unknown>[]) {
        const clear = JSON.stringify(clearOf(row))
        const leaked = secrets.filter((x) => clear.includes(x))
        expect(leaked, `${table.name}: ${clear.slice(0, 200)}`).toEqual([])
      }
    }
  })

  it('the audit log names people and records by id only, and verifies', async () => {
    const audit = await db.auditLog.orderBy('seq').toArray()
    expect(audit.map((e) => e.action)).toEqual(['unlock-failed', 'import', 'update', 'view', 'view', 'delete', 'update', 'sign', 'export'])
    expect(audit.every((e) => e.actor === e.actorId && e.v === 2)).toBe(true)
  })
})
