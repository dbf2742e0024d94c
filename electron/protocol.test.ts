import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { CONTENT_SECURITY_POLICY } from '@shared/security/policy'

const electron = vi.hoisted(() => ({ protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() } }))
vi.mock('electron', () => electron)

import { createAppRequestHandler, installAppProtocol, registerAppScheme, resolveAppPath } from './protocol'

// <tmp>/secret.txt sits just outside the served root <tmp>/www, so a traversal bug would serve it.
let tmp: string
let root: string
let serve: (r: Request) => Promise<Response>

beforeAll(() => {
  tmp = mkdtempSync(path.join(tmpdir(), 'xuncha-protocol-'))
  root = path.join(tmp, 'www')
  mkdirSync(path.join(root, 'assets'), { recursive: true })
  writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>巡察工作台</title>')
  writeFileSync(path.join(root, 'assets', 'app.js'), 'console.log(1)')
  writeFileSync(path.join(root, 'assets', 'app.css'), 'body{}')
  writeFileSync(path.join(tmp, 'secret.txt'), 'SECRET')
  serve = createAppRequestHandler(root)
})
afterAll(() => rmSync(tmp, { recursive: true, force: true }))

describe('app:// scheme', () => {
  it('is registered as a standard, secure scheme', () => {
    registerAppScheme()
    expect(electron.protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      expect.objectContaining({ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) }),
    ])
    const privileges = electron.protocol.registerSchemesAsPrivileged.mock.calls[0]![0][0].privileges
    expect(privileges.bypassCSP).toBeFalsy()
    expect(privileges.corsEnabled).toBeFalsy()
  })

  it('installs the handler on the app scheme', () => {
    installAppProtocol(root)
    expect(electron.protocol.handle).toHaveBeenCalledWith('app', expect.any(Function))
  })

  it('serves index.html with the CSP header and an HTML type', async () => {
    const res = await serve(new Request('app://workbench/index.html'))
    expect(res.status).toBe(200)
    expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY)
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8')
    expect(res.headers.get('x-content-type-options')).toBe('nosniff')
    expect(await res.text()).toContain('巡察工作台')
  })

  it('serves / as index.html', async () => {
    const res = await serve(new Request('app://workbench/'))
    expect(res.status).toBe(200)
    expect(await res.text()).toContain('<!doctype html>')
  })

  it('sets MIME types for scripts and styles', async () => {
    const js = await serve(new Request('app://workbench/assets/app.js?v=2'))
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8')
    expect(js.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY)
    expect((await serve(new Request('app://workbench/assets/app.css'))).headers.get('content-type')).toBe('text/css; charset=utf-8')
  })

  it('returns 404 for missing files and directories, with the CSP header', async () => {
    const res = await serve(new Request('app://workbench/nope.js'))
    expect(res.status).toBe(404)
    expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY)
    expect((await serve(new Request('app://workbench/assets'))).status).toBe(404)
  })

  it.each([
    'app://workbench/../secret.txt',
    'app://workbench/../../etc/passwd',
    'app://workbench/%2e%2e%2fsecret.txt',
    'app://workbench/%2e%2e%2f%2e%2e%2fetc/passwd',
    'app://workbench/%2E%2E%2Fsecret.txt',
    'app://workbench/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
    'app://workbench/..%5csecret.txt',
    'app://workbench/%2fetc%2fpasswd',
    'app://workbench/index.html%00.js',
    'app://workbench/%E0%A4%A',
  ])('does not serve %s', async (url) => {
    const res = await serve(new Request(url))
    expect(res.status).toBe(404)
    expect(await res.text()).not.toContain('SECRET')
  })

  it('resolves encoded traversal to nothing rather than outside the root', () => {
    expect(resolveAppPath(root, 'app://workbench/%2e%2e%2fsecret.txt')).toBeNull()
    expect(resolveAppPath(root, 'app://workbench/assets/app.js')).toBe(path.join(root, 'assets', 'app.js'))
  })

  it('refuses URLs with credentials', () => {
    expect(resolveAppPath(root, 'app://x@workbench/index.html')).toBeNull()
    expect(resolveAppPath(root, 'app://workbench@evil/index.html')).toBeNull()
  })

  it.each(['app://evil/index.html', 'app://workbench.evil/index.html', 'app://workbench:8080/index.html', 'file:///index.html'])(
    'rejects %s (wrong host or scheme)',
    async (url) => {
      expect((await serve(new Request(url))).status).toBe(404)
    },
  )

  it('only answers GET and HEAD', async () => {
    expect((await serve(new Request('app://workbench/index.html', { method: 'POST', body: 'x' }))).status).toBe(405)
    const head = await serve(new Request('app://workbench/index.html', { method: 'HEAD' }))
    expect(head.status).toBe(200)
    expect(await head.text()).toBe('')
  })
})
