import { afterEach, describe, expect, it, vi } from 'vitest'
import { registerPendingWrites, type PendingWriter } from './pendingWrites'
import { installUnloadGuard } from './unloadGuard'

/** A window whose events the test fires; `close` counts. */
function fakeWindow() {
  const handlers = new Map<string, (e: Event) => void>()
  const win = {
    addEventListener: (type: string, h: (e: Event) => void) => void handlers.set(type, h),
    close: vi.fn(),
  }
  const fire = (type: string) => {
    const event = new Event(type, { cancelable: true })
    handlers.get(type)!(event)
    return event.defaultPrevented
  }
  return { win: win as unknown as Pick<Window, 'addEventListener' | 'close'>, close: win.close, fire }
}

/** A writer with one change waiting: written when flushed; `sealed` says whether it can be stashed. */
function waiting(sealed: boolean | undefined) {
  let unwritten = true
  const writer: PendingWriter = {
    flush: vi.fn(async () => void (unwritten = false)),
    pending: () => unwritten,
    ...(sealed === undefined ? {} : { sealed: () => sealed, stash: vi.fn() }),
  }
  return writer
}

const removals: (() => void)[] = []
const register = (w: PendingWriter) => removals.push(registerPendingWrites(w))
afterEach(() => removals.splice(0).forEach((remove) => remove()))

describe('the unload guard', () => {
  it('lets the page go at once when every waiting draft is sealed, and stashes it as the page goes', () => {
    const { win, fire } = fakeWindow()
    installUnloadGuard('browser', win)
    const draft = waiting(true)
    register(draft)
    expect(fire('beforeunload')).toBe(false)
    fire('pagehide')
    expect(draft.stash).toHaveBeenCalledOnce()
  })

  it('in the browser asks while a change is still being sealed or a record save waits, and writes meanwhile', () => {
    for (const writer of [waiting(false), waiting(undefined)]) {
      const { win, fire } = fakeWindow()
      installUnloadGuard('browser', win)
      register(writer)
      expect(fire('beforeunload')).toBe(true)
      expect(writer.flush).toHaveBeenCalled()
      fire('pagehide')
      if (writer.stash) expect(writer.stash).not.toHaveBeenCalled() // nothing sealed to keep
      removals.splice(0).forEach((remove) => remove())
    }
  })

  it('in Electron holds the close until the writes are done, then closes the window itself', async () => {
    const { win, close, fire } = fakeWindow()
    installUnloadGuard('electron', win)
    const record = waiting(undefined)
    register(record)
    expect(fire('beforeunload')).toBe(true)
    expect(close).not.toHaveBeenCalled()
    await vi.waitFor(() => expect(close).toHaveBeenCalledOnce())
    expect(fire('beforeunload')).toBe(false) // the close it started goes through
  })

  it('does nothing when nothing waits', () => {
    const { win, close, fire } = fakeWindow()
    installUnloadGuard('electron', win)
    expect(fire('beforeunload')).toBe(false)
    expect(close).not.toHaveBeenCalled()
  })
})
