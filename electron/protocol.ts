import { readFile, stat } from 'node:fs/promises'
import path from 'node:path'
import { protocol } from 'electron'
import { APP_HOST, APP_SCHEME, CONTENT_SECURITY_POLICY } from '@shared/security/policy'

/**
 * Must run before `app` is ready. `standard` gives the scheme a real origin (IndexedDB,
 * relative URLs), `secure` makes it a secure context; no CORS, no service workers.
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
  ])
}

const MIME_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
}

export function mimeType(filePath: string): string {
  return MIME_TYPES[path.extname(filePath).toLowerCase()] ?? 'application/octet-stream'
}

const SECURITY_HEADERS = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Cache-Control': 'no-cache',
}

function notFound(): Response {
  return new Response('Not Found', { status: 404, headers: { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' } })
}

/**
 * Maps an app:// URL to a file strictly inside `root`, or null. The URL parser already
 * removes literal `..` segments; encoded ones (`%2e%2e%2f`, `..%5c`) only appear after
 * decoding, so the containment check runs on the decoded, resolved path.
 */
export function resolveAppPath(root: string, requestUrl: string): string | null {
  let url: URL
  try {
    url = new URL(requestUrl)
  } catch {
    return null
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST || url.username || url.password) return null
  let rel: string
  try {
    rel = decodeURIComponent(url.pathname)
  } catch {
    return null // malformed percent-encoding
  }
  if (rel.includes('\0')) return null
  if (rel === '/' || rel === '') rel = '/index.html'
  const base = path.resolve(root)
  const target = path.resolve(base, `.${rel}`)
  return target.startsWith(base + path.sep) ? target : null
}

async function isFile(p: string): Promise<boolean> {
  try {
    return (await stat(p)).isFile()
  } catch {
    return false
  }
}

/** The handler behind `protocol.handle('app', …)`: static files from `root`, CSP on every response. */
export function createAppRequestHandler(root: string): (request: Request) => Promise<Response> {
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return new Response('Method Not Allowed', { status: 405, headers: { ...SECURITY_HEADERS, Allow: 'GET, HEAD' } })
    }
    const target = resolveAppPath(root, request.url)
    if (!target || !(await isFile(target))) return notFound()
    const body = request.method === 'HEAD' ? null : new Uint8Array(await readFile(target))
    return new Response(body, { status: 200, headers: { ...SECURITY_HEADERS, 'Content-Type': mimeType(target) } })
  }
}

export function installAppProtocol(root: string): void {
  protocol.handle(APP_SCHEME, createAppRequestHandler(root))
}
