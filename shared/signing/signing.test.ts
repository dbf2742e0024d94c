// Personal signatures: a sign-off verifies with the signer's certified key, and each way of
// cheating shows as 签名无效 with its reason; a package carrying such an act is held at the door.
import { describe, expect, it } from 'vitest'
import type { MemberKey, Signoff, TeamMember, WorkingPaper } from '../domain/types'
import { checkPin, createSigningKey, keyFingerprint, openSigningKey, PIN_MESSAGES } from '../security/personal-key'
import { isVaultError } from '../security/errors'
import { evidenceHash } from '../casework/signing'
import { screenSignatures } from '../exchange/signatures'
import type { ChangeSet } from '../exchange/merge'
import { paperActs, signoffAct } from './acts'
import { certifyKey, revokeKey, signAct, type SigningKey } from './sign'
import { anchorFromRoster, verifyAct, SIGNATURE_REASONS, type LeaderAnchor } from './verify'

const ROUND = 'round-1'
const FAST = { iterations: 1000, now: new Date('2026-11-01T00:00:00.000Z') }
const member = (id: string, name: string, role: TeamMember['role']): TeamMember => ({
  id,
  roundId: ROUND,
  kind: 'member',
  name,
  role,
  fromUnit: '',
  phone: '',
  recusals: [],
  confidentialitySigned: true,
  createdAt: '2026-11-01T00:00:00.000Z',
  updatedAt: '2026-11-01T00:00:00.000Z',
  updatedBy: id,
  deviceId: 'd',
  deleted: false,
})

async function keyFor(m: TeamMember, pin = '275913'): Promise<{ signer: SigningKey; entry: MemberKey }> {
  const { wrapped, key } = await createSigningKey(m.id, pin, FAST)
  return {
    signer: { memberId: m.id, keyId: wrapped.keyId, key },
    entry: { keyId: wrapped.keyId, publicKey: wrapped.publicKey, createdAt: wrapped.createdAt },
  }
}

/** 组长 张卫东 (the anchor), 副组长 陈晓梅 and 组员 赵敏, each with a key the 组长 certified. */
async function team() {
  const leader = member('m-leader', '张卫东', '组长')
  const deputy = member('m-deputy', '陈晓梅', '副组长')
  const staff = member('m-staff', '赵敏', '组员')
  const keys = { leader: await keyFor(leader), deputy: await keyFor(deputy), staff: await keyFor(staff) }
  const at = '2026-11-02T00:00:00.000Z'
  leader.signingKeys = [await certifyKey(keys.leader.signer, ROUND, leader.id, keys.leader.entry, at)]
  deputy.signingKeys = [await certifyKey(keys.leader.signer, ROUND, deputy.id, keys.deputy.entry, at)]
  staff.signingKeys = [await certifyKey(keys.leader.signer, ROUND, staff.id, keys.staff.entry, at)]
  const anchor: LeaderAnchor = { memberId: leader.id, keyId: keys.leader.entry.keyId, publicKey: keys.leader.entry.publicKey }
  return { leader, deputy, staff, keys, anchor, members: [leader, deputy, staff] }
}

const evidence = async (text: string) => {
  const e = { kind: 'interviewPoint' as const, ref: 'i1#p1', text }
  return { ...e, sha256: await evidenceHash(e) }
}

async function signedPaper(t: Awaited<ReturnType<typeof team>>, id = 'paper-1'): Promise<WorkingPaper> {
  const paper = { id, roundId: ROUND, signoffs: [] as Signoff[], reviewLog: [] } as unknown as WorkingPaper
  const ev = [await evidence('食堂承包合同未经招标')]
  const steps: [Signoff['step'], TeamMember, SigningKey][] = [
    ['承办人签字', t.staff, t.keys.staff.signer],
    ['副组长审核', t.deputy, t.keys.deputy.signer],
    ['组长审签', t.leader, t.keys.leader.signer],
  ]
  for (const [i, [step, m, signer]] of steps.entries()) {
    const s: Signoff = { step, memberId: m.id, at: `2026-11-0${3 + i}T08:00:00.000Z`, contentSha256: 'c'.repeat(64), evidence: ev }
    paper.signoffs.push({ ...s, signature: await signAct(signer, signoffAct(paper, s)) })
  }
  return paper
}

const verdicts = (p: WorkingPaper, t: Awaited<ReturnType<typeof team>>, anchor: LeaderAnchor | undefined = t.anchor) =>
  Promise.all(paperActs(p).map((a) => verifyAct(a.act, a.signature, t.members, anchor)))

