// The app's one database and repository. The write context (who, which laptop) is set by
// the session store once the current user is known.
import { openDatabase } from './database'
import { DraftStore } from './drafts'
import { ExchangeStateStore } from './exchangeStates'
import { Keyring } from './keyring'
import { Repository, type WriteContext } from './repository'
import { Settings } from './settings'

export const db = openDatabase()
/** The same database, committing with strict durability: what the app confirms as done (imports, sign-offs, seals, wipes). */
export const strictDb = openDatabase(undefined, 'strict')
/** Holds the keys while unlocked; every record is sealed with its round's key. */
export const keyring = new Keyring(db, strictDb)

const context: WriteContext = { actor: 'system', actorName: '未指定用户', deviceId: 'unknown' }
export const repo = new Repository(db, keyring.codec(), () => ({ ...context }), undefined, strictDb)
// The audit chain is keyed by an HMAC key that only the unlocked vault opens.
repo.audit.useKey(() => keyring.auditKey())
/** Unsaved forms and editors, sealed with the round key (never exported). */
export const drafts = new DraftStore(db, (roundId) => keyring.roundKey(roundId))

export function setWriteContext(next: Partial<WriteContext>): void {
  Object.assign(context, next)
}

/** This laptop's settings (kept in clear: no record data). */
export const settings = new Settings(db)
export const getSetting = <T>(key: string, fallback: T): Promise<T> => settings.get(key, fallback)
export const setSetting = (key: string, value: unknown): Promise<void> => settings.set(key, value)

/** What the services work with (services/context.ts); tests build their own on a fresh database. */
export const platform = {
  repo,
  keyring,
  settings,
  drafts,
  exchangeStates: new ExchangeStateStore(db, (roundId) => keyring.roundKey(roundId)),
}

/** This laptop's identity: generated once, recorded on every record it writes. */
export async function ensureDeviceId(): Promise<string> {
  let id = await getSetting<string>('deviceId', '')
  if (!id) {
    id = crypto.randomUUID()
    await setSetting('deviceId', id)
  }
  return id
}
