// Personal signing on this laptop, for the screens: whose keys are here, the 组长 anchor, and
// the verdict of each signed act shown in the 底稿 and clue views. Workflows are in
// services/signing.ts; the rules in shared/signing.
import { defineStore } from 'pinia'
import { ref, shallowRef, watch } from 'vue'
import type { ActSignature, TeamMember } from '@shared/domain/types'
import type { RecordedAct, SignedAct } from '@shared/signing/acts'
import type { SigningKey } from '@shared/signing/sign'
import { verifyAct, type LeaderAnchor, type SignatureVerdict } from '@shared/signing/verify'
import { platform } from '../platform/db/workbench'
import * as service from '../services/signing'
import { useRoundStore } from './round'

export const useSigningStore = defineStore('signing', () => {
  const round = useRoundStore()
  /** Members whose key is on this laptop. */
  const keysHere = ref(new Set<string>())
  const anchor = shallowRef<LeaderAnchor>()

  async function refresh() {
    const roundId = round.activeRoundId
    const here = new Set<string>()
    for (const m of round.members) if (await service.hasKey(platform, m.id)) here.add(m.id)
    keysHere.value = here
    anchor.value = roundId ? await service.anchorOf(platform, roundId) : undefined
  }
  watch(() => [round.activeRoundId, round.members.length] as const, refresh, { immediate: true })

  const member = (id: string) => round.members.find((m) => m.id === id)

  async function setUpPin(m: TeamMember, pin: string, confirm: string): Promise<string> {
    const { fingerprint, member: saved } = await service.setUpPin(platform, m, pin, confirm)
    round.keepPerson(saved)
    await refresh()
    return fingerprint
  }
  const unlock = (m: TeamMember, pin: string): Promise<SigningKey> => service.unlockKey(platform, m, pin)
  async function confirmKey(leader: SigningKey, m: TeamMember) {
    round.keepPerson(await service.confirmKey(platform, member(leader.memberId)!, leader, m))
  }
  async function withdrawKeys(leader: SigningKey, m: TeamMember) {
    round.keepPerson(await service.withdrawKeys(platform, member(leader.memberId)!, leader, m))
  }
  async function forgetKey(m: TeamMember) {
    await service.forgetKey(platform, m.id)
    await refresh()
  }

  /** The verdict of each recorded act, against the roster as it is now and this laptop's anchor. */
  const verify = (acts: readonly Pick<RecordedAct, 'act' | 'signature'>[]): Promise<SignatureVerdict[]> =>
    Promise.all(acts.map((a) => verifyAct(a.act, a.signature, round.members, anchor.value)))

  const recordLeaderAct = (act: SignedAct, signature: ActSignature) => service.recordLeaderAct(platform, act, signature)

  return {
    keysHere,
    anchor,
    member,
    refresh,
    setUpPin,
    unlock,
    confirmKey,
    withdrawKeys,
    forgetKey,
    verify,
    recordLeaderAct,
  }
})
