// The renderer's only way to the outside world. The Electron build requires the preload's
// `window.xuncha` and fails closed without it; the browser build uses downloads and inputs.
import { BRIDGE_GLOBAL, type XunchaBridge } from '@shared/bridge/contract'
import { browserBridge } from './browser'

export class BridgeMissingError extends Error {
  override name = 'BridgeMissingError'
  constructor() {
    super('无法连接到应用主进程（安全桥接缺失），为保护数据已停止运行。请重新安装巡察工作台。')
  }
}

export function resolveBridge(target: 'electron' | 'browser', scope: Record<string, unknown>): XunchaBridge {
  if (target === 'browser') return browserBridge
  const bridge = scope[BRIDGE_GLOBAL] as XunchaBridge | undefined
  if (!bridge || typeof bridge.saveFile !== 'function' || typeof bridge.openFile !== 'function') throw new BridgeMissingError()
  return bridge
}

let current: XunchaBridge | undefined

export function bridge(): XunchaBridge {
  current ??= resolveBridge(__BRIDGE_TARGET__, globalThis as unknown as Record<string, unknown>)
  return current
}
