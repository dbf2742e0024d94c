// Sealing the exchange state for storage: AES-256-GCM under the round key, the row key as
// associated data. Format 2 stores the IV and ciphertext as bytes (IndexedDB keeps binary), not
// base64 text: the state of a large round is several MB and base64 would double the work.
// Format 1 rows (base64, `sealFields`) are still read, and their state is upgraded.
import { openFields, openJsonObject } from '../security/field-cipher'
import { VaultError } from '../security/errors'
import { gcm, IV_BYTES, isPlainObject, randomBytes, subtle } from '../security/primitives'
import type { SyncState } from './merge'
import { upgradeState } from './sync-records'

export interface SealedState {
  v: 2
  iv: Uint8Array<ArrayBuffer>
  ct: Uint8Array<ArrayBuffer>
}

export async function sealSyncState(key: CryptoKey, aad: string, state: SyncState): Promise<SealedState> {
  const iv = randomBytes(IV_BYTES)
  const ct = await subtle().encrypt(gcm(iv, aad), key, new TextEncoder().encode(JSON.stringify(state)))
  return { v: 2, iv, ct: new Uint8Array(ct) }
}

/** Opens a stored state of either format; a wrong key or any altered byte is VaultError 'tampered'. */
export async function openSyncState(key: CryptoKey, aad: string, body: unknown): Promise<SyncState> {
  if (!isPlainObject(body) || body.v !== 2) return upgradeState(await openFields(key, aad, body))
  const bytes = (x: unknown) =>
    x instanceof Uint8Array || (ArrayBuffer.isView(x) && x.constructor.name === 'Uint8Array')
      ? new Uint8Array(x as Uint8Array<ArrayBuffer>)
      : undefined
  const iv = bytes(body.iv)
  const ct = bytes(body.ct)
  if (!iv || iv.length !== IV_BYTES || !ct) throw new VaultError('corrupt')
  return upgradeState(await openJsonObject(key, aad, iv, ct))
}
