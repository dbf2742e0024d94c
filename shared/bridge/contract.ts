// The one narrow API between the renderer and the Electron main process. The preload builds
// `window.xuncha` from BRIDGE_CHANNELS; main validates every argument with the checks below.
// In a plain browser the renderer implements the same interface with downloads and file inputs.

export interface FileFilter {
  name: string
  extensions: string[]
}

export interface SaveFileRequest {
  suggestedName: string
  filters: FileFilter[]
  data: Uint8Array
}

export interface SaveFileResult {
  saved: boolean
  /** Where the file went (Electron) or the download name (browser). */
  location?: string
  /** Size read back from disk after writing. */
  size?: number
}

export interface OpenFileRequest {
  title: string
  filters: FileFilter[]
}

export interface OpenedFile {
  name: string
  data: Uint8Array
}

export interface AppInfo {
  name: string
  version: string
  target: 'electron' | 'browser'
  platform: string
  versions: Record<string, string>
}

/** The OS keystore (Electron `safeStorage`) as a second, optional wrapping of the data key. */
export interface KeystoreStatus {
  /** `safeStorage.isEncryptionAvailable()`. On Linux this is true even for the insecure basic_text fallback. */
  available: boolean
  /** Available and backed by a real OS keystore (never Linux basic_text / unknown). Only then may it be used. */
  secure: boolean
  /** Linux: `safeStorage.getSelectedStorageBackend()`; Windows 'dpapi'; macOS 'keychain'; browser 'none'. */
  backend: string
  /** Chinese, for the user: what protects the data key on this machine. */
  message: string
}

/** The remembered backup folder (kept by the main process; the renderer never sends a path). */
export interface BackupFolderStatus {
  chosen: boolean
  /** The folder path for display (Electron), or why there is none (browser). */
  label?: string
}

export interface WriteBackupRequest {
  /** A bare file name of the form `自动备份-<名称>-<时间戳>.xbak` (see AUTO_BACKUP_NAME). */
  fileName: string
  data: Uint8Array
  /** How many of this series' automatic backups to keep in the folder, 1..MAX_BACKUP_KEEP. */
  keep: number
}

export interface WriteBackupResult {
  /** Full path of the written file (Electron) or the download name (browser). */
  location: string
  /** Size read back from disk after writing. */
  size: number
  /** File names of the older automatic backups deleted to keep the newest `keep`. */
  removed: string[]
}

/** One round's automatic backups in the remembered folder: where, and their file names. */
export interface RoundBackups {
  /** The folder (Electron); absent when none is chosen (always in a browser, where backups are downloads). */
  folder?: string
  files: string[]
}

/** What deleting one round's automatic backups did. */
export interface DeletedRoundBackups {
  folder?: string
  deleted: string[]
  /** Files that could not be deleted (locked, no permission): the user must remove them by hand. */
  failed: string[]
}

/** An installed font face the shell found and identified by its names (shared/export/office-fonts.ts). */
export interface DetectedFont {
  /** Handle for `readOfficeFont`, valid until the next detection. */
  id: string
  /** The role it plays: 'fangsong' | 'hei' | 'kai' | 'xiaobiaosong' | 'song' | 'extra'. */
  slot: string
  /** 0 = the best match for the role (e.g. 仿宋_GB2312 before 仿宋). */
  rank: number
  /** Its family name, Chinese where it has one. */
  name: string
  /** The file, for display. */
  file: string
  /** Face index in a .ttc collection. */
  face: number
}

/** A finished PDF to print through the system's print dialog. */
export interface PrintPdfRequest {
  /** What is printed, for the dialog and the message (e.g. 巡察报告). */
  title: string
  data: Uint8Array
}

export interface PrintPdfResult {
  /** True once the system dialog reports the job sent to the printer. */
  printed: boolean
  /** The browser build: the PDF left the app as a download, to be printed from a PDF reader. */
  downloaded?: boolean
  /** Chinese, for the user: what happened (cancelled, failed and why, or the browser's download). */
  message: string
}

