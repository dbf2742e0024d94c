// Encrypted backups of a round (the round archive inside an exchange container), the restore
// from one, and the hand-over package (移交) for the 巡察办, without the screen. A backup is built
// in the backup worker from what IndexedDB holds; automatic backups (scheduled, before an
// import) go into the chosen backup folder without a dialog when there is one, rolling.
import { encodeArchive, type DecodedArchive } from '@shared/archive'
import { buildHandover, encodePackage, PACKAGE_EXTENSIONS } from '@shared/exchange'
import type { HandoverFile } from '@shared/exchange/handover'
import { autoBackupFileName, MAX_BACKUP_KEEP, type XunchaBridge } from '@shared/bridge/contract'
import { denial } from '@shared/domain/permissions'
import type { Round, TeamMember } from '@shared/domain/types'
import { checkPassphrase } from '@shared/security'
import { todayIso } from '@shared/util/dates'
import { safeFileName, safeNamePart } from '@shared/util/filename'
import { buildBackupOffThread } from '../platform/workers/backupWorker'
import { decodeOffThread } from '../platform/workers/decodeOffThread'
import { formatBytes } from '../util/format'
import type { ServiceContext } from './context'
import { DeniedError, ServiceError } from './errors'

export type BackupErrorCode = 'no-round' | 'weak-passphrase' | 'not-saved'
export class BackupError extends ServiceError<BackupErrorCode> {}

export const BACKUP_FILTERS = [{ name: '巡察工作台备份', extensions: ['xbak'] }]
const HANDOVER_FILTERS = [{ name: '巡察工作台移交包', extensions: ['xhov'] }]

/** Backups and hand-overs are sealed with a passphrase strong enough to face an attacker holding the file. */
export function checkBackupPassphrase(passphrase: string): void {
  const check = checkPassphrase(passphrase)
  if (!check.ok) throw new BackupError('weak-passphrase', `口令强度不足：${check.problems.join('；')}`)
}

/** How many automatic backups of a round the folder keeps (1…MAX_BACKUP_KEEP, 10 when unset). */
export const keepCount = (keep: number): number => Math.min(MAX_BACKUP_KEEP, Math.max(1, Math.round(keep || 10)))

const stamp = () => new Date().toISOString().slice(0, 16).replace(/[-:T]/g, '')

/** `自动备份-<轮次名>~<轮次 id>-<年月日时分秒>.xbak`: the series is the round id, so pruning never touches another round's files. */
function autoBackupName(roundId: string, roundName: string): string {
  return autoBackupFileName(
    roundId,
    safeNamePart(roundName, '轮次').slice(0, 40),
    new Date().toISOString().slice(0, 19).replace(/[-:T]/g, ''),
  )
}

export interface PreparedBackup {
  roundId: string
  roundName: string
  bytes: Uint8Array
  /** The repository's write count when the round was read: the backup is current while it is unchanged. */
  revision: number
}

/** Builds a round's encrypted backup in the backup worker; nothing is saved yet (see `deliverBackup`). */
export async function prepareBackup(
  ctx: ServiceContext,
  input: { round: Round | undefined; deviceId: string; userName: string | undefined; passphrase: string },
  onProgress?: (percent: number) => void,
): Promise<PreparedBackup> {
  const { round } = input
  if (!round) throw new BackupError('no-round', '找不到该巡察轮次')
  const revision = ctx.repo.revision
  const head = {
    packageId: crypto.randomUUID(),
    roundName: round.name,
    from: { deviceId: input.deviceId, name: input.userName ?? '未指定' },
    createdAt: new Date().toISOString(),
  }
  const job = {
    roundId: round.id,
    key: await ctx.keyring.roundKey(round.id),
    passphrase: input.passphrase,
    head,
    appVersion: __APP_VERSION__,
    dbName: ctx.repo.db.name,
  }
  return { roundId: round.id, roundName: round.name, bytes: await buildBackupOffThread(job, onProgress), revision }
}

export interface DeliveredBackup {
  location: string
  /** Shown as the last backup: where it went and why. */
  note: string
  /** The backup folder as the bridge reported it (automatic backups only). */
  folder?: Awaited<ReturnType<XunchaBridge['backupFolderStatus']>>
}

/**
 * Saves a prepared backup and audits it. Automatic backups go into the chosen backup folder
 * without a dialog when there is one; `ask` (the manual 立即备份) always lets the user choose.
 */
