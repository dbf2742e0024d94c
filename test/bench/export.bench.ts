// Exports in Chromium: the Excel ledger of every review note of the round, delivered.
import { describe, expect, it } from 'vitest'
import { download, openApp, setUpVault, useServedApp } from '../e2e/harness'
import { loadBenchRound, report } from './kit'

const served = useServedApp()

describe('exports in Chromium', () => {
  it('builds the 审阅笔记 ledger', async () => {
    const { page, context } = await openApp(served.browser(), served.url())
    await setUpVault(page)
    await loadBenchRound(page)
    await page.locator('.el-menu-item', { hasText: '调阅' }).click()
    const tx = Date.now()
    const file = await download(page, () => page.getByTestId('export-notes').click())
    report('审阅笔记 ledger (all notes of the round)', `${Date.now() - tx} ms, ${(file.bytes.byteLength / 1024).toFixed(0)} KB (target ≤ 3000 for 10,000 rows)`)
    expect(file.bytes.byteLength).toBeGreaterThan(0)
    await context.close()
  }, 900_000)
})