export interface XunchaBridge {
  appInfo(): Promise<AppInfo>
  saveFile(request: SaveFileRequest): Promise<SaveFileResult>
  openFile(request: OpenFileRequest): Promise<OpenedFile | null>
  keystoreStatus(): Promise<KeystoreStatus>
  /** Encrypts (wraps) key material with the OS keystore; rejects unless `keystoreStatus().secure`. */
  keystoreProtect(data: Uint8Array): Promise<Uint8Array>
  /** Inverse of keystoreProtect; rejects if the keystore cannot open it (e.g. another OS account). */
  keystoreUnprotect(data: Uint8Array): Promise<Uint8Array>
  /** Electron: a folder dialog; main remembers the folder (persisted). Browser: never chosen. */
  chooseBackupFolder(): Promise<BackupFolderStatus>
  backupFolderStatus(): Promise<BackupFolderStatus>
  /** Writes into the remembered folder without a dialog and prunes the series to the newest `keep`. */
  writeBackup(request: WriteBackupRequest): Promise<WriteBackupResult>
  /** The round's automatic backups in the remembered folder (by round id, never by name). Browser: none. */
  listRoundBackups(roundId: string): Promise<RoundBackups>
  /** Deletes them (the wipe, when the user asks). Browser: nothing to delete. */
  deleteRoundBackups(roundId: string): Promise<DeletedRoundBackups>
  /** Electron: the office fonts installed on this machine (Windows, UOS/Kylin/Deepin, macOS font folders). Browser: none. */
  detectOfficeFonts(): Promise<DetectedFont[]>
  /** One detected face as a standalone .ttf/.otf, ready to embed. */
  readOfficeFont(id: string): Promise<Uint8Array>
  /** Electron: the PDF itself in a hidden window, printed through the system print dialog. Browser: a download to print from a PDF reader. */
  printPdf(request: PrintPdfRequest): Promise<PrintPdfResult>
}

export const BRIDGE_GLOBAL = 'xuncha'

export const BRIDGE_CHANNELS = {
  appInfo: 'xuncha:app-info',
  saveFile: 'xuncha:save-file',
  openFile: 'xuncha:open-file',
  keystoreStatus: 'xuncha:keystore-status',
  keystoreProtect: 'xuncha:keystore-protect',
  keystoreUnprotect: 'xuncha:keystore-unprotect',
  chooseBackupFolder: 'xuncha:choose-backup-folder',
  backupFolderStatus: 'xuncha:backup-folder-status',
  writeBackup: 'xuncha:write-backup',
  listRoundBackups: 'xuncha:list-round-backups',
  deleteRoundBackups: 'xuncha:delete-round-backups',
  detectOfficeFonts: 'xuncha:detect-office-fonts',
  readOfficeFont: 'xuncha:read-office-font',
  printPdf: 'xuncha:print-pdf',
} as const satisfies Record<keyof XunchaBridge, string>

export const MAX_FILE_BYTES = 512 * 1024 * 1024
/** Key material handed to keystoreProtect (a wrapped data key, not documents). */
export const MAX_KEYSTORE_PLAIN_BYTES = 4096
/** A keystore-protected blob: base64 of up to MAX_KEYSTORE_PLAIN_BYTES plus the keystore's overhead. */
export const MAX_KEYSTORE_PROTECTED_BYTES = 16384

export const BACKUP_EXTENSION = 'xbak'
/** Every automatic backup name starts with this; only such files are ever pruned. */
export const AUTO_BACKUP_PREFIX = '自动备份-'
/** `自动备份-<series>-<YYYYMMDDHHmm[ss]>.xbak`: the series is the round, the digits sort by time. */
export const AUTO_BACKUP_NAME = /^自动备份-(.+)-(\d{12,14})\.xbak$/
/** The round id at the end of a series (`<轮次名>~<轮次 id>`); older series (name only) have none and are never pruned. */
const SERIES_ROUND = /~([A-Za-z0-9_-]{1,64})$/

/** The round id in an automatic backup's series, or undefined for an older name-only series. */
export function backupSeriesRound(series: string): string | undefined {
  return SERIES_ROUND.exec(series)?.[1]
}

/** The round id as it stands in its backups' names (what `backupSeriesRound` reads back). */
export function backupSeriesKey(roundId: string): string {
  return roundId.replace(/[^A-Za-z0-9_-]/g, '_').slice(0, 64)
}

/** `自动备份-<name>~<round id>-<stamp>.xbak` (name already made safe by util/filename). */
export function autoBackupFileName(roundId: string, safeName: string, stamp: string): string {
  return `${AUTO_BACKUP_PREFIX}${safeName}~${backupSeriesKey(roundId)}-${stamp}.${BACKUP_EXTENSION}`
}
export const MAX_BACKUP_KEEP = 100

export class BridgeArgumentError extends Error {
  override name = 'BridgeArgumentError'
}

function isPlainObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x)
}

function checkFilters(x: unknown): FileFilter[] {
  if (!Array.isArray(x) || x.length > 10) throw new BridgeArgumentError('filters 必须是不超过 10 项的数组')
  return x.map((f) => {
    if (!isPlainObject(f) || typeof f.name !== 'string' || f.name.length > 80 || !Array.isArray(f.extensions))
      throw new BridgeArgumentError('filters 格式错误')
    const extensions = f.extensions.map((e) => {
      if (typeof e !== 'string' || !/^(\*|[a-z0-9]{1,10})$/i.test(e)) throw new BridgeArgumentError(`不允许的扩展名：${String(e)}`)
      return e
    })
    return { name: f.name, extensions }
  })
}