describe('personal PIN and key', () => {
  it('refuses short, repeated, sequential, common and mismatched PINs with Chinese reasons', () => {
    expect(checkPin('12345', '12345')).toEqual([PIN_MESSAGES.tooShort])
    expect(checkPin('111111', '111111')).toEqual([PIN_MESSAGES.allSame])
    expect(checkPin('123456', '123456')).toEqual([PIN_MESSAGES.sequence])
    expect(checkPin('987654', '987654')).toEqual([PIN_MESSAGES.sequence])
    expect(checkPin('19800101', '19800101')).toEqual([PIN_MESSAGES.common])
    expect(checkPin('520520', '520520')).toEqual([PIN_MESSAGES.common])
    expect(checkPin('275913', '275914')).toEqual([PIN_MESSAGES.mismatch])
    expect(checkPin('275913', '275913')).toEqual([])
  })

  it('opens the key with the PIN only, as a non-extractable signing key', async () => {
    const { wrapped } = await createSigningKey('m1', '275913', FAST)
    const key = await openSigningKey(wrapped, '275913')
    expect(key.extractable).toBe(false)
    expect(key.usages).toEqual(['sign'])
    const wrong = await openSigningKey(wrapped, '275914').catch((e: unknown) => e)
    expect(isVaultError(wrong, 'wrong-passphrase') && wrong.message).toBe('签名密码不正确')
    // The wrapping is bound to the member: moved to another member's slot it does not open.
    await expect(openSigningKey({ ...wrapped, memberId: 'm2' }, '275913')).rejects.toThrow('签名密码不正确')
    expect(await keyFingerprint(wrapped.publicKey)).toMatch(/^[0-9A-F]{4}(-[0-9A-F]{4}){3}$/)
  })
})

describe('signed acts', () => {
  it('a 底稿 signed through all three steps verifies, each by its signer', async () => {
    const t = await team()
    const v = await verdicts(await signedPaper(t), t)
    expect(v.map((x) => (x.ok ? x.signerName : x.reason))).toEqual(['赵敏', '陈晓梅', '张卫东'])
  })

  it('a sign-off replayed onto another 底稿 does not verify', async () => {
    const t = await team()
    const p = await signedPaper(t)
    const other = { ...p, id: 'paper-2' }
    const v = await verdicts(other, t)
    expect(v.every((x) => !x.ok && x.reason === SIGNATURE_REASONS.mismatch)).toBe(true)
  })

  it('evidence edited after signing: a copy re-hashed in the sign-off no longer verifies', async () => {
    const t = await team()
    const p = await signedPaper(t)
    const edited = await evidence('食堂承包合同已按规定招标')
    const tampered = { ...p, signoffs: p.signoffs.map((s, i) => (i === 2 ? { ...s, evidence: [edited] } : s)) }
    const v = await verdicts(tampered, t)
    expect(v[2]).toMatchObject({ ok: false, label: '签名无效', reason: SIGNATURE_REASONS.mismatch, signerName: '张卫东' })
    expect(v[1]!.ok).toBe(true)
  })

  it('a member laptop cannot make a valid 组长审签: its own key for the 组长 is not the anchor nor certified', async () => {
    const t = await team()
    const p = await signedPaper(t)
    const forger = await keyFor(t.leader, '864209')
    // Self-certified, as the member laptop would do it; the roster record now has two keys.
    const forged = await certifyKey(forger.signer, ROUND, t.leader.id, forger.entry, '2026-11-05T00:00:00.000Z')
    t.leader.signingKeys = [...t.leader.signingKeys!, forged]
    const s = { ...p.signoffs[2]!, at: '2026-11-06T08:00:00.000Z' }
    const forgedSignoff = { ...s, signature: await signAct(forger.signer, signoffAct(p, s)) }
    const v = await verifyAct(signoffAct(p, forgedSignoff), forgedSignoff.signature, t.members, t.anchor)
    expect(v).toMatchObject({ ok: false, reason: SIGNATURE_REASONS.uncertified })
    // A 组员's certified key cannot sign the 组长's step either.
    const byStaff = { ...s, memberId: t.staff.id }
    const w = await verifyAct(signoffAct(p, byStaff), await signAct(t.keys.staff.signer, signoffAct(p, byStaff)), t.members, t.anchor)
    expect(w).toMatchObject({ ok: false, reason: '底稿签字须由组长本人签名' })
  })

  it('the key of a removed member signs nothing after the removal; what was signed before stands', async () => {
    const t = await team()
    const p = await signedPaper(t)
    t.staff.deleted = true
    t.staff.updatedAt = '2026-11-10T00:00:00.000Z'
    expect((await verdicts(p, t))[0]!.ok).toBe(true)
    const late = { ...p.signoffs[0]!, at: '2026-11-11T00:00:00.000Z' }
    const v = await verifyAct(signoffAct(p, late), await signAct(t.keys.staff.signer, signoffAct(p, late)), t.members, t.anchor)
    expect(v).toMatchObject({ ok: false, reason: SIGNATURE_REASONS.removed })
  })

  it('a forgotten PIN: after the 组长 re-issues the key, old signatures still verify with the old key, new ones only with the new', async () => {
    const t = await team()
    const p = await signedPaper(t)
    const resetAt = '2026-11-08T00:00:00.000Z'
    const fresh = await keyFor(t.staff, '902718')
    t.staff.signingKeys = [
      await revokeKey(t.keys.leader.signer, ROUND, t.staff.id, t.staff.signingKeys![0]!, resetAt),
      await certifyKey(t.keys.leader.signer, ROUND, t.staff.id, fresh.entry, resetAt),
    ]
    expect((await verdicts(p, t))[0]!.ok).toBe(true)
    const after = { ...p.signoffs[0]!, at: '2026-11-09T00:00:00.000Z' }
    const old = await verifyAct(signoffAct(p, after), await signAct(t.keys.staff.signer, signoffAct(p, after)), t.members, t.anchor)
    expect(old).toMatchObject({ ok: false, reason: SIGNATURE_REASONS.revoked })
    const renewed = await verifyAct(signoffAct(p, after), await signAct(fresh.signer, signoffAct(p, after)), t.members, t.anchor)
    expect(renewed.ok).toBe(true)
  })

  it('a joining laptop takes the 组长 key with a valid self-certificate as its anchor', async () => {
    const t = await team()
    expect(await anchorFromRoster(ROUND, t.members)).toEqual(t.anchor)
    expect(await anchorFromRoster('another-round', t.members)).toBeUndefined()
    // A second self-certified key on the 组长's record (made elsewhere): ambiguous, no anchor.
    const other = await keyFor(t.leader, '864209')
    t.leader.signingKeys = [
      ...t.leader.signingKeys!,
      await certifyKey(other.signer, ROUND, t.leader.id, other.entry, '2026-11-05T00:00:00.000Z'),
    ]
    expect(await anchorFromRoster(ROUND, t.members)).toBeUndefined()
  })
})

