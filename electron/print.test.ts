import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { beforeEach, describe, expect, it, vi } from 'vitest'

const electron = vi.hoisted(() => {
  const state = {
    printReply: { ok: true, reason: '' } as { ok: boolean; reason: string },
    loaded: [] as string[],
    seen: { exists: false, bytes: '' },
    windows: [] as { options: any; destroyed: boolean; printOptions?: any }[],
    requestFilter: undefined as undefined | ((details: { url: string }, cb: (r: { cancel: boolean }) => void) => void),
    partitions: [] as string[],
  }
  class BrowserWindow {
    record: { options: any; destroyed: boolean; printOptions?: any }
    webContents: any
    constructor(options: any) {
      this.record = { options, destroyed: false }
      state.windows.push(this.record)
      this.webContents = {
        print: (printOptions: any, done: (ok: boolean, reason: string) => void) => {
          this.record.printOptions = printOptions
          done(state.printReply.ok, state.printReply.reason)
        },
      }
    }
    async loadFile(file: string) {
      state.loaded.push(file)
      // What the window sees: the PDF on disk while it is shown.
      const { existsSync: has, readFileSync: read } = await import('node:fs')
      state.seen = { exists: has(file), bytes: has(file) ? read(file, 'latin1') : '' }
    }
    isDestroyed() {
      return this.record.destroyed
    }
    destroy() {
      this.record.destroyed = true
    }
  }
  const session = {
    fromPartition: vi.fn((name: string) => {
      state.partitions.push(name)
      return {
        setPermissionRequestHandler: vi.fn(),
        setPermissionCheckHandler: vi.fn(),
        setDevicePermissionHandler: vi.fn(),
        webRequest: { onBeforeRequest: (fn: any) => (state.requestFilter = fn) },
      }
    }),
  }
  return { state, BrowserWindow, session }
})
vi.mock('electron', () => ({ BrowserWindow: electron.BrowserWindow, session: electron.session }))
vi.useFakeTimers({ shouldAdvanceTime: true })

import { isPrintRequestUrl, printPdf, PRINT_PARTITION } from './print'

const pdf = new TextEncoder().encode('%PDF-1.7\n巡察报告\n%%EOF')
const s = electron.state

beforeEach(() => {
  s.printReply = { ok: true, reason: '' }
  s.loaded = []
  s.windows = []
})

describe('printPdf', () => {
  it('shows the PDF itself in a hidden, sandboxed window of its own session and opens the system print dialog', async () => {
    const result = await printPdf({ title: '巡察报告', data: pdf })
    expect(result).toEqual({ printed: true, message: '已送交打印：巡察报告' })
    expect(s.seen.exists).toBe(true)
    expect(Buffer.from(s.seen.bytes, 'latin1').equals(Buffer.from(pdf))).toBe(true)
    const [w] = s.windows
    expect(w!.options.show).toBe(false)
    expect(w!.options.webPreferences).toMatchObject({
      plugins: true,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      webSecurity: true,
      devTools: false,
    })
    expect(w!.options.webPreferences.preload).toBeUndefined()
    expect(s.partitions).toEqual([PRINT_PARTITION])
    expect(PRINT_PARTITION.startsWith('persist:')).toBe(false)
    // The system dialog, not a silent print to the default printer.
    expect(w!.printOptions).toMatchObject({ silent: false })
    // Afterwards: the window is gone and so is the file.
    expect(w!.destroyed).toBe(true)
    expect(existsSync(s.loaded[0]!)).toBe(false)
  })

  it('says when the user cancels or the printer fails, and cleans up the same way', async () => {
    s.printReply = { ok: false, reason: 'cancelled' }
    expect(await printPdf({ title: '调阅清单', data: pdf })).toEqual({ printed: false, message: '已取消打印' })
    s.printReply = { ok: false, reason: 'failed' }
    expect(await printPdf({ title: '谈话安排表', data: pdf })).toEqual({ printed: false, message: '打印失败：failed' })
    for (const w of s.windows) expect(w.destroyed).toBe(true)
    for (const f of s.loaded) expect(existsSync(f)).toBe(false)
  })

  it('lets the print window load only the file being printed and the PDF viewer, nothing from the network', async () => {
    s.loaded = []
    const shown = printPdf({ title: '巡察报告', data: pdf })
    await vi.waitFor(() => expect(s.loaded).toHaveLength(1))
    const url = new URL(`file://${s.loaded[0]!}`).href
    const allowedWhileShown = isPrintRequestUrl(url)
    await shown
    expect(allowedWhileShown).toBe(true)
    expect(isPrintRequestUrl(url)).toBe(false)
    expect(isPrintRequestUrl('chrome-extension://mhjfbmdgcfjbbpaeojofohoefgiehjai/index.html')).toBe(true)
    for (const u of ['https://example.com/x.js', 'http://127.0.0.1/', 'file:///etc/passwd', 'app://workbench/index.html'])
      expect(isPrintRequestUrl(u)).toBe(false)
    let cancelled: boolean | undefined
    s.requestFilter!({ url: 'https://example.com/' }, (r) => (cancelled = r.cancel))
    expect(cancelled).toBe(true)
    expect(fileURLToPath(url)).toBe(s.loaded[0])
  })
})
