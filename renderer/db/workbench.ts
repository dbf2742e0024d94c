// The app's one database and repository. The write context (who, which laptop) is set by
// the session store once the current user is known.
import { openDatabase } from './database'
import { Keyring } from './keyring'
import { Repository, type WriteContext } from './repository'

export const db = openDatabase()
/** The same database, committing with strict durability: what the app confirms as done (imports, sign-offs, seals, wipes). */
export const strictDb = openDatabase(undefined, 'strict')
/** Holds the keys while unlocked; every record is sealed with its round's key. */
export const keyring = new Keyring(db, strictDb)

const context: WriteContext = { actor: 'system', actorName: '未指定用户', deviceId: 'unknown' }
export const repo = new Repository(db, keyring.codec(), () => ({ ...context }), undefined, strictDb)

export function setWriteContext(next: Partial<WriteContext>): void {
  Object.assign(context, next)
}

export async function getSetting<T>(key: string, fallback: T): Promise<T> {
  const row = await db.settings.get(key)
  return row === undefined ? fallback : (row.value as T)
}

export async function setSetting(key: string, value: unknown): Promise<void> {
  await db.settings.put({ key, value })
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
