// Two things a 1366×768 office laptop user meets every day (issue 16):
// - every select of team members finds a person by pinyin, full or initials, as the cadre pickers do;
// - at 100% and at 125% display scaling (1366×768 screen → a 1093×614 CSS-pixel window) no list
//   scrolls sideways and the page itself never does.
// With SHOTS=<dir> it saves a screenshot of every section at both scales there (1366×768 pixels).
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { chooseUser, lastMessage, openApp, openMenu, poll, setUpVault, useServedApp } from './harness'

const served = useServedApp()
const SHOTS = process.env.SHOTS
if (SHOTS) mkdirSync(SHOTS, { recursive: true })

const options = (page: Page) => page.locator('.el-select-dropdown__item:visible')

/** Opens a person select, types `typed`, and returns the names offered. */
async function offered(page: Page, testId: string, typed: string): Promise<string[]> {
  await page.getByTestId(testId).click()
  await page.keyboard.type(typed)
  // Narrowed to one or two, not yet unrendered (none shown for a moment while the list opens).
  await poll(async () => {
    const n = (await options(page).allTextContents()).length
    return n > 0 && n < 3
  }).toBe(true)
  return (await options(page).allTextContents()).map((t) => t.trim())
}

/** Lists that are wider than their box (they would scroll sideways), and the page if it does. */
function sidewaysScrolls(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = []
    for (const t of document.querySelectorAll<HTMLElement>('.long-table')) {
      const needs = parseFloat(getComputedStyle(t).getPropertyValue('--long-width'))
      const has = t.clientWidth - 6
      if (t.offsetParent && needs > has + 1) out.push(`${t.dataset.testid ?? 'long-table'} 需要 ${needs}px，只有 ${has}px`)
    }
    for (const w of document.querySelectorAll<HTMLElement>('.el-table .el-scrollbar__wrap'))
      if (w.offsetParent && w.scrollWidth > w.clientWidth + 1)
        out.push(`${w.closest<HTMLElement>('[data-testid]')?.dataset.testid ?? 'el-table'} ${w.scrollWidth} > ${w.clientWidth}`)
    const page = document.scrollingElement!
    if (page.scrollWidth > window.innerWidth) out.push(`页面 ${page.scrollWidth} > ${window.innerWidth}`)
    return out
  })
}

