// The hand-over package (移交) for the 巡察办: the complete round archive, an audit-log
// extract and — once the report package of issue 7 exists — its files, with a manifest that
// lists every file with its size and SHA-256. The whole is then encrypted like any package.
import { sha256Hex } from '../util/hash'
import { base64ToBytes, bytesToBase64 } from '../security/base64'
import { ExchangeError } from './package'
import { safeFileName } from '../util/filename'
import type { AuditEntry } from '../domain/types'
import type { AuditHead } from '../domain/audit'

export interface HandoverFile {
  name: string
  /** What the file is, in Chinese (轮次归档, 审计日志摘录, 报告…). */
  role: string
  bytes: Uint8Array
}
export interface HandoverInput {
  roundId: string
  roundName: string
  unitName: string
  handedOverBy: string
  at: string
  archive: Uint8Array
  audit: AuditEntry[]
  /** The sealed head of this laptop's audit log (count and last hash) when the package was made. */
  auditHead?: AuditHead
  /** Hook for the report package (issue 7): its files, added as they are. */
  reports?: HandoverFile[]
}
export interface HandoverManifest {
  format: 'xuncha-handover'
  version: 1
  roundId: string
  roundName: string
  unitName: string
  handedOverBy: string
  at: string
  files: { name: string; role: string; size: number; sha256: string }[]
  reportsIncluded: boolean
  auditHead?: AuditHead
}

export async function buildHandover(input: HandoverInput): Promise<{ manifest: HandoverManifest; payload: Uint8Array }> {
  const audit = new TextEncoder().encode(JSON.stringify(input.audit, null, 1))
  const files: HandoverFile[] = [
    { name: safeFileName(`${input.roundName}-轮次归档`, 'xcra'), role: '轮次归档', bytes: input.archive },
    { name: safeFileName(`${input.roundName}-审计日志摘录`, 'json'), role: '审计日志摘录', bytes: audit },
    ...(input.reports ?? []),
  ]
  const manifest: HandoverManifest = {
    format: 'xuncha-handover',
    version: 1,
    roundId: input.roundId,
    roundName: input.roundName,
    unitName: input.unitName,
    handedOverBy: input.handedOverBy,
    at: input.at,
    reportsIncluded: (input.reports?.length ?? 0) > 0,
    ...(input.auditHead ? { auditHead: input.auditHead } : {}),
    files: await Promise.all(
      files.map(async (f) => ({ name: f.name, role: f.role, size: f.bytes.byteLength, sha256: await sha256Hex(f.bytes) })),
    ),
  }
  const body = { manifest, files: files.map((f) => ({ name: f.name, data: bytesToBase64(f.bytes) })) }
  return { manifest, payload: new TextEncoder().encode(JSON.stringify(body)) }
}

/** A hand-over package opened for review (审阅): its manifest, each file checked against it. */
export interface HandoverReview {
  manifest: HandoverManifest
  files: { name: string; role: string; size: number; sha256: string; ok: boolean; bytes: Uint8Array }[]
  /** What does not match the manifest, in Chinese; empty when everything checks. */
  problems: string[]
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)

/** Reads a decrypted hand-over payload and checks every file's size and SHA-256 against the manifest. */
export async function readHandover(body: unknown): Promise<HandoverReview> {
  const bad = (what: string) => new ExchangeError('invalid', `移交包内容结构不正确：${what}，未做任何更改`)
  if (!isObj(body) || !isObj(body.manifest) || !Array.isArray(body.files)) throw bad('缺少清单或文件')
  const m = body.manifest
  if (m.format !== 'xuncha-handover' || m.version !== 1) throw bad('清单格式不符')
  for (const f of ['roundId', 'roundName', 'unitName', 'handedOverBy', 'at'] as const)
    if (typeof m[f] !== 'string') throw bad(`清单缺少 ${f}`)
  if (
    !Array.isArray(m.files) ||
    !m.files.every(
      (f) =>
        isObj(f) && typeof f.name === 'string' && typeof f.role === 'string' && typeof f.size === 'number' && typeof f.sha256 === 'string',
    )
  )
    throw bad('清单的文件列表不正确')
  const carried = new Map<string, string>()
  for (const f of body.files) {
    if (!isObj(f) || typeof f.name !== 'string' || typeof f.data !== 'string') throw bad('文件条目不正确')
    carried.set(f.name, f.data)
  }
  const problems: string[] = []
  const files: HandoverReview['files'] = []
  for (const entry of m.files as HandoverManifest['files']) {
    const data = carried.get(entry.name)
    if (data === undefined) {
      problems.push(`清单列出的文件“${entry.name}”不在移交包中`)
      continue
    }
    let bytes: Uint8Array
    try {
      bytes = base64ToBytes(data)
    } catch {
      throw bad(`文件“${entry.name}”的内容不是有效的 base64`)
    }
    const sha256 = await sha256Hex(bytes)
    const ok = sha256 === entry.sha256 && bytes.byteLength === entry.size
    if (!ok) problems.push(`文件“${entry.name}”与清单不符（大小或 SHA-256 不一致）`)
    files.push({ name: entry.name, role: entry.role, size: bytes.byteLength, sha256, ok, bytes })
  }
  for (const name of carried.keys())
    if (!(m.files as { name: string }[]).some((f) => f.name === name)) problems.push(`文件“${name}”未列在清单中`)
  return { manifest: m as unknown as HandoverManifest, files, problems }
}
