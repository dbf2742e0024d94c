// Long lists in Chromium (virtualised: shell/LongTable.vue over el-table-v2): open, filter,
// search, sort and scroll the interviews list (3,000 rows at ten times), and open, search and
// scroll the documents (5,000), petitions (800) and 底稿 (2,000) lists.
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { openApp, openMenu, setUpVault, useServedApp } from '../e2e/harness'
import { FULL, loadBenchRound, median, p95, report, timeUntilChanged } from './kit'

const served = useServedApp()
const table = (testId: string) => `[data-testid="${testId}"]`

/** From the click on a menu item until the list shows its first rows and the next frame was painted. */
const timeOpen = (page: Page, item: string, testId: string) =>
  timeUntilShown(page, `${table(testId)} .el-table-v2__row`, () => openMenu(page, item))

/** From the click (pointerdown) until `selector` is in the page and the next frame was painted. */
async function timeUntilShown(page: Page, selector: string, act: () => Promise<void>): Promise<number> {
  const measured = page.evaluate(
    (sel) =>
      new Promise<number>((resolve, reject) => {
        let t0 = performance.now()
        document.addEventListener('pointerdown', () => (t0 = performance.now()), { capture: true, once: true })
        const until = performance.now() + 120_000
        const check = () => {
          if (document.querySelector(sel)) return requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - t0)))
          if (performance.now() > until) return reject(new Error(`${sel} did not appear within 120 s`))
          requestAnimationFrame(check)
        }
        check()
      }),
    selector,
  )
  await act()
  return measured
}

/**
 * Scrolls the whole list from top to bottom, one step per frame (about five rows, a brisk wheel),
 * and returns the frame intervals in ms and the rows scrolled past.
 */
function scrollThrough(page: Page, testId: string): Promise<{ frames: number[]; rows: number }> {
  return page.evaluate(
    (sel) =>
      new Promise<{ frames: number[]; rows: number }>((resolve, reject) => {
        // el-table-v2's scrolling window: the first child of its body wrapper.
        const body = document.querySelector(`${sel} .el-table-v2__body`)?.firstElementChild
        if (!body) return reject(new Error(`no ${sel}`))
        body.scrollTop = 0
        const frames: number[] = []
        const seen = new Set<string>()
        let last = performance.now()
        const step = () => {
          const now = performance.now()
          frames.push(now - last)
          last = now
          for (const r of body.querySelectorAll('.el-table-v2__row')) seen.add(r.getAttribute('rowkey') ?? '')
          if (body.scrollTop + body.clientHeight >= body.scrollHeight - 1) return resolve({ frames: frames.slice(1), rows: seen.size })
          body.scrollTop += 240
          requestAnimationFrame(step)
        }
        requestAnimationFrame(step)
      }),
    table(testId),
  )
}

function reportScroll(what: string, { frames, rows }: { frames: number[]; rows: number }) {
  const slow = frames.filter((f) => f > 50).length
  report(
    `scroll ${what} (${rows} rows, ${frames.length} frames)`,
    `${slow} frames over 50 ms; frame p95 ${p95(frames).toFixed(0)} ms, max ${Math.max(...frames).toFixed(0)} ms`,
  )
}

async function chooseOption(page: Page, testId: string, countTestId: string, option: string): Promise<number> {
  await page.getByTestId(testId).click()
  return timeUntilChanged(
    page,
    table(countTestId),
    `[...document.querySelectorAll('.el-select-dropdown__item')].find((e) => e.offsetParent && e.textContent.trim() === '${option}').click()`,
  )
}

