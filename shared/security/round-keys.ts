// One random data key per round, stored only wrapped by the master key. Wiping a round
// destroys its wrapped key first, which makes every record and attachment of the round
// unreadable even if remnants stay on disk. The round id is the associated data of the
// wrapping, so a wrapped key copied onto another round's entry is refused.
import { bytesToBase64 } from './base64'
import { VaultError } from './errors'
import { IV_BYTES, WRAPPED_KEY_BYTES, decodeField, gcm, isPlainObject, randomBytes, subtle } from './primitives'

export interface WrappedRoundKey {
  roundId: string
  iv: string
  ct: string
  createdAt: string
}

export const ROUND_KEY_MESSAGE = '轮次密钥校验失败：密钥可能被篡改，或不属于本机的保险库'

const DATA_ALGORITHM = { name: 'AES-GCM', length: 256 } as const
const DATA_USAGES: KeyUsage[] = ['encrypt', 'decrypt']

export function roundKeyAad(roundId: string): string {
  return `xuncha-vault-v1/round/${roundId}`
}

/** A new data key for `roundId`: store `wrapped`, use `key` (non-extractable) for the fields. */
export async function createRoundKey(
  masterKey: CryptoKey,
  roundId: string,
  options: { now?: () => Date } = {},
): Promise<{ wrapped: WrappedRoundKey; key: CryptoKey }> {
  if (!roundId) throw new TypeError('roundId is required')
  const transient = await subtle().generateKey(DATA_ALGORITHM, true, DATA_USAGES)
  const iv = randomBytes(IV_BYTES)
  const ct = new Uint8Array(await subtle().wrapKey('raw', transient, masterKey, gcm(iv, roundKeyAad(roundId))))
  const wrapped: WrappedRoundKey = {
    roundId,
    iv: bytesToBase64(iv),
    ct: bytesToBase64(ct),
    createdAt: (options.now?.() ?? new Date()).toISOString(),
  }
  // Hand out the non-extractable copy (this also proves the stored form opens).
  return { wrapped, key: await openRoundKey(masterKey, wrapped) }
}

/** The round's non-extractable AES-256-GCM key; VaultError 'tampered' if it does not verify. */
export async function openRoundKey(masterKey: CryptoKey, wrapped: WrappedRoundKey): Promise<CryptoKey> {
  if (!isPlainObject(wrapped) || typeof wrapped.roundId !== 'string' || !wrapped.roundId) throw new VaultError('corrupt')
  const iv = decodeField(wrapped.iv, { exactly: IV_BYTES })
  const ct = decodeField(wrapped.ct, { exactly: WRAPPED_KEY_BYTES })
  try {
    return await subtle().unwrapKey('raw', ct, masterKey, gcm(iv, roundKeyAad(wrapped.roundId)), DATA_ALGORITHM, false, DATA_USAGES)
  } catch {
    throw new VaultError('tampered', ROUND_KEY_MESSAGE)
  }
}