export async function deliverBackup(
  ctx: ServiceContext,
  files: Pick<XunchaBridge, 'saveFile' | 'backupFolderStatus' | 'writeBackup'>,
  prepared: PreparedBackup,
  reason: string,
  options: { ask?: boolean; keep?: number } = {},
): Promise<DeliveredBackup> {
  const { roundId, roundName, bytes } = prepared
  let folder: DeliveredBackup['folder']
  if (!options.ask) {
    folder = await files.backupFolderStatus()
    if (folder.chosen) {
      const written = await files.writeBackup({
        fileName: autoBackupName(roundId, roundName),
        data: bytes,
        keep: keepCount(options.keep ?? 10),
      })
      const pruned = written.removed.length ? `，已删除较早的自动备份 ${written.removed.length} 份` : ''
      await ctx.repo.record({
        action: 'export',
        table: 'rounds',
        recordId: roundId,
        detail: `${reason}（${formatBytes(written.size)}）写入备份文件夹${pruned}`,
      })
      return { location: written.location, note: `${written.location}（${reason}${pruned}）`, folder }
    }
  }
  const name = safeFileName(`${roundName}-备份-${stamp()}`, PACKAGE_EXTENSIONS.backup)
  const saved = await files.saveFile({ suggestedName: name, filters: BACKUP_FILTERS, data: bytes })
  if (!saved.saved) throw new BackupError('not-saved', '备份未保存，操作已取消')
  await ctx.repo.record({ action: 'export', table: 'rounds', recordId: roundId, detail: `${reason}（${formatBytes(bytes.byteLength)}）` })
  const location = saved.location ?? name
  return { location, note: location, folder }
}

export interface RestorePreview {
  fileName: string
  decoded: DecodedArchive
  createdAt: string
  by: string
}

/** Decrypts and checks a backup file off the page; nothing is written (the preview before a restore). */
export async function openBackup(file: { name: string; data: Uint8Array }, passphrase: string): Promise<RestorePreview> {
  const result = await decodeOffThread({ kind: 'backup', bytes: file.data, passphrase })
  if (result.kind !== 'backup') throw new Error('读取结果不符')
  return { fileName: file.name, decoded: result.decoded, createdAt: result.header.createdAt, by: result.header.from.name }
}

/** Puts the backed-up round in place of this laptop's copy, atomically, and audits it. */
export async function restoreBackup(ctx: ServiceContext, preview: RestorePreview): Promise<void> {
  const { snapshot } = preview.decoded
  await ctx.repo.replaceRound(snapshot, { action: 'import', table: 'rounds', recordId: snapshot.round.id, detail: '从备份恢复' })
}

export interface HandoverRequest {
  round: Round
  user: TeamMember | undefined
  deviceId: string
  passphrase: string
  /** The report files of the round (the report package), when there are any. */
  reports: HandoverFile[]
}

export interface SavedHandover {
  files: number
  reportsIncluded: boolean
  location: string
}

/** The hand-over package (移交包) for the 巡察办: archive, audit extract and reports, with a manifest; the 组长 only. */
export async function makeHandover(
  ctx: ServiceContext,
  files: Pick<XunchaBridge, 'saveFile'>,
  request: HandoverRequest,
): Promise<SavedHandover | undefined> {
  const { round, user, deviceId, passphrase } = request
  const refused = denial(user, 'make-handover')
  if (refused || !user) throw new DeniedError(refused)
  checkBackupPassphrase(passphrase)
  const snap = await ctx.repo.snapshot(round.id)
  const ids = new Set<string>([round.id, ...Object.values(snap.tables).flatMap((rows) => (rows as { id: string }[]).map((r) => r.id))])
  const audit = (await ctx.repo.auditEntries()).filter((e) => ids.has(e.recordId))
  const at = new Date().toISOString()
  const archive = await encodeArchive(snap, { appVersion: __APP_VERSION__, exportedBy: user.name, exportedAt: at })
  const { manifest, payload } = await buildHandover({
    roundId: round.id,
    roundName: round.name,
    unitName: round.unitName,
    handedOverBy: user.name,
    at,
    archive,
    audit,
    reports: request.reports,
    auditHead: await ctx.repo.audit.head(),
  })
  const bytes = await encodePackage(
    {
      kind: 'handover',
      packageId: crypto.randomUUID(),
      roundId: round.id,
      roundName: round.name,
      from: { deviceId, name: user.name },
      createdAt: at,
      auditHead: await ctx.repo.audit.head(),
    },
    payload,
    passphrase,
  )
  const name = safeFileName(`${round.name}-移交包-${todayIso()}`, PACKAGE_EXTENSIONS.handover)
  const saved = await files.saveFile({ suggestedName: name, filters: HANDOVER_FILTERS, data: bytes })
  if (!saved.saved) return undefined
  await ctx.repo.record({
    action: 'export',
    table: 'rounds',
    recordId: round.id,
    detail: `生成移交包：${manifest.files.map((f) => `${f.role} ${f.sha256.slice(0, 12)}`).join('，')}`,
  })
  return { files: manifest.files.length, reportsIncluded: manifest.reportsIncluded, location: saved.location ?? name }
}
