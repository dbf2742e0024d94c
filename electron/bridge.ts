import { BrowserWindow } from 'electron'
import { BRIDGE_CHANNELS, checkOpenFileRequest, checkSaveFileRequest } from '@shared/bridge/contract'
import { appInfo } from './app-info'
import { openFile, saveFile } from './files'
import { handle, noArgument } from './ipc'

/** The main-process side of XunchaBridge: one validated handler per channel. */
export function registerBridge(): void {
  handle(BRIDGE_CHANNELS.appInfo, noArgument, () => appInfo())
  handle(BRIDGE_CHANNELS.saveFile, checkSaveFileRequest, (req, event) => saveFile(BrowserWindow.fromWebContents(event.sender), req))
  handle(BRIDGE_CHANNELS.openFile, checkOpenFileRequest, (req, event) => openFile(BrowserWindow.fromWebContents(event.sender), req))
}
