// 打印预览 shows the exported PDF's own pages (issue 13 §6): for a report, the 调阅清单 with its
// signature columns and the 谈话安排表, the dialog says how many pages the PDF has and draws each
// of them; 打印 in the browser build hands over that PDF as a download and says so (Electron opens
// the system print dialog: electron/print.test.ts). Screenshots at 1366×768 go to SHOTS=<dir>.
import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { chooseUser, download, go, lastMessage, openApp, poll, setUpVault, useServedApp } from './harness'

const served = useServedApp()
const SHOTS = process.env.SHOTS ?? mkdtempSync(join(tmpdir(), 'xc-print-'))
mkdirSync(SHOTS, { recursive: true })
const pdfPages = (bytes: Buffer) => {
  const file = join(SHOTS, `check-${Date.now()}.pdf`)
  writeFileSync(file, bytes)
  return {
    pages: Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))![1]),
    text: execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }),
  }
}

/** Waits until every page is drawn; returns the page count the dialog states, and how many canvases carry ink. */
async function previewed(page: Page, name: string) {
  const dialog = page.getByTestId('pdf-preview')
  await expect.poll(() => dialog.getByTestId('preview-print').isEnabled(), { timeout: 120_000, interval: 250 }).toBe(true)
  const stated = Number(/共 (\d+) 页/.exec((await dialog.getByTestId('preview-page-count').textContent()) ?? '')![1])
  const inked = await dialog.locator('canvas').evaluateAll((canvases) =>
    canvases.map((c) => {
      const canvas = c as HTMLCanvasElement
      const data = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data
      let dark = 0
      for (let i = 0; i < data.length; i += 4) if (data[i]! < 128 && data[i + 3]! > 0) dark++
      return { width: canvas.width, height: canvas.height, dark }
    }),
  )
  await page.screenshot({ path: join(SHOTS, `${name}.png`) })
  return { stated, inked, text: (await dialog.getByTestId('preview-pages').textContent()) ?? '' }
}

describe('打印预览 and 打印', () => {
  it('shows the PDF pages of a report, the 调阅清单 and the 谈话安排表, and prints through the bridge', async () => {
    const { page, context, errors, cspViolations } = await openApp(served.browser(), served.url())
    await page.setViewportSize({ width: 1366, height: 768 })
    await setUpVault(page)
    await page.getByTestId('load-sample').click()
    await poll(() => lastMessage(page)).toContain('已载入示例轮次')
    await chooseUser(page, '刘振华', { afterToasts: true })

    // A report: the preview is the PDF export, page for page.
    await go(page, '报告')
    await page.getByTestId('generate-report-0').click()
    await page.getByTestId('trace-panel').waitFor()
    await page.getByTestId('report-preview').click()
    const report = await previewed(page, 'preview-report')
    expect(report.stated).toBeGreaterThan(1)
    expect(report.inked).toHaveLength(report.stated)
    for (const p of report.inked) {
      expect(p.height / p.width).toBeCloseTo(297 / 210, 2) // A4
      expect(p.dark).toBeGreaterThan(500)
    }
    expect(report.text).toContain('巡察')
    const printed = await download(page, () => page.getByTestId('preview-print').click(), 120_000)
    expect(printed.name).toBe('巡察报告-打印.pdf')
    expect(pdfPages(printed.bytes).pages).toBe(report.stated)
    await poll(() => lastMessage(page)).toContain('浏览器版不能直接调用系统打印，已将 PDF 保存为浏览器下载：巡察报告-打印.pdf')
    await page.keyboard.press('Escape')
    const exported = await download(
      page,
      async () => {
        await page.getByTestId('report-pdf').click()
        const confirm = page.locator('.el-message-box').getByRole('button', { name: '确认导出' })
        if (await confirm.isVisible({ timeout: 3000 }).catch(() => false)) await confirm.click()
      },
      120_000,
    )
    expect(pdfPages(exported.bytes).pages).toBe(report.stated)

    // The 调阅清单 with its signature columns, names filled in.
    await go(page, '调阅')
    await page.getByTestId('print-lending-filled').click()
    const lending = await previewed(page, 'preview-lending')
    expect(lending.stated).toBeGreaterThan(0)
    expect(lending.inked.filter((p) => p.dark > 500)).toHaveLength(lending.stated)
    expect(lending.text).toContain('签')
    const list = await download(page, () => page.getByTestId('pdf-preview').getByTestId('preview-print').click(), 120_000)
    const listed = pdfPages(list.bytes)
    expect(listed.pages).toBe(lending.stated)
    expect(listed.text).toContain('调阅资料清单')
    await page.keyboard.press('Escape')

    // The 谈话安排表.
    await go(page, '谈话')
    await page.getByTestId('print-schedule').click()
    const schedule = await previewed(page, 'preview-schedule')
    expect(schedule.stated).toBeGreaterThan(0)
    expect(schedule.inked.filter((p) => p.dark > 500)).toHaveLength(schedule.stated)
    expect(schedule.text).toContain('谈话')

    console.log(`screenshots in ${SHOTS}`)
    expect(await cspViolations()).toEqual([])
    expect(errors).toEqual([])
    await context.close()
  }, 360_000)
})
