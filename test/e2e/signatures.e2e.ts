// Personal signatures across two laptops. The 组长 sets a PIN (the key anchors the round) and
// sends the configuration and the full state; a member's laptop joins. There, with 当前用户 set
// to the 组长, the 组长-only clue list export is refused, and a 组长审签 made with a key set up on
// that laptop shows 签名无效. The 组长 imports the member's change package carrying it, and the
// 底稿 is held with the reason in the conflict inbox, not merged.
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { chooseFile, chooseUser, download, E2E_PIN, enterPin, go, lastMessage, openApp, poll, setUpVault, useServedApp } from './harness'

const served = useServedApp()
const TEAM = '团队口令Team#2026'

async function openExchange(page: Page) {
  await go(page, '协同交换')
  await page.getByTestId('team-passphrase').fill(TEAM)
}
async function importFile(page: Page, file: { name: string; bytes: Buffer }) {
  await chooseFile(page, () => page.getByTestId('exchange-import').click(), { name: file.name, buffer: file.bytes })
  await page.getByTestId('import-preview').getByTestId('preview-from').waitFor()
}

describe('personal signatures between laptops', () => {
  it("a member laptop cannot make a valid 组长 signature, and the 组长's laptop holds the forged one", async () => {
    // The 组长's laptop: the PIN from the header's reminder; a wrong PIN later is refused.
    const leader = await openApp(served.browser(), served.url())
    const lp = leader.page
    await setUpVault(lp)
    await lp.getByTestId('load-sample').click()
    await poll(() => lastMessage(lp)).toContain('已载入示例轮次')
    await chooseUser(lp, '（组长）', { afterToasts: true })
    await lp.getByTestId('pin-reminder').click()
    await lp.getByTestId('pin-new').fill('123456')
    await lp.getByTestId('pin-confirm').fill('123456')
    await lp.getByTestId('pin-submit').click()
    await poll(() => lp.getByTestId('pin-error').textContent()).toContain('签名密码不能是连续的数字')
    await enterPin(lp)
    await lp.locator('.el-message-box__btns button').click()
    await go(lp, '巡察组')
    await poll(() => lp.getByTestId('key-刘振华').getByTestId('key-status').textContent()).toBe('已确认')
    await openExchange(lp)
    const config = await download(lp, () => lp.getByTestId('export-config').click())
    const state = await download(lp, () => lp.getByTestId('export-state').click())

    // The member's laptop joins with the configuration and takes the full state.
    const member = await openApp(served.browser(), served.url())
    const mp = member.page
    await setUpVault(mp)
    await openExchange(mp)
    await importFile(mp, config)
    await mp.getByTestId('import-confirm').click()
    await poll(() => lastMessage(mp)).toContain('已加入轮次')
    await importFile(mp, state)
    await mp.getByTestId('import-confirm').click()
    await poll(() => lastMessage(mp)).toContain('已导入')

    // 当前用户 set to the 组长 on the member's laptop: the clue lists are refused, even with a key made here.
    await chooseUser(mp, '刘振华（组长）', { afterToasts: true })
    await go(mp, '导出')
    await mp.getByTestId('list-问题线索清单').click()
    await poll(() => mp.getByTestId('pin-no-key').textContent()).toContain('本机还没有刘振华的个人签名密钥')
    expect(await mp.getByTestId('pin-dialog').textContent()).toContain('在本机为组长新设的密钥不会被承认')
    await enterPin(mp, '864209')
    await poll(() => lastMessage(mp)).toContain('导出问题线索须由组长本人在组长的电脑上签名，未执行：签名所用密钥未经组长确认')

    // A 组长审签 made there: recorded, but shown 签名无效 with the reason.
    await go(mp, '底稿')
    await mp.getByTestId('paper-filter').locator('label', { hasText: '待组长' }).click()
    await mp.getByTestId('papers-table').locator('.el-table-v2__row').first().click()
    const form = mp.getByTestId('paper-form')
    await form.waitFor()
    const number = (await form.getByTestId('paper-number').textContent())!.trim()
    await form.getByTestId('paper-sign').click()
    const box = mp.locator('.el-message-box')
    await box.waitFor()
    await box.locator('.el-button--primary').click()
    await mp.getByTestId('pin-input').fill('000000')
    await mp.getByTestId('pin-submit').click()
    await poll(() => mp.getByTestId('pin-error').textContent()).toContain('签名密码不正确（连续第 1 次）')
    await enterPin(mp, '864209')
    await poll(() => form.getByTestId('paper-waiting').textContent()).toContain('三级签字已完成')
    const verdicts = form.getByTestId('signature-row')
    await poll(() => verdicts.last().textContent()).toContain('签名无效（刘振华）')
    expect(await verdicts.last().textContent()).toContain('签名所用密钥未经组长确认')
    // The sample's earlier sign-offs predate personal signatures.
    expect(await verdicts.first().textContent()).toContain('未签名')
    await mp.screenshot({ path: join(tmpdir(), 'w15-member-forged-signoff.png') })
    await form.locator('.el-dialog__headerbtn').click()

    // The member's change package reaches the 组长: the 底稿 is held, not merged, with the reason.
    await openExchange(mp)
    const changes = await download(mp, () => mp.getByTestId('export-changes').click())
    await importFile(lp, changes)
    await poll(() => lp.getByTestId('import-preview').textContent()).toContain('1 条记录的个人签名核验未通过')
    await lp.getByTestId('import-confirm').click()
    await poll(() => lastMessage(lp)).toContain('已导入')
    const refused = lp.getByTestId('refused-table')
    await poll(() => refused.textContent()).toContain('签名核验未通过，这条记录未被合并，已暂扣待组长处理')
    expect(await refused.textContent()).toContain('签名无效（刘振华）：签名所用密钥未经组长确认')
    await lp.screenshot({ path: join(tmpdir(), 'w15-leader-held.png'), fullPage: true })
    await go(lp, '底稿')
    await lp.getByTestId('papers-search').fill(number)
    await poll(() => lp.getByTestId('papers-table').textContent()).toContain('待组长')

    // On the 组长's own laptop, the 组长's PIN signs the clue lists.
    await go(lp, '导出')
    await download(lp, async () => {
      await lp.getByTestId('list-问题线索清单').click()
      await lp.getByTestId('pin-input').fill(E2E_PIN)
      await lp.getByTestId('pin-submit').click()
    })
    await poll(() => lastMessage(lp)).toContain('读回核对一致')
    expect([...leader.errors, ...member.errors].filter((e) => !e.includes('favicon'))).toEqual([])
    expect(await leader.cspViolations()).toEqual([])
  })
})
