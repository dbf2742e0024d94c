import { describe, expect, it, vi } from 'vitest'
import { BridgeMissingError, resolveBridge } from './index'
import { browserBridge } from './browser'

describe('bridge selection', () => {
  it('fails closed in the Electron build when the preload bridge is missing or incomplete', () => {
    expect(() => resolveBridge('electron', {})).toThrow(BridgeMissingError)
    expect(() => resolveBridge('electron', { xuncha: { saveFile: () => 0 } })).toThrow('安全桥接缺失')
  })
  it('uses the preload bridge in Electron and the browser implementation in the browser build', () => {
    const preload = { appInfo: async () => ({}), saveFile: async () => ({ saved: false }), openFile: async () => null }
    expect(resolveBridge('electron', { xuncha: preload })).toBe(preload)
    expect(resolveBridge('browser', {})).toBe(browserBridge)
  })
  it('refuses an unsafe file name before anything is written', async () => {
    await expect(browserBridge.saveFile({ suggestedName: '../etc/passwd', filters: [], data: new Uint8Array(1) })).rejects.toThrow(
      '文件名不合法',
    )
  })
})

describe('browser backup folder', () => {
  it('never has a folder and says why when asked to choose one', async () => {
    await expect(browserBridge.backupFolderStatus()).resolves.toEqual({ chosen: false })
    await expect(browserBridge.chooseBackupFolder()).resolves.toEqual({
      chosen: false,
      label: '浏览器版不能选择文件夹，备份将作为下载保存',
    })
  })
  it('writeBackup falls back to a download and prunes nothing', async () => {
    const created = vi.spyOn(URL, 'createObjectURL').mockReturnValue('blob:test')
    vi.spyOn(URL, 'revokeObjectURL').mockReturnValue()
    const clicked = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockReturnValue()
    const fileName = '自动备份-一轮-202601011200.xbak'
    await expect(browserBridge.writeBackup({ fileName, data: new Uint8Array([1, 2]), keep: 10 })).resolves.toEqual({
      location: `浏览器下载：${fileName}`,
      size: 2,
      removed: [],
    })
    expect(created).toHaveBeenCalledOnce()
    expect(clicked).toHaveBeenCalledOnce()
    vi.restoreAllMocks()
    await expect(browserBridge.writeBackup({ fileName: '../x.xbak', data: new Uint8Array([1]), keep: 10 })).rejects.toThrow(
      '备份文件名不合法',
    )
  })
})

describe('browser printing', () => {
  it('hands the PDF over as a download and says it did not print', async () => {
    vi.spyOn(URL, 'createObjectURL').mockReturnValue('blob:test')
    vi.spyOn(URL, 'revokeObjectURL').mockReturnValue()
    const clicked = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockReturnValue()
    const data = new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x2e, 0x37]) // %PDF-1.7
    await expect(browserBridge.printPdf({ title: '巡察报告', data })).resolves.toEqual({
      printed: false,
      downloaded: true,
      message: '浏览器版不能直接调用系统打印，已将 PDF 保存为浏览器下载：巡察报告-打印.pdf，请用 PDF 阅读器打开后打印',
    })
    expect(clicked).toHaveBeenCalledOnce()
    await expect(browserBridge.printPdf({ title: '巡察报告', data: new Uint8Array([1, 2]) })).rejects.toThrow('只能打印 PDF 文件')
    vi.restoreAllMocks()
  })
})

describe('browser: the round backups at the wipe', () => {
  it('lists none and deletes none (backups are downloads, out of reach), and checks the round id', async () => {
    await expect(browserBridge.listRoundBackups('r-1')).resolves.toEqual({ files: [] })
    await expect(browserBridge.deleteRoundBackups('r-1')).resolves.toEqual({ deleted: [], failed: [] })
    await expect(browserBridge.deleteRoundBackups('' as string)).rejects.toThrow('轮次 id 不合法')
  })
})
