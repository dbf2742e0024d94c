import Dexie from 'dexie'
import { beforeEach, describe, expect, it } from 'vitest'
import { createVault } from '@shared/security'
import { openDatabase, SCHEMA_V1, type WorkbenchDb } from './database'
import { DRAFT_STASH, DraftStore, draftKey } from './drafts'
import { Keyring } from './keyring'

let db: WorkbenchDb
let keyring: Keyring
let drafts: DraftStore
const paper = { roundId: 'round-1', form: 'paper', recordId: 'p-1', user: 'm-1' }
const secret = '陈𠈌在工程招投标中打招呼，=SUM(A1)'

beforeEach(async () => {
  db = openDatabase(`drafts-${crypto.randomUUID()}`)
  keyring = new Keyring(db)
  keyring.unlock((await createVault('Xuncha-2026-Round', { iterations: 1000 })).masterKey)
  drafts = new DraftStore(
    db,
    (id) => keyring.roundKey(id),
    () => '2026-12-03T08:00:00.000Z',
  )
})

describe('DraftStore', () => {
  it('keeps a draft encrypted at rest and gives it back', async () => {
    const long = secret + '续'.repeat(3000)
    await drafts.save(paper, { title: secret, summary: long })
    const raw = JSON.stringify(await db.drafts.toArray())
    expect(raw).not.toContain('陈𠈌')
    expect(raw).not.toContain('招投标')
    expect(raw).not.toContain('=SUM(A1)') // '(' is not base64: the ciphertext cannot hold it by chance
    expect(await drafts.load(paper)).toEqual({ value: { title: secret, summary: long }, savedAt: '2026-12-03T08:00:00.000Z' })
  })

  it('keeps drafts apart per form, record and user', async () => {
    await drafts.save(paper, 'A')
    await drafts.save({ ...paper, user: 'm-2' }, 'B')
    await drafts.save({ ...paper, recordId: undefined }, 'C')
    expect((await drafts.load(paper))?.value).toBe('A')
    expect((await drafts.load({ ...paper, user: 'm-2' }))?.value).toBe('B')
    expect((await drafts.load({ ...paper, recordId: '' }))?.value).toBe('C')
    expect(await drafts.load({ ...paper, form: 'clue' })).toBeUndefined()
  })

  it("cannot be moved to another draft's key (the key is bound as associated data)", async () => {
    await drafts.save(paper, secret)
    const row = (await db.drafts.get(draftKey(paper)))!
    const other = { ...paper, recordId: 'p-2' }
    await db.drafts.put({ ...row, key: draftKey(other) })
    expect(await drafts.load(other)).toBeUndefined()
    expect(await db.drafts.get(draftKey(other))).toBeUndefined()
  })

  it('is deleted on save and with its round, and unreadable once the round key is destroyed', async () => {
    await drafts.save(paper, 'A')
    await drafts.remove(paper)
    expect(await drafts.load(paper)).toBeUndefined()
    await drafts.save(paper, 'A')
    await drafts.save({ ...paper, roundId: 'round-2' }, 'B')
    await drafts.removeRound('round-1')
    expect(await db.drafts.count()).toBe(1)
    await keyring.destroyRoundKey('round-2')
    expect(await drafts.load({ ...paper, roundId: 'round-2' })).toBeUndefined()
  })
})

describe('drafts stashed as the page goes away', () => {
  /** localStorage as the next page sees it. */
  const storage = () => {
    const items = new Map<string, string>()
    return {
      getItem: (k: string) => items.get(k) ?? null,
      setItem: (k: string, v: string) => void items.set(k, v),
      removeItem: (k: string) => void items.delete(k),
      raw: () => [...items.values()].join(''),
    }
  }
  const at = (time: string, s: ReturnType<typeof storage>) =>
    new DraftStore(
      db,
      (id) => keyring.roundKey(id),
      () => time,
      s,
    )

  it('keeps only ciphertext in localStorage and gives the newest typing back on the next start', async () => {
    const local = storage()
    const page = at('2026-12-03T08:00:00.000Z', local)
    await page.save(paper, { title: '陈𠈌违规接待' }) // written half a second after typing
    page.stash([await page.seal(paper, { title: '陈𠈌违规接待问题，以公务接待名义报销' })]) // typed in the last half second
    expect(local.raw()).toContain('"ct"')
    expect(local.raw()).not.toContain('陈𠈌')
    expect(local.raw()).not.toContain('接待')
    expect(await db.drafts.count()).toBe(1)

    const next = at('2026-12-03T08:05:00.000Z', local)
    expect((await next.load(paper))?.value).toEqual({ title: '陈𠈌违规接待问题，以公务接待名义报销' })
    expect(local.raw()).toBe('') // moved into IndexedDB
    expect((await next.load(paper))?.value).toEqual({ title: '陈𠈌违规接待问题，以公务接待名义报销' })
  })

  it('merges stashes by key, ignores a damaged stash, and a wiped round takes its stashed drafts along', async () => {
    const local = storage()
    const page = at('2026-12-03T08:00:00.000Z', local)
    page.stash([await page.seal(paper, 'A')])
    page.stash([await page.seal(paper, 'B'), await page.seal({ ...paper, roundId: 'round-2' }, 'C')])
    expect((await at('t', local).load(paper))?.value).toBe('B')
    await drafts.removeRound('round-1')
    expect(await db.drafts.count()).toBe(1)
    expect((await drafts.load({ ...paper, roundId: 'round-2' }))?.value).toBe('C')

    local.setItem(DRAFT_STASH, '{not json')
    expect(await at('t', local).load(paper)).toBeUndefined()
    local.setItem(DRAFT_STASH, JSON.stringify([{ key: 1 }, null, 'x']))
    expect(await at('t', local).load(paper)).toBeUndefined()
  })
})

describe('schema v4 (drafts)', () => {
  it('upgrades a v3 database without touching its rows', async () => {
    const name = `v3-${crypto.randomUUID()}`
    const old = new Dexie(name)
    old.version(1).stores(SCHEMA_V1)
    old.version(2).stores({ roundKeys: 'roundId' })
    old.version(3).stores({ exchange: 'key, roundId' })
    await old.open()
    await old.table('exchange').put({ key: 'state:R', roundId: 'R', body: { x: 1 } })
    old.close()
    const upgraded = openDatabase(name)
    expect((await upgraded.exchange.get('state:R'))?.body).toEqual({ x: 1 })
    expect(await upgraded.drafts.count()).toBe(0)
    expect(upgraded.verno).toBe(4)
  })
})
