// Making signatures and the 组长's statements about keys (the verifying side is verify.ts).
import type { ActSignature, KeyStatement, MemberKey } from '../domain/types'
import { signText } from '../security/personal-key'
import { actText, keyCertText, keyRevokeText, type SignedAct } from './acts'

/** A key ready to sign: the non-extractable private key and the id of its public key. */
export interface SigningKey {
  memberId: string
  keyId: string
  key: CryptoKey
}

export async function signAct(signer: SigningKey, act: SignedAct): Promise<ActSignature> {
  if (act.memberId !== signer.memberId) throw new Error('签名人与操作人不一致')
  return { keyId: signer.keyId, sig: await signText(signer.key, actText(act)) }
}

/** The 组长 vouches for a member's key (the 组长's own key vouches for itself). */
export async function certifyKey(leader: SigningKey, roundId: string, memberId: string, key: MemberKey, at: string): Promise<MemberKey> {
  const cert: KeyStatement = {
    at,
    by: leader.memberId,
    keyId: leader.keyId,
    sig: await signText(leader.key, keyCertText(roundId, memberId, key)),
  }
  return { ...key, cert }
}

/** The 组长 withdraws a member's key from `at` on (signatures made before stay valid). */
export async function revokeKey(leader: SigningKey, roundId: string, memberId: string, key: MemberKey, at: string): Promise<MemberKey> {
  const revoked: KeyStatement = {
    at,
    by: leader.memberId,
    keyId: leader.keyId,
    sig: await signText(leader.key, keyRevokeText(roundId, memberId, key.keyId, at)),
  }
  return { ...key, revoked }
}
