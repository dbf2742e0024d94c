// What the search worker does with the database: reads the sealed rows, opens them with the
// round key alone (no master key), and finds what the user wrote; a rebuild decrypts only
// what changed; a wrong key or a tampered row is refused.
import { beforeEach, describe, expect, it } from 'vitest'
import { createVault } from '@shared/security'
import { buildSampleRound } from '@shared/sample'
import type { RoundSnapshot } from '@shared/domain/snapshot'
import { openDatabase, type WorkbenchDb } from '../db/database'
import { Keyring } from '../db/keyring'
import { Repository } from '../db/repository'
import { loadCorpus, type RecordCache } from './loadCorpus'

let db: WorkbenchDb
let keyring: Keyring
let repo: Repository
let sample: RoundSnapshot

beforeEach(async () => {
  db = openDatabase(`search-${crypto.randomUUID()}`)
  keyring = new Keyring(db)
  keyring.unlock((await createVault('Xuncha-2026-Round', { iterations: 1000 })).masterKey)
  repo = new Repository(db, keyring.codec(), () => ({ actor: 'm1', deviceId: 'd1' }))
  repo.audit.useKey(() => keyring.auditKey())
  sample = buildSampleRound()
  await repo.replaceRound(sample, { action: 'import', table: 'rounds', recordId: sample.round.id })
})

const load = async (cache: RecordCache = new Map(), roundId = sample.round.id) =>
  loadCorpus(db, roundId, await keyring.roundKey(roundId), cache, () => undefined)
const found = (corpus: Awaited<ReturnType<typeof load>>['corpus'], q: string) =>
  corpus.search(q, {}, 100).groups.flatMap((g) => g.hits.map((h) => h.doc.key))

describe('the search worker reading the round', () => {
  it('opens every sealed row with the round key and finds what was written', async () => {
    const { corpus, decrypted } = await load()
    expect(decrypted).toBeGreaterThan(100)
    const note = sample.tables.documentNotes.find((n) => !n.deleted && n.doubt.length > 8)!
    expect(found(corpus, note.doubt.slice(0, 8))).toContain(`documentNotes:${note.id}`)
    // The stored rows themselves hold none of it in clear.
    expect(JSON.stringify(await db.documentNotes.get(note.id))).not.toContain(note.doubt.slice(0, 8))
  })

  it('decrypts only what changed since the last build, and sees the change', async () => {
    const first = await load()
    const paper = sample.tables.workingPapers.find((w) => !w.deleted)!
    await repo.save('workingPapers', { ...paper, summary: `${paper.summary}另查明虚列劳务费一十二万元` })
    const second = await load(first.cache)
    expect(second.decrypted).toBe(1)
    expect(found(second.corpus, '虚列劳务费')).toEqual([`workingPapers:${paper.id}`])
    await repo.remove('workingPapers', paper.id)
    expect(found((await load(second.cache)).corpus, '虚列劳务费')).toEqual([])
  })

  it('refuses another round’s key and a row that is not ciphertext', async () => {
    const otherKey = await keyring.roundKey(crypto.randomUUID())
    await expect(loadCorpus(db, sample.round.id, otherKey, new Map(), () => undefined)).rejects.toThrow('数据校验失败')
    const note = sample.tables.documentNotes[0]!
    await db.documentNotes.update(note.id, { body: { excerpt: '伪造的内容' } })
    await expect(load()).rejects.toThrow('数据校验失败')
  })
})
