import { beforeEach, describe, expect, it, vi } from 'vitest'
import { BRIDGE_CHANNELS, checkSaveFileRequest } from '@shared/bridge/contract'

const electron = vi.hoisted(() => {
  const handlers = new Map<string, (event: unknown, ...args: unknown[]) => Promise<unknown>>()
  return { handlers, ipcMain: { handle: vi.fn((ch: string, fn: any) => handlers.set(ch, fn)) } }
})
vi.mock('electron', () => ({ ipcMain: electron.ipcMain }))

import { handle, isTrustedSender, noArgument } from './ipc'

/** An IPC event as Electron builds it: senderFrame is the calling frame, sender.mainFrame the top one. */
function eventFrom(url: string, { subframe = false } = {}) {
  const mainFrame: any = { url: 'app://workbench/index.html', parent: null, frameTreeNodeId: 1, detached: false }
  const frame = subframe ? { url, parent: mainFrame, frameTreeNodeId: 2, detached: false } : Object.assign(mainFrame, { url })
  return { senderFrame: frame, sender: { mainFrame } } as any
}

const goodSave = () => ({
  suggestedName: '巡察报告.docx',
  filters: [{ name: 'Word 文档', extensions: ['docx'] }],
  data: new Uint8Array([1, 2, 3]),
})

describe('IPC handle() wrapper', () => {
  const fn = vi.fn(async (req: { suggestedName: string }) => ({ saved: true, location: req.suggestedName }))
  let invoke: (event: unknown, ...args: unknown[]) => Promise<unknown>

  beforeEach(() => {
    fn.mockClear()
    electron.handlers.clear()
    handle(BRIDGE_CHANNELS.saveFile, checkSaveFileRequest, fn)
    invoke = electron.handlers.get(BRIDGE_CHANNELS.saveFile)!
  })

  it('registers on the given channel', () => {
    expect(electron.ipcMain.handle).toHaveBeenCalledWith('xuncha:save-file', expect.any(Function))
  })

  it('calls through with checked arguments from the app main frame', async () => {
    const event = eventFrom('app://workbench/index.html#/reports')
    await expect(invoke(event, goodSave())).resolves.toEqual({ saved: true, location: '巡察报告.docx' })
    expect(fn).toHaveBeenCalledOnce()
    expect(fn.mock.calls[0]![0]).toEqual(goodSave())
  })

  it.each(['https://example.com/', 'http://localhost:5173/', 'file:///tmp/index.html', 'app://evil/index.html', 'app://workbench.evil/'])(
    'rejects a sender on %s',
    async (url) => {
      await expect(invoke(eventFrom(url), goodSave())).rejects.toThrow(/调用方不是应用主页面/)
      expect(fn).not.toHaveBeenCalled()
    },
  )

  it('rejects a subframe even on the app origin', async () => {
    await expect(invoke(eventFrom('app://workbench/index.html', { subframe: true }), goodSave())).rejects.toThrow(/调用方不是应用主页面/)
    expect(fn).not.toHaveBeenCalled()
  })

  it('rejects a destroyed sender frame', async () => {
    await expect(invoke({ senderFrame: null, sender: { mainFrame: {} } }, goodSave())).rejects.toThrow(/调用方/)
  })

  it.each([
    ['a path in the file name', { ...goodSave(), suggestedName: '../../.bashrc' }],
    ['a folder in the file name', { ...goodSave(), suggestedName: 'C:\\Windows\\x.docx' }],
    ['non-Uint8Array data', { ...goodSave(), data: [1, 2, 3] }],
    ['string data', { ...goodSave(), data: 'abc' }],
    ['too many filters', { ...goodSave(), filters: Array.from({ length: 11 }, () => ({ name: 'x', extensions: ['txt'] })) }],
    ['a bad extension', { ...goodSave(), filters: [{ name: 'x', extensions: ['../exe'] }] }],
    ['no object', 'report.docx'],
  ])('rejects %s', async (_label, arg) => {
    await expect(invoke(eventFrom('app://workbench/index.html'), arg)).rejects.toThrow(/拒绝调用 xuncha:save-file/)
    expect(fn).not.toHaveBeenCalled()
  })

  it('rejects extra arguments', async () => {
    await expect(invoke(eventFrom('app://workbench/index.html'), goodSave(), 'extra')).rejects.toThrow(/参数过多/)
    expect(fn).not.toHaveBeenCalled()
  })
})

describe('sender checks', () => {
  it('accepts only the top app frame', () => {
    expect(isTrustedSender(eventFrom('app://workbench/index.html'))).toBe(true)
    expect(isTrustedSender(eventFrom('app://workbench/index.html', { subframe: true }))).toBe(false)
    // A frame that is not the sender's main frame, even with parent === null, is refused.
    const other = { url: 'app://workbench/', parent: null, frameTreeNodeId: 5, detached: false }
    expect(isTrustedSender({ senderFrame: other, sender: { mainFrame: { ...other, frameTreeNodeId: 1 } } } as any)).toBe(false)
    // Same frame but its document is unloading (senderFrame already points elsewhere).
    const detached = eventFrom('app://workbench/index.html')
    detached.senderFrame.detached = true
    expect(isTrustedSender(detached)).toBe(false)
  })

  it('noArgument refuses any argument', () => {
    expect(() => noArgument(undefined)).not.toThrow()
    expect(() => noArgument({})).toThrow()
  })
})
