// The roster import as a user meets it: a messy roster from a personnel office over the sample
// round's registry, every row shown with its fate, junk unticked, duplicates settled, one row
// unticked by hand, then a re-import that changes nothing and does not bring a deleted row back.
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { chooseFile, lastMessage, openApp, openMenu, poll, setUpVault, useServedApp } from './harness'

const ROSTER = resolve(import.meta.dirname, '../fixtures/干部名册-杂乱.xlsx')
const served = useServedApp()

const rowCount = (page: Page) => page.getByTestId('cadres-table').locator('.el-table__body-wrapper tbody tr').count()

describe('roster import end to end', () => {
  it('previews every row, lets the user untick and choose, and writes only on confirm', async () => {
    const { page, errors } = await openApp(served.browser(), served.url())
    await page.setViewportSize({ width: 1366, height: 768 }) // the office laptop
    await setUpVault(page)
    await page.getByTestId('load-sample').click()
    await poll(() => lastMessage(page)).toContain('已载入示例轮次')
    await openMenu(page, '干部名册')
    await poll(() => rowCount(page)).toBeGreaterThan(10)
    const before = await rowCount(page)

    const importFile = () =>
      chooseFile(page, () => page.getByTestId('import-roster').click(), { name: '干部名册-杂乱.xlsx', buffer: readFileSync(ROSTER) })
    await importFile()
    const preview = page.getByTestId('roster-preview')
    const fate = (row: number) => preview.getByTestId(`roster-fate-${row}`).textContent()
    const note = (row: number) => preview.getByTestId(`roster-note-${row}`).textContent()
    const ticked = (row: number) => preview.getByTestId(`roster-tick-${row}`).locator('input').isChecked()
    await poll(() => fate(3)).toBe('待选择')
    // The preview fits the laptop: its 导入 button is on screen without scrolling the page.
    const confirm = (await preview.getByTestId('roster-confirm').boundingBox())!
    expect(confirm.y + confirm.height).toBeLessThanOrEqual(768)
    expect(confirm.x + confirm.width).toBeLessThanOrEqual(1366)
    expect(await page.evaluate(() => document.scrollingElement?.scrollTop ?? 0)).toBe(0)

    // Junk rows: shown, explained, unticked.
    for (const row of [6, 8, 10, 14, 15]) {
      expect(await fate(row)).toBe('疑似非数据行')
      expect(await ticked(row)).toBe(false)
    }
    expect(await note(8)).toContain('重复的表头行')
    expect(await note(10)).toContain('姓名只有一个字符“x”')
    // Impossible dates refused per cell, the row still imported.
    expect(await note(7)).toContain('任现职时间“2030年5月”晚于今天')
    expect(await fate(7)).toBe('新增')
    expect(await note(12)).toContain('未满18岁')
    // The sample registry already has a 张卫东, and the file has two: nothing is written until settled.
    expect(await note(3)).toContain('名册中已有同名干部1人')
    expect(await preview.getByTestId('roster-confirm').isDisabled()).toBe(true)
    expect(await preview.getByTestId('roster-confirm').textContent()).toContain('还有 2 行待选择')

    const choose = async (row: number, option: string) => {
      await preview.getByTestId(`roster-choice-${row}`).click()
      await page.locator('.el-select-dropdown__item:visible', { hasText: option }).click()
    }
    await choose(3, '不同人（新增）')
    await choose(11, '与第3行同一人')
    await poll(() => fate(3)).toBe('新增')
    expect(await fate(11)).toBe('跳过')

    // Untick 林晓梅.
    await preview.getByTestId('roster-tick-4').click()
    await poll(() => fate(4)).toBe('跳过')
    expect(await preview.getByTestId('roster-summary').textContent()).toContain('新增 6 人')
    expect(await rowCount(page)).toBe(before) // nothing written yet

    await preview.getByTestId('roster-confirm').click()
    await poll(() => lastMessage(page)).toContain('名册导入完成：新增 6 人，更新 0 人')
    await poll(() => rowCount(page)).toBe(before + 6)
    const table = (await page.getByTestId('cadres-table').textContent()) ?? ''
    expect(table).toContain('陈𠈌')
    expect(table).toContain('回族')
    expect(table).toContain('民盟盟员')
    expect(table).not.toContain('林晓梅')
    expect(table).not.toContain('序号')

    // Delete 陈𠈌, then import the same file again: nothing changes, and the deleted row waits for a tick.
    const chen = page.getByTestId('cadres-table').locator('.el-table__body-wrapper tbody tr', { hasText: '陈𠈌' }).first()
    await chen.getByRole('button', { name: '删除' }).click()
    await page.locator('.el-message-box').getByRole('button', { name: '删除', exact: true }).click()
    await poll(() => rowCount(page)).toBe(before + 5)

    await importFile()
    await poll(() => fate(5)).toBe('跳过')
    expect(await ticked(5)).toBe(false)
    expect(await note(5)).toContain('名册中曾删除同名干部')
    await choose(11, '与第3行同一人')
    const summary = (await preview.getByTestId('roster-summary').textContent()) ?? ''
    expect(summary).toContain('无变化 5 人') // 张卫东, 单雪峰, 许文杰, 王秀英, 李俊
    expect(summary).toContain('更新 0 人')
    expect(summary).toContain('新增 1 人') // 林晓梅, unticked last time
    await preview.getByRole('button', { name: '取消' }).click()
    await poll(() => rowCount(page)).toBe(before + 5)
    expect(errors).toEqual([])
  })
})
