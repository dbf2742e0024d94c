// A member's personal signing key: ECDSA P-256 (WebCrypto has it in Chromium, Electron and
// Node; Ed25519 is not everywhere yet). The key pair is made on the member's own laptop; the
// private key is wrapped at once (AES-GCM) under a key derived from the member's PIN with the
// vault's PBKDF2-SHA-256, and the extractable copy is dropped. In use it is unwrapped as a
// non-extractable key that can only sign, for one act. The public key travels on the member's
// roster record (TeamMember.signingKeys) and counts only once the 组长 has certified it.
import { base64ToBytes, bytesToBase64 } from './base64'
import { VaultError } from './errors'
import { IV_BYTES, SALT_BYTES, decodeField, deriveWrappingKey, gcm, isPlainObject, randomBytes, subtle, utf8 } from './primitives'
import { MAX_ITERATIONS, PBKDF2_ITERATIONS } from './vault'

export const PIN_MIN_LENGTH = 6

export const PIN_MESSAGES = {
  tooShort: `签名密码至少 ${PIN_MIN_LENGTH} 位`,
  allSame: '签名密码不能由同一个数字或字符重复组成（如 111111）',
  sequence: '签名密码不能是连续的数字（如 123456、654321）',
  common: '签名密码过于常见（如生日样式 19800101、520520、123123），请换一个',
  mismatch: '两次输入的签名密码不一致',
  sameAsVault: '签名密码不能与本机口令相同',
} as const

const COMMON_PINS = new Set(['123123', '520520', '521521', '112233', '121212', '147258', '159357', '000000', '888888', '666666'])

/** Every rule the new PIN breaks, in Chinese; empty when it may be used. */
export function checkPin(pin: string, confirm: string): string[] {
  const problems: string[] = []
  const p = pin.normalize('NFC')
  if ([...p].length < PIN_MIN_LENGTH) problems.push(PIN_MESSAGES.tooShort)
  else if (new Set(p).size === 1) problems.push(PIN_MESSAGES.allSame)
  else if (/^\d+$/.test(p) && isRun(p)) problems.push(PIN_MESSAGES.sequence)
  else if (COMMON_PINS.has(p) || /^(19|20)\d{2}(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])$/.test(p) || /^(\d{2,3})\1+$/.test(p))
    problems.push(PIN_MESSAGES.common)
  if (pin !== confirm) problems.push(PIN_MESSAGES.mismatch)
  return problems
}

function isRun(digits: string): boolean {
  const step = Number(digits[1]) - Number(digits[0])
  if (Math.abs(step) !== 1) return false
  for (let i = 1; i < digits.length; i++) if ((Number(digits[i]) - Number(digits[i - 1]) + 10) % 10 !== (step + 10) % 10) return false
  return true
}

/** What is stored on the laptop (settings `signingKey:<member id>`): no secret in clear. */
export interface WrappedSigningKey {
  v: 1
  memberId: string
  keyId: string
  /** SPKI, base64. */
  publicKey: string
  kdf: { iterations: number; salt: string }
  iv: string
  ct: string
  createdAt: string
}

const ECDSA = { name: 'ECDSA', namedCurve: 'P-256' } as const
const SIGN = { name: 'ECDSA', hash: 'SHA-256' } as const
const aad = (memberId: string, keyId: string) => `xuncha-sign-v1/${memberId}/${keyId}`

/** The first 16 hex digits of the SHA-256 of the public key: names the key in signatures. */
export async function keyIdOf(publicKey: string): Promise<string> {
  const digest = new Uint8Array(await subtle().digest('SHA-256', base64ToBytes(publicKey)))
  return Array.from(digest.slice(0, 8), (b) => b.toString(16).padStart(2, '0')).join('')
}

/** The key's fingerprint for comparing in person (组长 and member read it aloud): its id in 4 groups of 4. */
export const fingerprintOf = (keyId: string): string => keyId.toUpperCase().replace(/(.{4})(?=.)/g, '$1-')

export async function keyFingerprint(publicKey: string): Promise<string> {
  return fingerprintOf(await keyIdOf(publicKey))
}

/** A new key pair for the member, wrapped under the PIN; returns the stored form and the signing key. */
export async function createSigningKey(
  memberId: string,
  pin: string,
  options: { iterations?: number; now?: Date } = {},
): Promise<{ wrapped: WrappedSigningKey; key: CryptoKey }> {
  const iterations = options.iterations ?? PBKDF2_ITERATIONS
  const pair = await subtle().generateKey(ECDSA, true, ['sign', 'verify'])
  const publicKey = bytesToBase64(new Uint8Array(await subtle().exportKey('spki', pair.publicKey)))
  const keyId = await keyIdOf(publicKey)
  const salt = randomBytes(SALT_BYTES)
  const iv = randomBytes(IV_BYTES)
  const wrapping = await deriveWrappingKey(pin, salt, iterations)
  const ct = new Uint8Array(await subtle().wrapKey('pkcs8', pair.privateKey, wrapping, gcm(iv, aad(memberId, keyId))))
  const wrapped: WrappedSigningKey = {
    v: 1,
    memberId,
    keyId,
    publicKey,
    kdf: { iterations, salt: bytesToBase64(salt) },
    iv: bytesToBase64(iv),
    ct: bytesToBase64(ct),
    createdAt: (options.now ?? new Date()).toISOString(),
  }
  return { wrapped, key: await openSigningKey(wrapped, pin) }
}

/** The non-extractable signing key; VaultError 'wrong-passphrase' (签名密码不正确) when the PIN is wrong. */
export async function openSigningKey(wrapped: WrappedSigningKey, pin: string): Promise<CryptoKey> {
  if (!isPlainObject(wrapped) || typeof wrapped.memberId !== 'string' || typeof wrapped.keyId !== 'string') throw new VaultError('corrupt')
  const iterations = wrapped.kdf?.iterations
  if (!Number.isInteger(iterations) || iterations < 1 || iterations > MAX_ITERATIONS) throw new VaultError('corrupt')
  const salt = decodeField(wrapped.kdf.salt, { exactly: SALT_BYTES })
  const iv = decodeField(wrapped.iv, { exactly: IV_BYTES })
  const ct = decodeField(wrapped.ct, { atLeast: 17 })
  const wrapping = await deriveWrappingKey(pin, salt, iterations)
  try {
    return await subtle().unwrapKey('pkcs8', ct, wrapping, gcm(iv, aad(wrapped.memberId, wrapped.keyId)), ECDSA, false, ['sign'])
  } catch {
    throw new VaultError('wrong-passphrase', '签名密码不正确')
  }
}

/** ECDSA-P256-SHA256 signature of the UTF-8 text, base64 (IEEE P1363, 64 bytes). */
export async function signText(key: CryptoKey, text: string): Promise<string> {
  return bytesToBase64(new Uint8Array(await subtle().sign(SIGN, key, utf8(text))))
}

/** Whether `sig` is the signature of `text` under the SPKI public key; false for anything malformed. */
export async function verifyText(publicKey: string, text: string, sig: string): Promise<boolean> {
  try {
    const key = await subtle().importKey('spki', base64ToBytes(publicKey), ECDSA, false, ['verify'])
    return await subtle().verify(SIGN, key, base64ToBytes(sig), utf8(text))
  } catch {
    return false
  }
}