describe('long lists in Chromium', () => {
  it(
    'opens, filters, searches, sorts and scrolls the long lists',
    async () => {
      const { page, context, errors, cspViolations } = await openApp(served.browser(), served.url())
      await setUpVault(page)
      await loadBenchRound(page)

      // 谈话: the first visit loads (decrypts) the round's interviews and runs the schedule checks.
      report(
        'open interviews list (first visit)',
        `${(await timeOpen(page, '谈话', 'interviews-table')).toFixed(0)} ms (${await page.getByTestId('interview-count').textContent()})`,
      )
      await openMenu(page, '工作台')
      report('open interviews list (again)', `${(await timeOpen(page, '谈话', 'interviews-table')).toFixed(0)} ms`)

      const filters: number[] = []
      for (const status of ['待谈', '已谈', '待谈', '已谈'])
        filters.push(await chooseOption(page, 'filter-status', 'interview-count', status))
      report(
        'filter interviews by status (median)',
        `${median(filters).toFixed(0)} ms (target ≤ 50; ${await page.getByTestId('interview-count').textContent()})`,
      )

      // The list starts in date order; clicks on 谈话对象 cycle by name ascending, descending, date
      // order again, so the rows in view change every time.
      const header = page.locator(`${table('interviews-table')} [role="columnheader"]`, { hasText: '谈话对象' })
      const sorts: number[] = []
      for (let i = 0; i < 3; i++)
        sorts.push(await timeUntilChanged(page, `${table('interviews-table')} .el-table-v2__body`, () => header.click()))
      report('sort interviews by name (median)', `${median(sorts).toFixed(0)} ms (target ≤ 50)`)

      await page.getByTestId('filter-status').locator('.el-select__wrapper').hover()
      await page.getByTestId('filter-status').locator('.el-select__clear').click()
      const someone = (await page
        .locator(`${table('interviews-table')} .el-table-v2__row`)
        .first()
        .locator('.long-cell')
        .nth(3)
        .textContent())!.trim()
      const searches: number[] = []
      for (const q of [someone, '', someone, ''])
        searches.push(await timeUntilChanged(page, table('interview-count'), () => page.getByTestId('interviews-search').fill(q)))
      report(`search interviews by name “${someone}” (median)`, `${median(searches).toFixed(0)} ms (target ≤ 50)`)
      reportScroll('the interviews list', await scrollThrough(page, 'interviews-table'))

      // 调阅: 5,000 documents with their note counts.
      report(
        'open documents list',
        `${(await timeOpen(page, '调阅', 'documents-table')).toFixed(0)} ms (${await page.getByTestId('documents-count').textContent()})`,
      )
      const docSearches: number[] = []
      for (const q of ['会议', '', '会议', ''])
        docSearches.push(await timeUntilChanged(page, table('documents-count'), () => page.getByTestId('documents-search').fill(q)))
      report('search documents by text (median)', `${median(docSearches).toFixed(0)} ms (target ≤ 50)`)
      const docStatus: number[] = []
      for (const s of ['已归还', '在阅', '已归还', '在阅'])
        docStatus.push(await chooseOption(page, 'documents-status', 'documents-count', s))
      report('filter documents by status (median)', `${median(docStatus).toFixed(0)} ms (target ≤ 50)`)
      await page.getByTestId('documents-status').locator('.el-select__wrapper').hover()
      await page.getByTestId('documents-status').locator('.el-select__clear').click()
      reportScroll('the documents list', await scrollThrough(page, 'documents-table'))
      // One document's review notes: only its own are decrypted (the round has 20,000 at ten times).
      await page
        .getByTestId('documents-table')
        .locator('.el-table-v2__body')
        .first()
        .evaluate((b) => (b.firstElementChild!.scrollTop = 0))
      const drawer = await timeUntilShown(page, '[data-testid="notes-table"] .el-table__body-wrapper tbody tr', () =>
        page.getByTestId('open-notes').filter({ hasNotText: '（0）' }).first().click(),
      )
      report('open one document’s review notes', `${drawer.toFixed(0)} ms`)
      await page.keyboard.press('Escape')
      await page.getByTestId('notes-drawer').waitFor({ state: 'hidden' })

      // 信访 and 底稿.
      report('open petitions list', `${(await timeOpen(page, '信访', 'petitions-table')).toFixed(0)} ms`)
      reportScroll('the petitions list', await scrollThrough(page, 'petitions-table'))
      report('open 底稿 list', `${(await timeOpen(page, '底稿', 'papers-table')).toFixed(0)} ms`)
      reportScroll('the 底稿 list', await scrollThrough(page, 'papers-table'))

      expect(filters).toHaveLength(4)
      expect(await cspViolations()).toEqual([])
      expect(errors).toEqual([])
      await context.close()
    },
    FULL ? 900_000 : 120_000,
  )
})
