// Drives the built browser renderer (dist/browser) in Debian's Chromium, served from a local
// static server that sends the production CSP header — so a CSP violation fails a test.
import { createServer, type Server } from 'node:http'
import { existsSync, readFileSync, statSync } from 'node:fs'
import { extname, join, normalize, resolve } from 'node:path'
import type { AddressInfo } from 'node:net'
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core'
import { afterAll, beforeAll, expect } from 'vitest'
import { CONTENT_SECURITY_POLICY } from '../../shared/security/policy'

// E2E_DIST lets parallel work use its own build folder; CI uses dist/browser.
const ROOT = resolve(import.meta.dirname, '../..', process.env.E2E_DIST ?? 'dist/browser')
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
}

export function serveRenderer(): Promise<{ url: string; server: Server }> {
  if (!existsSync(join(ROOT, 'index.html'))) throw new Error('dist/browser 不存在：先运行 npm run build:browser')
  const server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '')
    let file = join(ROOT, path)
    if (!file.startsWith(ROOT) || !existsSync(file) || statSync(file).isDirectory()) file = join(ROOT, 'index.html')
    res.writeHead(200, {
      'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    })
    res.end(readFileSync(file))
  })
  return new Promise((ok) =>
    server.listen(0, '127.0.0.1', () => ok({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, server })),
  )
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--lang=zh-CN',
    ],
  })
}

export interface AppPage {
  page: Page
  context: BrowserContext
  /** Console errors and page errors seen so far. */
  errors: string[]
  cspViolations(): Promise<string[]>
}

export const PASSPHRASE = 'Xuncha#2026-round'

/** First start: sets the passphrase, keeps the recovery key, enters the workbench. */
export async function setUpVault(page: Page, passphrase = PASSPHRASE): Promise<string> {
  await page.getByTestId('new-passphrase').fill(passphrase)
  await page.getByTestId('confirm-passphrase').fill(passphrase)
  await page.getByTestId('setup-vault').click()
  const recovery = (await page.getByTestId('recovery-key').textContent())?.trim() ?? ''
  await page.getByTestId('recovery-kept').click()
  await page.getByTestId('recovery-done').click()
  await page.getByTestId('nav').waitFor()
  return recovery
}

/** A fresh profile (empty IndexedDB) with the app loaded, at the first-start screen. */
export async function openApp(browser: Browser, url: string): Promise<AppPage> {
  const context = await browser.newContext({ acceptDownloads: true, locale: 'zh-CN', viewport: { width: 1400, height: 900 } })
  const page = await context.newPage()
  const errors: string[] = []
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()))
  page.on('pageerror', (e) => errors.push(e.message))
  // E2E_DEBUG=<folder>: the page's console on stdout and a screenshot of it every 5 s (for a spec that hangs).
  if (process.env.E2E_DEBUG) page.on('console', (m) => console.log('[page]', m.type(), m.text()))
  if (process.env.E2E_DEBUG) page.on('pageerror', (e) => console.log('[pageerror]', e.message))
  if (process.env.E2E_DEBUG)
    setInterval(() => void page.screenshot({ path: `${process.env.E2E_DEBUG}/shot.png` }).catch(() => undefined), 5000).unref()
  await page.goto(url)
  await page.getByTestId('new-passphrase').or(page.getByTestId('unlock-passphrase')).waitFor()
  return {
    page,
    context,
    errors,
    cspViolations: () => page.evaluate(() => (globalThis as { __cspViolations?: string[] }).__cspViolations ?? []),
  }
}

/** Clicks something that opens the bridge's file input, and answers it with a file. */
export async function chooseFile(page: Page, trigger: () => Promise<void>, file: { name: string; buffer: Buffer; mimeType?: string }) {
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), trigger()])
  await chooser.setFiles({ name: file.name, mimeType: file.mimeType ?? 'application/octet-stream', buffer: file.buffer })
}

/** Clicks something that triggers a download, and returns its name and bytes. */
export async function download(page: Page, trigger: () => Promise<void>, timeout = 30_000): Promise<{ name: string; bytes: Buffer }> {
  const [dl] = await Promise.all([page.waitForEvent('download', { timeout }), trigger()])
  const path = await dl.path()
  return { name: dl.suggestedFilename(), bytes: readFileSync(path) }
}

/** The text of the newest Element Plus message toast. */
export async function lastMessage(page: Page): Promise<string> {
  const msg = page.locator('.el-message').last()
  await msg.waitFor()
  return (await msg.textContent())?.trim() ?? ''
}

/** expect.poll with a timeout that suits a UI (vitest's default is 1 s). */
export function poll<T>(fn: () => Promise<T> | T) {
  return expect.poll(fn, { timeout: 15_000, interval: 100 })
}

/** One server and one Chromium for a test file, closed after it. */
export function useServedApp(): { browser: () => Browser; url: () => string } {
  let browser: Browser | undefined
  let server: Server | undefined
  let url = ''
  beforeAll(async () => {
    ;({ server, url } = await serveRenderer())
    browser = await launchChromium()
  })
  afterAll(async () => {
    await browser?.close()
    server?.close()
  })
  return { browser: () => browser!, url: () => url }
}

/** Goes to a section, opening the 设置 sub-menu first when the item sits in it. */
export async function openMenu(page: Page, item: string) {
  const entry = page.locator('.el-menu-item', { hasText: item }).first()
  if (!(await entry.isVisible())) await page.locator('.el-sub-menu__title', { hasText: '设置' }).click()
  await entry.click()
}
/** The specs' short name for `openMenu`. */
export const go = openMenu

/**
 * Chooses who works on this laptop in the header; returns the option's text (姓名（职务）).
 * With `afterToasts`, first waits until no message covers the header (e.g. right after the sample load).
 */
export async function chooseUser(page: Page, label: string, options: { afterToasts?: boolean } = {}): Promise<string> {
  if (options.afterToasts) await poll(() => page.locator('.el-message').count()).toBe(0)
  await page.getByTestId('user-select').click()
  const option = page.locator('.el-select-dropdown__item:visible', { hasText: label }).first()
  const text = (await option.textContent())?.trim() ?? ''
  await option.click()
  await poll(() => page.getByTestId('user-select').textContent()).toContain(text.replace(/（.*$/, ''))
  return text
}

/** Debian's font with CJK Extension B (陈𠈌), installed by build/dev: the 生僻字补充字体 of the e2e tests. */
export const HANA_MIN_B = '/usr/share/fonts/truetype/hanazono/HanaMinB.ttf'

/** 设置 → 公文字体: a font file from disk by path (a 17 MB buffer is too slow through the DevTools protocol). */
export async function chooseFontFile(page: Page, slot: string, path: string) {
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByTestId(`font-choose-${slot}`).click()])
  await chooser.setFiles(path)
}

/** The personal PIN the specs use for every member. */
export const E2E_PIN = '275913'

/**
 * Answers the personal PIN dialog of a signed act: sets the PIN up when the member has no key on
 * this laptop yet (first use), else enters it. Waits until the dialog has closed.
 */
export async function enterPin(page: Page, pin = E2E_PIN) {
  const setup = page.getByTestId('pin-new')
  const enter = page.getByTestId('pin-input')
  await setup.or(enter).waitFor()
  if (await setup.isVisible()) {
    await setup.fill(pin)
    await page.getByTestId('pin-confirm').fill(pin)
  } else await enter.fill(pin)
  await page.getByTestId('pin-submit').click()
  await page.getByTestId('pin-submit').waitFor({ state: 'hidden', timeout: 20_000 })
}
