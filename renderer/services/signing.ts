// Personal signing keys on this laptop, and the 组长's statements about the team's keys.
// A member sets a PIN once (joining, or when first asked to sign): the key pair is made here,
// the private key is kept only wrapped under the PIN and sealed with the round key (settings
// `signingKey:<member id>`), and
// the public key goes on the member's roster record, which travels in every package. Each act
// asks for the PIN again; wrong PINs are counted, delayed and audited like wrong passphrases.
// The rules (what is signed, what verifies) are in shared/signing.
import type { ActSignature, MemberKey, TeamMember } from '@shared/domain/types'
import {
  checkPin,
  createSigningKey,
  isVaultError,
  keyFingerprint,
  openFields,
  openSigningKey,
  retryDelayMs,
  sealFields,
  type WrappedSigningKey,
} from '@shared/security'
import { ACT_LABELS, type SignedAct } from '@shared/signing/acts'
import { certifyKey, revokeKey, signAct, type SigningKey } from '@shared/signing/sign'
import { anchorFromRoster, type LeaderAnchor } from '@shared/signing/verify'
import { screenSignatures, withHeld } from '@shared/exchange/signatures'
import type { ChangeSet, MergeResult } from '@shared/exchange/merge'
import type { ServiceContext } from './context'
import { ServiceError } from './errors'

export class SigningError extends ServiceError<'weak-pin' | 'no-key' | 'wrong-pin' | 'not-leader' | 'no-pending-key'> {}

const slot = (memberId: string) => `signingKey:${memberId}`
const failuresSlot = (memberId: string) => `pinFailures:${memberId}`
const anchorSlot = (roundId: string) => `leaderKey:${roundId}`
const joinedSlot = (roundId: string) => `joinedRound:${roundId}`

/**
 * The member's PIN-wrapped key as stored: sealed again with the round's key (AES-GCM), so it
 * opens only after the vault is unlocked, and the wipe's destruction of the round key destroys it.
 */
export async function storedKey(ctx: ServiceContext, member: Pick<TeamMember, 'id' | 'roundId'>): Promise<WrappedSigningKey | null> {
  const body = await ctx.settings.get<unknown>(slot(member.id), null)
  if (!body) return null
  return (await openFields(await ctx.keyring.roundKey(member.roundId), slot(member.id), body)) as unknown as WrappedSigningKey
}
async function storeKey(ctx: ServiceContext, member: Pick<TeamMember, 'id' | 'roundId'>, wrapped: WrappedSigningKey) {
  const body = await sealFields(await ctx.keyring.roundKey(member.roundId), slot(member.id), wrapped as unknown as Record<string, unknown>)
  await ctx.settings.set(slot(member.id), body)
}
export const anchorOf = (ctx: ServiceContext, roundId: string) => ctx.settings.get<LeaderAnchor | undefined>(anchorSlot(roundId), undefined)

/** Whether the member can sign on this laptop (their key is here). */
export async function hasKey(ctx: ServiceContext, memberId: string): Promise<boolean> {
  return !!(await ctx.settings.get<unknown>(slot(memberId), null))
}

/** Puts the member's keys on the roster record and audits the change (ids and counts only). */
async function saveKeys(
  ctx: ServiceContext,
  member: TeamMember,
  keys: MemberKey[],
  audit: { action: 'key-created' | 'key-certified' | 'key-revoked'; detail: string },
): Promise<TeamMember> {
  const current = ((await ctx.repo.get('people', member.id)) as TeamMember | undefined) ?? member
  const next: TeamMember = { ...current, signingKeys: keys }
  const saved = (await ctx.repo.save('people', next)) as TeamMember
  await ctx.repo.record({ ...audit, table: 'people', recordId: member.id, fields: ['signingKeys'] })
  return saved
}

/**
 * Sets the member's PIN: a new key pair on this laptop, its public key on the roster record
 * (待组长确认 until the 组长 certifies it). The 组长's first key on a laptop that did not join
 * the round from a configuration package certifies itself and becomes this laptop's anchor.
 * Returns the key's fingerprint, to be compared in person with what the 组长 sees.
 */
