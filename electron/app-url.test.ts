import { describe, expect, it } from 'vitest'
import { APP_ENTRY_URL, isAllowedRequestUrl, isAppUrl } from './app-url'

describe('app URLs', () => {
  it('the entry page is on the app origin', () => {
    expect(APP_ENTRY_URL).toBe('app://workbench/index.html')
    expect(isAppUrl(APP_ENTRY_URL)).toBe(true)
  })

  it.each([
    'https://example.com/',
    'http://localhost:5173/',
    'file:///etc/passwd',
    'app://other/index.html',
    'app://workbench.evil/index.html',
    'app://workbench@evil/index.html',
    'app://user@workbench/index.html',
    'devtools://devtools/bundled/inspector.html',
    'blob:https://example.com/123',
    'ws://localhost:1234/',
    'not a url',
  ])('blocks %s', (url) => {
    expect(isAllowedRequestUrl(url)).toBe(false)
  })

  it.each(['app://workbench/index.html', 'app://workbench/assets/x.js?v=1', 'blob:app://workbench/5d1c', 'data:image/png;base64,AAAA'])(
    'allows %s',
    (url) => {
      expect(isAllowedRequestUrl(url)).toBe(true)
    },
  )
})
