// The vault is the one small record that turns a passphrase (or the printed recovery key)
// into the master key. The master key is random and is wrapped twice — by a key derived from
// the passphrase and by one derived from the recovery key — so changing the passphrase only
// rewrites this record: round keys and every encrypted record stay as they are.
//
// Key handling: wrapping uses WebCrypto wrapKey/unwrapKey, so the raw master-key bytes never
// become a JavaScript value (no Uint8Array to forget to zero). The master key handed to the
// app is a non-extractable CryptoKey that can only wrap/unwrap round keys. Re-wrapping it
// (changing the passphrase, resetting it with the recovery key, replacing the recovery key)
// therefore needs a secret again — the old passphrase or the recovery key — which unwraps a
// short-lived extractable copy inside one function call, wraps it under the new key, and drops
// it. Nothing extractable outlives the call.
import { bytesToBase64 } from './base64'
import { VaultError } from './errors'
import { checkPassphrase } from './passphrase'
import {
  IV_BYTES,
  SALT_BYTES,
  WRAPPED_KEY_BYTES,
  decodeField,
  deriveWrappingKey,
  gcm,
  isPlainObject,
  randomBytes,
  subtle,
} from './primitives'
import { generateRecoveryKey, parseRecoveryKey } from './recovery'

export const VAULT_VERSION = 1
/** OWASP's 2023 figure for PBKDF2-HMAC-SHA-256. Never lower this default. */
export const PBKDF2_ITERATIONS = 600_000
/** Upper bound accepted from a stored vault, so a damaged number cannot hang the app. */
export const MAX_ITERATIONS = 10_000_000
/** Associated data of the wrapped master key (both wrappings). */
export const MASTER_KEY_AAD = 'xuncha-vault-v1/master'

export interface WrappedSecret {
  iv: string
  ct: string
}

/** What is stored (JSON; all bytes as base64). Contains no secret in clear. */
export interface Vault {
  version: 1
  kdf: { name: 'PBKDF2'; hash: 'SHA-256'; iterations: number; salt: string }
  byPassphrase: WrappedSecret
  byRecovery: WrappedSecret & { salt: string; iterations: number }
  /**
   * Optional third wrapping, under a random 32-byte device secret that only the OS keystore
   * (Electron safeStorage) can give back: unlock without typing the passphrase on this laptop.
   */
  byDeviceSecret?: WrappedSecret
  createdAt: string
  passphraseChangedAt: string
}

export interface VaultOptions {
  /** PBKDF2 iterations for the new wrapping(s); default 600,000. Tests may pass less. */
  iterations?: number
  /** Clock for createdAt / passphraseChangedAt. */
  now?: () => Date
}

const MASTER_ALGORITHM = { name: 'AES-GCM', length: 256 } as const
const MASTER_USAGES: KeyUsage[] = ['wrapKey', 'unwrapKey']

function iterationsOf(options: VaultOptions): number {
  const n = options.iterations ?? PBKDF2_ITERATIONS
  if (!Number.isInteger(n) || n < 1 || n > MAX_ITERATIONS) throw new RangeError(`invalid PBKDF2 iteration count: ${n}`)
  return n
}

function nowIso(options: VaultOptions): string {
  return (options.now?.() ?? new Date()).toISOString()
}

function refuseWeak(passphrase: string): void {
  const check = checkPassphrase(passphrase)
  if (!check.ok) throw new VaultError('weak-passphrase', `口令强度不足：${check.problems.join('；')}`, check.problems)
}

async function wrapMaster(master: CryptoKey, kek: CryptoKey): Promise<WrappedSecret> {
  const iv = randomBytes(IV_BYTES)
  const ct = new Uint8Array(await subtle().wrapKey('raw', master, kek, gcm(iv, MASTER_KEY_AAD)))
  return { iv: bytesToBase64(iv), ct: bytesToBase64(ct) }
}

