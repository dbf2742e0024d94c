// Electron main process: lifecycle only; each concern lives in its own module.
import path from 'node:path'
import { app, BrowserWindow, session } from 'electron'
import { registerBridge } from './bridge'
import { installMenu } from './menu'
import { installAppProtocol, registerAppScheme } from './protocol'
import { hardenAllWebContents, hardenSession } from './security'
import { createMainWindow } from './window'

// Both must happen before `ready`.
registerAppScheme()
app.enableSandbox()

let mainWindow: BrowserWindow | null = null

function focusMainWindow(): void {
  if (!mainWindow) return
  if (mainWindow.isMinimized()) mainWindow.restore()
  mainWindow.focus()
}

function openMainWindow(): void {
  // main.cjs lives in dist-electron/, next to preload.cjs.
  mainWindow = createMainWindow(path.join(__dirname, 'preload.cjs'), !app.isPackaged)
  mainWindow.on('closed', () => {
    mainWindow = null
  })
}

// One instance only: two windows on the same IndexedDB would race on writes.
if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  app.on('second-instance', focusMainWindow)
  hardenAllWebContents(app)

  void app.whenReady().then(() => {
    hardenSession(session.defaultSession)
    installAppProtocol(path.join(app.getAppPath(), 'dist', 'renderer'))
    registerBridge()
    installMenu()
    openMainWindow()
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) openMainWindow()
    })
  })

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit()
  })
}
