// The bridge in a plain browser: downloads for saving, a file input for opening.
// Used by the e2e tests and `npm run dev:browser`; never by the packaged app.
import type {
  DeletedRoundBackups,
  RoundBackups,
  BackupFolderStatus,
  DetectedFont,
  KeystoreStatus,
  OpenFileRequest,
  OpenedFile,
  PrintPdfRequest,
  PrintPdfResult,
  SaveFileRequest,
  SaveFileResult,
  WriteBackupRequest,
  WriteBackupResult,
  XunchaBridge,
} from '@shared/bridge/contract'
import {
  checkOpenFileRequest,
  checkPrintPdfRequest,
  checkRoundId,
  checkSaveFileRequest,
  checkWriteBackupRequest,
} from '@shared/bridge/contract'

function mimeFor(name: string): string {
  if (name.endsWith('.xlsx')) return 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
  if (name.endsWith('.pdf')) return 'application/pdf'
  if (name.endsWith('.json')) return 'application/json'
  return 'application/octet-stream'
}

function download(suggestedName: string, data: Uint8Array): { saved: true; location: string; size: number } {
  const blob = new Blob([data as Uint8Array<ArrayBuffer>], { type: mimeFor(suggestedName) })
  const url = URL.createObjectURL(blob)
  const link = document.createElement('a')
  link.href = url
  link.download = suggestedName
  document.body.append(link)
  link.click()
  link.remove()
  setTimeout(() => URL.revokeObjectURL(url), 60_000)
  return { saved: true, location: `浏览器下载：${suggestedName}`, size: blob.size }
}

const KEYSTORE_UNSUPPORTED = '浏览器版不支持系统密钥库，数据密钥只由口令保护'

export const browserBridge: XunchaBridge = {
  async appInfo() {
    return { name: '巡察工作台', version: __APP_VERSION__, target: 'browser', platform: navigator.platform, versions: {} }
  },

  async saveFile(request: SaveFileRequest): Promise<SaveFileResult> {
    const { suggestedName, data } = checkSaveFileRequest(request)
    return download(suggestedName, data)
  },

  openFile(request: OpenFileRequest): Promise<OpenedFile | null> {
    const { filters } = checkOpenFileRequest(request)
    return new Promise((resolve, reject) => {
      const input = document.createElement('input')
      input.type = 'file'
      input.accept = filters.flatMap((f) => f.extensions.filter((e) => e !== '*').map((e) => `.${e}`)).join(',')
      input.hidden = true
      input.dataset.testid = 'bridge-file-input'
      const done = () => input.remove()
      input.addEventListener('change', async () => {
        const file = input.files?.[0]
        done()
        if (!file) return resolve(null)
        try {
          resolve({ name: file.name, data: new Uint8Array(await file.arrayBuffer()) })
        } catch (e) {
          reject(e)
        }
      })
      input.addEventListener('cancel', () => {
        done()
        resolve(null)
      })
      document.body.append(input)
      input.click()
    })
  },

  async keystoreStatus(): Promise<KeystoreStatus> {
    return { available: false, secure: false, backend: 'none', message: KEYSTORE_UNSUPPORTED }
  },

  async keystoreProtect(_data: Uint8Array): Promise<Uint8Array> {
    throw new Error(KEYSTORE_UNSUPPORTED)
  },

  async keystoreUnprotect(_data: Uint8Array): Promise<Uint8Array> {
    throw new Error(KEYSTORE_UNSUPPORTED)
  },

  async chooseBackupFolder(): Promise<BackupFolderStatus> {
    return { chosen: false, label: '浏览器版不能选择文件夹，备份将作为下载保存' }
  },

  async backupFolderStatus(): Promise<BackupFolderStatus> {
    return { chosen: false }
  },

  /** No folder in a browser: the backup becomes a download, and nothing is pruned. */
  async writeBackup(request: WriteBackupRequest): Promise<WriteBackupResult> {
    const { fileName, data } = checkWriteBackupRequest(request)
    const { location, size } = download(fileName, data)
    return { location, size, removed: [] }
  },

  /** Backups in a browser are downloads, out of the app's reach: there is no folder to list. */
  async listRoundBackups(roundId: string): Promise<RoundBackups> {
    checkRoundId(roundId)
    return { files: [] }
  },

  /** Nothing to delete: the downloads are where the user saved them (the wipe certificate says so). */
  async deleteRoundBackups(roundId: string): Promise<DeletedRoundBackups> {
    checkRoundId(roundId)
    return { deleted: [], failed: [] }
  },

  /** A browser cannot look into the system's font folders: fonts are chosen as files in 设置 → 公文字体. */
  async detectOfficeFonts(): Promise<DetectedFont[]> {
    return []
  },

  async readOfficeFont(_id: string): Promise<Uint8Array> {
    throw new Error('浏览器版不能读取本机字体，请在 设置 → 公文字体 中选择字体文件')
  },

  /** A browser page cannot reach the system print dialog for a PDF: it hands the PDF over as a download, and says so. */
  async printPdf(request: PrintPdfRequest): Promise<PrintPdfResult> {
    const { title, data } = checkPrintPdfRequest(request)
    const { location } = download(`${title.replace(/[\\/:*?"<>|]/g, '_')}-打印.pdf`, data)
    return {
      printed: false,
      downloaded: true,
      message: `浏览器版不能直接调用系统打印，已将 PDF 保存为${location}，请用 PDF 阅读器打开后打印`,
    }
  },
}
