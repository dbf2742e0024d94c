// Rolling automatic backups into a folder the user chose once. The folder lives only in the
// main process (persisted under userData); the renderer sends a bare file name and the bytes.
import { readdir, readFile, stat, unlink } from 'node:fs/promises'
import path from 'node:path'
import { app, dialog, type BrowserWindow } from 'electron'
import {
  AUTO_BACKUP_NAME,
  backupSeriesKey,
  backupSeriesRound,
  type BackupFolderStatus,
  type DeletedRoundBackups,
  type RoundBackups,
  type WriteBackupRequest,
  type WriteBackupResult,
} from '@shared/bridge/contract'
import { writeVerified } from './files'

const SETTINGS_FILE = 'backup-folder.json'

function settingsPath(): string {
  return path.join(app.getPath('userData'), SETTINGS_FILE)
}

/** The remembered folder, or undefined if none (or the settings file is unreadable). */
async function rememberedFolder(): Promise<string | undefined> {
  try {
    const parsed: unknown = JSON.parse(await readFile(settingsPath(), 'utf8'))
    const folder = (parsed as { folder?: unknown } | null)?.folder
    return typeof folder === 'string' && path.isAbsolute(folder) ? folder : undefined
  } catch {
    return undefined
  }
}

async function isDirectory(p: string): Promise<boolean> {
  try {
    return (await stat(p)).isDirectory()
  } catch {
    return false
  }
}

export async function backupFolderStatus(): Promise<BackupFolderStatus> {
  const folder = await rememberedFolder()
  return folder ? { chosen: true, label: folder } : { chosen: false }
}

/** Asks for a folder; on cancel the remembered one (if any) stays. */
export async function chooseBackupFolder(win: BrowserWindow | null): Promise<BackupFolderStatus> {
  const options = {
    title: '选择备份文件夹',
    buttonLabel: '选择此文件夹',
    properties: ['openDirectory', 'createDirectory'] as ('openDirectory' | 'createDirectory')[],
  }
  const result = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options)
  const folder = result.filePaths[0]
  if (result.canceled || !folder) return backupFolderStatus()
  if (!path.isAbsolute(folder) || !(await isDirectory(folder))) throw new Error(`不是可用的文件夹：${folder}`)
  await writeVerified(settingsPath(), new TextEncoder().encode(JSON.stringify({ folder }, null, 2)))
  return { chosen: true, label: folder }
}

/** Compares two time stamps of possibly different precision (12 or 14 digits). */
function byStampDesc(a: RegExpExecArray, b: RegExpExecArray): number {
  const sa = a[2]!.padEnd(14, '0')
  const sb = b[2]!.padEnd(14, '0')
  return sa === sb ? b[0].localeCompare(a[0]) : sa < sb ? 1 : -1
}

export async function writeBackup(request: WriteBackupRequest): Promise<WriteBackupResult> {
  const folder = await rememberedFolder()
  if (!folder) throw new Error('尚未选择备份文件夹')
  if (!(await isDirectory(folder))) throw new Error(`备份文件夹不存在或无法访问：${folder}`)
  const written = AUTO_BACKUP_NAME.exec(request.fileName)
  if (!written) throw new Error('备份文件名不合法')
  const target = path.join(folder, request.fileName)
  // Defence in depth: the checked name has no separators, so the file stays in the folder.
  if (path.dirname(target) !== path.resolve(folder)) throw new Error('备份文件名不合法')
  const size = await writeVerified(target, request.data)

  // Only regular files of the same round's automatic backups are candidates (keyed by round id,
  // not by name: two rounds of the same or similar names never share a series); the new file is
  // always kept, and older name-only series are never pruned.
  const round = backupSeriesRound(written[1]!)
  const entries = await readdir(folder, { withFileTypes: true })
  const older =
    round === undefined
      ? []
      : entries
          .filter((e) => e.isFile() && e.name !== request.fileName)
          .map((e) => AUTO_BACKUP_NAME.exec(e.name))
          .filter((m): m is RegExpExecArray => m !== null && backupSeriesRound(m[1]!) === round)
          .sort(byStampDesc)
  const removed: string[] = []
  for (const m of older.slice(Math.max(0, request.keep - 1))) {
    try {
      await unlink(path.join(folder, m[0]))
      removed.push(m[0])
    } catch {
      // Already gone or locked: leave it, the next backup tries again.
    }
  }
  return { location: target, size, removed }
}

/** The names of one round's automatic backups in `folder` (regular files only, oldest first). */
async function roundBackupNames(folder: string, roundId: string): Promise<string[]> {
  const key = backupSeriesKey(roundId)
  const entries = await readdir(folder, { withFileTypes: true })
  return entries
    .filter((e) => e.isFile())
    .map((e) => AUTO_BACKUP_NAME.exec(e.name))
    .filter((m): m is RegExpExecArray => m !== null && backupSeriesRound(m[1]!) === key)
    .sort(byStampDesc)
    .reverse()
    .map((m) => m[0])
}

export async function listRoundBackups(roundId: string): Promise<RoundBackups> {
  const folder = await rememberedFolder()
  if (!folder || !(await isDirectory(folder))) return { files: [] }
  return { folder, files: await roundBackupNames(folder, roundId) }
}

/** Deletes one round's automatic backups (the wipe); files of other rounds and other files are never touched. */
export async function deleteRoundBackups(roundId: string): Promise<DeletedRoundBackups> {
  const { folder, files } = await listRoundBackups(roundId)
  if (!folder) return { deleted: [], failed: [] }
  const deleted: string[] = []
  const failed: string[] = []
  for (const name of files) {
    try {
      await unlink(path.join(folder, name))
      deleted.push(name)
    } catch {
      failed.push(name)
    }
  }
  return { folder, deleted, failed }
}