/** A file name only: no folders, no control characters, no leading dots. */
export function isSafeFileName(name: string): boolean {
  return name.length > 0 && name.length <= 200 && !/[\\/:*?"<>|\u0000-\u001f]/.test(name) && !name.startsWith('.')
}

export function checkSaveFileRequest(x: unknown): SaveFileRequest {
  if (!isPlainObject(x)) throw new BridgeArgumentError('保存请求格式错误')
  if (typeof x.suggestedName !== 'string' || !isSafeFileName(x.suggestedName)) throw new BridgeArgumentError('文件名不合法')
  if (!(x.data instanceof Uint8Array)) throw new BridgeArgumentError('文件内容必须是二进制数据')
  if (x.data.byteLength > MAX_FILE_BYTES) throw new BridgeArgumentError('文件过大')
  return { suggestedName: x.suggestedName, filters: checkFilters(x.filters), data: x.data }
}

export function checkOpenFileRequest(x: unknown): OpenFileRequest {
  if (!isPlainObject(x)) throw new BridgeArgumentError('打开请求格式错误')
  if (typeof x.title !== 'string' || x.title.length > 80) throw new BridgeArgumentError('标题不合法')
  return { title: x.title, filters: checkFilters(x.filters) }
}

function checkKeyBytes(x: unknown, max: number): Uint8Array {
  if (!(x instanceof Uint8Array)) throw new BridgeArgumentError('密钥数据必须是二进制数据（Uint8Array）')
  if (x.byteLength === 0) throw new BridgeArgumentError('密钥数据不能为空')
  if (x.byteLength > max) throw new BridgeArgumentError(`密钥数据过大（上限 ${max} 字节）`)
  return x
}

export function checkKeystoreProtectData(x: unknown): Uint8Array {
  return checkKeyBytes(x, MAX_KEYSTORE_PLAIN_BYTES)
}

export function checkKeystoreUnprotectData(x: unknown): Uint8Array {
  return checkKeyBytes(x, MAX_KEYSTORE_PROTECTED_BYTES)
}

export function checkWriteBackupRequest(x: unknown): WriteBackupRequest {
  if (!isPlainObject(x)) throw new BridgeArgumentError('备份请求格式错误')
  const { fileName, data, keep } = x
  if (typeof fileName !== 'string' || !isSafeFileName(fileName))
    throw new BridgeArgumentError('备份文件名不合法（只能是文件名，不能含路径）')
  if (!fileName.toLowerCase().endsWith(`.${BACKUP_EXTENSION}`)) throw new BridgeArgumentError(`备份文件的扩展名必须是 .${BACKUP_EXTENSION}`)
  if (!AUTO_BACKUP_NAME.test(fileName))
    throw new BridgeArgumentError(`备份文件名必须形如“${AUTO_BACKUP_PREFIX}名称-时间戳.${BACKUP_EXTENSION}”`)
  if (!(data instanceof Uint8Array)) throw new BridgeArgumentError('备份内容必须是二进制数据')
  if (data.byteLength === 0) throw new BridgeArgumentError('备份内容不能为空')
  if (data.byteLength > MAX_FILE_BYTES) throw new BridgeArgumentError('备份文件过大')
  if (typeof keep !== 'number' || !Number.isInteger(keep) || keep < 1 || keep > MAX_BACKUP_KEEP)
    throw new BridgeArgumentError(`保留份数必须是 1 到 ${MAX_BACKUP_KEEP} 之间的整数`)
  return { fileName, data, keep }
}

/** A round id, to find that round's backups by (never a path: names are matched in the folder). */
export function checkRoundId(x: unknown): string {
  if (typeof x !== 'string' || x.length === 0 || x.length > 200) throw new BridgeArgumentError('轮次 id 不合法')
  return x
}

/** A handle from `detectOfficeFonts` (never a path: the renderer does not name files). */
export function checkOfficeFontId(x: unknown): string {
  if (typeof x !== 'string' || !/^\d{1,5}$/.test(x)) throw new BridgeArgumentError('字体编号不合法')
  return x
}

/** Only a PDF (by its header), of a sane size, with a short one-line title. */
export function checkPrintPdfRequest(x: unknown): PrintPdfRequest {
  if (!isPlainObject(x)) throw new BridgeArgumentError('打印请求格式错误')
  const { title, data } = x
  if (typeof title !== 'string' || !title.trim() || title.length > 80 || /[\u0000-\u001f]/.test(title))
    throw new BridgeArgumentError('打印标题不合法')
  if (!(data instanceof Uint8Array)) throw new BridgeArgumentError('打印内容必须是二进制数据')
  if (data.byteLength > MAX_FILE_BYTES) throw new BridgeArgumentError('打印文件过大')
  if (new TextDecoder().decode(data.subarray(0, 5)) !== '%PDF-') throw new BridgeArgumentError('只能打印 PDF 文件')
  return { title, data }
}
