// The second fixture round (市住建局, shared/housing) loaded from 设置 → 开发者工具, and the
// 领导班子情况汇总 a 组长 would check on it: every member's row, the 一把手 first, 陈𠈌 (CJK Ext B)
// with the 底稿 that name him, then the 报告检查 list and the package exported after confirmation.
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { unzipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import { buildHousingRound, EXT_B_NAME } from '../../shared/housing'
import { isSigned } from '../../shared/reports/draft'
import { docxText, verifyPackage, type Manifest } from '../../shared/reports/package'
import { chooseFontFile, chooseUser, enterPin, HANA_MIN_B, lastMessage, openApp, openMenu, poll, setUpVault, useServedApp } from './harness'

const served = useServedApp()
const dir = mkdtempSync(join(tmpdir(), 'xc-housing-e2e-'))
const fixture = buildHousingRound()
const members = fixture.tables.people.filter((p) => p.kind === 'cadre' && (p.isLeadershipMember || p.isTopLeader))
const chen = fixture.tables.people.find((p) => p.name === EXT_B_NAME)!
const chenPapers = fixture.tables.workingPapers.filter((p) => p.personIds.includes(chen.id) && isSigned(p) && p.disposition !== '转为线索')

describe('the 市住建局 round from the developer tools', () => {
  it('drafts the 领导班子情况汇总 with every member row, then exports the package after the 报告检查', async () => {
    const { page, context, cspViolations, errors } = await openApp(served.browser(), served.url())
    await setUpVault(page)
    await openMenu(page, '系统设置')
    await page.getByTestId('load-housing-round').click()
    await page.locator('.el-message-box').getByRole('button', { name: '载入' }).click()
    await poll(() => lastMessage(page)).toContain('已载入第二套测试轮次')
    await chooseUser(page, '黄志远')

    // The routing of interview points is part of the template, and editable with it.
    await openMenu(page, '报告')
    await page.locator('.el-tabs__item', { hasText: '报告模板' }).click()
    await page.getByTestId('template-kind').click()
    await page.locator('.el-select-dropdown__item:visible', { hasText: '“一把手”情况反映' }).click()
    await poll(async () =>
      (
        await page
          .getByTestId('template-routes')
          .locator('input')
          .evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value))
      ).join('|'),
    ).toContain('选人用人')
    await page.getByTestId('template-routes').screenshot({ path: join(dir, 'template-routes.png') })
    await page.locator('.el-tabs__item', { hasText: '“1+3”报告' }).click()
    await page.getByTestId('generate-report-3').click()
    await page.getByTestId('trace-panel').waitFor()
    const table = page.locator('table.report-table').first()
    await table.waitFor()
    const rows = await table
      .locator('tbody tr')
      .evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('textarea')].map((t) => (t as HTMLTextAreaElement).value)))
    expect(rows.map((r) => r[0])).toHaveLength(members.length)
    expect(rows[0]![0]).toBe('刘卫华')
    expect(new Set(rows.map((r) => r[0]))).toEqual(new Set(members.map((m) => m.name)))
    const chenRow = rows.find((r) => r[0] === EXT_B_NAME)!
    expect(chenRow[2]).toBe('2020年9月')
    expect(chenRow[4]).toBe(`${chenPapers.length}个（逐项见“${EXT_B_NAME}同志”一节）`)
    await table.screenshot({ path: join(dir, 'member-table.png') })

    // The other three, then the package: the list is shown, and export needs the confirmation.
    await openMenu(page, '报告')
    for (const i of [2, 1, 0]) {
      await page.getByTestId(`generate-report-${i}`).click()
      await page.getByTestId('trace-panel').waitFor()
      await openMenu(page, '报告')
    }
    // 陈𠈌: no bundled font has 𠈌, so the office adds a font for rare characters, as the export asks.
    await openMenu(page, '系统设置')
    await chooseFontFile(page, 'extra', HANA_MIN_B)
    await expect.poll(() => lastMessage(page), { timeout: 90_000, interval: 250 }).toContain('已改用“花園明朝B”')
    await openMenu(page, '报告')
    await page.getByTestId('report-checks-toggle').click()
    await poll(() => page.getByTestId('report-checks-table').textContent()).toContain('空章节')
    await page.getByTestId('report-checks').screenshot({ path: join(dir, 'report-checks.png') })
    // The package of this round takes longer than the harness's 30 s download wait on a shared machine.
    const [dl] = await Promise.all([
      page.waitForEvent('download', { timeout: 240_000 }),
      (async () => {
        await page.getByTestId('export-package').click()
        await page.locator('.el-message-box').getByRole('button', { name: '确认导出' }).click()
        await enterPin(page) // the package holds the clue list: the 组长 signs it
      })(),
    ])
    const pkg = { bytes: readFileSync(await dl.path()) }
    await poll(() => page.getByTestId('package-check').textContent()).toMatch(/逐一读回核对一致/)
    expect((await verifyPackage(new Uint8Array(pkg.bytes))).ok).toBe(true)
    const files = unzipSync(new Uint8Array(pkg.bytes))
    const manifest = JSON.parse(new TextDecoder().decode(files['manifest.json'])) as Manifest
    expect(manifest.copyNumber).toBe(1) // 秘密 and 机密 documents inside: a 份号 was drawn
    const team = docxText(files['04-领导班子情况汇总.docx']!)
    for (const m of members) expect(team).toContain(m.name)
    expect(team).toContain('市委第二巡察组')
    console.log(`screenshots in ${dir}`)

    expect(await cspViolations()).toEqual([])
    expect(errors).toEqual([])
    await context.close()
  }, 300_000)
})