/** Unwraps the master key; resolves to undefined when the wrapping key is wrong (or data altered). */
async function unwrapMaster(wrapped: WrappedSecret, kek: CryptoKey, extractable: boolean): Promise<CryptoKey | undefined> {
  const iv = decodeField(wrapped.iv, { exactly: IV_BYTES })
  const ct = decodeField(wrapped.ct, { exactly: WRAPPED_KEY_BYTES })
  try {
    return await subtle().unwrapKey('raw', ct, kek, gcm(iv, MASTER_KEY_AAD), MASTER_ALGORITHM, extractable, MASTER_USAGES)
  } catch {
    return undefined
  }
}

/**
 * Checks a stored value is a vault this version can use. Throws VaultError
 * 'unsupported-version' (a newer format) or 'corrupt' (damaged or not a vault).
 */
export function parseVault(value: unknown): Vault {
  const v = typeof value === 'string' ? safeJson(value) : value
  if (!isPlainObject(v)) throw new VaultError('corrupt')
  if (v.version !== VAULT_VERSION) {
    throw new VaultError(typeof v.version === 'number' ? 'unsupported-version' : 'corrupt')
  }
  const { kdf, byPassphrase, byRecovery } = v
  const okIterations = (n: unknown) => Number.isInteger(n) && (n as number) >= 1 && (n as number) <= MAX_ITERATIONS
  if (
    !isPlainObject(kdf) ||
    kdf.name !== 'PBKDF2' ||
    kdf.hash !== 'SHA-256' ||
    !okIterations(kdf.iterations) ||
    !isPlainObject(byPassphrase) ||
    !isPlainObject(byRecovery) ||
    !okIterations(byRecovery.iterations) ||
    typeof v.createdAt !== 'string' ||
    typeof v.passphraseChangedAt !== 'string'
  ) {
    throw new VaultError('corrupt')
  }
  decodeField(kdf.salt, { atLeast: SALT_BYTES })
  decodeField(byRecovery.salt, { atLeast: SALT_BYTES })
  for (const w of [byPassphrase, byRecovery]) {
    decodeField(w.iv, { exactly: IV_BYTES })
    decodeField(w.ct, { exactly: WRAPPED_KEY_BYTES })
  }
  return {
    version: 1,
    kdf: { name: 'PBKDF2', hash: 'SHA-256', iterations: kdf.iterations as number, salt: kdf.salt as string },
    byPassphrase: { iv: byPassphrase.iv as string, ct: byPassphrase.ct as string },
    byRecovery: {
      salt: byRecovery.salt as string,
      iterations: byRecovery.iterations as number,
      iv: byRecovery.iv as string,
      ct: byRecovery.ct as string,
    },
    ...(isPlainObject(v.byDeviceSecret) ? { byDeviceSecret: checkedWrapping(v.byDeviceSecret) } : {}),
    createdAt: v.createdAt,
    passphraseChangedAt: v.passphraseChangedAt,
  }
}

function checkedWrapping(w: Record<string, unknown>): WrappedSecret {
  decodeField(w.iv, { exactly: IV_BYTES })
  decodeField(w.ct, { exactly: WRAPPED_KEY_BYTES })
  return { iv: w.iv as string, ct: w.ct as string }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    throw new VaultError('corrupt')
  }
}

async function passphraseWrapping(vault: Vault, passphrase: string, extractable: boolean): Promise<CryptoKey> {
  const kek = await deriveWrappingKey(passphrase, decodeField(vault.kdf.salt), vault.kdf.iterations)
  const master = await unwrapMaster(vault.byPassphrase, kek, extractable)
  if (!master) throw new VaultError('wrong-passphrase')
  return master
}

