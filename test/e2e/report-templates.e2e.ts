// 报告模板's sentence frames (issue 13): a frame is edited with its placeholders checked, what is
// typed survives a reload as a draft, and the report drafted afterwards uses the edited wording.
// With SHOTS=<dir> it saves a screenshot of the frames table there.
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { chooseUser, lastMessage, openApp, openMenu, PASSPHRASE, poll, setUpVault, useServedApp } from './harness'

const served = useServedApp()
const SHOTS = process.env.SHOTS
if (SHOTS) mkdirSync(SHOTS, { recursive: true })
const TOP_LEADER = '“一把手”情况反映'

async function openTemplate(page: Page) {
  await openMenu(page, '报告')
  await page.locator('.el-tabs__item', { hasText: '报告模板' }).click()
  await page.getByTestId('template-kind').click()
  await page.locator('.el-select-dropdown__item:visible', { hasText: TOP_LEADER }).click()
}

describe('报告模板: sentence frames', () => {
  it('refuses a frame without its placeholder, keeps a typed frame over a reload, and drafts with the saved one', async () => {
    const { page, context, errors, cspViolations } = await openApp(served.browser(), served.url())
    await setUpVault(page)
    await page.getByTestId('load-sample').click()
    await poll(() => lastMessage(page)).toContain('已载入示例轮次')
    await chooseUser(page, '刘振华', { afterToasts: true })
    await openTemplate(page)
    const own = page.getByTestId('frame-ownVerb')
    await poll(() => own.inputValue()).toBe('本人在谈话中{text}')

    // Without {text} the frame cannot be filled: said at once, and 保存 changes nothing.
    await own.fill('本人谈话时')
    await poll(() => page.getByTestId('frame-error').first().textContent()).toContain('缺少{text}（要点或事实）')
    await page.getByTestId('template-save').click()
    await poll(() => lastMessage(page)).toContain('缺少{text}')
    expect(await page.locator('.el-tag', { hasText: '本轮已修改' }).count()).toBe(0)

    // A good frame, typed and not saved, comes back after a reload as a draft.
    await own.fill('本人谈话时{text}')
    await poll(() => page.getByTestId('frame-error').count()).toBe(0)
    await page.getByTestId('template-dirty').waitFor()
    if (SHOTS) await page.getByTestId('template-frames').screenshot({ path: join(SHOTS, 'template-frames.png') })
    await page.waitForTimeout(800) // the draft is written half a second after the last key
    await page.reload()
    await page.getByTestId('unlock-passphrase').fill(PASSPHRASE)
    await page.getByTestId('unlock').click()
    const identity = page.getByTestId('identity-dialog')
    await identity.locator('.el-radio', { hasText: '刘振华' }).click()
    await identity.getByTestId('identity-confirm').click()
    await identity.waitFor({ state: 'hidden' })
    await openTemplate(page)
    const box = page.locator('.el-message-box:visible')
    await poll(() => box.textContent()).toContain('未保存的草稿')
    await box.getByRole('button', { name: '恢复草稿' }).click()
    await poll(() => page.getByTestId('frame-ownVerb').inputValue()).toBe('本人谈话时{text}')
    await page.getByTestId('template-save').click()
    await poll(() => lastMessage(page)).toContain('模板已保存')
    await page.locator('.el-tag', { hasText: '本轮已修改' }).waitFor()

    // The 一把手 paper drafted now says what the 一把手 himself said with the edited frame.
    await page.locator('.el-tabs__item', { hasText: '“1+3”报告' }).click()
    await page.getByTestId('generate-report-1').click()
    await page.getByTestId('trace-panel').waitFor()
    const texts = await page.locator('[data-testid^="para-"]').evaluateAll((els) => els.map((e) => (e as HTMLTextAreaElement).value))
    expect(texts.filter((t) => t.startsWith('本人谈话时称')).length).toBeGreaterThan(0)
    expect(texts.some((t) => t.includes('本人在谈话中'))).toBe(false)

    // 恢复默认 returns to the guide's frames.
    await openTemplate(page)
    await page.getByRole('button', { name: '恢复默认' }).last().click()
    await poll(() => lastMessage(page)).toContain('已恢复默认模板')
    await poll(() => page.getByTestId('frame-ownVerb').inputValue()).toBe('本人在谈话中{text}')

    expect(await cspViolations()).toEqual([])
    expect(errors).toEqual([])
    await context.close()
  }, 240_000)
})
