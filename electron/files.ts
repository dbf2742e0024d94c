import { randomBytes } from 'node:crypto'
import { readFile, rename, rm, stat, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { dialog, type BrowserWindow, type FileFilter as ElectronFileFilter } from 'electron'
import {
  MAX_FILE_BYTES,
  type FileFilter,
  type OpenedFile,
  type OpenFileRequest,
  type SaveFileRequest,
  type SaveFileResult,
} from '@shared/bridge/contract'

function toElectronFilters(filters: FileFilter[]): ElectronFileFilter[] {
  return filters.map((f) => ({ name: f.name, extensions: [...f.extensions] }))
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.byteLength === b.byteLength && Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(b)
}

/**
 * Writes next to the target and renames over it, so a failed write never leaves a
 * half-written report where a good one was; then reads the file back to verify it.
 */
export async function writeVerified(filePath: string, data: Uint8Array): Promise<number> {
  const tmp = path.join(path.dirname(filePath), `.${path.basename(filePath)}.${randomBytes(4).toString('hex')}.tmp`)
  try {
    await writeFile(tmp, data)
    await rename(tmp, filePath)
  } catch (e) {
    await rm(tmp, { force: true })
    throw e
  }
  const written = await readFile(filePath)
  if (!sameBytes(data, written))
    throw new Error(`写入校验失败：${filePath}（应为 ${data.byteLength} 字节，读回 ${written.byteLength} 字节）`)
  return written.byteLength
}

export async function saveFile(win: BrowserWindow | null, request: SaveFileRequest): Promise<SaveFileResult> {
  const options = {
    title: '保存文件',
    buttonLabel: '保存',
    defaultPath: request.suggestedName,
    filters: toElectronFilters(request.filters),
    properties: ['createDirectory', 'showOverwriteConfirmation'] as ('createDirectory' | 'showOverwriteConfirmation')[],
  }
  const result = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options)
  if (result.canceled || !result.filePath) return { saved: false }
  const size = await writeVerified(result.filePath, request.data)
  return { saved: true, location: result.filePath, size }
}

export async function openFile(win: BrowserWindow | null, request: OpenFileRequest): Promise<OpenedFile | null> {
  const options = {
    title: request.title || '打开文件',
    buttonLabel: '打开',
    filters: toElectronFilters(request.filters),
    properties: ['openFile'] as 'openFile'[],
  }
  const result = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options)
  const filePath = result.filePaths[0]
  if (result.canceled || !filePath) return null
  const info = await stat(filePath)
  if (!info.isFile()) throw new Error(`不是文件：${filePath}`)
  if (info.size > MAX_FILE_BYTES) throw new Error(`文件过大（上限 ${MAX_FILE_BYTES / 1024 / 1024} MB）：${path.basename(filePath)}`)
  const buf = await readFile(filePath)
  // A plain Uint8Array (not a Buffer view into Node's pool) crosses IPC cleanly.
  return { name: path.basename(filePath), data: new Uint8Array(buf) }
}
