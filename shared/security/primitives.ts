// Small WebCrypto helpers shared by the vault, the round keys and the field cipher, so the
// parameters (AES-256-GCM, 96-bit IV, 128-bit tag, PBKDF2-SHA-256) are stated once.
import { base64ToBytes } from './base64'
import { VaultError } from './errors'

export const IV_BYTES = 12
export const SALT_BYTES = 16
export const KEY_BYTES = 32
/** AES-GCM appends a 16-byte tag, so a wrapped 256-bit key is 48 bytes. */
export const WRAPPED_KEY_BYTES = KEY_BYTES + 16

export const subtle = (): SubtleCrypto => globalThis.crypto.subtle

export function randomBytes(n: number): Uint8Array<ArrayBuffer> {
  return globalThis.crypto.getRandomValues(new Uint8Array(n))
}

export function utf8(text: string): Uint8Array<ArrayBuffer> {
  return new TextEncoder().encode(text)
}

export function gcm(iv: Uint8Array<ArrayBuffer>, aad: string): AesGcmParams {
  return { name: 'AES-GCM', iv, additionalData: utf8(aad), tagLength: 128 }
}

/** Decodes a stored base64 field, checking its length; anything wrong is 'corrupt'. */
export function decodeField(value: unknown, length?: { exactly?: number; atLeast?: number }): Uint8Array<ArrayBuffer> {
  if (typeof value !== 'string') throw new VaultError('corrupt')
  let bytes: Uint8Array<ArrayBuffer>
  try {
    bytes = base64ToBytes(value)
  } catch {
    throw new VaultError('corrupt')
  }
  if (length?.exactly !== undefined && bytes.length !== length.exactly) throw new VaultError('corrupt')
  if (length?.atLeast !== undefined && bytes.length < length.atLeast) throw new VaultError('corrupt')
  return bytes
}

/**
 * PBKDF2-SHA-256 from a secret string to a non-extractable AES-GCM key that can only wrap
 * and unwrap keys. The secret is NFC-normalised so the same passphrase typed through
 * different input methods derives the same key.
 */
export async function deriveWrappingKey(secret: string, salt: Uint8Array<ArrayBuffer>, iterations: number): Promise<CryptoKey> {
  const base = await subtle().importKey('raw', utf8(secret.normalize('NFC')), 'PBKDF2', false, ['deriveKey'])
  return subtle().deriveKey({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations }, base, { name: 'AES-GCM', length: 256 }, false, [
    'wrapKey',
    'unwrapKey',
  ])
}

export function isPlainObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x)
}
