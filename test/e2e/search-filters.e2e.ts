// Search beyond the first query: the person, category and date filters, one kind shown in
// full, a record saved after the first search found on the next open, and the lock ending
// the search worker (it holds decrypted text in memory only).
import { describe, expect, it } from 'vitest'
import type { Locator, Page } from 'playwright-core'
import { chooseUser, go, lastMessage, openApp, PASSPHRASE, poll, setUpVault, useServedApp } from './harness'

const served = useServedApp()
const PERSON_KINDS = ['谈话', '谈话要点', '信访', '底稿', '问题线索']
const CATEGORY_KINDS = ['谈话要点', '审阅笔记', '走访座谈', '底稿']

const totalOf = async (dialog: Locator) =>
  Number((await dialog.getByTestId('search-summary').textContent())?.match(/共 (\d+) 条/)?.[1] ?? 0)
const kindsShown = async (dialog: Locator) =>
  (await dialog.locator('.search-results h4').allTextContents()).map((h) => h.replace(/（\d+）$/, ''))
const searchWorkers = (page: Page) => page.workers().filter((w) => w.url().includes('search.worker'))

async function search(dialog: Locator, query: string): Promise<number> {
  await dialog.getByTestId('search-input').fill(query)
  await poll(() => totalOf(dialog)).toBeGreaterThan(0)
  return totalOf(dialog)
}

describe('search filters, freshness and the lock', () => {
  it('filters by person, category and date, shows one kind in full, sees new records and ends at lock', async () => {
    const { page, context, cspViolations, errors } = await openApp(served.browser(), served.url())
    await setUpVault(page)
    await page.getByTestId('load-sample').click()
    await poll(() => lastMessage(page)).toContain('已载入示例轮次')
    await poll(() => page.locator('.el-message').count()).toBe(0)
    await chooseUser(page, '刘振华')

    await page.keyboard.press('Control+k')
    const dialog = page.getByTestId('search-dialog')
    const all = await search(dialog, '的')
    expect(searchWorkers(page)).toHaveLength(1)

    // One kind in full: the few listed per kind, then all of that kind.
    const group = dialog.locator('.search-results section', { has: page.getByTestId('search-more') }).first()
    const inKind = Number((await group.locator('h4').textContent())?.match(/（(\d+)）/)?.[1])
    const listed = await group.getByTestId('search-hit').count()
    expect(inKind).toBeGreaterThan(listed)
    await group.getByTestId('search-more').click()
    await poll(async () => (await kindsShown(dialog)).length).toBe(1)
    await poll(() => dialog.getByTestId('search-hit').count()).toBe(Math.min(inKind, 100))
    await dialog.locator('.search-filters .el-select').first().locator('.el-select__clear, .el-tag__close').first().click({ force: true })
    await poll(() => totalOf(dialog)).toBe(all)

    // A person: fewer results, and only of kinds that name people.
    await dialog.locator('.search-filters .el-select').nth(1).click()
    await page.keyboard.type('张卫东')
    await page.locator('.el-select-dropdown__item:visible', { hasText: '张卫东' }).first().click()
    await poll(() => totalOf(dialog)).toBeLessThan(all)
    expect(await totalOf(dialog)).toBeGreaterThan(0)
    for (const kind of await kindsShown(dialog)) expect(PERSON_KINDS).toContain(kind)
    await dialog.locator('.search-filters .el-select').nth(1).hover()
    await dialog.locator('.search-filters .el-select').nth(1).locator('.el-select__clear').click()
    await poll(() => totalOf(dialog)).toBe(all)

    // A category of the framework (its sub-items included): only kinds that carry one.
    await dialog.locator('.search-filters .el-select').nth(2).click()
    await page.locator('.el-select-dropdown__item:visible', { hasText: '落实全面从严治党战略部署' }).click()
    await poll(() => totalOf(dialog)).toBeLessThan(all)
    for (const kind of await kindsShown(dialog)) expect(CATEGORY_KINDS).toContain(kind)
    await dialog.locator('.search-filters .el-select').nth(2).hover()
    await dialog.locator('.search-filters .el-select').nth(2).locator('.el-select__clear').click()
    await poll(() => totalOf(dialog)).toBe(all)

    // A date range: every result shown is dated inside it.
    await dialog.getByPlaceholder('开始').fill('2026年11月1日')
    await dialog.getByPlaceholder('结束').fill('2026年11月10日')
    await page.keyboard.press('Enter')
    await poll(() => totalOf(dialog)).toBeLessThan(all)
    for (const d of await dialog.getByTestId('search-hit-date').allTextContents()) expect(d).toMatch(/^2026年11月([1-9]|10)日$/)
    await dialog.locator('.el-date-editor').hover()
    await dialog.locator('.el-range__close-icon').click()
    await poll(() => totalOf(dialog)).toBe(all)
    await page.keyboard.press('Escape')
    await poll(() => dialog.isVisible()).toBe(false)

    // A record saved after the first search is found on the next open.
    await go(page, '走访')
    await page.getByTestId('add-visit').click()
    await page.getByTestId('visit-place').fill('区农机服务站车库')
    await page.getByTestId('visit-notes').fill('核对维修车辆与理赔台账，发现两台车辆重复报销轮胎')
    await page.getByTestId('visit-save').click()
    await poll(() => lastMessage(page)).toContain('已保存走访记录')
    await page.keyboard.press('Control+k')
    await dialog.getByTestId('search-input').fill('重复报销轮胎')
    await poll(() => kindsShown(dialog)).toEqual(['走访座谈'])

    // The lock reloads the page: the worker and all it held are gone, and nothing answers.
    await page.keyboard.press('Escape')
    await page.getByTestId('lock').click()
    await page.getByTestId('unlock-passphrase').waitFor()
    expect(searchWorkers(page)).toHaveLength(0)
    await page.keyboard.press('Control+k')
    expect(await dialog.count()).toBe(0)
    await page.getByTestId('unlock-passphrase').fill(PASSPHRASE)
    await page.getByTestId('unlock').click()
    await page.getByTestId('identity-dialog').locator('.el-radio').first().click()
    await page.getByTestId('identity-confirm').click()
    await page.keyboard.press('Control+k')
    await dialog.getByTestId('search-input').fill('重复报销轮胎')
    await poll(() => kindsShown(dialog)).toEqual(['走访座谈'])

    expect(await cspViolations()).toEqual([])
    expect(errors).toEqual([])
    await context.close()
  })
})
