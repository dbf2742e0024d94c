// What the 巡察组 page says about a member's signing key (a quick reading of the record; the
// signatures themselves are verified with verify.ts).
import type { MemberKey, TeamMember } from '../domain/types'
import { fingerprintOf } from '../security/personal-key'

export type KeyStatus = '未设置' | '待组长确认' | '已确认' | '已停用'

export interface KeyState {
  status: KeyStatus
  /** The newest key's fingerprint, to compare in person. */
  fingerprint: string
  newest?: MemberKey
}

export function keyState(m: Pick<TeamMember, 'signingKeys'>): KeyState {
  const newest = m.signingKeys?.at(-1)
  if (!newest) return { status: '未设置', fingerprint: '' }
  const status: KeyStatus = newest.revoked ? '已停用' : newest.cert ? '已确认' : '待组长确认'
  return { status, fingerprint: fingerprintOf(newest.keyId), newest }
}
