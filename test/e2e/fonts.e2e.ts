// 设置 → 公文字体 as an office meets it in the browser build (no font folders to look into): the
// bundled stand-ins are shown with a preview, a 楷体 is chosen from a font collection (.ttc, one
// face picked), a font for rare characters is added, and a report PDF exported afterwards embeds
// exactly those fonts and says which roles still used stand-ins. Before that, a report naming 陈𠈌
// (CJK Extension B, in no bundled font) is refused with the character and its place. Debian's AR PL UKai (ukai.ttc)
// plays the office's 楷体 and 花园明朝 B (HanaMinB.ttf) the office's SimSun-ExtB.
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import {
  chooseFile,
  chooseFontFile,
  chooseUser,
  HANA_MIN_B,
  lastMessage,
  openApp,
  openMenu,
  poll,
  setUpVault,
  useServedApp,
} from './harness'

const served = useServedApp()
const dir = mkdtempSync(join(tmpdir(), 'xc-fonts-e2e-'))
const UKAI = '/usr/share/fonts/truetype/arphic/ukai.ttc'

/** 导出PDF: the sample's report has empty sections, so the 报告检查 asks first; the export is confirmed. */
async function exportReportPdf(page: Page) {
  await page.getByTestId('report-pdf').click()
  const box = page.locator('.el-message-box')
  await box.waitFor()
  await box.getByRole('button', { name: '确认导出' }).click()
}

/** The slot's preview line is set in a font loaded into the page from the chosen source. */
function previewLoaded(page: Page, slot: string): Promise<boolean> {
  return page.evaluate((slot) => {
    const e = document.querySelector(`[data-testid="font-preview-${slot}"]`)
    if (!e) return false
    const family = getComputedStyle(e).fontFamily.replace(/["']/g, '')
    return [...document.fonts].some((f) => f.family.replace(/["']/g, '') === family && f.status === 'loaded')
  }, slot)
}

describe('设置 → 公文字体', () => {
  it('chooses a font file per role and every PDF export uses it', async () => {
    const { page, cspViolations, errors } = await openApp(served.browser(), served.url())
    await setUpVault(page)
    await page.getByTestId('load-sample').click()
    await poll(() => lastMessage(page)).toContain('已载入示例轮次')
    await chooseUser(page, '刘振华')

    await openMenu(page, '系统设置')
    const card = page.getByTestId('font-settings')
    await card.waitFor()
    // Nothing installed can be seen from a browser: every role shows its stand-in, previewed in it.
    await poll(() => page.getByTestId('font-in-use-kai').textContent()).toContain('LXGW WenKai')
    // (a 10 MB font is loaded into the page for the preview: give it time on a busy machine)
    await expect.poll(() => previewLoaded(page, 'kai'), { timeout: 90_000, interval: 250 }).toBe(true)

    // Not a font: refused, nothing changes.
    await chooseFile(page, () => page.getByTestId('font-choose-kai').click(), { name: 'simkai.ttf', buffer: Buffer.from('这不是字体文件') })
    await poll(() => lastMessage(page)).toContain('无法使用 simkai.ttf：不是 TrueType/OpenType 字体文件')
    expect(await page.getByTestId('font-in-use-kai').textContent()).toContain('LXGW WenKai')

    // A name with a CJK Extension B character and no font on hand that has it: the export stops, naming it and where it is.
    await openMenu(page, '报告')
    await page.getByTestId('generate-report-0').click()
    await page.getByTestId('trace-panel').waitFor()
    await page.getByTestId('para-0-0').fill('陈𠈌同志任党组书记以来，注重班子团结。')
    await page.getByTestId('report-save').click()
    await poll(() => lastMessage(page)).toContain('报告已保存')
    await exportReportPdf(page)
    await expect.poll(() => lastMessage(page), { timeout: 150_000, interval: 250 }).toContain('以下字符在所有可用字体中都没有字形')
    expect(await lastMessage(page)).toMatch(/“𠈌”（U\+2020C，见[^）]*第 1 段/)
    await openMenu(page, '系统设置')

    // A collection: the face is chosen in a dialog.
    await chooseFontFile(page, 'kai', UKAI)
    await page.getByTestId('font-face-select').waitFor()
    await page.getByTestId('font-face-confirm').click()
    await poll(() => lastMessage(page)).toContain('楷体（二级标题）已改用“AR PL UKai CN”')
    await poll(() => page.getByTestId('font-in-use-kai').textContent()).toBe('AR PL UKai CN')
    await expect.poll(() => previewLoaded(page, 'kai'), { timeout: 90_000, interval: 250 }).toBe(true)

    await chooseFontFile(page, 'extra', HANA_MIN_B) // 30 MB
    await expect.poll(() => lastMessage(page), { timeout: 60_000, interval: 250 }).toContain('已改用“花園明朝B”')
    expect(await page.getByTestId('font-in-use-extra').textContent()).toBe('花園明朝B')

    // The choice persists: away and back.
    await openMenu(page, '报告')
    await openMenu(page, '系统设置')
    await poll(() => page.getByTestId('font-in-use-kai').textContent()).toBe('AR PL UKai CN')

    // Export the report again: its 二级标题 are in the chosen 楷体, which has 𠈌 too (AR PL UKai covers
    // much of Extension B); the summary names the stand-ins left.
    await openMenu(page, '报告')
    await page.getByTestId('open-report-0').click()
    await page.getByTestId('trace-panel').waitFor()
    // The first PDF after a change sends the fonts to the export worker (≈50 MB here) and lays out with them.
    const [dl] = await Promise.all([
      page.waitForEvent('download', { timeout: 150_000 }).catch(async (e) => {
        throw new Error(`${e}; last message: ${await lastMessage(page).catch(() => '')}`)
      }),
      exportReportPdf(page),
    ])
    const pdf = { name: dl.suggestedFilename(), bytes: readFileSync(await dl.path()) }
    await poll(() => lastMessage(page)).toContain('公文字体：')
    const toast = await lastMessage(page)
    expect(toast).toContain('仿宋用内置替代字体 Noto Serif SC Regular')
    expect(toast).not.toContain('楷体用内置替代字体')
    const path = join(dir, pdf.name)
    writeFileSync(path, pdf.bytes)
    const fonts = execFileSync('pdffonts', [path], { encoding: 'utf8' })
    expect(fonts).toMatch(/\+UKaiCN\s/)
    expect(fonts).not.toMatch(/LXGWWenKai/)
    const text = execFileSync('pdftotext', ['-raw', path, '-'], { encoding: 'utf8' }).replace(/\s+/g, '')
    expect(text).toMatch(/（一）/)
    expect(text).toContain('陈𠈌同志任党组书记以来')
    expect(await cspViolations()).toEqual([])
    expect(errors).toEqual([])
  }, 300_000)
})
