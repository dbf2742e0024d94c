// Encode and decode round archives (轮次归档): gzip of UTF-8 JSON with a SHA-256 over the
// canonical JSON of the content. Specification: docs/round-archive.md.
import type { RoundTableName } from '../domain/tables'
import type { RoundSnapshot } from '../domain/snapshot'
import { canonicalJson } from './canonical'
import { ARCHIVE_MESSAGES, ArchiveError } from './errors'
import {
  ARCHIVE_FORMAT,
  ARCHIVE_FORMAT_VERSION,
  MAX_DECOMPRESSED_BYTES,
  MAX_JSON_DEPTH,
  MIGRATIONS,
  MIN_READABLE_FORMAT_VERSION,
  type ArchiveCounts,
  type ArchiveInfo,
} from './format'
import { gunzipLimited, gzip } from './gzip'
import { scanJson, TOO_DEEP_MESSAGE } from './json-depth'
import { sha256Hex } from './sha256'
import { validateContent } from './validate'
import { withDefaults } from './schema'

export interface DecodedArchive {
  snapshot: RoundSnapshot
  info: ArchiveInfo
  /** Records per table, tombstones included. */
  counts: ArchiveCounts
  /** The version the file was written in (before any migration). */
  formatVersion: number
}

export interface DecodeOptions {
  /** Refuse archives that inflate beyond this many bytes (default MAX_DECOMPRESSED_BYTES). */
  maxDecompressedBytes?: number
}

/** Writes a round (tombstones included) as archive bytes. Refuses a snapshot it could not read back. */
export async function encodeArchive(snapshot: RoundSnapshot, info: ArchiveInfo): Promise<Uint8Array> {
  for (const f of ['appVersion', 'exportedBy', 'exportedAt'] as const) {
    if (typeof info[f] !== 'string') throw new ArchiveError('invalid', `导出信息缺少 ${f}`)
  }
  const content = { round: snapshot.round, tables: snapshot.tables }
  const counts = validateContent(content)
  const contentJson = canonicalJson(content)
  const header = {
    format: ARCHIVE_FORMAT,
    formatVersion: ARCHIVE_FORMAT_VERSION,
    exportedAt: info.exportedAt,
    exportedBy: info.exportedBy,
    appVersion: info.appVersion,
    roundId: snapshot.round.id,
    counts,
    contentSha256: await sha256Hex(contentJson),
  }
  // The header's own JSON minus its closing brace, then the content as canonical JSON.
  const json = `${JSON.stringify(header).slice(0, -1)},"content":${contentJson}}`
  return gzip(new TextEncoder().encode(json), Date.parse(info.exportedAt))
}

