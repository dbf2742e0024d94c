import { describe, expect, it } from 'vitest'
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
    await expect(browserBridge.saveFile({ suggestedName: '../etc/passwd', filters: [], data: new Uint8Array(1) })).rejects.toThrow('文件名不合法')
  })
})
