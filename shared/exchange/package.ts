// The exchange file container (docs/exchange.md): magic, a clear JSON header, then the payload
// (gzip) encrypted with AES-256-GCM under a key derived from the team passphrase with
// PBKDF2-SHA-256 (≥ 600,000 iterations). The header is the associated data, so changing any
// byte of the file is detected. A verifier (second half of the derived bits) tells a wrong
// passphrase from a tampered file. Every refusal is an ExchangeError with a Chinese message.
import { gzipSync } from 'fflate'
import { gzip, gunzipLimited } from '../archive/gzip'
import { isArchiveError } from '../archive/errors'
import { MAX_DECOMPRESSED_BYTES, MAX_JSON_DEPTH } from '../archive/format'
import { nestsDeeperThan, TOO_DEEP_MESSAGE } from '../archive/json-depth'
import { sha256Hex } from '../util/hash'
import type { AuditHead } from '../domain/audit'
import { base64ToBytes, bytesToBase64 } from '../security/base64'
import { IV_BYTES, SALT_BYTES, gcm, isPlainObject, randomBytes, subtle, utf8 } from '../security/primitives'

export const EXCHANGE_FORMAT = 'xuncha-exchange'
export const EXCHANGE_FORMAT_VERSION = 1
export const EXCHANGE_ITERATIONS = 600_000
const MAX_ITERATIONS = 10_000_000
const MAGIC = utf8('XUNCHAEX')
const MAX_HEADER_BYTES = 64 * 1024
export const MAX_PAYLOAD_BYTES = MAX_DECOMPRESSED_BYTES

export const PACKAGE_KINDS = { config: '轮次配置包', changes: '变更包', state: '全组数据包', backup: '备份', handover: '移交包' } as const
export type PackageKind = keyof typeof PACKAGE_KINDS
export const PACKAGE_EXTENSIONS: Record<PackageKind, string> = {
  config: 'xcfg',
  changes: 'xchg',
  state: 'xchg',
  backup: 'xbak',
  handover: 'xhov',
}

export interface PackageHeader {
  format: typeof EXCHANGE_FORMAT
  formatVersion: number
  kind: PackageKind
  packageId: string
  roundId: string
  roundName: string
  from: { deviceId: string; name: string }
  createdAt: string
  /**
   * The sender's audit log as sealed when the package was made: entry count and last hash
   * (authenticated with the header). A receiver that sees the count of a laptop go down knows
   * that laptop's log was cut.
   */
  auditHead?: AuditHead
  kdf: { name: 'PBKDF2'; hash: 'SHA-256'; iterations: number; salt: string }
  iv: string
  verifier: string
}

export type ExchangeErrorCode =
  | 'truncated'
  | 'foreign'
  | 'corrupt'
  | 'too-new'
  | 'invalid'
  | 'wrong-passphrase'
  | 'tampered'
  | 'too-large'
  | 'wrong-round'
  | 'wrong-kind'
  | 'duplicate'
export const EXCHANGE_MESSAGES: Record<ExchangeErrorCode, string> = {
  truncated: '文件不完整（可能在复制时被截断），未做任何更改',
  foreign: '这不是巡察工作台的交换文件，未做任何更改',
  corrupt: '文件已损坏，无法读取，未做任何更改',
  'too-new': '该文件由较新版本的巡察工作台生成，请升级后再导入，未做任何更改',
  invalid: '文件内容结构不正确，未做任何更改',
  'wrong-passphrase': '团队口令不正确，无法解密该文件，未做任何更改',
  tampered: '文件校验失败：内容可能被篡改或损坏，未做任何更改',
  'too-large': '文件解压后过大，已拒绝，未做任何更改',
  'wrong-round': '该文件属于另一巡察轮次，未做任何更改',
  'wrong-kind': '文件类型不符，未做任何更改',
  duplicate: '该变更包已经导入过，再次导入不会改变任何数据',
}

export class ExchangeError extends Error {
  override readonly name = 'ExchangeError'
  constructor(
    readonly code: ExchangeErrorCode,
    message: string = EXCHANGE_MESSAGES[code],
  ) {
    super(message)
  }
}
export const isExchangeError = (e: unknown): e is ExchangeError => e instanceof ExchangeError

