// The foundation, as a user meets it: set up a round with its team and registry, import the
// unit's roster, move the round to another profile as an archive, load the sample round.
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { enterPin, chooseFile, download, go, lastMessage, openApp, poll, setUpVault, useServedApp } from './harness'

const ROSTER = resolve(import.meta.dirname, '../fixtures/干部名册-示例.xlsx')

const served = useServedApp()

async function addMember(page: Page, name: string, role: string) {
  await page.getByTestId('add-member').click()
  const form = page.getByTestId('member-form')
  await form.getByTestId('member-name').fill(name)
  await form.locator('.el-radio-button', { hasText: new RegExp(`^${role}$`) }).click()
  await form.getByTestId('member-save').click()
  await poll(() => lastMessage(page)).toContain(`已保存 ${name}`)
  await form.waitFor({ state: 'hidden' })
}

async function rowCount(page: Page, testId: string) {
  return page.getByTestId(testId).locator('.el-table__body-wrapper tbody tr').count()
}

describe('foundation end to end', () => {
  it('creates a round, its team and registry, imports a roster, and moves the round by archive', async () => {
    const app = await openApp(served.browser(), served.url())
    const { page } = app
    await setUpVault(page)
    await poll(() => page.getByTestId('start-round').isVisible()).toBe(true)

    // A round with an impossible period is refused, then saved once corrected.
    await page.getByTestId('new-round').click()
    const form = page.getByTestId('round-form')
    await form.getByTestId('round-name').fill('十二届区委第四轮巡察')
    await form.getByTestId('round-save').click()
    await poll(() => form.getByTestId('form-problems').textContent()).toContain('请填写被巡察党组织')
    await form.getByTestId('round-unit').fill('区市场监督管理局党组')
    await form.getByTestId('round-save').click()
    await poll(() => lastMessage(page)).toContain('已创建巡察轮次“十二届区委第四轮巡察”')
    await poll(() => page.getByTestId('fig-days').textContent()).toContain('第 1 天')

    // Editing shows the saved round, and a change is kept.
    await go(page, '巡察轮次')
    await page.getByTestId('rounds-table').getByRole('button', { name: '编辑' }).click()
    await poll(() => form.getByTestId('round-name').inputValue()).toBe('十二届区委第四轮巡察')
    expect(await form.getByTestId('round-unit').inputValue()).toBe('区市场监督管理局党组')
    await form.getByTestId('round-batch').fill('十二届区委第四轮')
    await form.getByTestId('round-save').click()
    await poll(() => lastMessage(page)).toContain('巡察轮次已保存')

    await go(page, '巡察组')
    await addMember(page, '刘洋', '组长')
    await addMember(page, '陈静', '副组长')
    await addMember(page, '王磊', '组员')
    await poll(() => rowCount(page, 'members-table')).toBe(3)
    // A duplicate member is refused with a clear message and nothing is added.
    await page.getByTestId('add-member').click()
    await page.getByTestId('member-form').getByTestId('member-name').fill('王磊')
    await page.getByTestId('member-form').getByTestId('member-save').click()
    await poll(() => lastMessage(page)).toContain('巡察组中已有“王磊”，不能重复添加')
    await page.getByTestId('member-form').getByRole('button', { name: '取消' }).click()
    await page.locator('.el-message-box:visible').getByRole('button', { name: '放弃修改' }).click() // a changed form asks
    await poll(() => rowCount(page, 'members-table')).toBe(3)

    // Who is working on this laptop.
    await page.getByTestId('user-select').click()
    await page.locator('.el-select-dropdown__item', { hasText: '刘洋（组长）' }).click()

    await go(page, '干部名册')
    await page.getByTestId('add-cadre').click()
    await page.getByTestId('cadre-name').fill('周海涛')
    await page.getByTestId('cadre-post').fill('党组书记、局长')
    await page.getByTestId('cadre-form').locator('.el-checkbox', { hasText: '一把手' }).click()
    await page.getByTestId('cadre-save').click()
    await poll(() => lastMessage(page)).toContain('已保存 周海涛')
    await poll(() => rowCount(page, 'cadres-table')).toBe(1)

    await chooseFile(page, () => page.getByTestId('import-roster').click(), { name: '干部名册-示例.xlsx', buffer: readFileSync(ROSTER) })
    const preview = page.getByTestId('roster-preview')
    await poll(() => preview.getByTestId('roster-summary').textContent()).toMatch(/新增 \d+ 人/)
    const summary = (await preview.getByTestId('roster-summary').textContent()) ?? ''
    const added = Number(/新增 (\d+) 人/.exec(summary)?.[1])
    expect(added).toBe(12)
    expect(summary).toContain('更新 0 人')
    await preview.getByTestId('roster-confirm').click()
    await poll(() => lastMessage(page)).toContain(`名册导入完成：新增 ${added} 人`)
    const cadres = 13
    await poll(() => rowCount(page, 'cadres-table')).toBe(cadres)
    expect(await page.getByTestId('cadres-table').textContent()).toContain('吴丽华')

    // Export the round archive…
    await go(page, '导出')
    const archive = await download(page, async () => {
      await page.getByTestId('archive-export').click()
      await enterPin(page)
    })
    expect(archive.name).toMatch(/^十二届区委第四轮巡察-轮次归档-\d{4}-\d{2}-\d{2}\.xcra$/)
    await poll(() => lastMessage(page)).toContain('已导出轮次归档')

    // …and import it into an empty profile: a corrupt file first, which changes nothing.
    const other = await openApp(served.browser(), served.url())
    const p2 = other.page
    await setUpVault(p2)
    await chooseFile(p2, () => p2.getByTestId('start-import').click(), {
      name: 'broken.xcra',
      buffer: archive.bytes.subarray(0, archive.bytes.length >> 1),
    })
    await poll(() => lastMessage(p2)).toMatch(/文件不完整|文件已损坏/)
    expect(await p2.getByTestId('start-round').isVisible()).toBe(true)

    await chooseFile(p2, () => p2.getByTestId('start-import').click(), { name: archive.name, buffer: archive.bytes })
    await poll(() => p2.getByTestId('archive-counts').textContent()).toContain(`人员 ${3 + cadres}`)
    await p2.getByTestId('archive-confirm').click()
    await poll(() => lastMessage(p2)).toContain('已导入轮次“十二届区委第四轮巡察”')
    await go(p2, '干部名册')
    await poll(() => rowCount(p2, 'cadres-table')).toBe(cadres)
    await go(p2, '巡察组')
    await poll(() => rowCount(p2, 'members-table')).toBe(3)

    expect(await app.cspViolations()).toEqual([])
    expect(await other.cspViolations()).toEqual([])
    expect(app.errors).toEqual([])
    await app.context.close()
    await other.context.close()
  })

  it('loads the sample round and shows its real figures on the 工作台', async () => {
    const app = await openApp(served.browser(), served.url())
    const { page } = app
    await setUpVault(page)
    await page.getByTestId('load-sample').click()
    await poll(() => lastMessage(page)).toContain('已载入示例轮次')
    await poll(() => page.getByTestId('fig-interviews').textContent()).toMatch(/已谈 [1-9]\d* \/ 计划 \d+/)
    expect(await page.getByTestId('timeline').textContent()).toContain('撤点')
    expect(await page.locator('.chart canvas').count()).toBe(3)
    expect(await page.getByTestId('documents-out').locator('tbody tr').count()).toBeGreaterThan(0)
    await go(page, '审计日志')
    await page.getByTestId('verify-audit').click()
    await poll(() => page.getByTestId('audit-result').textContent()).toContain('审计日志完整')
    expect(await app.cspViolations()).toEqual([])
    expect(app.errors).toEqual([])
    await app.context.close()
  })
})
