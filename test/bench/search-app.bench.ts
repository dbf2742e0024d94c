// Search in Chromium: the first Ctrl+K after unlock builds the round's corpus in the search
// worker (read, decrypt, normalise) while the page must stay responsive (long tasks on the main
// thread are recorded during the build); then queries typed into the box, timed to the painted
// results; then a rebuild after one new record (only changed records are decrypted again).
import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { lastMessage, openApp, setUpVault, useServedApp } from '../e2e/harness'
import { cpuMs, FULL, loadBenchRound, median, p95, poll, rendererMemoryMb, report, timeUntilChanged, unlockAs, watchLongTasks } from './kit'

const served = useServedApp()
const QUERIES = [
  '公积金',
  '张卫东',
  '招投标',
  '民主生活会',
  '发票',
  '门面出租',
  '选人用人',
  '农田',
  '扶贫项目',
  '白条',
  '党委会',
  '接待',
  '公车',
  '项目验收',
  '评定分离',
  '补助',
  '会议',
  '村级',
  '巡察',
  '整改',
  '发票 报销',
  '2023',
]

const type = (q: string) =>
  `const i = document.querySelector('[data-testid="search-input"]'); i.value = '${q}'; i.dispatchEvent(new Event('input', { bubbles: true }))`
/** What the worker reported about its last build (BuildInfo, on the summary line). */
const buildInfo = async (page: Page) =>
  JSON.parse((await page.getByTestId('search-summary').getAttribute('data-build')) ?? '{}') as {
    ms?: number
    openMs?: number
    prepareMs?: number
    decrypted?: number
    entries?: number
  }

describe('search in Chromium', () => {
  it('builds on first open without freezing the page, answers queries, rebuilds after an edit', async () => {
    const { page, context } = await openApp(served.browser(), served.url())
    await setUpVault(page)
    await loadBenchRound(page)

    // As a user meets it: a fresh page, unlock, the 工作台; then Ctrl+K once the 工作台 has settled
    // (1 s: the worker not yet started), and at full size in a second session later (5 s: the idle
    // worker started, empty).
    for (const wait of FULL ? [1000, 5000] : [1000]) {
      await page.goto(served.url())
      await page.getByTestId('unlock-passphrase').waitFor()
      await unlockAs(page)
      await poll(() => page.getByTestId('fig-interviews').textContent()).toMatch(/已谈 [1-9]/)
      await page.waitForTimeout(wait)
      const memory = rendererMemoryMb().mb
      const stopWatching = await watchLongTasks(page)
      const cpu = cpuMs()
      const t0 = Date.now()
      await page.keyboard.press('Control+k')
      await page.getByTestId('search-input').waitFor()
      await poll(() => page.getByTestId('search-results').count()).toBe(1)
      const built = Date.now() - t0
      const used = cpuMs()
      const long = await stopWatching()
      const info = await buildInfo(page)
      report(`search build, Ctrl+K ${wait / 1000} s after unlock`, `${built} ms to the screen, ${info.entries} entries (target ≤ 3000)`)
      report('  in the worker: read+decrypt / prepare', `${info.openMs} / ${info.prepareMs} ms (${info.decrypted} records decrypted)`)
      report('  CPU used: renderer / all Chromium', `${used.renderer - cpu.renderer} / ${used.all - cpu.all} ms`)
      report(
        '  main-thread tasks > 50 ms during the build',
        `${long.length}${long.length ? `, longest ${Math.max(...long).toFixed(0)} ms` : ''} (target: none over 100)`,
      )
      report('  renderer memory (PSS) before / after', `${memory.toFixed(0)} / ${rendererMemoryMb().mb.toFixed(0)} MB`)
    }
    const info = await buildInfo(page)

    const times: number[] = []
    for (const q of QUERIES) times.push(await timeUntilChanged(page, '[data-testid="search-dialog"] .el-dialog__body', type(q)))
    report('search query to results on screen (p95)', `${p95(times).toFixed(0)} ms, median ${median(times).toFixed(0)} ms (target ≤ 50)`)
    report('renderer memory (PSS) after the queries', `${rendererMemoryMb().mb.toFixed(0)} MB`)

    // Closing and opening again with nothing changed: no rebuild.
    await page.keyboard.press('Escape')
    await poll(() => page.getByTestId('search-input').isVisible()).toBe(false)
    const t1 = Date.now()
    await page.keyboard.press('Control+k')
    await poll(() => page.getByTestId('search-results').isVisible()).toBe(true)
    report('search reopened, nothing changed', `${Date.now() - t1} ms`)

    // One new record: the next open rebuilds, decrypting only what changed.
    await page.keyboard.press('Escape')
    await page.locator('.el-menu-item', { hasText: '走访' }).first().click()
    await page.getByTestId('add-visit').click()
    await page.getByTestId('visit-place').fill('区农机服务站车库')
    await page.getByTestId('visit-notes').fill('核对维修车辆与理赔台账')
    await page.getByTestId('visit-save').click()
    await poll(() => lastMessage(page)).toContain('已保存走访记录')
    const before = JSON.stringify(info)
    const cpu = cpuMs()
    const t2 = Date.now()
    await page.keyboard.press('Control+k')
    await poll(async () => JSON.stringify(await buildInfo(page))).not.toBe(before)
    await poll(() => page.getByTestId('search-results').isVisible()).toBe(true)
    const again = await buildInfo(page)
    report(
      'search reopened after one new record',
      `${Date.now() - t2} ms (read+decrypt ${again.openMs} ms, ${again.decrypted} decrypted; CPU ${cpuMs().all - cpu.all} ms)`,
    )
    expect(times).toHaveLength(QUERIES.length)
    await context.close()
  }, 900_000)
})
