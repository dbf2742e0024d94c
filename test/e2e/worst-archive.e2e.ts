// Issue 19 §2, "views never crash on data that passed the door": the worst round the door still
// accepts (shared/archive/worst-case.test-helpers.ts) is imported, then every section is opened
// and a record of each kind (谈话记录, 调阅笔记, 信访件, 底稿, 线索, 报告), a search and the ledger
// exports run on it. Any page error or console error fails the test, named by the step.
import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { encodeArchive } from '@shared/archive'
import { buildWorstRound, WORST_MARK } from '@shared/archive/worst-case.test-helpers'
import { chooseFile, chooseUser, download, enterPin, lastMessage, openApp, openMenu, poll, setUpVault, useServedApp } from './harness'

const served = useServedApp()
const SHOTS = process.env.E2E_SHOTS // a folder: a 1366×768 screenshot of every step

/** Closes whatever dialog or drawer is open, discarding nothing typed (nothing is typed here). */
async function closeAll(page: Page) {
  for (let i = 0; i < 3; i++) {
    // .first(): a question answered a moment ago may still be fading out beside the new one.
    const discard = page.locator('.el-message-box:visible').getByRole('button', { name: '放弃修改' }).first()
    if (await discard.isVisible()) {
      await discard.click()
      await page.waitForTimeout(400)
      continue
    }
    if (!(await page.locator('.el-overlay:visible').count())) return
    await page.keyboard.press('Escape')
    await page.waitForTimeout(200)
  }
}

describe('the worst round that passes the door', () => {
  it('opens every section, a record of each kind, a search and the ledger exports without an error', async () => {
    const app = await openApp(served.browser(), served.url())
    const { page } = app
    await page.setViewportSize({ width: 1366, height: 768 })
    if (process.env.E2E_STACKS) page.on('pageerror', (e) => console.log('[stack]', e.stack))
    if (process.env.E2E_STACKS)
      page.on('console', (m) => m.type() === 'error' && console.log('[console]', m.text(), JSON.stringify(m.location())))
    const seen: string[] = []
    const step = async (name: string, work: () => Promise<void>) => {
      const before = app.errors.length
      try {
        await work()
        await page.waitForTimeout(300) // a crash in a deferred render shows by then
      } finally {
        if (SHOTS) await page.screenshot({ path: `${SHOTS}/worst-${seen.length.toString().padStart(2, '0')}-${name}.png` })
        if (app.errors.length > before) console.log(`[${name}]`, app.errors.slice(before).join('\n'))
      }
      seen.push(name)
      expect(app.errors.slice(before), `错误出现在：${name}`).toEqual([])
    }
    await setUpVault(page)
    const bytes = await encodeArchive(buildWorstRound(), {
      appVersion: '0.1.0',
      exportedBy: WORST_MARK,
      exportedAt: '2026-11-21T09:30:00.000Z',
    })

    await step('导入', async () => {
      await chooseFile(page, () => page.getByTestId('start-import').click(), { name: '极端.xcra', buffer: Buffer.from(bytes) })
      await poll(() => page.getByTestId('archive-counts').isVisible()).toBe(true)
      await page.getByTestId('archive-confirm').click()
      await poll(() => lastMessage(page)).toContain('已导入轮次')
      await chooseUser(page, '（组长）', { afterToasts: true })
    })
    await step('工作台', () => openMenu(page, '工作台'))

    await step('谈话', async () => {
      await openMenu(page, '谈话')
      await page.getByTestId('interviews-search').fill(WORST_MARK)
      await poll(() => page.getByTestId('interviews-table').locator('.el-table-v2__row').count()).toBeGreaterThan(0)
    })
    await step('谈话记录', async () => {
      await page.getByTestId('interviews-table').locator('.el-table-v2__row').first().getByTestId('row-record').click()
      await page.locator('.el-drawer:visible, .el-dialog:visible').first().waitFor()
      await closeAll(page)
    })
    await step('谈话导出', async () => {
      await download(page, () => page.getByTestId('export-register').click(), 120_000)
      expect(await lastMessage(page)).not.toContain('失败')
    })

    await step('调阅', async () => {
      await openMenu(page, '调阅')
      await page.getByTestId('documents-search').fill(WORST_MARK)
      const row = page.getByTestId('documents-table').locator('.el-table-v2__row').first()
      await row.getByTestId('open-notes').click()
      await page.getByTestId('notes-drawer').waitFor()
      await closeAll(page)
    })
    await step('调阅导出', async () => {
      await download(page, () => page.getByTestId('export-notes').click(), 120_000)
      await download(page, () => page.getByTestId('export-lending-filled').click(), 120_000)
    })

    await step('信访', async () => {
      await openMenu(page, '信访')
      await page.getByTestId('petitions-search').fill(WORST_MARK)
      const row = page.getByTestId('petitions-table').locator('.el-table-v2__row').first()
      await row.getByRole('button', { name: '编辑' }).click()
      await page.getByTestId('petition-form').waitFor()
      await closeAll(page)
    })
    await step('信访导出', () => download(page, () => page.getByTestId('export-petitions').click(), 120_000).then(() => undefined))

    await step('走访', () => openMenu(page, '走访'))

    await step('底稿', async () => {
      await openMenu(page, '底稿')
      await page.getByTestId('papers-search').fill(WORST_MARK)
      await page.getByTestId('papers-table').locator('.el-table-v2__row').first().click()
      await page.locator('.el-drawer:visible, .el-dialog:visible').first().waitFor()
      await closeAll(page)
    })

    await step('线索', async () => {
      await openMenu(page, '线索')
      await page
        .getByTestId('clues-table')
        .locator('tr, .el-table-v2__row', { hasText: `${WORST_MARK}-线索` })
        .first()
        .click()
      await page.locator('.el-drawer:visible, .el-dialog:visible').first().waitFor()
      await closeAll(page)
    })

    await step('报告', () => openMenu(page, '报告'))
    await step('报告编辑', async () => {
      await page.getByTestId('open-report-0').click() // the worst report is a 巡察报告, its id a path
      await poll(() => page.getByTestId('report-title').inputValue()).toContain(WORST_MARK)
    })

    await step('搜索', async () => {
      await page.keyboard.press('Control+k')
      await page.getByTestId('search-dialog').waitFor()
      await page.keyboard.type(WORST_MARK)
      await poll(() => page.getByTestId('search-hit').count()).toBeGreaterThan(0)
      await page.getByTestId('search-hit').first().click()
      await page.waitForTimeout(500)
      await closeAll(page)
    })

    await step('清单导出', async () => {
      await openMenu(page, '导出')
      // The whole set holds the clue lists: a 组长-only act, signed with the 组长's PIN (set up here on first use).
      await download(
        page,
        async () => {
          await page.getByTestId('list-all').click()
          await enterPin(page)
        },
        180_000,
      )
      await poll(() => lastMessage(page)).not.toContain('导出中')
      expect(await lastMessage(page)).not.toMatch(/失败|错误/)
    })
    for (const item of ['协同交换', '巡察轮次', '巡察组', '干部名册', '审计日志', '系统设置']) await step(item, () => openMenu(page, item))

    expect(seen).toHaveLength(22)
    expect(await app.cspViolations()).toEqual([])
    await app.context.close()
  }, 600_000)
})
