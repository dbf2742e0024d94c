// What every export shares once its bytes are checked and saved: the round's 份号 counter (kept on
// the round record, so archives and hand-overs carry it), and the audit entry with the file's fingerprint.
import type { ExportKind } from '@shared/domain/types'
import { nextCopyNumber as nextOf } from '@shared/export/copy-number'
import { sha256Hex } from '@shared/util/hash'
import type { ServiceContext } from './context'
import { ServiceError } from './errors'

/** Where this laptop counted 份号 before the counter moved onto the round; read so no number repeats. */
const legacyKey = (roundId: string) => `copyNumber:${roundId}`

let drawing: Promise<unknown> = Promise.resolve()

/** Draws the round's next 份号 and stores it on the round, one draw at a time. */
export function nextCopyNumber(ctx: ServiceContext, roundId: string): Promise<number> {
  const draw = drawing.then(async () => {
    const round = await ctx.repo.get('rounds', roundId)
    if (!round) throw new ServiceError('no-round', '找不到该轮次，无法编份号')
    let n: number
    try {
      n = nextOf(round, await ctx.settings.get<number>(legacyKey(roundId), 0))
    } catch (e) {
      throw new ServiceError('copy-number-exhausted', (e as Error).message)
    }
    await ctx.repo.save('rounds', { ...round, copyCounter: n })
    return n
  })
  drawing = draw.catch(() => undefined)
  return draw
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
