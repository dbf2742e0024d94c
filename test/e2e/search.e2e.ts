// Search as a user meets it: Ctrl+K over the sample round, Chinese text found whatever the
// segmenter does with it, grouped by kind, highlighted, filtered, and opened.
import { describe, expect, it } from 'vitest'
import { lastMessage, openApp, poll, setUpVault, useServedApp } from './harness'

const served = useServedApp()

describe('search end to end', () => {
  it('finds words across kinds with Ctrl+K, highlights them and filters by kind', async () => {
    const { page, context, cspViolations, errors } = await openApp(served.browser(), served.url())
    await setUpVault(page)
    await page.getByTestId('load-sample').click()
    await poll(() => lastMessage(page)).toContain('已载入示例轮次')

    await page.keyboard.press('Control+k')
    const dialog = page.getByTestId('search-dialog')
    await dialog.getByTestId('search-input').fill('公积金')
    await poll(() => dialog.getByTestId('search-hit').count()).toBeGreaterThan(1)
    const marks = await dialog.locator('mark').allTextContents()
    expect(marks.length).toBeGreaterThan(1)
    expect(new Set(marks)).toEqual(new Set(['公积金']))
    const headings = await dialog.locator('.search-results h4').allTextContents()
    expect(headings.length).toBeGreaterThan(1)

    // A name: found as the segmenter never saw it, and only where it really occurs.
    await dialog.getByTestId('search-input').fill('张卫东')
    await poll(() => dialog.getByTestId('search-hit').count()).toBeGreaterThan(0)
    for (const text of await dialog.getByTestId('search-hit').allTextContents()) expect(text).toContain('张卫东')
    await dialog.getByTestId('search-input').fill('东卫张')
    await poll(() => dialog.getByTestId('search-empty').textContent()).toContain('没有找到')

    // Filter to one kind, then open a result.
    await dialog.getByTestId('search-input').fill('公积金')
    await dialog.locator('.search-filters .el-select').first().click()
    await page.locator('.el-select-dropdown__item', { hasText: '底稿' }).click()
    await page.keyboard.press('Escape')
    await poll(() => dialog.locator('.search-results h4').allTextContents()).toEqual([expect.stringMatching(/^底稿（\d+）$/)])
    await dialog.getByTestId('search-hit').first().click()
    await poll(() => page.url()).toContain('#/papers')

    expect(await cspViolations()).toEqual([])
    expect(errors).toEqual([])
    await context.close()
  })
})