export interface CryptoOptions {
  iterations?: number
  /** Decoding: lowest iteration count accepted (tests lower it; the app never does). */
  minIterations?: number
  maxIterations?: number
  /** Memoises key derivation (the fuzz test derives thousands of times). */
  derive?: (passphrase: string, salt: Uint8Array<ArrayBuffer>, iterations: number) => Promise<DerivedKey>
  /** Encoding: the salt, when the key was derived ahead (a backup derives while it reads the round). */
  salt?: Uint8Array<ArrayBuffer>
}
export interface DerivedKey {
  key: CryptoKey
  verifier: string
}

export async function deriveKey(passphrase: string, salt: Uint8Array<ArrayBuffer>, iterations: number): Promise<DerivedKey> {
  const base = await subtle().importKey('raw', utf8(passphrase.normalize('NFC')), 'PBKDF2', false, ['deriveBits'])
  const bits = new Uint8Array(await subtle().deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations }, base, 512))
  const key = await subtle().importKey('raw', bits.slice(0, 32), 'AES-GCM', false, ['encrypt', 'decrypt'])
  const verifier = await sha256Hex(bits.slice(32))
  bits.fill(0)
  return { key, verifier }
}

export async function encodePackage(
  head: Pick<PackageHeader, 'kind' | 'packageId' | 'roundId' | 'roundName' | 'from' | 'createdAt' | 'auditHead'>,
  payload: Uint8Array,
  passphrase: string,
  options: CryptoOptions = {},
): Promise<Uint8Array> {
  const iterations = options.iterations ?? EXCHANGE_ITERATIONS
  const salt = options.salt ?? randomBytes(SALT_BYTES)
  if (salt.length !== SALT_BYTES) throw new ExchangeError('invalid')
  const iv = randomBytes(IV_BYTES)
  const { key, verifier } = await (options.derive ?? deriveKey)(passphrase, salt, iterations)
  const header: PackageHeader = {
    format: EXCHANGE_FORMAT,
    formatVersion: EXCHANGE_FORMAT_VERSION,
    ...head,
    kdf: { name: 'PBKDF2', hash: 'SHA-256', iterations, salt: bytesToBase64(salt) },
    iv: bytesToBase64(iv),
    verifier,
  }
  const headerBytes = utf8(JSON.stringify(header))
  // A payload that is gzip already (a backup's round archive) is stored, not compressed twice.
  const compressed = payload[0] === 0x1f && payload[1] === 0x8b && payload[2] === 8
  const packed = compressed
    ? gzipSync(payload, { level: 0, mtime: Date.parse(head.createdAt) || 1000 })
    : gzip(payload, Date.parse(head.createdAt) || 1000)
  const ct = new Uint8Array(await subtle().encrypt({ ...gcm(iv, ''), additionalData: headerBytes }, key, packed as Uint8Array<ArrayBuffer>))
  const out = new Uint8Array(MAGIC.length + 4 + headerBytes.length + ct.length)
  out.set(MAGIC)
  new DataView(out.buffer).setUint32(MAGIC.length, headerBytes.length)
  out.set(headerBytes, MAGIC.length + 4)
  out.set(ct, MAGIC.length + 4 + headerBytes.length)
  return out
}

function isAuditHead(x: unknown): x is AuditHead {
  return (
    isPlainObject(x) && Number.isInteger(x.count) && (x.count as number) >= 0 && typeof x.head === 'string' && /^[0-9a-f]{64}$/.test(x.head)
  )
}

