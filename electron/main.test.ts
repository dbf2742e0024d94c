import { beforeEach, describe, expect, it, vi } from 'vitest'

// A minimal Electron that records what main.ts does and in which order.
const fake = vi.hoisted(() => {
  const log: string[] = []
  const state = { gotLock: true, resolveReady: () => {} }
  const appEvents = new Map<string, (...a: any[]) => void>()
  const windows: any[] = []
  const electron = {
    app: {
      isPackaged: true,
      enableSandbox: vi.fn(() => log.push('enableSandbox')),
      requestSingleInstanceLock: vi.fn(() => (log.push('lock'), state.gotLock)),
      quit: vi.fn(() => log.push('quit')),
      on: vi.fn((name: string, fn: (...a: any[]) => void) => appEvents.set(name, fn)),
      whenReady: vi.fn(() => new Promise<void>((r) => (state.resolveReady = r))),
      getAppPath: () => '/opt/xuncha/resources/app.asar',
      getVersion: () => '0.1.0',
    },
    protocol: {
      registerSchemesAsPrivileged: vi.fn(() => log.push('registerScheme')),
      handle: vi.fn((scheme: string) => log.push(`handle:${scheme}`)),
    },
    session: {
      defaultSession: {
        setPermissionRequestHandler: vi.fn(() => log.push('permissions')),
        setPermissionCheckHandler: vi.fn(),
        setDevicePermissionHandler: vi.fn(),
        webRequest: { onBeforeRequest: vi.fn(() => log.push('onBeforeRequest')) },
      },
    },
    ipcMain: { handle: vi.fn((ch: string) => log.push(`ipc:${ch}`)) },
    Menu: { setApplicationMenu: vi.fn(() => log.push('menu')), buildFromTemplate: vi.fn((t: unknown) => t) },
    dialog: {},
    BrowserWindow: Object.assign(
      class {
        once = vi.fn()
        on = vi.fn()
        loadURL = vi.fn(async () => undefined)
        focus = vi.fn()
        isMinimized = () => false
        constructor(public options: any) {
          log.push('window')
          windows.push(this)
        }
      },
      { getAllWindows: () => windows, fromWebContents: () => null, getFocusedWindow: () => null },
    ),
  }
  return { log, state, appEvents, windows, electron }
})
vi.mock('electron', () => fake.electron)

async function start(gotLock: boolean) {
  fake.log.length = 0
  fake.windows.length = 0
  fake.appEvents.clear()
  fake.state.gotLock = gotLock
  vi.resetModules()
  await import('./main')
}

describe('main process lifecycle', () => {
  beforeEach(() => vi.clearAllMocks())

  it('registers the privileged scheme and the sandbox before ready, then wires everything on ready', async () => {
    await start(true)
    expect(fake.log).toEqual(['registerScheme', 'enableSandbox', 'lock'])
    expect(fake.appEvents.has('web-contents-created')).toBe(true)

    fake.state.resolveReady()
    await vi.waitFor(() => expect(fake.log).toContain('window'))
    const afterReady = fake.log.slice(3)
    // Session rules and the protocol exist before the first window loads anything.
    expect(afterReady.indexOf('permissions')).toBeLessThan(afterReady.indexOf('window'))
    expect(afterReady.indexOf('onBeforeRequest')).toBeLessThan(afterReady.indexOf('window'))
    expect(afterReady.indexOf('handle:app')).toBeLessThan(afterReady.indexOf('window'))
    expect(afterReady).toEqual(expect.arrayContaining(['ipc:xuncha:app-info', 'ipc:xuncha:save-file', 'ipc:xuncha:open-file', 'menu']))

    const win = fake.windows[0]
    expect(win.options.webPreferences.preload).toMatch(/preload\.cjs$/)
    expect(win.options.webPreferences.devTools).toBe(false) // packaged
    expect(win.loadURL).toHaveBeenCalledWith('app://workbench/index.html')
  })

  it('a second instance quits at once and focuses the first', async () => {
    await start(false)
    expect(fake.log).toEqual(['registerScheme', 'enableSandbox', 'lock', 'quit'])
    expect(fake.electron.app.whenReady).not.toHaveBeenCalled()

    await start(true)
    fake.state.resolveReady()
    await vi.waitFor(() => expect(fake.windows).toHaveLength(1))
    fake.appEvents.get('second-instance')!()
    expect(fake.windows[0].focus).toHaveBeenCalledOnce()
  })
})
