// What every export shares once its bytes are checked and saved: the round's 份号 counter on this
// laptop, and the audit entry with the file's fingerprint.
import type { ExportKind } from '@shared/domain/types'
import { sha256Hex } from '@shared/util/hash'
import type { ServiceContext } from './context'

/** The round's next 份号 (copy number), counted on this laptop. */
export async function nextCopyNumber(ctx: ServiceContext, roundId: string): Promise<number> {
  const n = (await ctx.settings.get<number>(`copyNumber:${roundId}`, 0)) + 1
  await ctx.settings.set(`copyNumber:${roundId}`, n)
  return n
}

/** Audits a delivered export with what its read-back found, its 份号 and its SHA-256. */
export async function recordExport(
  ctx: ServiceContext,
  d: { kind: ExportKind; label?: string; fileName: string; bytes: Uint8Array; verified: string; roundId: string; copyNumber?: number },
): Promise<void> {
  const copy = d.copyNumber ? `，份号 ${String(d.copyNumber).padStart(6, '0')}` : ''
  // The file name and the read-back note can carry names (the round's, a watermark's): the audit
  // keeps what was exported, its size and its fingerprint only.
  await ctx.repo.record({
    action: 'export',
    table: 'rounds',
    recordId: d.roundId,
    detail: `导出${d.label ?? d.kind}（${d.bytes.byteLength} 字节${copy}）sha256:${await sha256Hex(d.bytes)}`,
  })
}
