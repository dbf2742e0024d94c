// Sandboxed preload: may only require 'electron' (the build checks this). Exposes one
// named function per capability; never ipcRenderer itself or a generic invoke.
import { contextBridge, ipcRenderer } from 'electron'
import { BRIDGE_CHANNELS, BRIDGE_GLOBAL, type XunchaBridge } from '@shared/bridge/contract'

const bridge: XunchaBridge = {
  appInfo: () => ipcRenderer.invoke(BRIDGE_CHANNELS.appInfo),
  saveFile: (request) => ipcRenderer.invoke(BRIDGE_CHANNELS.saveFile, request),
  openFile: (request) => ipcRenderer.invoke(BRIDGE_CHANNELS.openFile, request),
  keystoreStatus: () => ipcRenderer.invoke(BRIDGE_CHANNELS.keystoreStatus),
  keystoreProtect: (data) => ipcRenderer.invoke(BRIDGE_CHANNELS.keystoreProtect, data),
  keystoreUnprotect: (data) => ipcRenderer.invoke(BRIDGE_CHANNELS.keystoreUnprotect, data),
  chooseBackupFolder: () => ipcRenderer.invoke(BRIDGE_CHANNELS.chooseBackupFolder),
  backupFolderStatus: () => ipcRenderer.invoke(BRIDGE_CHANNELS.backupFolderStatus),
  writeBackup: (request) => ipcRenderer.invoke(BRIDGE_CHANNELS.writeBackup, request),
  listRoundBackups: (roundId) => ipcRenderer.invoke(BRIDGE_CHANNELS.listRoundBackups, roundId),
  deleteRoundBackups: (roundId) => ipcRenderer.invoke(BRIDGE_CHANNELS.deleteRoundBackups, roundId),
  detectOfficeFonts: () => ipcRenderer.invoke(BRIDGE_CHANNELS.detectOfficeFonts),
  readOfficeFont: (id) => ipcRenderer.invoke(BRIDGE_CHANNELS.readOfficeFont, id),
  printPdf: (request) => ipcRenderer.invoke(BRIDGE_CHANNELS.printPdf, request),
}

contextBridge.exposeInMainWorld(BRIDGE_GLOBAL, bridge)
