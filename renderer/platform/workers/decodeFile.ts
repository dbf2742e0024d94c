// Decoding what a user opens (round archive, backup, change package), as one plain function
// the decode worker runs: inflating, parsing and validating tens of megabytes never blocks the
// page. Every refusal is the documented error class, rebuilt on the page side by `reviveError`.
import { ArchiveError, decodeArchive, isArchiveError, type DecodedArchive } from '@shared/archive'
import {
  decodePackage,
  ExchangeError,
  isExchangeError,
  parseJsonPayload,
  readHandover,
  readHeader,
  validateChangeSet,
  type ChangeSet,
  type HandoverReview,
  type PackageHeader,
} from '@shared/exchange'

export type DecodeRequest =
  | { kind: 'archive'; bytes: Uint8Array }
  | { kind: 'backup'; bytes: Uint8Array; passphrase: string }
  | { kind: 'changes'; bytes: Uint8Array; passphrase: string }
  | { kind: 'handover'; bytes: Uint8Array; passphrase: string }

export type DecodeResult =
  | { kind: 'archive'; decoded: DecodedArchive }
  | { kind: 'backup'; decoded: DecodedArchive; header: PackageHeader }
  | { kind: 'changes'; set: ChangeSet; header: PackageHeader; fingerprint: string }
  | {
      kind: 'handover'
      header: PackageHeader
      fingerprint: string
      review: HandoverReview
      archive?: DecodedArchive
      auditEntries?: number
    }

/** An error as it crosses from the worker: class, code and the Chinese message. */
export interface WireError {
  cls: 'ArchiveError' | 'ExchangeError' | 'Error'
  code?: string
  message: string
}

export async function decodeFile(req: DecodeRequest): Promise<DecodeResult> {
  if (req.kind === 'archive') return { kind: 'archive', decoded: await decodeArchive(req.bytes) }
  if (req.kind === 'backup') {
    if (readHeader(req.bytes).header.kind !== 'backup') throw new ExchangeError('wrong-kind', '这不是备份文件，未做任何更改')
    const { header, payload } = await decodePackage(req.bytes, req.passphrase)
    return { kind: 'backup', decoded: await decodeArchive(payload), header }
  }
  if (req.kind === 'handover') return openHandover(req.bytes, req.passphrase)
  const { header, payload, fingerprint } = await decodePackage(req.bytes, req.passphrase)
  return { kind: 'changes', set: validateChangeSet(parseJsonPayload(payload), header), header, fingerprint }
}

/** The 巡察办's read-only view of a hand-over: manifest checked, the archive and the audit extract read. */
async function openHandover(bytes: Uint8Array, passphrase: string): Promise<DecodeResult> {
  if (readHeader(bytes).header.kind !== 'handover') throw new ExchangeError('wrong-kind', '这不是移交包（.xhov），未做任何更改')
  const { header, payload, fingerprint } = await decodePackage(bytes, passphrase)
  const review = await readHandover(parseJsonPayload(payload))
  const archiveFile = review.files.find((f) => f.role === '轮次归档' && f.ok)
  const auditFile = review.files.find((f) => f.role === '审计日志摘录' && f.ok)
  const archive = archiveFile ? await decodeArchive(archiveFile.bytes) : undefined
  let auditEntries: number | undefined
  if (auditFile) {
    const audit = parseJsonPayload(auditFile.bytes)
    if (!Array.isArray(audit)) throw new ExchangeError('invalid', '移交包中的审计日志摘录格式不正确，未做任何更改')
    auditEntries = audit.length
  }
  return { kind: 'handover', header, fingerprint, review, archive, auditEntries }
}

export function toWire(e: unknown): WireError {
  if (isArchiveError(e)) return { cls: 'ArchiveError', code: e.code, message: e.message }
  if (isExchangeError(e)) return { cls: 'ExchangeError', code: e.code, message: e.message }
  return { cls: 'Error', message: e instanceof Error ? e.message : String(e) }
}

export function reviveError(w: WireError): Error {
  if (w.cls === 'ArchiveError') return new ArchiveError(w.code as ArchiveError['code'], w.message)
  if (w.cls === 'ExchangeError') return new ExchangeError(w.code as ExchangeError['code'], w.message)
  return new Error(w.message)
}
