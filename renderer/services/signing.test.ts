import { beforeEach, describe, expect, it } from 'vitest'
import type { TeamMember } from '@shared/domain/types'
import { isEncryptedBody } from '@shared/security'
import { signoffAct } from '@shared/signing/acts'
import { verifyAct, SIGNATURE_REASONS } from '@shared/signing/verify'
import { sampleWorkspace, TEST_PIN, type TestWorkspace } from './testing'
import { afterImport, anchorOf, confirmKey, hasKey, setUpPin, sign, unlockKey, withdrawKeys } from './signing'

let ws: TestWorkspace
beforeEach(async () => {
  ws = await sampleWorkspace()
})
const FAST = { iterations: 1000 }
const stored = async (m: TeamMember) => (await ws.repo.get('people', m.id)) as TeamMember
const roster = async () => (await ws.repo.list('people', ws.sample.round.id)).filter((p): p is TeamMember => p.kind === 'member')

describe('personal PIN on this laptop', () => {
  it('refuses a weak or mismatched PIN and writes nothing', async () => {
    const m = ws.member('组员')
    await expect(setUpPin(ws, m, '123456', '123456', FAST)).rejects.toThrow('签名密码不能是连续的数字')
    await expect(setUpPin(ws, m, '275913', '275931', FAST)).rejects.toThrow('两次输入的签名密码不一致')
    expect(await hasKey(ws, m.id)).toBe(false)
    expect((await stored(m)).signingKeys).toBeUndefined()
  })

  it("the 组长's first key anchors the round; a member's key waits for the 组长 to confirm it", async () => {
    const leader = ws.member('组长')
    const staff = ws.member('组员')
    const { fingerprint } = await setUpPin(ws, leader, TEST_PIN, TEST_PIN, FAST)
    expect(fingerprint).toMatch(/^[0-9A-F]{4}(-[0-9A-F]{4}){3}$/)
    expect((await anchorOf(ws, leader.roundId))?.memberId).toBe(leader.id)
    // Stored in the vault: sealed with the round key, nothing of the key readable in clear.
    const raw = await ws.settings.get<unknown>(`signingKey:${leader.id}`, null)
    expect(isEncryptedBody(raw)).toBe(true)
    expect(JSON.stringify(raw)).not.toMatch(/publicKey|kdf|memberId/)
    await setUpPin(ws, staff, '902718', '902718', FAST)
    expect((await stored(staff)).signingKeys![0]!.cert).toBeUndefined()
    // A member's PIN cannot confirm keys.
    await expect(confirmKey(ws, staff, await unlockKey(ws, staff, '902718'), await stored(staff))).rejects.toThrow('只有组长本人')
    const confirmed = await confirmKey(ws, await stored(leader), await unlockKey(ws, leader, TEST_PIN), await stored(staff))
    expect(confirmed.signingKeys![0]!.cert?.by).toBe(leader.id)
    expect((await ws.repo.auditEntries('key-certified')).length).toBe(1)
  })

  it('counts and audits wrong PINs, and resets the count after the right one', async () => {
    const leader = ws.member('组长')
    await setUpPin(ws, leader, TEST_PIN, TEST_PIN, FAST)
    await expect(unlockKey(ws, leader, '000001')).rejects.toThrow('签名密码不正确（连续第 1 次）')
    await expect(unlockKey(ws, leader, '000002')).rejects.toThrow('签名密码不正确（连续第 2 次）')
    expect((await ws.repo.auditEntries('pin-failed')).map((e) => e.detail)).toEqual([
      '签名密码错误（连续第 1 次）',
      '签名密码错误（连续第 2 次）',
    ])
    expect((await unlockKey(ws, leader, TEST_PIN)).key.extractable).toBe(false)
    expect(await ws.settings.get(`pinFailures:${leader.id}`, -1)).toBe(0)
  })

  it('a laptop that joined the round cannot anchor a 组长 key of its own: its sign-off as 组长 shows 签名无效', async () => {
    const leader = ws.member('组长')
    await afterImport(ws, leader.roundId, true) // joined from a package, no 组长 key in it
    await setUpPin(ws, leader, TEST_PIN, TEST_PIN, FAST)
    expect(await anchorOf(ws, leader.roundId)).toBeUndefined()
    expect((await stored(leader)).signingKeys![0]!.cert).toBeUndefined()
  })

  it('a forgotten PIN: the 组长 withdraws the old key; the sign-off made with it before stays valid', async () => {
    const staff = ws.member('组员')
    const signer = await ws.signer('组员')
    await confirmKey(ws, await stored(ws.member('组长')), await ws.signer('组长'), await stored(staff))
    const paper = { id: 'p1', roundId: staff.roundId }
    const s = { step: '承办人签字' as const, memberId: staff.id, at: new Date(Date.now() - 1000).toISOString(), contentSha256: 'c' }
    const signature = await sign(signer, signoffAct(paper, s))
    const anchor = await anchorOf(ws, staff.roundId)
    expect((await verifyAct(signoffAct(paper, s), signature, await roster(), anchor)).ok).toBe(true)
    await withdrawKeys(ws, await stored(ws.member('组长')), await ws.signer('组长'), await stored(staff))
    expect((await verifyAct(signoffAct(paper, s), signature, await roster(), anchor)).ok).toBe(true)
    const later = { ...s, at: new Date(Date.now() + 1000).toISOString() }
    const v = await verifyAct(signoffAct(paper, later), await sign(signer, signoffAct(paper, later)), await roster(), anchor)
    expect(v).toMatchObject({ ok: false, reason: SIGNATURE_REASONS.revoked })
  })
})