/** Reads the clear header only (no passphrase): for the preview of who and which round. */
export function readHeader(
  bytes: Uint8Array,
  options: CryptoOptions = {},
): { header: PackageHeader; headerBytes: Uint8Array<ArrayBuffer>; body: Uint8Array } {
  if (bytes.length === 0) throw new ExchangeError('truncated')
  const m = Math.min(bytes.length, MAGIC.length)
  for (let i = 0; i < m; i++) if (bytes[i] !== MAGIC[i]) throw new ExchangeError('foreign')
  if (bytes.length < MAGIC.length + 4) throw new ExchangeError('truncated')
  const len = new DataView(bytes.buffer, bytes.byteOffset + MAGIC.length, 4).getUint32(0)
  if (len === 0 || len > MAX_HEADER_BYTES) throw new ExchangeError('corrupt')
  if (bytes.length < MAGIC.length + 4 + len) throw new ExchangeError('truncated')
  const headerBytes = bytes.slice(MAGIC.length + 4, MAGIC.length + 4 + len)
  let h: unknown
  if (nestsDeeperThan(headerBytes, MAX_JSON_DEPTH)) throw new ExchangeError('corrupt')
  try {
    h = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(headerBytes))
  } catch {
    throw new ExchangeError('corrupt')
  }
  if (!isPlainObject(h) || h.format !== EXCHANGE_FORMAT) throw new ExchangeError('foreign')
  if (typeof h.formatVersion !== 'number' || !Number.isInteger(h.formatVersion) || h.formatVersion < 1) throw new ExchangeError('invalid')
  if (h.formatVersion > EXCHANGE_FORMAT_VERSION)
    throw new ExchangeError('too-new', `该文件由较新版本的巡察工作台生成（格式版本 ${h.formatVersion}），请升级后再导入，未做任何更改`)
  const kdf = h.kdf
  const strings = ['packageId', 'roundId', 'roundName', 'createdAt', 'iv', 'verifier'] as const
  if (
    typeof h.kind !== 'string' ||
    !(h.kind in PACKAGE_KINDS) ||
    strings.some((k) => typeof h[k] !== 'string') ||
    !isPlainObject(h.from) ||
    typeof h.from.deviceId !== 'string' ||
    typeof h.from.name !== 'string' ||
    !isPlainObject(kdf) ||
    kdf.name !== 'PBKDF2' ||
    kdf.hash !== 'SHA-256' ||
    typeof kdf.salt !== 'string' ||
    typeof kdf.iterations !== 'number' ||
    !Number.isInteger(kdf.iterations) ||
    (h.auditHead !== undefined && !isAuditHead(h.auditHead))
  )
    throw new ExchangeError('invalid')
  if (kdf.iterations < (options.minIterations ?? EXCHANGE_ITERATIONS) || kdf.iterations > (options.maxIterations ?? MAX_ITERATIONS))
    throw new ExchangeError('invalid', '文件的密钥参数不符合要求（迭代次数），未做任何更改')
  return { header: h as unknown as PackageHeader, headerBytes, body: bytes.subarray(MAGIC.length + 4 + len) }
}

/** Decrypts and checks a package; returns the header, the payload and the file's SHA-256. */
export async function decodePackage(
  bytes: Uint8Array,
  passphrase: string,
  options: CryptoOptions = {},
): Promise<{ header: PackageHeader; payload: Uint8Array; fingerprint: string }> {
  const { header, headerBytes, body } = readHeader(bytes, options)
  let salt: Uint8Array<ArrayBuffer>
  let iv: Uint8Array<ArrayBuffer>
  try {
    salt = base64ToBytes(header.kdf.salt)
    iv = base64ToBytes(header.iv)
  } catch {
    throw new ExchangeError('invalid')
  }
  if (salt.length !== SALT_BYTES || iv.length !== IV_BYTES) throw new ExchangeError('invalid')
  if (body.length < 16) throw new ExchangeError('truncated')
  const { key, verifier } = await (options.derive ?? deriveKey)(passphrase, salt, header.kdf.iterations)
  if (verifier !== header.verifier) throw new ExchangeError('wrong-passphrase')
  let packed: Uint8Array
  try {
    packed = new Uint8Array(await subtle().decrypt({ ...gcm(iv, ''), additionalData: headerBytes }, key, body.slice()))
  } catch {
    throw new ExchangeError('tampered')
  }
  let payload: Uint8Array
  try {
    payload = gunzipLimited(packed, MAX_PAYLOAD_BYTES)
  } catch (e) {
    throw new ExchangeError(isArchiveError(e) && e.code === 'too-large' ? 'too-large' : 'corrupt')
  }
  return { header, payload, fingerprint: await sha256Hex(bytes) }
}

/** JSON payloads (config, changes, state, handover). */
export function parseJsonPayload(payload: Uint8Array): unknown {
  if (nestsDeeperThan(payload, MAX_JSON_DEPTH)) throw new ExchangeError('invalid', TOO_DEEP_MESSAGE)
  try {
    return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(payload))
  } catch {
    throw new ExchangeError('corrupt')
  }
}