/** Reads archive bytes back into a round; every refusal is an ArchiveError. */
export async function decodeArchive(bytes: Uint8Array | ArrayBuffer, options: DecodeOptions = {}): Promise<DecodedArchive> {
  try {
    return await decode(bytes, options)
  } catch (e) {
    if (e instanceof ArchiveError) throw e
    throw new ArchiveError('corrupt', ARCHIVE_MESSAGES.corrupt)
  }
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

async function decode(input: Uint8Array | ArrayBuffer, options: DecodeOptions): Promise<DecodedArchive> {
  const bytes = input instanceof ArrayBuffer ? new Uint8Array(input) : input
  if (!(bytes instanceof Uint8Array)) throw new ArchiveError('corrupt', ARCHIVE_MESSAGES.corrupt)
  const raw = gunzipLimited(bytes, options.maxDecompressedBytes ?? MAX_DECOMPRESSED_BYTES)
  const scan = scanJson(raw, MAX_JSON_DEPTH)
  if (scan.tooDeep) throw new ArchiveError('invalid', `归档${TOO_DEEP_MESSAGE}`)

  let text: string
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(raw)
  } catch {
    throw new ArchiveError('corrupt', ARCHIVE_MESSAGES.corrupt)
  }
  let env: unknown
  try {
    env = JSON.parse(text)
  } catch {
    throw looksTruncatedJson(text)
      ? new ArchiveError('truncated', ARCHIVE_MESSAGES.truncated)
      : new ArchiveError('corrupt', ARCHIVE_MESSAGES.corrupt)
  }
  if (!isPlainObject(env) || env.format !== ARCHIVE_FORMAT) throw new ArchiveError('foreign', ARCHIVE_MESSAGES.foreign)

  const version = env.formatVersion
  if (typeof version !== 'number' || !Number.isInteger(version)) {
    throw new ArchiveError('invalid', '归档内容结构不正确：格式版本（formatVersion）缺失或不是整数')
  }
  if (version > ARCHIVE_FORMAT_VERSION) {
    throw new ArchiveError('too-new', `该归档由较新版本的巡察工作台导出（格式版本 ${version}），请升级后再导入`)
  }
  if (version < MIN_READABLE_FORMAT_VERSION) {
    throw new ArchiveError('too-old', `该归档的格式版本 ${version} 过旧，当前版本的巡察工作台已不再支持导入，请用较早版本打开后重新导出`)
  }
  for (const f of ['exportedAt', 'exportedBy', 'appVersion', 'roundId'] as const) {
    if (typeof env[f] !== 'string') throw new ArchiveError('invalid', `归档内容结构不正确：归档头部缺少文本字段 ${f}`)
  }
  if (typeof env.contentSha256 !== 'string' || !/^[0-9a-fA-F]{64}$/.test(env.contentSha256)) {
    throw new ArchiveError('invalid', '归档内容结构不正确：归档头部缺少内容校验值（contentSha256）')
  }
  if (!isPlainObject(env.counts)) throw new ArchiveError('invalid', '归档内容结构不正确：归档头部缺少记录数（counts）')
  if (!isPlainObject(env.content)) throw new ArchiveError('invalid', '归档内容结构不正确：缺少归档内容（content）')

  // Version 1 rule: SHA-256 of the canonical JSON of `content`. A future version with other
  // rules adds its own branch here, before the migrations run.
  if (!(await contentMatches(raw, scan.lastTopKeyAt, env.content, env.contentSha256.toLowerCase()))) {
    throw new ArchiveError('checksum', ARCHIVE_MESSAGES.checksum)
  }

  let current: Record<string, unknown> = env
  for (let v = version; v < ARCHIVE_FORMAT_VERSION; v++) {
    const migrate = MIGRATIONS[v]
    if (!migrate) throw new ArchiveError('too-old', `该归档的格式版本 ${version} 无法升级到当前版本，请用较早版本打开后重新导出`)
    current = migrate(current)
  }

  const counts = validateContent(current.content)
  const content = current.content as { round: RoundSnapshot['round']; tables: RoundSnapshot['tables'] }
  if (content.round.id !== current.roundId) {
    throw new ArchiveError('invalid', '归档内容结构不正确：归档头部的轮次 id 与内容中的轮次不一致')
  }
  const declared = current.counts as Record<string, unknown>
  for (const t of Object.keys(counts) as RoundTableName[]) {
    if (declared[t] !== counts[t]) {
      throw new ArchiveError('invalid', `归档内容结构不正确：数据表 ${t} 声明 ${String(declared[t])} 条记录，实际为 ${counts[t]} 条`)
    }
  }
  // What passed arrives in the shape the types promise: absent type-required fields get their empty value.
  const round = withDefaults('rounds', content.round as never) as RoundSnapshot['round']
  const tables = Object.fromEntries(
    Object.entries(content.tables).map(([t, rows]) => [
      t,
      (rows as unknown as Record<string, unknown>[]).map((r) => withDefaults(t as RoundTableName, r)),
    ]),
  ) as unknown as RoundSnapshot['tables']
  return {
    snapshot: { round, tables },
    info: { appVersion: current.appVersion as string, exportedBy: current.exportedBy as string, exportedAt: current.exportedAt as string },
    counts,
    formatVersion: version,
  }
}

const CONTENT_KEY = new TextEncoder().encode('"content":')

/**
 * Checks contentSha256. This app writes `content` last and already in canonical form, so the
 * bytes of the top-level object's last member, when it is `"content":`, are normally exactly
 * what was hashed: hashing them skips re-serialising tens of megabytes. That member is found
 * by a structural scan (scanJson), so a `"content":` inside another key or a string cannot be
 * taken for it; otherwise (another tool's archive, pretty-printed, or damaged) the content is
 * re-serialised canonically and hashed, as the format defines.
 */
async function contentMatches(raw: Uint8Array, lastTopKeyAt: number, content: unknown, expected: string): Promise<boolean> {
  let end = raw.length - 1
  while (end > 0 && (raw[end] === 0x20 || raw[end] === 0x0a || raw[end] === 0x0d || raw[end] === 0x09)) end--
  const at = lastTopKeyAt
  if (at > 0 && raw[end] === 0x7d && CONTENT_KEY.every((b, i) => raw[at + i] === b)) {
    const slice = raw.subarray(at + CONTENT_KEY.length, end)
    if (slice[0] === 0x7b && (await sha256Hex(slice)) === expected) return true
  }
  return (await sha256Hex(canonicalJson(content))) === expected
}

/** True when the text is the beginning of a JSON object or array that stops before it closes. */
function looksTruncatedJson(text: string): boolean {
  const s = text.trimStart()
  if (s[0] !== '{' && s[0] !== '[') return false
  let depth = 0
  let inString = false
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i)
    if (inString) {
      if (c === 92)
        i++ // backslash: skip the escaped character
      else if (c === 34) inString = false
    } else if (c === 34) inString = true
    else if (c === 123 || c === 91) depth++
    else if (c === 125 || c === 93) {
      depth--
      if (depth === 0) return false // closed: the error is somewhere else
    }
  }
  return true
}