async function recoveryWrapping(vault: Vault, recoveryKey: string, extractable: boolean): Promise<CryptoKey> {
  const key = parseRecoveryKey(recoveryKey) // a typo is refused here, before the slow KDF
  const kek = await deriveWrappingKey(key, decodeField(vault.byRecovery.salt), vault.byRecovery.iterations)
  const master = await unwrapMaster(vault.byRecovery, kek, extractable)
  if (!master) throw new VaultError('wrong-recovery-key')
  return master
}

/** Wraps `master` under a fresh salt + key derived from `passphrase`, and checks it opens again. */
async function wrapForPassphrase(master: CryptoKey, passphrase: string, iterations: number) {
  const salt = randomBytes(SALT_BYTES)
  const kek = await deriveWrappingKey(passphrase, salt, iterations)
  const wrapped = await wrapMaster(master, kek)
  const unlocked = await unwrapMaster(wrapped, kek, false)
  if (!unlocked) throw new VaultError('corrupt') // never expected; refuse to store a vault that does not open
  return {
    kdf: { name: 'PBKDF2' as const, hash: 'SHA-256' as const, iterations, salt: bytesToBase64(salt) },
    byPassphrase: wrapped,
    unlocked,
  }
}

async function wrapForRecovery(master: CryptoKey, recoveryKey: string, iterations: number): Promise<Vault['byRecovery']> {
  const salt = randomBytes(SALT_BYTES)
  const kek = await deriveWrappingKey(parseRecoveryKey(recoveryKey), salt, iterations)
  const wrapped = await wrapMaster(master, kek)
  if (!(await unwrapMaster(wrapped, kek, false))) throw new VaultError('corrupt')
  return { salt: bytesToBase64(salt), iterations, ...wrapped }
}

/**
 * First start: a new random master key, wrapped by the passphrase and by a new recovery key.
 * Show `recoveryKey` once (to print) and never store it. Weak passphrase → VaultError
 * 'weak-passphrase' whose `problems` lists every broken rule.
 */
export async function createVault(
  passphrase: string,
  options: VaultOptions = {},
): Promise<{ vault: Vault; recoveryKey: string; masterKey: CryptoKey }> {
  refuseWeak(passphrase)
  const iterations = iterationsOf(options)
  const recoveryKey = generateRecoveryKey()
  const transient = await subtle().generateKey(MASTER_ALGORITHM, true, MASTER_USAGES)
  const [byPass, byRecovery] = await Promise.all([
    wrapForPassphrase(transient, passphrase, iterations),
    wrapForRecovery(transient, recoveryKey, iterations),
  ])
  const at = nowIso(options)
  const vault: Vault = {
    version: 1,
    kdf: byPass.kdf,
    byPassphrase: byPass.byPassphrase,
    byRecovery,
    createdAt: at,
    passphraseChangedAt: at,
  }
  return { vault, recoveryKey, masterKey: byPass.unlocked }
}

/** Unlock: the non-extractable master key, or VaultError 'wrong-passphrase' (口令不正确). */
export async function unlockWithPassphrase(vault: Vault, passphrase: string): Promise<CryptoKey> {
  return passphraseWrapping(parseVault(vault), passphrase, false)
}

/**
 * Unlock with the printed recovery key (lenient about case, spaces, dashes, O/0, I/L/1).
 * A typo fails at once with 'wrong-recovery-key' "恢复密钥有误：请逐组核对"; a well-formed
 * key that is not this vault's fails after the KDF with "恢复密钥不正确".
 */
export async function unlockWithRecoveryKey(vault: Vault, recoveryKey: string): Promise<CryptoKey> {
  return recoveryWrapping(parseVault(vault), recoveryKey, false)
}

/**
 * New passphrase, same master key: only `kdf` and `byPassphrase` change (fresh salt and IV).
 * The old passphrase stops working; the recovery key and every round key keep working.
 * Takes the old passphrase (not the in-memory master key, which is deliberately
 * non-extractable) — which is also what a "change passphrase" form should ask for.
 */
