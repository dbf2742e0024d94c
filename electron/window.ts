import { BrowserWindow } from 'electron'
import { APP_ENTRY_URL } from './app-url'
import { APP_NAME } from './app-info'

/**
 * The main window. webPreferences are an inline literal on purpose: Electronegativity can
 * only verify settings it sees at the `new BrowserWindow({...})` call. Asserted by window.test.ts.
 */
export function createMainWindow(preloadPath: string, devTools: boolean): BrowserWindow {
  const win = new BrowserWindow({
    title: APP_NAME,
    width: 1440,
    height: 900,
    minWidth: 1100,
    minHeight: 700,
    // Shown on ready-to-show to avoid a white flash.
    show: false,
    backgroundColor: '#f5f7fa',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      // The spellchecker downloads dictionaries from Google.
      spellcheck: false,
      webviewTag: false,
      // Middle-click must not open anything (window.open is denied anyway).
      disableBlinkFeatures: 'Auxclick',
      // Dropping a file on the window must not navigate away from the app.
      navigateOnDragDrop: false,
      safeDialogs: true,
      devTools,
    },
  })
  win.once('ready-to-show', () => win.show())
  // Keep the window title fixed; the renderer's <title> may change per page.
  win.on('page-title-updated', (event) => event.preventDefault())
  void win.loadURL(APP_ENTRY_URL)
  return win
}
