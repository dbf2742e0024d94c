import { ipcMain, type IpcMainInvokeEvent } from 'electron'
import { isAppUrl } from './app-url'

export type ArgumentChecker<T> = (value: unknown) => T

/** For channels that take no argument. */
export function noArgument(value: unknown): void {
  if (value !== undefined) throw new TypeError('此调用不接受参数')
}

/** Only the app's own top-level page may call the bridge; not subframes, not other origins. */
export function isTrustedSender(event: IpcMainInvokeEvent): boolean {
  const frame = event.senderFrame
  // null: destroyed; detached: an unloading document whose frame already shows another page.
  if (!frame || frame.detached) return false
  // Compared by frame tree node, not object identity, which Electron does not promise.
  if (frame.parent !== null || frame.frameTreeNodeId !== event.sender.mainFrame.frameTreeNodeId) return false
  return isAppUrl(frame.url)
}

/**
 * Registers one IPC capability. The sender and the (single) argument are validated
 * before `fn` runs; failures reject the renderer's promise with a clear message.
 */
export function handle<T, R>(channel: string, check: ArgumentChecker<T>, fn: (arg: T, event: IpcMainInvokeEvent) => R | Promise<R>): void {
  ipcMain.handle(channel, async (event, ...args: unknown[]) => {
    if (!isTrustedSender(event)) throw new Error(`拒绝调用 ${channel}：调用方不是应用主页面`)
    if (args.length > 1) throw new Error(`拒绝调用 ${channel}：参数过多`)
    let arg: T
    try {
      arg = check(args[0])
    } catch (e) {
      throw new Error(`拒绝调用 ${channel}：${e instanceof Error ? e.message : String(e)}`)
    }
    return fn(arg, event)
  })
}