export async function setUpPin(
  ctx: ServiceContext,
  member: TeamMember,
  pin: string,
  confirm: string,
  options: { iterations?: number } = {},
): Promise<{ fingerprint: string; member: TeamMember }> {
  const problems = checkPin(pin, confirm)
  if (problems.length) throw new SigningError('weak-pin', problems.join('；'))
  const { wrapped, key } = await createSigningKey(member.id, pin, options)
  const entry: MemberKey = { keyId: wrapped.keyId, publicKey: wrapped.publicKey, createdAt: wrapped.createdAt }
  let newKey = entry
  const roundId = member.roundId
  const selfAnchor = member.role === '组长' && !(await anchorOf(ctx, roundId)) && !(await ctx.settings.get(joinedSlot(roundId), false))
  if (selfAnchor) {
    newKey = await certifyKey({ memberId: member.id, keyId: entry.keyId, key }, roundId, member.id, entry, entry.createdAt)
    await ctx.settings.set(anchorSlot(roundId), { memberId: member.id, keyId: entry.keyId, publicKey: entry.publicKey })
  }
  await storeKey(ctx, member, wrapped)
  await ctx.settings.set(failuresSlot(member.id), 0)
  const saved = await saveKeys(ctx, member, [...(member.signingKeys ?? []), newKey], {
    action: 'key-created',
    detail: `密钥 ${entry.keyId}`,
  })
  return { fingerprint: await keyFingerprint(entry.publicKey), member: saved }
}

/** The member's key opened with the PIN, for one act. Wrong PINs are counted, delayed and audited. */
export async function unlockKey(ctx: ServiceContext, member: TeamMember, pin: string): Promise<SigningKey> {
  const wrapped = await storedKey(ctx, member)
  if (!wrapped)
    throw new SigningError('no-key', `本机没有${member.name}的个人签名密钥：签名须由${member.name}本人在自己的电脑上输入签名密码`)
  const failures = await ctx.settings.get(failuresSlot(member.id), 0)
  await new Promise((r) => setTimeout(r, retryDelayMs(failures)))
  try {
    const key = await openSigningKey(wrapped, pin)
    if (failures) await ctx.settings.set(failuresSlot(member.id), 0)
    return { memberId: member.id, keyId: wrapped.keyId, key }
  } catch (e) {
    if (!isVaultError(e, 'wrong-passphrase')) throw e
    await ctx.settings.set(failuresSlot(member.id), failures + 1)
    await ctx.repo.record({
      action: 'pin-failed',
      table: 'people',
      recordId: member.id,
      detail: `签名密码错误（连续第 ${failures + 1} 次）`,
    })
    throw new SigningError('wrong-pin', `签名密码不正确（连续第 ${failures + 1} 次）${failures + 1 >= 5 ? '，之后每次尝试须等待更久' : ''}`)
  }
}

/** Signs an act with a key the PIN opened. */
export function sign(signer: SigningKey, act: SignedAct): Promise<ActSignature> {
  return signAct(signer, act)
}

async function leaderKey(ctx: ServiceContext, leader: TeamMember, signer: SigningKey): Promise<SigningKey> {
  const anchor = await anchorOf(ctx, leader.roundId)
  if (leader.role !== '组长' || signer.memberId !== leader.id || !anchor || anchor.memberId !== leader.id || anchor.keyId !== signer.keyId)
    throw new SigningError('not-leader', '只有组长本人、在组长的电脑上，才能确认或停用组员的签名密钥')
  return signer
}

/**
 * The 组长 confirms a member's newest key (after comparing its fingerprint with the member in
 * person) and withdraws the member's older keys from now on: this is also how a forgotten PIN is
 * reset. Old keys stay on the record, so what was signed with them still verifies.
 */
