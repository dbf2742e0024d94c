// The backup job (run by the backup worker): a complete, decryptable round archive, tombstones
// included, and a second backup that opens only the records written since the first.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { decodeArchive } from '@shared/archive'
import { decodePackage } from '@shared/exchange'
import type { SiteVisit } from '@shared/domain/types'
import type { Keyring } from '../db/keyring'
import type { Draft, Repository } from '../db/repository'
import { testRound, unlockedDb } from '../db/testing'
import { buildBackup } from './backupJob'

const TEAM = '团队口令Team#2026'
const round = testRound
const visit = (roundId: string, notes: string): Draft<SiteVisit> => ({
  roundId,
  kind: '走访',
  date: '2026-11-02',
  place: '区农机站',
  memberIds: [],
  peopleMet: '站长',
  notes,
  category: '',
})

let dbName: string
let keyring: Keyring
let repo: Repository

beforeEach(async () => {
  ;({ dbName, keyring, repo } = await unlockedDb('backup'))
})
afterEach(() => vi.restoreAllMocks())

async function backup(roundId: string) {
  const head = {
    packageId: crypto.randomUUID(),
    roundName: round.name,
    from: { deviceId: 'd1', name: '刘振华' },
    createdAt: '2026-11-21T09:00:00.000Z',
  }
  const bytes = await buildBackup(
    { roundId, key: await keyring.roundKey(roundId), passphrase: TEAM, head, appVersion: 'test', dbName },
    () => undefined,
  )
  const { header, payload } = await decodePackage(bytes, TEAM)
  return { header, archive: await decodeArchive(payload), bytes }
}

describe('backup job', () => {
  it('writes the whole round, tombstones included, encrypted with the team passphrase', async () => {
    const r = await repo.save('rounds', round)
    const kept = await repo.save('visits', visit(r.id, '走访农机站，群众反映补贴发放慢'))
    const gone = await repo.save('visits', visit(r.id, '已删除的走访'))
    await repo.remove('visits', gone.id)
    const { header, archive, bytes } = await backup(r.id)
    expect(header).toMatchObject({ kind: 'backup', roundId: r.id, roundName: '第三轮巡察', from: { name: '刘振华' } })
    expect(new TextDecoder().decode(bytes)).not.toContain('农机站')
    expect(archive.snapshot.round.name).toBe('第三轮巡察')
    expect(archive.snapshot.tables.visits.map((v) => [v.id, v.notes, !!v.deleted]).sort()).toEqual(
      [
        [kept.id, kept.notes, false],
        [gone.id, '已删除的走访', true],
      ].sort(),
    )
  }, 20_000)

  it('opens only the records written since its last backup, and never serves a stale one', async () => {
    const r = await repo.save('rounds', round)
    const visits = await Promise.all(Array.from({ length: 5 }, (_, i) => repo.save('visits', visit(r.id, `走访记录${i}`))))
    await backup(r.id)
    await repo.save('visits', { ...visits[2]!, notes: '补充：已核实' })
    const decrypt = vi.spyOn(crypto.subtle, 'decrypt')
    const { archive } = await backup(r.id)
    // The round row, the edited visit, and the package itself when it is read back here.
    expect(decrypt).toHaveBeenCalledTimes(3)
    expect(archive.snapshot.tables.visits.find((v) => v.id === visits[2]!.id)!.notes).toBe('补充：已核实')
    expect(archive.snapshot.tables.visits.filter((v) => v.notes.startsWith('走访记录'))).toHaveLength(4)
  }, 20_000)
})
