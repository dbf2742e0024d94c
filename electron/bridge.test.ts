import { beforeAll, describe, expect, it, vi } from 'vitest'

const electron = vi.hoisted(() => {
  const handlers = new Map<string, (event: unknown, ...args: unknown[]) => Promise<unknown>>()
  return {
    handlers,
    ipcMain: { handle: vi.fn((ch: string, fn: any) => handlers.set(ch, fn)) },
    app: { getVersion: () => '0.1.0' },
    BrowserWindow: { fromWebContents: vi.fn(() => ({ id: 7 })) },
    dialog: {
      showSaveDialog: vi.fn(async (..._args: unknown[]) => ({ canceled: true, filePath: '' })),
      showOpenDialog: vi.fn(async (..._args: unknown[]) => ({ canceled: true, filePaths: [] as string[] })),
    },
  }
})
vi.mock('electron', () => electron)

import { BRIDGE_CHANNELS } from '@shared/bridge/contract'
import { registerBridge } from './bridge'

const appEvent = () => {
  const mainFrame = { url: 'app://workbench/index.html', parent: null, frameTreeNodeId: 1, detached: false }
  return { senderFrame: mainFrame, sender: { mainFrame } }
}

describe('registerBridge', () => {
  beforeAll(() => registerBridge())

  it('registers exactly the bridge channels', () => {
    expect([...electron.handlers.keys()].sort()).toEqual([
      'xuncha:app-info',
      'xuncha:backup-folder-status',
      'xuncha:choose-backup-folder',
      'xuncha:delete-round-backups',
      'xuncha:detect-office-fonts',
      'xuncha:keystore-protect',
      'xuncha:keystore-status',
      'xuncha:keystore-unprotect',
      'xuncha:list-round-backups',
      'xuncha:open-file',
      'xuncha:print-pdf',
      'xuncha:read-office-font',
      'xuncha:save-file',
      'xuncha:write-backup',
    ])
    expect([...electron.handlers.keys()].sort()).toEqual(Object.values(BRIDGE_CHANNELS).sort())
  })

  it('appInfo answers with name, version and runtime versions', async () => {
    const info: any = await electron.handlers.get('xuncha:app-info')!(appEvent())
    expect(info).toMatchObject({ name: '巡察工作台', version: '0.1.0', target: 'electron', platform: process.platform })
    expect(Object.keys(info.versions).sort()).toEqual(['chrome', 'electron', 'node'])
    expect(info.versions.node).toBe(process.versions.node)
  })

  it('appInfo takes no argument', async () => {
    await expect(electron.handlers.get('xuncha:app-info')!(appEvent(), { x: 1 })).rejects.toThrow(/不接受参数/)
  })

  it('saveFile and openFile open their dialogs on the calling window', async () => {
    const save = { suggestedName: 'a.txt', filters: [], data: new Uint8Array([1]) }
    await expect(electron.handlers.get('xuncha:save-file')!(appEvent(), save)).resolves.toEqual({ saved: false })
    expect(electron.dialog.showSaveDialog.mock.calls[0]![0]).toEqual({ id: 7 })
    await expect(electron.handlers.get('xuncha:open-file')!(appEvent(), { title: '打开', filters: [] })).resolves.toBeNull()
    expect(electron.dialog.showOpenDialog.mock.calls[0]![0]).toEqual({ id: 7 })
  })

  it('validates arguments before any dialog opens', async () => {
    electron.dialog.showSaveDialog.mockClear()
    await expect(
      electron.handlers.get('xuncha:save-file')!(appEvent(), { suggestedName: 'a/b.txt', filters: [], data: new Uint8Array() }),
    ).rejects.toThrow()
    await expect(electron.handlers.get('xuncha:open-file')!(appEvent(), { title: 1, filters: [] })).rejects.toThrow()
    expect(electron.dialog.showSaveDialog).not.toHaveBeenCalled()
  })

  it('printPdf refuses anything but a PDF, or a title that is not one short line, before a window opens', async () => {
    const print = electron.handlers.get('xuncha:print-pdf')!
    const pdf = new TextEncoder().encode('%PDF-1.7\n')
    await expect(print(appEvent(), { title: '巡察报告', data: new TextEncoder().encode('<html>') })).rejects.toThrow('只能打印 PDF 文件')
    await expect(print(appEvent(), { title: '', data: pdf })).rejects.toThrow('打印标题不合法')
    await expect(print(appEvent(), { title: '巡察\n报告', data: pdf })).rejects.toThrow('打印标题不合法')
    await expect(print(appEvent(), { title: '巡察报告', data: '%PDF-' })).rejects.toThrow('打印内容必须是二进制数据')
    await expect(print(appEvent(), { title: '巡察报告', data: pdf }, 'extra')).rejects.toThrow('参数过多')
  })
})
