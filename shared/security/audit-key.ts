// The audit log's key: a random HMAC-SHA-256 key, stored only wrapped by the vault's master
// key (like a round key), so only someone who can unlock the vault — passphrase, recovery key
// or keystore — can extend the audit chain or re-seal its head. The app holds it
// non-extractable and only ever signs with it.
import { bytesToBase64 } from './base64'
import { VaultError } from './errors'
import { IV_BYTES, WRAPPED_KEY_BYTES, decodeField, gcm, isPlainObject, randomBytes, subtle, utf8 } from './primitives'

export interface WrappedAuditKey {
  iv: string
  ct: string
  createdAt: string
}

export const AUDIT_KEY_AAD = 'xuncha-vault-v1/audit'
const HMAC = { name: 'HMAC', hash: 'SHA-256', length: 256 } as const

/** A new audit key: store `wrapped`, sign with `key`. */
export async function createAuditKey(masterKey: CryptoKey, now: Date = new Date()): Promise<{ wrapped: WrappedAuditKey; key: CryptoKey }> {
  const transient = await subtle().generateKey(HMAC, true, ['sign'])
  const iv = randomBytes(IV_BYTES)
  const ct = new Uint8Array(await subtle().wrapKey('raw', transient, masterKey, gcm(iv, AUDIT_KEY_AAD)))
  const wrapped = { iv: bytesToBase64(iv), ct: bytesToBase64(ct), createdAt: now.toISOString() }
  return { wrapped, key: await openAuditKey(masterKey, wrapped) }
}

/** The non-extractable audit key; VaultError 'tampered' when the stored form does not open. */
export async function openAuditKey(masterKey: CryptoKey, wrapped: WrappedAuditKey): Promise<CryptoKey> {
  if (!isPlainObject(wrapped)) throw new VaultError('corrupt')
  const iv = decodeField(wrapped.iv, { exactly: IV_BYTES })
  const ct = decodeField(wrapped.ct, { exactly: WRAPPED_KEY_BYTES })
  try {
    return await subtle().unwrapKey('raw', ct, masterKey, gcm(iv, AUDIT_KEY_AAD), HMAC, false, ['sign'])
  } catch {
    throw new VaultError('tampered', '审计密钥校验失败：密钥可能被篡改，或不属于本机的保险库')
  }
}

/** HMAC-SHA-256 of `text` under the audit key, as hex. */
export async function auditMac(key: CryptoKey, text: string): Promise<string> {
  const sig = new Uint8Array(await subtle().sign('HMAC', key, utf8(text)))
  return Array.from(sig, (b) => b.toString(16).padStart(2, '0')).join('')
}
