// The hand-over package (移交) for the 巡察办: the complete round archive, an audit-log
// extract and — once the report package of issue 7 exists — its files, with a manifest that
// lists every file with its size and SHA-256. The whole is then encrypted like any package.
import { sha256Hex } from '../util/hash'
import { bytesToBase64 } from '../security/base64'
import { safeFileName } from '../util/filename'
import type { AuditEntry } from '../domain/types'

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
}

export async function buildHandover(input: HandoverInput): Promise<{ manifest: HandoverManifest; payload: Uint8Array }> {
  const audit = new TextEncoder().encode(JSON.stringify(input.audit, null, 1))
  const files: HandoverFile[] = [
    { name: safeFileName(`${input.roundName}-轮次归档`, 'xcra'), role: '轮次归档', bytes: input.archive },
    { name: safeFileName(`${input.roundName}-审计日志摘录`, 'json'), role: '审计日志摘录', bytes: audit },
    ...(input.reports ?? []),
  ]
  const manifest: HandoverManifest = {
    format: 'xuncha-handover', version: 1, roundId: input.roundId, roundName: input.roundName, unitName: input.unitName,
    handedOverBy: input.handedOverBy, at: input.at, reportsIncluded: (input.reports?.length ?? 0) > 0,
    files: await Promise.all(files.map(async (f) => ({ name: f.name, role: f.role, size: f.bytes.byteLength, sha256: await sha256Hex(f.bytes) }))),
  }
  const body = { manifest, files: files.map((f) => ({ name: f.name, data: bytesToBase64(f.bytes) })) }
  return { manifest, payload: new TextEncoder().encode(JSON.stringify(body)) }
}
