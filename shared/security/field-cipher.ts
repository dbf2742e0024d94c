// Encrypts the sensitive fields of one record (attachments included: their bytes are a
// base64 field) as a single AES-256-GCM message with a fresh random IV per write. The
// associated data names the record (`table/id`), so a body copied onto another record, or
// altered in any byte, is refused instead of being shown as someone else's data.
import { bytesToBase64 } from './base64'
import { VaultError } from './errors'
import { IV_BYTES, decodeField, gcm, isPlainObject, randomBytes, subtle } from './primitives'

/** What the repository stores in a row's `body` once the round is encrypted. */
export interface EncryptedBody {
  v: 1
  iv: string
  ct: string
}

/** The associated data callers should use: binds a body to its table and record id. */
export function recordAad(table: string, recordId: string): string {
  return `${table}/${recordId}`
}

export function isEncryptedBody(x: unknown): x is EncryptedBody {
  return isPlainObject(x) && x.v === 1 && typeof x.iv === 'string' && typeof x.ct === 'string' && Object.keys(x).length === 3
}

export async function sealFields(key: CryptoKey, aad: string, fields: Record<string, unknown>): Promise<EncryptedBody> {
  const iv = randomBytes(IV_BYTES)
  const plain = new TextEncoder().encode(JSON.stringify(fields))
  const ct = new Uint8Array(await subtle().encrypt(gcm(iv, aad), key, plain))
  return { v: 1, iv: bytesToBase64(iv), ct: bytesToBase64(ct) }
}

/**
 * Decrypts a body sealed for the same `aad`. Wrong key, wrong record or any altered byte →
 * VaultError 'tampered' (数据校验失败：记录可能被篡改或损坏).
 */
export async function openFields(key: CryptoKey, aad: string, body: unknown): Promise<Record<string, unknown>> {
  if (isPlainObject(body) && typeof body.v === 'number' && body.v !== 1) throw new VaultError('unsupported-version')
  if (!isEncryptedBody(body)) throw new VaultError('corrupt')
  const iv = decodeField(body.iv, { exactly: IV_BYTES })
  const ct = decodeField(body.ct, { atLeast: 16 })
  return openJsonObject(key, aad, iv, ct)
}

/**
 * Decrypts one AES-GCM message holding a JSON object. Wrong key or altered byte → 'tampered';
 * anything but a JSON object inside → 'corrupt'.
 */
export async function openJsonObject(
  key: CryptoKey,
  aad: string,
  iv: Uint8Array<ArrayBuffer>,
  ct: Uint8Array<ArrayBuffer>,
): Promise<Record<string, unknown>> {
  let plain: ArrayBuffer
  try {
    plain = await subtle().decrypt(gcm(iv, aad), key, ct)
  } catch {
    throw new VaultError('tampered')
  }
  let fields: unknown
  try {
    fields = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(plain))
  } catch {
    throw new VaultError('corrupt')
  }
  if (!isPlainObject(fields)) throw new VaultError('corrupt')
  return fields
}
