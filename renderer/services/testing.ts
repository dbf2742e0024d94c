// For the services' unit tests (Node, no DOM): a fresh in-memory database with the sample round
// in it, sealed as on a real laptop, and the members of each role. Import 'fake-indexeddb/auto'
// first (the vitest project `services` does it in its setup).
import { createVault } from '@shared/security'
import { buildSampleRound } from '@shared/sample'
import type { RoundSnapshot } from '@shared/domain/snapshot'
import type { MemberRole, TeamMember } from '@shared/domain/types'
import { openDatabase } from '../platform/db/database'
import { Keyring } from '../platform/db/keyring'
import { Repository } from '../platform/db/repository'
import { Settings } from '../platform/db/settings'
import { DraftStore } from '../platform/db/drafts'
import { ExchangeStateStore } from '../platform/db/exchangeStates'
import type { SigningKey } from '@shared/signing/sign'
import type { ServiceContext } from './context'
import { hasKey, setUpPin, unlockKey } from './signing'

export interface TestWorkspace extends ServiceContext {
  keyring: Keyring
  sample: RoundSnapshot
  /** The sample round's first live member of that role. */
  member: (role: MemberRole) => TeamMember
  /** That member's signing key on this laptop (PIN 275913, set up on first use; the 组长's anchors the round). */
  signer: (role: MemberRole) => Promise<SigningKey>
}

export const TEST_PIN = '275913'

export async function sampleWorkspace(): Promise<TestWorkspace> {
  const db = openDatabase(`services-${crypto.randomUUID()}`)
  const keyring = new Keyring(db)
  keyring.unlock((await createVault('Xuncha-2026-Round', { iterations: 1000 })).masterKey)
  const repo = new Repository(db, keyring.codec(), () => ({ actor: 'm1', actorName: '测试', deviceId: 'test-device' }))
  repo.audit.useKey(() => keyring.auditKey())
  const sample = buildSampleRound()
  await repo.replaceRound(sample, { action: 'import', table: 'rounds', recordId: sample.round.id })
  const member = (role: MemberRole) =>
    (sample.tables.people as TeamMember[]).find((p) => p.kind === 'member' && p.role === role && !p.deleted)!
  const roundKey = (roundId: string) => keyring.roundKey(roundId)
  const ctx: ServiceContext = {
    repo,
    keyring,
    settings: new Settings(db),
    drafts: new DraftStore(db, roundKey),
    exchangeStates: new ExchangeStateStore(db, roundKey),
  }
  const signer = async (role: MemberRole) => {
    const m = (await repo.get('people', member(role).id)) as TeamMember
    if (!(await hasKey(ctx, m.id))) {
      if (role !== '组长') await signer('组长') // the anchor first, as on the 组长's laptop
      await setUpPin(ctx, m, TEST_PIN, TEST_PIN, { iterations: 1000 })
    }
    return unlockKey(ctx, m, TEST_PIN)
  }
  return { ...ctx, keyring, sample, member, signer }
}