export async function changePassphrase(
  vault: Vault,
  oldPassphrase: string,
  newPassphrase: string,
  options: VaultOptions = {},
): Promise<Vault> {
  const current = parseVault(vault)
  refuseWeak(newPassphrase)
  const iterations = iterationsOf(options)
  const transient = await passphraseWrapping(current, oldPassphrase, true)
  const { kdf, byPassphrase } = await wrapForPassphrase(transient, newPassphrase, iterations)
  return { ...current, kdf, byPassphrase, passphraseChangedAt: nowIso(options) }
}

/** Forgotten passphrase: set a new one with the recovery key. Returns the new vault and the unlocked master key. */
export async function resetPassphraseWithRecovery(
  vault: Vault,
  recoveryKey: string,
  newPassphrase: string,
  options: VaultOptions = {},
): Promise<{ vault: Vault; masterKey: CryptoKey }> {
  const current = parseVault(vault)
  refuseWeak(newPassphrase)
  const iterations = iterationsOf(options)
  const transient = await recoveryWrapping(current, recoveryKey, true)
  const { kdf, byPassphrase, unlocked } = await wrapForPassphrase(transient, newPassphrase, iterations)
  return { vault: { ...current, kdf, byPassphrase, passphraseChangedAt: nowIso(options) }, masterKey: unlocked }
}

/**
 * Issues a new recovery key (the printout was lost or seen by someone else); the old one
 * stops working. Needs the passphrase. Show the returned key once.
 */
export async function replaceRecoveryKey(
  vault: Vault,
  passphrase: string,
  options: VaultOptions = {},
): Promise<{ vault: Vault; recoveryKey: string }> {
  const current = parseVault(vault)
  const iterations = iterationsOf(options)
  const transient = await passphraseWrapping(current, passphrase, true)
  const recoveryKey = generateRecoveryKey()
  const byRecovery = await wrapForRecovery(transient, recoveryKey, iterations)
  return { vault: { ...current, byRecovery }, recoveryKey }
}

const DEVICE_SECRET_BYTES = 32

function deviceSecretKey(secret: Uint8Array): Promise<CryptoKey> {
  if (secret.byteLength !== DEVICE_SECRET_BYTES) throw new VaultError('corrupt')
  return subtle().importKey('raw', new Uint8Array(secret), 'AES-GCM', false, ['wrapKey', 'unwrapKey'])
}

/**
 * Adds the device-secret wrapping (needs the passphrase). Returns the new vault and the secret,
 * which the caller hands to the OS keystore at once and then drops.
 */
export async function addDeviceSecret(vault: Vault, passphrase: string): Promise<{ vault: Vault; deviceSecret: Uint8Array }> {
  const current = parseVault(vault)
  const transient = await passphraseWrapping(current, passphrase, true)
  const deviceSecret = randomBytes(DEVICE_SECRET_BYTES)
  const kek = await deviceSecretKey(deviceSecret)
  const byDeviceSecret = await wrapMaster(transient, kek)
  if (!(await unwrapMaster(byDeviceSecret, kek, false))) throw new VaultError('corrupt')
  return { vault: { ...current, byDeviceSecret }, deviceSecret }
}

/** Unlock with the device secret the OS keystore gave back. */
export async function unlockWithDeviceSecret(vault: Vault, deviceSecret: Uint8Array): Promise<CryptoKey> {
  const current = parseVault(vault)
  if (!current.byDeviceSecret) throw new VaultError('corrupt', '本机未启用系统密钥库解锁')
  const master = await unwrapMaster(current.byDeviceSecret, await deviceSecretKey(deviceSecret), false)
  if (!master) throw new VaultError('wrong-passphrase', '系统密钥库给出的密钥无法解锁，请改用口令')
  return master
}

/** Turns keystore unlock off: only the passphrase and the recovery key open the vault again. */
export function removeDeviceSecret(vault: Vault): Vault {
  const { byDeviceSecret: _dropped, ...rest } = parseVault(vault)
  return rest
}
