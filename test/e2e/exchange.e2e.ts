// Two laptops (two browser profiles) working without a network: the 组长 exports the round
// configuration, a member joins with it and logs an interview, the 组长 imports the member's
// change package and sees it; both edit the same field; the conflict shows on every screen
// and is resolved field by field.
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { chooseFile, chooseUser, download, go, lastMessage, openApp, poll, setUpVault, useServedApp } from './harness'

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
async function editOutline(page: Page, text: string) {
  await go(page, '谈话')
  await page.getByTestId('interviews-search').fill('周明远')
  await page.getByTestId('interviews-table').locator('.el-table-v2__row', { hasText: '周明远' }).getByTestId('row-edit').click()
  const form = page.getByTestId('interview-form')
  await form.getByTestId('iv-outline').fill(text)
  await form.getByTestId('iv-save').click()
  await form.waitFor({ state: 'hidden' })
}

describe('exchange between two laptops', () => {
  it('joins, exchanges, merges and resolves a conflict', async () => {
    const leader = await openApp(served.browser(), served.url())
    await setUpVault(leader.page)
    await leader.page.getByTestId('load-sample').click()
    await poll(() => lastMessage(leader.page)).toContain('已载入示例轮次')
    await chooseUser(leader.page, '（组长）')
    await openExchange(leader.page)
    const config = await download(leader.page, () => leader.page.getByTestId('export-config').click())
    expect(config.name).toMatch(/轮次配置包-刘振华-.*\.xcfg$/)
    expect(config.bytes.toString('utf8')).not.toMatch(/区审计局|党委书记|纪检组长/) // roster and registry travel encrypted

    // The member's laptop: a wrong passphrase changes nothing; the right one joins the round.
    const member = await openApp(served.browser(), served.url())
    await setUpVault(member.page)
    await go(member.page, '协同交换')
    await member.page.getByTestId('team-passphrase').fill('错误的口令Wrong#1')
    await chooseFile(member.page, () => member.page.getByTestId('exchange-import').click(), { name: config.name, buffer: config.bytes })
    await poll(() => lastMessage(member.page)).toContain('团队口令不正确')
    await member.page.getByTestId('team-passphrase').fill(TEAM)
    await importFile(member.page, config)
    expect(await member.page.getByTestId('preview-from').textContent()).toContain('刘振华')
    expect(await member.page.getByTestId('preview-counts').textContent()).toContain('人员')
    await member.page.getByTestId('import-confirm').click()
    await poll(() => lastMessage(member.page)).toContain('已加入轮次')
    await chooseUser(member.page, '赵敏（组员）')

    // The member logs an interview and exports a change package.
    await go(member.page, '谈话')
    await member.page.getByTestId('plan-interview').click()
    const form = member.page.getByTestId('interview-form')
    await form.getByTestId('iv-add-person').click()
    await form.getByTestId('iv-person-name').fill('周明远')
    await form.getByTestId('iv-person-post').fill('办公室科员')
    await form.getByTestId('iv-start').fill('19:00')
    await form.getByTestId('iv-end').fill('20:00')
    await form.getByTestId('iv-room').click()
    await member.page.keyboard.type('谈话室3')
    await member.page.keyboard.press('Enter')
    await member.page.getByTestId('iv-recorder').click()
    await member.page.locator('.el-select-dropdown__item:visible', { hasText: '李静（组员）' }).first().click()
    await form.getByTestId('iv-fill-outline').click()
    await form.getByTestId('iv-save').click()
    await poll(() => lastMessage(member.page)).toContain('已保存与周明远的谈话安排')
    await openExchange(member.page)
    const changes = await download(member.page, () => member.page.getByTestId('export-changes').click())
    expect(changes.name).toMatch(/变更包-赵敏-.*\.xchg$/)

    // The 组长 imports it: preview says from whom and what, then it is there.
    await importFile(leader.page, changes)
    expect(await leader.page.getByTestId('preview-from').textContent()).toContain('赵敏')
    expect(await leader.page.getByTestId('preview-counts').textContent()).toMatch(/谈话\s*1/)
    await leader.page.getByTestId('import-confirm').click()
    await poll(() => lastMessage(leader.page)).toContain('已导入')
    await go(leader.page, '谈话')
    await leader.page.getByTestId('interviews-search').fill('周明远')
    await poll(() => leader.page.getByTestId('interviews-table').textContent()).toContain('周明远')

    // Re-importing the same package changes nothing.
    await openExchange(leader.page)
    await importFile(leader.page, changes)
    expect(await leader.page.getByTestId('preview-warning').first().textContent()).toContain('已经导入过')
    await leader.page.getByTestId('import-confirm').click()
    await poll(() => lastMessage(leader.page)).toContain('未做任何更改')

    // Both edit the outline of the same interview.
    await editOutline(leader.page, '组长修改的提纲')
    await editOutline(member.page, '组员修改的提纲')
    await openExchange(member.page)
    const second = await download(member.page, () => member.page.getByTestId('export-changes').click())
    await openExchange(leader.page)
    await importFile(leader.page, second)
    expect(await leader.page.getByTestId('preview-warning').allTextContents()).toEqual(
      expect.arrayContaining([expect.stringContaining('1 处冲突')]),
    )
    await leader.page.getByTestId('import-confirm').click()
    await poll(() => lastMessage(leader.page)).toContain('冲突 1')

    // The badge is on every screen until the conflict is resolved.
    await go(leader.page, '工作台')
    await poll(() => leader.page.getByTestId('conflict-badge').isVisible()).toBe(true)
    await leader.page.getByTestId('conflict-badge').click()
    const inbox = leader.page.getByTestId('conflict-inbox')
    expect(await inbox.getByTestId('conflict-field').textContent()).toContain('提纲')
    expect(await inbox.getByTestId('conflict-mine').textContent()).toBe('组长修改的提纲')
    expect(await inbox.getByTestId('conflict-theirs').textContent()).toBe('组员修改的提纲')
    await inbox.getByTestId('keep-both').click()
    await poll(() => inbox.getByTestId('no-conflicts').isVisible()).toBe(true)
    expect(await leader.page.getByTestId('conflict-badge').count()).toBe(0)
    await go(leader.page, '谈话')
    await leader.page.getByTestId('interviews-search').fill('周明远')
    await leader.page.getByTestId('interviews-table').locator('.el-table-v2__row', { hasText: '周明远' }).getByTestId('row-edit').click()
    const outline = await leader.page.getByTestId('interview-form').getByTestId('iv-outline').inputValue()
    expect(outline).toContain('组长修改的提纲')
    expect(outline).toContain('【另一版本，来自赵敏】组员修改的提纲')

    for (const p of [leader, member]) {
      expect(await p.cspViolations()).toEqual([])
      expect(p.errors).toEqual([])
    }
    await leader.context.close()
    await member.context.close()
  })
})
