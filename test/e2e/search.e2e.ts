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

    // The same person by pinyin: initials, surname, full pinyin; the name is what is highlighted.
    for (const q of ['zwd', 'zhangweidong', 'zhangwd']) {
      await dialog.getByTestId('search-input').fill(q)
      await poll(() => dialog.getByTestId('search-hit').count()).toBeGreaterThan(0)
      for (const text of await dialog.getByTestId('search-hit').allTextContents()) expect(text).toContain('张卫东')
      expect(await dialog.locator('mark').allTextContents()).toContain('张卫东')
    }

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

  it('finds people by pinyin in the person pickers', async () => {
    const { page, context, errors } = await openApp(served.browser(), served.url())
    await setUpVault(page)
    await page.getByTestId('load-sample').click()
    await poll(() => lastMessage(page)).toContain('已载入示例轮次')
    await page.locator('.el-menu-item', { hasText: '谈话' }).first().click()
    await page.getByTestId('plan-interview').click()
    await page.getByTestId('iv-interviewee').click()
    await page.keyboard.type('zwd')
    const options = page.locator('.el-select-dropdown__item:visible')
    await poll(() => options.allTextContents()).toEqual([expect.stringMatching(/^张卫东（/)])
    await page.keyboard.press('Backspace')
    await page.keyboard.press('Backspace')
    await page.keyboard.press('Backspace')
    await page.keyboard.type('help')
    await poll(() => options.allTextContents()).toEqual([expect.stringMatching(/^何丽萍（/)])
    await options.first().click()
    await poll(() => page.getByTestId('iv-interviewee').textContent()).toContain('何丽萍')
    // Closed, the list is whole again.
    await page.getByTestId('iv-interviewee').click()
    await poll(() => options.count()).toBeGreaterThan(10)
    expect(errors).toEqual([])
    await context.close()
  })
})
