// 打印: the exported PDF itself, printed through the system's print dialog, so the paper is the
// file that was previewed and checked (GB/T 9704 geometry, marking, 份号, watermark). The PDF is
// written to a private temporary folder, shown in a hidden window by Chromium's own PDF viewer,
// and printed from there; the window and the file are gone when the dialog closes. (Electron ≥ 32
// prints a PDF window's pages, not a blank sheet: electron/electron#43309.)
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { BrowserWindow, session, type Session } from 'electron'
import type { PrintPdfRequest, PrintPdfResult } from '@shared/bridge/contract'

/** An in-memory session (no `persist:`) of its own: the app's session refuses file:// URLs. */
export const PRINT_PARTITION = 'xuncha-print'
/** Chromium's built-in PDF viewer, the one thing besides the file the print window may load. */
const PDF_VIEWER = 'chrome-extension://mhjfbmdgcfjbbpaeojofohoefgiehjai/'
/** The viewer lays out its pages after the load event; printing before that gave blank sheets. */
export const VIEWER_SETTLE_MS = 800

const printable = new Set<string>()

/** What the print window may request: the PDF being printed and the viewer's own resources. */
export function isPrintRequestUrl(url: string): boolean {
  return printable.has(url) || url.startsWith(PDF_VIEWER) || url.startsWith('chrome://resources/') || url.startsWith('blob:')
}

let hardened: Session | undefined

function printSession(): Session {
  if (hardened) return hardened
  const ses = session.fromPartition(PRINT_PARTITION)
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false))
  ses.setPermissionCheckHandler(() => false)
  ses.setDevicePermissionHandler(() => false)
  ses.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !isPrintRequestUrl(details.url) }))
  hardened = ses
  return ses
}

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

export async function printPdf(request: PrintPdfRequest): Promise<PrintPdfResult> {
  const dir = await mkdtemp(path.join(tmpdir(), 'xuncha-print-'))
  const file = path.join(dir, 'document.pdf')
  const url = pathToFileURL(file).href
  let win: BrowserWindow | undefined
  try {
    await writeFile(file, request.data, { mode: 0o600 })
    printable.add(url)
    // webPreferences inline, as in window.ts, so Electronegativity sees them; no preload: this
    // window has no bridge. `plugins` turns on the PDF viewer, nothing else.
    win = new BrowserWindow({
      show: false,
      title: request.title,
      webPreferences: {
        session: printSession(),
        plugins: true,
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        nodeIntegrationInWorker: false,
        nodeIntegrationInSubFrames: false,
        webSecurity: true,
        allowRunningInsecureContent: false,
        experimentalFeatures: false,
        spellcheck: false,
        webviewTag: false,
        disableBlinkFeatures: 'Auxclick',
        navigateOnDragDrop: false,
        safeDialogs: true,
        devTools: false,
      },
    })
    await win.loadFile(file)
    await wait(VIEWER_SETTLE_MS)
    const shown = win
    const { success, failureReason } = await new Promise<{ success: boolean; failureReason: string }>((resolve) =>
      shown.webContents.print({ silent: false, printBackground: true }, (ok, reason) => resolve({ success: ok, failureReason: reason })),
    )
    if (success) return { printed: true, message: `已送交打印：${request.title}` }
    if (failureReason === 'cancelled') return { printed: false, message: '已取消打印' }
    return { printed: false, message: `打印失败：${failureReason || '打印机没有接受这份文件'}` }
  } finally {
    printable.delete(url)
    if (win && !win.isDestroyed()) win.destroy()
    await rm(dir, { recursive: true, force: true })
  }
}
