// Decoding what a user opens (round archive, backup, change package), as one plain function
// the decode worker runs: inflating, parsing and validating tens of megabytes never blocks the
// page. Every refusal is the documented error class, rebuilt on the page side by `reviveError`.
import { ArchiveError, decodeArchive, isArchiveError, type DecodedArchive } from '@shared/archive'
import { decodePackage, ExchangeError, isExchangeError, parseJsonPayload, readHeader, validateChangeSet, type ChangeSet, type PackageHeader } from '@shared/exchange'

export type DecodeRequest =
  | { kind: 'archive'; bytes: Uint8Array }
  | { kind: 'backup'; bytes: Uint8Array; passphrase: string }
  | { kind: 'changes'; bytes: Uint8Array; passphrase: string }

export type DecodeResult =
  | { kind: 'archive'; decoded: DecodedArchive }
  | { kind: 'backup'; decoded: DecodedArchive; header: PackageHeader }
  | { kind: 'changes'; set: ChangeSet; header: PackageHeader; fingerprint: string }

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
  const { header, payload, fingerprint } = await decodePackage(req.bytes, req.passphrase)
  return { kind: 'changes', set: validateChangeSet(parseJsonPayload(payload), header), header, fingerprint }
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
