// For unit tests only: a fresh database unlocked with a test vault (keyring, repository with its
// audit chain keyed by the vault), a round to save into it, and an in-memory audit key for
// repositories built without a keyring.
import { createVault, type Vault } from '@shared/security'
import { FOUR_IMPLEMENTATIONS } from '@shared/domain/frameworks'
import type { Round } from '@shared/domain/types'
import { openDatabase, type WorkbenchDb } from './database'
import { Keyring } from './keyring'
import { Repository, type Draft } from './repository'

export function ephemeralAuditKey(): () => Promise<CryptoKey> {
  const key = crypto.subtle.generateKey({ name: 'HMAC', hash: 'SHA-256', length: 256 }, false, ['sign'])
  return () => key
}

export const TEST_PASSPHRASE = 'Xuncha-2026-Round'

export interface UnlockedDb {
  db: WorkbenchDb
  dbName: string
  vault: Vault
  keyring: Keyring
  repo: Repository
}

/** A new database named `<prefix>-<uuid>`, unlocked as after the lock screen (a fast vault: 1,000 iterations). */
export async function unlockedDb(prefix: string): Promise<UnlockedDb> {
  const dbName = `${prefix}-${crypto.randomUUID()}`
  const db = openDatabase(dbName)
  const { vault, masterKey } = await createVault(TEST_PASSPHRASE, { iterations: 1000 })
  const keyring = new Keyring(db)
  keyring.unlock(masterKey)
  const repo = new Repository(db, keyring.codec(), () => ({ actor: 'm1', deviceId: 'd1' }))
  repo.audit.useKey(() => keyring.auditKey())
  return { db, dbName, vault, keyring, repo }
}

export const testRound: Draft<Round> = {
  name: '第三轮巡察',
  batch: '',
  mode: '常规',
  unitName: '区农业农村局党委',
  entryDate: '2026-10-19',
  exitDate: '2026-12-18',
  petitionCutoff: '2026-12-08',
  framework: FOUR_IMPLEMENTATIONS,
  defaultMarking: { level: '内部' },
  notes: '',
}
