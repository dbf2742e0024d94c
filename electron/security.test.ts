import { EventEmitter } from 'node:events'
import { describe, expect, it, vi } from 'vitest'
import type { App, Session, WebContents } from 'electron'

vi.mock('electron', () => ({}))

import { hardenAllWebContents, hardenSession, hardenWebContents } from './security'

function fakeSession() {
  const s = {
    setPermissionRequestHandler: vi.fn(),
    setPermissionCheckHandler: vi.fn(),
    setDevicePermissionHandler: vi.fn(),
    webRequest: { onBeforeRequest: vi.fn() },
  }
  hardenSession(s as unknown as Session)
  return s
}

function fakeContents() {
  const c = Object.assign(new EventEmitter(), { setWindowOpenHandler: vi.fn() })
  hardenWebContents(c as unknown as WebContents)
  return c
}

function fire(c: EventEmitter, name: string, ...args: unknown[]): boolean {
  const event = { preventDefault: vi.fn() }
  c.emit(name, event, ...args)
  return event.preventDefault.mock.calls.length > 0
}

describe('session hardening', () => {
  it('denies every permission request', () => {
    const s = fakeSession()
    const handler = s.setPermissionRequestHandler.mock.calls[0]![0]
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      const cb = vi.fn()
      handler({}, permission, cb, {})
      expect(cb).toHaveBeenCalledExactlyOnceWith(false)
    }
  })

  it('answers every permission check with false', () => {
    const s = fakeSession()
    const check = s.setPermissionCheckHandler.mock.calls[0]![0]
    expect(check(null, 'media', 'app://workbench', {})).toBe(false)
    expect(check(null, 'clipboard-read', 'app://workbench', {})).toBe(false)
    expect(s.setDevicePermissionHandler.mock.calls[0]![0]({})).toBe(false)
  })

  it('cancels every request that is not to the app itself', () => {
    const s = fakeSession()
    // Registered without a filter, so it sees every URL.
    expect(s.webRequest.onBeforeRequest.mock.calls[0]).toHaveLength(1)
    const listener = s.webRequest.onBeforeRequest.mock.calls[0]![0]
    const decide = (url: string) => {
      const cb = vi.fn()
      listener({ url }, cb)
      expect(cb).toHaveBeenCalledOnce()
      return cb.mock.calls[0]![0]
    }
    expect(decide('https://example.com')).toEqual({ cancel: true })
    expect(decide('http://localhost')).toEqual({ cancel: true })
    expect(decide('file:///etc/passwd')).toEqual({ cancel: true })
    expect(decide('app://elsewhere/index.html')).toEqual({ cancel: true })
    expect(decide('app://workbench/index.html')).toEqual({ cancel: false })
    expect(decide('blob:app://workbench/0b7c')).toEqual({ cancel: false })
    expect(decide('data:image/png;base64,AA==')).toEqual({ cancel: false })
  })
})

describe('webContents hardening', () => {
  it('prevents navigation away from the app, allows in-app navigation', () => {
    const c = fakeContents()
    expect(fire(c, 'will-navigate', 'https://example.com/')).toBe(true)
    expect(fire(c, 'will-navigate', 'file:///etc/passwd')).toBe(true)
    expect(fire(c, 'will-navigate', 'app://workbench/index.html')).toBe(false)
    expect(fire(c, 'will-redirect', 'https://example.com/')).toBe(true)
  })

  it('denies window.open', () => {
    const c = fakeContents()
    const handler = c.setWindowOpenHandler.mock.calls[0]![0]
    expect(handler({ url: 'https://example.com' })).toEqual({ action: 'deny' })
    expect(handler({ url: 'app://workbench/index.html' })).toEqual({ action: 'deny' })
  })

  it('prevents attaching webviews', () => {
    const c = fakeContents()
    expect(fire(c, 'will-attach-webview', {}, { src: 'https://example.com' })).toBe(true)
  })

  it('applies to every webContents the app creates', () => {
    const app = new EventEmitter()
    hardenAllWebContents(app as unknown as App)
    const c = Object.assign(new EventEmitter(), { setWindowOpenHandler: vi.fn() })
    app.emit('web-contents-created', {}, c)
    expect(c.setWindowOpenHandler).toHaveBeenCalledOnce()
    expect(fire(c, 'will-navigate', 'https://example.com/')).toBe(true)
  })
})
