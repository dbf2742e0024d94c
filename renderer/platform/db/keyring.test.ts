import { beforeEach, describe, expect, it } from 'vitest'
import { createVault, isVaultError, unlockWithPassphrase, type Vault } from '@shared/security'
import type { Cadre } from '@shared/domain/types'
import type { WorkbenchDb } from './database'
import { Keyring } from './keyring'
import type { Repository, Draft } from './repository'
import { TEST_PASSPHRASE, testRound, unlockedDb } from './testing'

const PASS = TEST_PASSPHRASE
const round = testRound
let db: WorkbenchDb
let keyring: Keyring
let repo: Repository
let vault: Vault

const cadre = (roundId: string): Draft<Cadre> => ({
  kind: 'cadre',
  roundId,
  name: '周海涛',
  gender: '男',
  birth: '1968-03',
  post: '党委书记、局长',
  duties: '主持全面工作',
  inPostSince: '2019-06',
  department: '',
  category: '一把手',
  isTopLeader: true,
  isDisciplineChief: false,
  isLeadershipMember: true,
  isMidLevelHead: false,
  notes: '反映其在工程招投标中打招呼',
})

beforeEach(async () => {
  ;({ db, keyring, repo, vault } = await unlockedDb('keyring'))
})

describe('encryption at rest', () => {
  it('stores sensitive fields only as ciphertext and reads them back', async () => {
    const r = await repo.save('rounds', round)
    const c = await repo.save('people', cadre(r.id))
    const raw = JSON.stringify([await db.rounds.get(r.id), await db.people.get(c.id)])
    for (const secret of ['区农业农村局党委', '周海涛', '招投标', '主持全面工作']) expect(raw).not.toContain(secret)
    expect((await repo.get('people', c.id)) as Cadre).toMatchObject({ name: '周海涛', notes: '反映其在工程招投标中打招呼' })
    expect(await db.roundKeys.count()).toBe(1)
  })

  it('refuses a tampered ciphertext and a body swapped from another record', async () => {
    const r = await repo.save('rounds', round)
    const a = await repo.save('people', cadre(r.id))
    const b = await repo.save('people', { ...cadre(r.id), name: '李红梅' })
    const rowA = (await db.people.get(a.id))!
    const rowB = (await db.people.get(b.id))!
    await db.people.put({ ...rowA, body: rowB.body })
    await expect(repo.get('people', a.id)).rejects.toSatisfy((e) => isVaultError(e, 'tampered'))
    const body = rowB.body as { ct: string }
    const flipped = body.ct.slice(0, 10) + (body.ct[10] === 'A' ? 'B' : 'A') + body.ct.slice(11)
    await db.people.put({ ...rowB, body: { ...body, ct: flipped } })
    await expect(repo.get('people', b.id)).rejects.toSatisfy((e) => isVaultError(e, 'tampered'))
  })

  it('refuses a plaintext body put in place of ciphertext', async () => {
    const r = await repo.save('rounds', round)
    const c = await repo.save('people', cadre(r.id))
    await db.people.update(c.id, { body: { name: '伪造' } })
    await expect(repo.get('people', c.id)).rejects.toThrow('数据校验失败')
  })

  it('opens the same data after a relock with the passphrase, and nothing while locked', async () => {
    const r = await repo.save('rounds', round)
    keyring.forget()
    await expect(repo.get('rounds', r.id)).rejects.toThrow('数据已锁定')
    keyring.unlock(await unlockWithPassphrase(vault, PASS))
    expect((await repo.get('rounds', r.id))?.unitName).toBe('区农业农村局党委')
    const vaultAgain = await createVault(PASS, { iterations: 1000 })
    keyring.unlock(vaultAgain.masterKey)
    await expect(repo.get('rounds', r.id)).rejects.toSatisfy((e) => isVaultError(e, 'tampered'))
  })

  it('makes a round unreadable once its key is destroyed', async () => {
    const r = await repo.save('rounds', round)
    await keyring.destroyRoundKey(r.id)
    keyring.forget()
    keyring.unlock(await unlockWithPassphrase(vault, PASS))
    // A new key would be created for the id, and it cannot open the old ciphertext.
    await expect(repo.get('rounds', r.id)).rejects.toSatisfy((e) => isVaultError(e, 'tampered'))
  })
})
