// What a personal signature costs (Node's WebCrypto; Chromium's is the same BoringSSL/OpenSSL
// class): setting the PIN up, opening the key with the PIN for one act, signing, and checking
// the acts a package brings at the door, each beside the bare WebCrypto figure it is built on.
import { describe, it } from 'vitest'
import type { Signoff, TeamMember } from '@shared/domain/types'
import { createSigningKey, openSigningKey } from '@shared/security/personal-key'
import { deriveWrappingKey, randomBytes } from '@shared/security/primitives'
import { signoffAct } from '@shared/signing/acts'
import { certifyKey, signAct } from '@shared/signing/sign'
import { screenSignatures } from '@shared/exchange/signatures'
import type { ChangeSet } from '@shared/exchange/merge'
import { median, report, RUNS } from './kit'

const time = async (f: () => Promise<unknown>) => {
  const t0 = performance.now()
  await f()
  return performance.now() - t0
}
const ms = (x: number) => `${x.toFixed(1)} ms`

describe('personal signatures', () => {
  it('measures PIN set-up, unlock, signing and the check at the door', async () => {
    const ecdsa = { name: 'ECDSA', namedCurve: 'P-256' } as const
    const setup: number[] = []
    const open: number[] = []
    const pbkdf2: number[] = []
    for (let i = 0; i < RUNS; i++) {
      let wrapped: Awaited<ReturnType<typeof createSigningKey>>['wrapped'] | undefined
      setup.push(await time(async () => (wrapped = (await createSigningKey('m1', '275913')).wrapped)))
      open.push(await time(() => openSigningKey(wrapped!, '275913')))
      pbkdf2.push(await time(() => deriveWrappingKey('275913', randomBytes(16), 600_000)))
    }
    report('set up a PIN (key pair, wrap, open)', `${ms(median(setup))} (bare PBKDF2 600k: ${ms(median(pbkdf2))}, twice)`)
    report('open the key with the PIN, one act', `${ms(median(open))} (bare PBKDF2 600k: ${ms(median(pbkdf2))})`)

    // 300 sign-offs of three members, certified by the 组长, checked as one package at the door.
    const { wrapped, key } = await createSigningKey('m-leader', '275913', { iterations: 1000, now: new Date('2026-11-01') })
    const leader = { memberId: 'm-leader', keyId: wrapped.keyId, key }
    const member = { id: 'm-leader', roundId: 'R', kind: 'member', name: '组长', role: '组长', deleted: false, updatedAt: '' } as TeamMember
    member.signingKeys = [
      await certifyKey(
        leader,
        'R',
        member.id,
        { keyId: wrapped.keyId, publicKey: wrapped.publicKey, createdAt: wrapped.createdAt },
        '2026-11-01T00:00:00Z',
      ),
    ]
    const N = 300
    const records: ChangeSet['records'] = []
    const tSign = await time(async () => {
      for (let i = 0; i < N; i++) {
        const s: Signoff = {
          step: '组长审签',
          memberId: 'm-leader',
          at: '2026-11-20T08:00:00Z',
          contentSha256: 'c'.repeat(64),
          evidence: [],
        }
        const paper = { id: `p${i}`, roundId: 'R' }
        records.push({
          table: 'workingPapers',
          record: { ...paper, signoffs: [{ ...s, signature: await signAct(leader, signoffAct(paper, s)) }] },
          vv: {},
          stamps: {},
          owner: 'd',
        })
      }
    })
    const raw = await crypto.subtle.generateKey(ecdsa, false, ['sign', 'verify'])
    const data = new TextEncoder().encode('x'.repeat(400))
    const sig = await crypto.subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, raw.privateKey, data)
    const bareSign = await time(async () => {
      for (let i = 0; i < N; i++) await crypto.subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, raw.privateKey, data)
    })
    const bareVerify = await time(async () => {
      for (let i = 0; i < N; i++) await crypto.subtle.verify({ name: 'ECDSA', hash: 'SHA-256' }, raw.publicKey, sig, data)
    })
    const pkg: ChangeSet = { packageId: 'p', roundId: 'R', from: { deviceId: 'd', name: 'x' }, createdAt: '', known: {}, records }
    const anchor = { memberId: leader.memberId, keyId: leader.keyId, publicKey: wrapped.publicKey }
    let held = -1
    const tDoor = await time(async () => (held = (await screenSignatures(pkg, new Map(), [member], anchor)).held.length))
    report(`sign ${N} sign-offs`, `${ms(tSign)} (bare ECDSA sign ×${N}: ${ms(bareSign)})`)
    report(`check ${N} new sign-offs at the door (held ${held})`, `${ms(tDoor)} (bare ECDSA verify ×${N}: ${ms(bareVerify)})`)
  })
})