describe('people pickers and lists on a 1366×768 laptop', () => {
  it('finds team members by pinyin in every kind of member select', async () => {
    const { page, context, errors } = await openApp(served.browser(), served.url())
    await page.setViewportSize({ width: 1366, height: 768 })
    await setUpVault(page)
    await page.getByTestId('load-sample').click()
    await poll(() => lastMessage(page)).toContain('已载入示例轮次')
    await chooseUser(page, '刘振华', { afterToasts: true })

    // 安排谈话: 主谈人 by full pinyin, 记录人 by initials; the chosen member shows with the role.
    await openMenu(page, '谈话')
    await page.getByTestId('plan-interview').click()
    const form = page.getByTestId('interview-form')
    await form.waitFor()
    expect(await offered(page, 'iv-lead', 'wanglixin')).toEqual(['王立新（副组长）'])
    await options(page).first().click()
    expect(await offered(page, 'iv-recorder', 'sht')).toEqual(['孙海涛（组员）'])
    await options(page).first().click()
    await poll(() => form.getByTestId('iv-recorder').textContent()).toContain('孙海涛')
    expect(await form.getByTestId('iv-lead').textContent()).toContain('王立新')
    // Reopened, the list holds every member again.
    await form.getByTestId('iv-recorder').click()
    await poll(() => options(page).count()).toBe(7)
    await page.keyboard.press('Escape')
    await form.getByTestId('form-cancel').click()
    await page.locator('.el-message-box:visible').getByRole('button', { name: '放弃修改' }).click()
    await form.waitFor({ state: 'hidden' })

    // The 谈话人 filter of the list.
    const filter = page.locator('.toolbar .el-select', { hasText: '全部谈话人' })
    await filter.click()
    await page.keyboard.type('lj')
    await poll(() => options(page).allTextContents()).toEqual(['李静'])
    await page.keyboard.press('Escape')

    // 登记调阅: 借阅人; 登记走访座谈: 参加人员 (several), both by initials.
    await openMenu(page, '调阅')
    await page.getByTestId('add-document').click()
    expect(await offered(page, 'doc-borrower', 'zm')).toEqual(['赵敏'])
    await options(page).first().click()
    await poll(() => page.getByTestId('doc-borrower').textContent()).toContain('赵敏')
    await page.getByTestId('document-form').getByTestId('form-cancel').click()
    await page.locator('.el-message-box:visible').getByRole('button', { name: '放弃修改' }).click()

    await openMenu(page, '走访')
    await page.getByTestId('add-visit').click()
    expect(await offered(page, 'visit-members', 'cxm')).toEqual(['陈晓梅'])
    await options(page).first().click()
    await page.keyboard.type('hyq')
    await poll(() => options(page).allTextContents()).toEqual(['黄雨晴'])
    await options(page).first().click()
    await poll(() => page.getByTestId('visit-members').textContent()).toMatch(/陈晓梅[\s\S]*黄雨晴/)
    await page.keyboard.press('Escape')

    // The header's 当前用户 too.
    await page.getByTestId('visit-form').getByTestId('form-cancel').click()
    await page.locator('.el-message-box:visible').getByRole('button', { name: '放弃修改' }).click()
    expect(await offered(page, 'user-select', 'zhaomin')).toEqual(['赵敏（组员）'])
    await page.keyboard.press('Escape')

    expect(errors).toEqual([])
    await context.close()
  }, 120_000)

  // 1366×768 at 100%, and at 125% (the same screen, 1093×614 CSS pixels).
  it.each([
    { scale: '100', viewport: { width: 1366, height: 768 }, deviceScaleFactor: 1 },
    { scale: '125', viewport: { width: 1093, height: 614 }, deviceScaleFactor: 1.25 },
  ] as const)(
    'fits every list at $scale% display scaling without sideways scrolling',
    async ({ scale, viewport, deviceScaleFactor }) => {
      const context = await served.browser().newContext({ locale: 'zh-CN', viewport, deviceScaleFactor })
      const page = await context.newPage()
      const errors: string[] = []
      page.on('pageerror', (e) => errors.push(e.message))
      await page.goto(served.url())
      await setUpVault(page)
      await page.getByTestId('load-sample').click()
      await poll(() => lastMessage(page)).toContain('已载入示例轮次')
      await chooseUser(page, '刘振华', { afterToasts: true })

      const sections = [
        '工作台',
        '谈话',
        '调阅',
        '信访',
        '走访',
        '底稿',
        '线索',
        '报告',
        '导出',
        '协同交换',
        '巡察轮次',
        '巡察组',
        '干部名册',
        '审计日志',
        '系统设置',
      ]
      const found: string[] = []
      for (const section of sections) {
        await openMenu(page, section)
        await page.waitForTimeout(600) // the lists measure themselves after a frame
        if (SHOTS) await page.screenshot({ path: join(SHOTS, `${scale}-${section}.png`) })
        found.push(...(await sidewaysScrolls(page)).map((s) => `${section}：${s}`))
      }
      for (const tab of ['检查清单', '巡言巡语']) {
        await openMenu(page, '底稿')
        await page.getByRole('tab', { name: tab }).click()
        await page.waitForTimeout(600)
        if (SHOTS) await page.screenshot({ path: join(SHOTS, `${scale}-底稿-${tab}.png`) })
        found.push(...(await sidewaysScrolls(page)).map((s) => `底稿/${tab}：${s}`))
      }
      // At 100% the registry keeps all 13 columns (those of a unit's roster) and scrolls them
      // between its fixed 姓名 and 操作; in a narrow window it leaves six out instead.
      expect(found).toEqual(scale === '100' ? [expect.stringMatching(/^干部名册：cadres-table/)] : [])
      expect(errors).toEqual([])
      await context.close()
    },
    180_000,
  )
})
