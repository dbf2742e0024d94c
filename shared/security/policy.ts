// Fixed before the first release: IndexedDB data is keyed by origin, so changing the
// scheme or host would orphan every user's data.
export const APP_SCHEME = 'app'
export const APP_HOST = 'workbench'
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`

/**
 * The production Content-Security-Policy. Served as a header by the Electron protocol
 * handler and by the e2e test server, so the tests run under the same rules.
 * blob:/data: images and workers are needed for chart canvases and export downloads.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ')