export async function confirmKey(
  ctx: ServiceContext,
  leader: TeamMember,
  leaderSigner: SigningKey,
  member: TeamMember,
): Promise<TeamMember> {
  const signer = await leaderKey(ctx, leader, leaderSigner)
  const keys = member.signingKeys ?? []
  const pending = keys.at(-1)
  if (!pending || pending.cert || pending.revoked) throw new SigningError('no-pending-key', `${member.name}没有待确认的签名密钥`)
  const at = new Date().toISOString()
  const next = await Promise.all(
    keys.map((k) =>
      k === pending
        ? certifyKey(signer, member.roundId, member.id, k, at)
        : k.revoked
          ? k
          : revokeKey(signer, member.roundId, member.id, k, at),
    ),
  )
  const saved = await saveKeys(ctx, member, next, { action: 'key-certified', detail: `密钥 ${pending.keyId}` })
  return saved
}

/** Forgotten PIN or a member leaving: the 组长 withdraws every key of the member from now on. */
export async function withdrawKeys(
  ctx: ServiceContext,
  leader: TeamMember,
  leaderSigner: SigningKey,
  member: TeamMember,
): Promise<TeamMember> {
  const signer = await leaderKey(ctx, leader, leaderSigner)
  const at = new Date().toISOString()
  const keys = await Promise.all(
    (member.signingKeys ?? []).map((k) => (k.revoked ? k : revokeKey(signer, member.roundId, member.id, k, at))),
  )
  const saved = await saveKeys(ctx, member, keys, { action: 'key-revoked', detail: `停用 ${keys.length} 把密钥` })
  return saved
}

/** Audits a 组长-only act on the round with the key that signed it (the caller verified the signature). */
export async function recordLeaderAct(ctx: ServiceContext, act: SignedAct, signature: ActSignature): Promise<void> {
  await ctx.repo.record({
    action: 'sign',
    table: 'rounds',
    recordId: act.roundId,
    detail: `组长个人签名：${ACT_LABELS[act.act]}（密钥 ${signature.keyId}）`,
  })
}

/** A member who forgot the PIN drops the key on this laptop, to set a new PIN (the 组长 then confirms the new key). */
export async function forgetKey(ctx: ServiceContext, memberId: string): Promise<void> {
  await ctx.settings.delete(slot(memberId), failuresSlot(memberId))
}

/**
 * Before a package is merged: records whose new signed acts do not verify are taken out and
 * returned as held (shared/exchange/signatures.ts). A laptop joining the round verifies with
 * the anchor the package's roster offers.
 */
export async function screenIncoming(
  ctx: ServiceContext,
  pkg: ChangeSet,
  local: ReadonlyMap<string, Record<string, unknown>>,
  joining: boolean,
): Promise<{ pkg: ChangeSet; hold: (r: MergeResult, at: string) => MergeResult; heldCount: number }> {
  const members = joining ? [] : ((await ctx.repo.list('people', pkg.roundId)).filter((p) => p.kind === 'member') as TeamMember[])
  const roster = pkg.records.filter((r) => r.table === 'people').map((r) => r.record as unknown as TeamMember)
  const anchor = (await anchorOf(ctx, pkg.roundId)) ?? (joining ? await anchorFromRoster(pkg.roundId, roster) : undefined)
  const screened = await screenSignatures(pkg, local, members, anchor)
  return { pkg: screened.pkg, hold: (r, at) => withHeld(r, screened.held, screened.pkg, at), heldCount: screened.held.length }
}

/**
 * After an import: a laptop that joined remembers it did (its 组长 key can only come from the
 * 组长), and takes the 组长's key from the roster as its anchor when it has none yet.
 */
export async function afterImport(ctx: ServiceContext, roundId: string, joining: boolean): Promise<void> {
  if (joining) await ctx.settings.set(joinedSlot(roundId), true)
  if (await anchorOf(ctx, roundId)) return
  if (!(await ctx.settings.get(joinedSlot(roundId), false))) return
  const members = (await ctx.repo.list('people', roundId)).filter((p) => p.kind === 'member') as TeamMember[]
  const anchor = await anchorFromRoster(roundId, members)
  if (anchor) await ctx.settings.set(anchorSlot(roundId), anchor)
}
