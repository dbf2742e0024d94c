// 清理 at the end of a round, without the screen: the hand-over archive is checked against what
// this laptop holds; then the round key is destroyed first, the rows deleted, the laptop's
// settings for the round dropped, and the record of it kept in the audit log (the certificate
// is printed from that record, so it can be printed again).
import { decodeArchive, isArchiveError } from '@shared/archive'
import { denial } from '@shared/domain/permissions'
import type { Round, TeamMember } from '@shared/domain/types'
import type { XunchaBridge } from '@shared/bridge/contract'
import { archiveMatchesRound, countRecords, type WipeBackups, type WipeRecord } from '@shared/round/wipe'
import { sha256Hex } from '@shared/util/hash'
import type { ServiceContext } from './context'
import { DeniedError, ServiceError } from './errors'

export type WipeErrorCode = 'archive-mismatch' | 'archive-unreadable' | 'not-verified'
export class WipeError extends ServiceError<WipeErrorCode> {}

export interface VerifiedHandover {
  round: Round
  fileName: string
  sha256: string
}

/** Step 1: the archive the round was handed over as must hold exactly what this laptop holds. */
export async function verifyHandover(
  ctx: ServiceContext,
  user: TeamMember | undefined,
  round: Round,
  file: { name: string; data: Uint8Array },
): Promise<VerifiedHandover> {
  const refused = denial(user, 'wipe-round')
  if (refused) throw new DeniedError(refused)
  let decoded
  try {
    decoded = await decodeArchive(file.data)
  } catch (e) {
    if (isArchiveError(e)) throw new WipeError('archive-unreadable', e.message)
    throw e
  }
  if (!archiveMatchesRound(decoded.snapshot, await ctx.repo.snapshot(round.id)))
    throw new WipeError('archive-mismatch', '该归档与本机数据不一致（不是本轮，或导出后本轮又有改动）：请重新导出轮次归档后再清理')
  return { round, fileName: file.name, sha256: await sha256Hex(file.data) }
}

/** The bridge's backup-folder functions the wipe uses (platform/bridge; a fake in tests). */
export type BackupFolder = Pick<XunchaBridge, 'listRoundBackups' | 'deleteRoundBackups'>

/** The round's automatic backups after the wipe: deleted when asked, else listed. Never stops the wipe. */
async function settleBackups(folder: BackupFolder, roundId: string, remove: boolean): Promise<WipeBackups> {
  try {
    if (!remove) return await folder.listRoundBackups(roundId)
    const r = await folder.deleteRoundBackups(roundId)
    return { ...(r.folder ? { folder: r.folder } : {}), files: r.deleted, deleted: true, failed: r.failed }
  } catch (e) {
    const why = `备份文件夹无法访问（${e instanceof Error ? e.message : String(e)}）`
    return { folder: why, files: [], ...(remove ? { deleted: true, failed: [why] } : {}) }
  }
}

/**
 * Step 2: destroys the key, deletes the rows, records it; returns what the certificate prints.
 * With `backups`, the round's automatic backups in the backup folder are deleted (`remove`) or
 * listed, after the key is gone, and the certificate says which.
 */
export async function wipeRound(
  ctx: ServiceContext,
  user: TeamMember | undefined,
  deviceId: string,
  v: VerifiedHandover | undefined,
  backups?: { folder: BackupFolder; remove: boolean },
): Promise<WipeRecord> {
  const refused = denial(user, 'wipe-round')
  if (refused) throw new DeniedError(refused)
  if (!v) throw new WipeError('not-verified', '请先核对本轮的移交归档')
  const snapshot = await ctx.repo.snapshot(v.round.id)
  const record: Omit<WipeRecord, 'keyDestroyedAt' | 'wipedAt'> = {
    roundId: v.round.id,
    roundName: v.round.name,
    unitName: v.round.unitName,
    entryDate: v.round.entryDate,
    exitDate: v.round.exitDate,
    counts: countRecords(snapshot),
    archiveFileName: v.fileName,
    archiveSha256: v.sha256,
    wipedBy: user ? `${user.name}（${user.role}）` : '未指定用户',
    deviceId,
  }
  await ctx.keyring.destroyRoundKey(v.round.id)
  await ctx.drafts.removeRound(v.round.id) // unreadable already (the key is gone); now gone too
  const keyDestroyedAt = new Date().toISOString()
  const files = backups ? { backups: await settleBackups(backups.folder, v.round.id, backups.remove) } : {}
  const full: WipeRecord = { ...record, ...files, keyDestroyedAt, wipedAt: new Date().toISOString() }
  await ctx.repo.purgeRound(v.round.id, { action: 'wipe', table: 'rounds', recordId: v.round.id, detail: JSON.stringify(full) })
  await ctx.settings.delete(`copyNumber:${v.round.id}`, `currentUser:${v.round.id}`)
  await ctx.settings.set('activeRoundId', '')
  return full
}

/** Certificates of earlier wipes, read back from the audit log (oldest first). */
export async function pastWipes(ctx: ServiceContext): Promise<WipeRecord[]> {
  return (await ctx.repo.auditEntries('wipe')).map((e) => JSON.parse(e.detail) as WipeRecord)
}
