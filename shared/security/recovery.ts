// The recovery key is printed at setup and typed back in, perhaps years later, when the
// passphrase is forgotten. So: Crockford base32 (no I/L/O/U; lenient about case, spaces and
// look-alike letters when typed), grouped by five, with a BCH checksum (the bech32 code) so
// any typo of up to four characters is caught at once — before the slow key derivation.
import { VaultError } from './errors'

/** Crockford's base32 alphabet: digits and letters without I, L, O, U. */
export const CROCKFORD_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'
/** 34 random characters × 5 bits = 170 bits of randomness. */
export const RECOVERY_DATA_CHARS = 34
export const RECOVERY_CHECK_CHARS = 6
export const RECOVERY_GROUP = 5
export const RECOVERY_KEY_CHARS = RECOVERY_DATA_CHARS + RECOVERY_CHECK_CHARS // 40 = 8 groups

export const RECOVERY_MESSAGES = {
  empty: '请输入恢复密钥',
  length: (n: number) =>
    `恢复密钥应为 ${RECOVERY_KEY_CHARS} 个字符（${RECOVERY_KEY_CHARS / RECOVERY_GROUP} 组，每组 ${RECOVERY_GROUP} 个），当前 ${n} 个`,
  badChars: (chars: string[]) => `恢复密钥含有无效字符：${chars.join('、')}`,
  checksum: '恢复密钥有误：请逐组核对',
} as const

// bech32 (BIP-173) BCH code over GF(32) with the bech32m constant, and a fixed prefix so a
// string checksummed for another purpose does not pass here.
const GENERATOR = [0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3]
const CHECK_CONSTANT = 0x2bc830a3
const PREFIX = 'xuncha-recovery'

function polymod(values: readonly number[]): number {
  let chk = 1
  for (const v of values) {
    const top = chk >>> 25
    chk = ((chk & 0x1ffffff) << 5) ^ v
    for (let i = 0; i < 5; i++) if ((top >>> i) & 1) chk ^= GENERATOR[i]!
  }
  return chk >>> 0
}

function prefixValues(): number[] {
  const codes = [...PREFIX].map((c) => c.charCodeAt(0))
  return [...codes.map((c) => c >> 5), 0, ...codes.map((c) => c & 31)]
}

function checksum(data: readonly number[]): number[] {
  const mod = polymod([...prefixValues(), ...data, ...new Array<number>(RECOVERY_CHECK_CHARS).fill(0)]) ^ CHECK_CONSTANT
  return Array.from({ length: RECOVERY_CHECK_CHARS }, (_, i) => (mod >>> (5 * (RECOVERY_CHECK_CHARS - 1 - i))) & 31)
}

function group(chars: string): string {
  return chars.match(new RegExp(`.{1,${RECOVERY_GROUP}}`, 'gu'))?.join('-') ?? ''
}

/** A fresh recovery key, e.g. `7K3QD-M0X9A-…` (8 groups of 5, the last 6 characters a checksum). */
export function generateRecoveryKey(): string {
  const random = crypto.getRandomValues(new Uint8Array(RECOVERY_DATA_CHARS))
  const data = Array.from(random, (b) => b & 31) // 256 is a multiple of 32: still uniform
  return group([...data, ...checksum(data)].map((v) => CROCKFORD_ALPHABET[v]).join(''))
}

/**
 * What the user typed, tidied: NFKC (full-width characters from a Chinese IME become ASCII),
 * upper case, spaces and dashes dropped, O→0 and I/L→1, then regrouped by five. Does not
 * validate: characters outside the alphabet are kept so they can be reported.
 */
export function normalizeRecoveryKey(input: string): string {
  const chars = input
    .normalize('NFKC')
    .toUpperCase()
    .replace(/[\s\p{Pd}_.·]/gu, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1')
  return group(chars)
}

export type RecoveryKeyCheck = { ok: true; key: string } | { ok: false; problem: string }

/** Fast, synchronous validation (length, alphabet, checksum); `key` is the canonical grouped form. */
export function checkRecoveryKey(input: string): RecoveryKeyCheck {
  const key = normalizeRecoveryKey(input)
  const chars = [...key.replace(/-/g, '')]
  if (chars.length === 0) return { ok: false, problem: RECOVERY_MESSAGES.empty }
  const bad = [...new Set(chars.filter((c) => !CROCKFORD_ALPHABET.includes(c)))]
  if (bad.length) return { ok: false, problem: RECOVERY_MESSAGES.badChars(bad) }
  if (chars.length !== RECOVERY_KEY_CHARS) return { ok: false, problem: RECOVERY_MESSAGES.length(chars.length) }
  const values = chars.map((c) => CROCKFORD_ALPHABET.indexOf(c))
  if (polymod([...prefixValues(), ...values]) !== CHECK_CONSTANT) return { ok: false, problem: RECOVERY_MESSAGES.checksum }
  return { ok: true, key }
}

/** Like checkRecoveryKey, but throws VaultError('wrong-recovery-key') with the Chinese reason. */
export function parseRecoveryKey(input: string): string {
  const check = checkRecoveryKey(input)
  if (!check.ok) throw new VaultError('wrong-recovery-key', check.problem)
  return check.key
}
