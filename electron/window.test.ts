import { beforeEach, describe, expect, it, vi } from 'vitest'

interface FakeWindow {
  options: any
  handlers: Map<string, () => void>
  show: ReturnType<typeof vi.fn>
  loadURL: ReturnType<typeof vi.fn>
}
const created = vi.hoisted(() => [] as FakeWindow[])

vi.mock('electron', () => ({
  BrowserWindow: class {
    handlers = new Map<string, () => void>()
    once = vi.fn((name: string, fn: () => void) => this.handlers.set(name, fn))
    on = vi.fn()
    show = vi.fn()
    loadURL = vi.fn(async () => undefined)
    constructor(public options: unknown) {
      created.push(this as unknown as FakeWindow)
    }
  },
}))

import { createMainWindow } from './window'

describe('main window', () => {
  beforeEach(() => {
    created.length = 0
  })

  const build = (devTools = false) => {
    createMainWindow('/app/dist-electron/preload.cjs', devTools)
    expect(created).toHaveLength(1)
    return created[0]!
  }

  it('uses the security baseline webPreferences', () => {
    const prefs = build().options.webPreferences
    expect(prefs).toEqual({
      preload: '/app/dist-electron/preload.cjs',
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
    })
  })

  it('enables devtools only when asked (unpackaged runs)', () => {
    expect(build(true).options.webPreferences.devTools).toBe(true)
  })

  it('is titled 巡察工作台 and hidden until ready-to-show', () => {
    const w = build()
    expect(w.options.title).toBe('巡察工作台')
    expect(w.options.show).toBe(false)
    expect(w.show).not.toHaveBeenCalled()
    w.handlers.get('ready-to-show')!()
    expect(w.show).toHaveBeenCalledOnce()
  })

  it('loads the app entry URL, not a file:// path', () => {
    expect(build().loadURL).toHaveBeenCalledExactlyOnceWith('app://workbench/index.html')
  })
})
