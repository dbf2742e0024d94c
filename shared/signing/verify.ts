// Whether a signature proves that the named member made the act. The one trust root is the
// 组长's key this laptop pinned (the anchor: the 组长's own key on the 组长's laptop, the key in
// the configuration package a member joined with); every other key counts once the anchor
// certified it, until the anchor withdrew it. Keys stay on the roster record after a reset, so
// signatures made before it still verify with the key they were made with.
import type { ActSignature, MemberKey, TeamMember } from '../domain/types'
import { verifyText } from '../security/personal-key'
import { ACT_LABELS, actRoles, actText, keyCertText, keyRevokeText, type SignedAct } from './acts'

export interface LeaderAnchor {
  memberId: string
  keyId: string
  publicKey: string
}

type Member = Pick<TeamMember, 'id' | 'name' | 'role' | 'deleted' | 'updatedAt' | 'signingKeys'>

export type SignatureVerdict =
  | { ok: true; label: '签名有效'; signerName: string; keyId: string }
  | { ok: false; label: '签名无效' | '未签名'; reason: string; signerName: string }

export const SIGNATURE_REASONS = {
  missing: '该操作没有个人签名',
  noAnchor: '本机尚未取得组长的签名公钥（导入组长的轮次配置包后可核验）',
  notOnRoster: '签名人不在本轮名单中',
  foreignKey: '签名所用密钥不属于签名人',
  uncertified: '签名所用密钥未经组长确认',
  revoked: '签名时该密钥已被组长停用',
  removed: '签名时签名人已移出名单',
  wrongRole: (role: string, act: string) => `${act}须由${role}本人签名`,
  mismatch: '签名与内容不符：签名后内容被改动，或签名是伪造的',
} as const

/** Whether the anchor vouches for the key at the time `at` (null when it does, else the reason). */
async function keyTrust(roundId: string, member: Member, key: MemberKey, anchor: LeaderAnchor, at: string): Promise<string | null> {
  const isAnchor = member.id === anchor.memberId && key.keyId === anchor.keyId && key.publicKey === anchor.publicKey
  if (!isAnchor) {
    const cert = key.cert
    if (!cert || cert.keyId !== anchor.keyId || cert.by !== anchor.memberId) return SIGNATURE_REASONS.uncertified
    if (!(await verifyText(anchor.publicKey, keyCertText(roundId, member.id, key), cert.sig))) return SIGNATURE_REASONS.uncertified
  }
  const r = key.revoked
  if (
    r &&
    r.keyId === anchor.keyId &&
    at >= r.at &&
    (await verifyText(anchor.publicKey, keyRevokeText(roundId, member.id, key.keyId, r.at), r.sig))
  )
    return SIGNATURE_REASONS.revoked
  return null
}

/** Checks one signed act against the roster and the anchor. */
export async function verifyAct(
  act: SignedAct,
  signature: ActSignature | undefined,
  members: readonly Member[],
  anchor: LeaderAnchor | undefined,
): Promise<SignatureVerdict> {
  const member = members.find((m) => m.id === act.memberId)
  const signerName = member?.name ?? '（不在名单）'
  const bad = (reason: string): SignatureVerdict => ({ ok: false, label: '签名无效', reason, signerName })
  if (!signature) return { ok: false, label: '未签名', reason: SIGNATURE_REASONS.missing, signerName }
  if (!member) return bad(SIGNATURE_REASONS.notOnRoster)
  if (!anchor) return bad(SIGNATURE_REASONS.noAnchor)
  const key = member.signingKeys?.find((k) => k.keyId === signature.keyId)
  if (!key) return bad(SIGNATURE_REASONS.foreignKey)
  const distrust = await keyTrust(act.roundId, member, key, anchor, act.at)
  if (distrust) return bad(distrust)
  if (member.deleted && act.at >= member.updatedAt) return bad(SIGNATURE_REASONS.removed)
  const roles = actRoles(act)
  if (roles && !roles.includes(member.role)) return bad(SIGNATURE_REASONS.wrongRole(roles.join('或'), ACT_LABELS[act.act]))
  if (!(await verifyText(key.publicKey, actText(act), signature.sig))) return bad(SIGNATURE_REASONS.mismatch)
  return { ok: true, label: '签名有效', signerName, keyId: key.keyId }
}

/** "签名有效（张卫东）" / "签名无效（赵敏）：签名所用密钥未经组长确认". */
export function describeVerdict(v: SignatureVerdict): string {
  return v.ok ? `${v.label}（${v.signerName}）` : `${v.label}（${v.signerName}）：${v.reason}`
}

/**
 * The anchor a roster offers a joining laptop: the 组长's key whose self-certificate verifies.
 * When the 组长's record carries more than one such key (someone added one elsewhere), none is
 * taken: the laptop then verifies nothing until the 组长's key is settled.
 */
export async function anchorFromRoster(roundId: string, members: readonly Member[]): Promise<LeaderAnchor | undefined> {
  const found: LeaderAnchor[] = []
  for (const m of members) {
    if (m.role !== '组长' || m.deleted) continue
    for (const k of m.signingKeys ?? []) {
      if (k.revoked || !k.cert || k.cert.keyId !== k.keyId || k.cert.by !== m.id) continue
      if (await verifyText(k.publicKey, keyCertText(roundId, m.id, k), k.cert.sig))
        found.push({ memberId: m.id, keyId: k.keyId, publicKey: k.publicKey })
    }
  }
  return found.length === 1 ? found[0] : undefined
}
