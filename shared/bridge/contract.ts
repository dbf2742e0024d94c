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

export interface XunchaBridge {
  appInfo(): Promise<AppInfo>
  saveFile(request: SaveFileRequest): Promise<SaveFileResult>
  openFile(request: OpenFileRequest): Promise<OpenedFile | null>
}

export const BRIDGE_GLOBAL = 'xuncha'

export const BRIDGE_CHANNELS = {
  appInfo: 'xuncha:app-info',
  saveFile: 'xuncha:save-file',
  openFile: 'xuncha:open-file',
} as const satisfies Record<keyof XunchaBridge, string>

export const MAX_FILE_BYTES = 512 * 1024 * 1024

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
  if (typeof x.suggestedName !== 'string' || !isSafeFileName(x.suggestedName))
    throw new BridgeArgumentError('文件名不合法')
  if (!(x.data instanceof Uint8Array)) throw new BridgeArgumentError('文件内容必须是二进制数据')
  if (x.data.byteLength > MAX_FILE_BYTES) throw new BridgeArgumentError('文件过大')
  return { suggestedName: x.suggestedName, filters: checkFilters(x.filters), data: x.data }
}

export function checkOpenFileRequest(x: unknown): OpenFileRequest {
  if (!isPlainObject(x)) throw new BridgeArgumentError('打开请求格式错误')
  if (typeof x.title !== 'string' || x.title.length > 80) throw new BridgeArgumentError('标题不合法')
  return { title: x.title, filters: checkFilters(x.filters) }
}
