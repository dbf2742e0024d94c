import { APP_HOST, APP_ORIGIN, APP_SCHEME } from '@shared/security/policy'

/** The page the main window loads. */
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`

function parse(url: string): URL | null {
  try {
    return new URL(url)
  } catch {
    return null
  }
}

/**
 * True only for app://workbench/… . Parsed rather than prefix-matched so that
 * `app://workbench.evil/` or `app://workbench@x/` do not pass.
 */
export function isAppUrl(url: string): boolean {
  const u = parse(url)
  return u !== null && u.protocol === `${APP_SCHEME}:` && u.host === APP_HOST && u.username === '' && u.password === ''
}

/** blob: URLs the app itself created (blob:app://workbench/<uuid>), and data: URLs. */
export function isAppLocalUrl(url: string): boolean {
  if (url.startsWith('data:')) return true
  if (url.startsWith('blob:')) return isAppUrl(url.slice('blob:'.length))
  return false
}

/** What the session lets through: the app itself and the blobs/data it makes; nothing else. */
export function isAllowedRequestUrl(url: string): boolean {
  return isAppUrl(url) || isAppLocalUrl(url)
}
