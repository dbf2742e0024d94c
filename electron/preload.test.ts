import { describe, expect, it, vi } from 'vitest'
import { BRIDGE_CHANNELS } from '@shared/bridge/contract'

const electron = vi.hoisted(() => ({
  contextBridge: { exposeInMainWorld: vi.fn() },
  ipcRenderer: { invoke: vi.fn(async (...args: unknown[]) => args), send: vi.fn(), on: vi.fn() },
}))
vi.mock('electron', () => electron)

await import('./preload')
// Captured right after the import: the preload runs once, at load time.
const exposed = [...electron.contextBridge.exposeInMainWorld.mock.calls] as [string, Record<string, unknown>][]

describe('preload', () => {
  const [globalName, api] = exposed[0]!

  it('exposes exactly the BRIDGE_CHANNELS functions under window.xuncha, once', () => {
    expect(exposed).toHaveLength(1)
    expect(globalName).toBe('xuncha')
    expect(Object.keys(api).sort()).toEqual([
      'appInfo',
      'backupFolderStatus',
      'chooseBackupFolder',
      'deleteRoundBackups',
      'detectOfficeFonts',
      'keystoreProtect',
      'keystoreStatus',
      'keystoreUnprotect',
      'listRoundBackups',
      'openFile',
      'printPdf',
      'readOfficeFont',
      'saveFile',
      'writeBackup',
    ])
    expect(Object.keys(api).sort()).toEqual(Object.keys(BRIDGE_CHANNELS).sort())
    for (const value of Object.values(api)) expect(typeof value).toBe('function')
    expect(Object.values(api)).not.toContain(electron.ipcRenderer)
    expect(Object.values(api)).not.toContain(electron.ipcRenderer.invoke)
  })

  it('each function invokes its own channel with only the request', async () => {
    const bridge = api as any
    const req = { suggestedName: 'a.txt', filters: [], data: new Uint8Array([1]) }
    await bridge.appInfo('ignored')
    await bridge.saveFile(req, 'xuncha:open-file')
    await bridge.openFile({ title: 't', filters: [] })
    const key = new Uint8Array([1, 2, 3])
    await bridge.keystoreStatus('ignored')
    await bridge.keystoreProtect(key, 'extra')
    await bridge.keystoreUnprotect(key)
    const backup = { fileName: '自动备份-一轮-202601011200.xbak', data: new Uint8Array([1]), keep: 10 }
    await bridge.chooseBackupFolder('/etc')
    await bridge.backupFolderStatus('ignored')
    await bridge.writeBackup(backup, '/tmp')
    await bridge.listRoundBackups('r-1', '/etc')
    await bridge.deleteRoundBackups('r-1', '/etc')
    await bridge.detectOfficeFonts('C:\\Windows\\Fonts')
    await bridge.readOfficeFont('3', '/etc/passwd')
    const print = { title: '巡察报告', data: new Uint8Array([0x25]) }
    await bridge.printPdf(print, 'C:\\x.pdf')
    expect(electron.ipcRenderer.invoke.mock.calls).toEqual([
      ['xuncha:app-info'],
      ['xuncha:save-file', req],
      ['xuncha:open-file', { title: 't', filters: [] }],
      ['xuncha:keystore-status'],
      ['xuncha:keystore-protect', key],
      ['xuncha:keystore-unprotect', key],
      ['xuncha:choose-backup-folder'],
      ['xuncha:backup-folder-status'],
      ['xuncha:write-backup', backup],
      ['xuncha:list-round-backups', 'r-1'],
      ['xuncha:delete-round-backups', 'r-1'],
      ['xuncha:detect-office-fonts'],
      ['xuncha:read-office-font', '3'],
      ['xuncha:print-pdf', print],
    ])
    expect(electron.ipcRenderer.send).not.toHaveBeenCalled()
  })
})