describe('at the door', () => {
  const pkgOf = (records: ChangeSet['records']): ChangeSet => ({
    packageId: 'pkg-1',
    roundId: ROUND,
    from: { deviceId: 'dev-staff', name: '赵敏的电脑' },
    createdAt: '2026-11-07T00:00:00.000Z',
    known: {},
    records,
  })
  const rec = (table: 'workingPapers' | 'people', record: object) => ({
    table,
    record: record as Record<string, unknown>,
    vv: {},
    stamps: {},
    owner: 'dev-staff',
  })

  it('holds a 底稿 whose new 组长审签 is forged, and lets a correctly signed one through', async () => {
    const t = await team()
    const good = await signedPaper(t, 'paper-good')
    const p = await signedPaper(t, 'paper-forged')
    const forger = await keyFor(t.leader, '864209')
    const forgedKey = await certifyKey(forger.signer, ROUND, t.leader.id, forger.entry, '2026-11-05T00:00:00.000Z')
    const s = p.signoffs[2]!
    const forged = { ...p, signoffs: [...p.signoffs.slice(0, 2), { ...s, signature: await signAct(forger.signer, signoffAct(p, s)) }] }
    const leaderRecord = { ...t.leader, signingKeys: [...t.leader.signingKeys!, forgedKey] }
    const local = new Map<string, Record<string, unknown>>()
    const { pkg, held } = await screenSignatures(
      pkgOf([rec('workingPapers', good), rec('workingPapers', forged), rec('people', leaderRecord)]),
      local,
      t.members,
      t.anchor,
    )
    expect(pkg.records.map((r) => r.record.id)).toEqual(['paper-good', 'm-leader'])
    expect(held).toHaveLength(1)
    expect(held[0]).toMatchObject({ table: 'workingPapers', recordId: 'paper-forged', field: 'signoffs' })
    expect(held[0]!.reason).toContain('签名无效（张卫东）：签名所用密钥未经组长确认')
  })

  it('holds a sign-off stripped of its signature, but not sign-offs this laptop already holds', async () => {
    const t = await team()
    const p = await signedPaper(t)
    const stripped = { ...p, signoffs: p.signoffs.map(({ signature: _s, ...s }) => s) }
    const none = await screenSignatures(pkgOf([rec('workingPapers', stripped)]), new Map(), t.members, t.anchor)
    expect(none.held[0]!.reason).toContain('该操作没有个人签名')
    // Sign-offs from before the signers had keys (an older round) come in, showing 未签名.
    const older = { ...stripped, signoffs: stripped.signoffs.map((s) => ({ ...s, at: '2026-10-01T08:00:00.000Z' })) }
    expect((await screenSignatures(pkgOf([rec('workingPapers', older)]), new Map(), t.members, t.anchor)).held).toEqual([])
    const known = new Map([['workingPapers/paper-1', stripped as unknown as Record<string, unknown>]])
    expect((await screenSignatures(pkgOf([rec('workingPapers', stripped)]), known, t.members, t.anchor)).held).toEqual([])
  })
})
