import { BrowserWindow } from 'electron'
import {
  BRIDGE_CHANNELS,
  checkKeystoreProtectData,
  checkKeystoreUnprotectData,
  checkOfficeFontId,
  checkOpenFileRequest,
  checkPrintPdfRequest,
  checkRoundId,
  checkSaveFileRequest,
  checkWriteBackupRequest,
} from '@shared/bridge/contract'
import { appInfo } from './app-info'
import { backupFolderStatus, chooseBackupFolder, deleteRoundBackups, listRoundBackups, writeBackup } from './backup-folder'
import { openFile, saveFile } from './files'
import { handle, noArgument } from './ipc'
import { keystoreProtect, keystoreStatus, keystoreUnprotect } from './keystore'
import { detectOfficeFonts, readOfficeFont } from './office-fonts'
import { printPdf } from './print'

/** The main-process side of XunchaBridge: one validated handler per channel. */
export function registerBridge(): void {
  handle(BRIDGE_CHANNELS.appInfo, noArgument, () => appInfo())
  handle(BRIDGE_CHANNELS.saveFile, checkSaveFileRequest, (req, event) => saveFile(BrowserWindow.fromWebContents(event.sender), req))
  handle(BRIDGE_CHANNELS.openFile, checkOpenFileRequest, (req, event) => openFile(BrowserWindow.fromWebContents(event.sender), req))
  handle(BRIDGE_CHANNELS.keystoreStatus, noArgument, () => keystoreStatus())
  handle(BRIDGE_CHANNELS.keystoreProtect, checkKeystoreProtectData, (data) => keystoreProtect(data))
  handle(BRIDGE_CHANNELS.keystoreUnprotect, checkKeystoreUnprotectData, (data) => keystoreUnprotect(data))
  handle(BRIDGE_CHANNELS.chooseBackupFolder, noArgument, (_none, event) => chooseBackupFolder(BrowserWindow.fromWebContents(event.sender)))
  handle(BRIDGE_CHANNELS.backupFolderStatus, noArgument, () => backupFolderStatus())
  handle(BRIDGE_CHANNELS.writeBackup, checkWriteBackupRequest, (req) => writeBackup(req))
  handle(BRIDGE_CHANNELS.listRoundBackups, checkRoundId, (id) => listRoundBackups(id))
  handle(BRIDGE_CHANNELS.deleteRoundBackups, checkRoundId, (id) => deleteRoundBackups(id))
  handle(BRIDGE_CHANNELS.detectOfficeFonts, noArgument, () => detectOfficeFonts())
  handle(BRIDGE_CHANNELS.readOfficeFont, checkOfficeFontId, (id) => readOfficeFont(id))
  handle(BRIDGE_CHANNELS.printPdf, checkPrintPdfRequest, (req) => printPdf(req))
}
