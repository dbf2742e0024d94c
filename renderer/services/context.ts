// What a service works with, handed in rather than imported: the repository (every read and
// write of records, with the audit log), the keyring (round keys) and this laptop's settings.
// The app passes `platform` from platform/db/workbench.ts; the services' tests build their own on
// a fresh in-memory database, without a DOM, Vue or Element Plus.
import type { Repository } from '../platform/db/repository'
import type { Keyring } from '../platform/db/keyring'
import type { Settings } from '../platform/db/settings'
import type { DraftStore } from '../platform/db/drafts'

export interface ServiceContext {
  repo: Repository
  keyring: Pick<Keyring, 'destroyRoundKey' | 'roundKey'>
  settings: Settings
  /** Unsaved forms and editors (sealed drafts), deleted with their round. */
  drafts: Pick<DraftStore, 'removeRound'>
}
