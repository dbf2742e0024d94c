// Nothing typed is lost, and every dialog fits a 1366×768 laptop (issue 16): at that viewport
// every form dialog's primary button is on screen without scrolling the page; Esc on a changed
// form asks and keeps the text; a reload in the report editor and in a half-filled dialog offers
// the draft back, even one typed just before the reload; the 巡言巡语 and 分类框架 editors keep
// drafts too; typing while a 谈话记录 autosave is held up keeps every character.
// With SHOTS=<dir> it also saves a screenshot of every section and dialog there.
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { Locator, Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { chooseUser, lastMessage, openApp, openMenu, PASSPHRASE, poll, setUpVault, useServedApp } from './harness'

const served = useServedApp()
const SHOTS = process.env.SHOTS
if (SHOTS) mkdirSync(SHOTS, { recursive: true })
const shot = async (page: Page, name: string) => {
  if (SHOTS) await page.screenshot({ path: join(SHOTS, `${name}.png`) })
}

/** The dialog is open, its primary button inside the 1366×768 window, and the page itself not scrolled. */
async function primaryInView(page: Page, dialog: Locator, primary: string) {
  await dialog.waitFor()
  const button = dialog.getByTestId(primary)
  await button.waitFor()
  await page.waitForTimeout(350) // the opening animation
  const box = (await button.boundingBox())!
  expect(box.y).toBeGreaterThanOrEqual(0)
  expect(box.y + box.height).toBeLessThanOrEqual(768)
  expect(box.x + box.width).toBeLessThanOrEqual(1366)
  expect(await page.evaluate(() => [window.scrollY, document.scrollingElement?.scrollTop ?? 0])).toEqual([0, 0])
}

async function closeClean(page: Page, dialog: Locator) {
  await dialog.getByTestId('form-cancel').click()
  await dialog.waitFor({ state: 'hidden' })
}

/** A reload: the app comes back locked; unlock and say who is working. `whileLocked` looks first. */
async function reloadAndUnlock(page: Page, whileLocked?: () => Promise<void>) {
  await page.reload()
  await whileLocked?.()
  await page.getByTestId('unlock-passphrase').fill(PASSPHRASE)
  await page.getByTestId('unlock').click()
  const identity = page.getByTestId('identity-dialog')
  await identity.locator('.el-radio', { hasText: '刘振华' }).click()
  await identity.getByTestId('identity-confirm').click()
  await identity.waitFor({ state: 'hidden' })
}

const messageBox = (page: Page) => page.locator('.el-message-box:visible')

/** Holds a read-write transaction on a table, so the app's next write to it waits until release. */
async function holdTable(page: Page, table: string) {
  await page.evaluate(
    (t) =>
      new Promise<void>((ready, fail) => {
        const w = globalThis as unknown as { __hold?: boolean }
        const open = indexedDB.open('xuncha-workbench')
        open.onerror = () => fail(open.error)
        open.onsuccess = () => {
          const store = open.result.transaction([t], 'readwrite').objectStore(t)
          w.__hold = true
          const spin = () => {
            if (w.__hold) store.count().onsuccess = spin
          }
          spin()
          ready()
        }
      }),
    table,
  )
}
const releaseTable = (page: Page) =>
  page.evaluate(() => {
    ;(globalThis as unknown as { __hold?: boolean }).__hold = false
  })

describe('drafts and the 1366×768 laptop', () => {
  it('fits every form dialog on the screen and never loses what was typed', async () => {
    const { page, context, errors } = await openApp(served.browser(), served.url())
    await page.setViewportSize({ width: 1366, height: 768 })
    // A "leave this page?" question means something typed was still at risk: it would fail the reloads.
    const leaveQuestions: string[] = []
    page.on('dialog', (d) => {
      leaveQuestions.push(d.type())
      void d.accept()
    })
    await setUpVault(page)
    await page.getByTestId('load-sample').click()
    await poll(() => lastMessage(page)).toContain('已载入示例轮次')
    await chooseUser(page, '刘振华')

    // The sidebar: with 设置 expanded its last items can still be reached.
    await page.locator('.el-sub-menu__title', { hasText: '设置' }).click()
    const last = page.locator('.el-menu-item', { hasText: '系统设置' })
    await last.scrollIntoViewIfNeeded()
    const lastBox = (await last.boundingBox())!
    expect(lastBox.y + lastBox.height).toBeLessThanOrEqual(768)
    await shot(page, '00-sidebar-settings-open')

    // Every form dialog: primary button on screen, then closed untouched (no question asked).
    const dialogs: [string, string, string, string][] = [
      ['谈话', 'plan-interview', 'interview-form', 'iv-save'],
      ['调阅', 'add-document', 'document-form', 'doc-save'],
      ['信访', 'add-petition', 'petition-form', 'pet-save'],
      ['走访', 'add-visit', 'visit-form', 'visit-save'],
      ['底稿', 'paper-new', 'paper-form', 'paper-save'],
      ['线索', 'clue-new', 'clue-form', 'clue-save'],
      ['巡察轮次', 'new-round', 'round-form', 'round-save'],
      ['巡察组', 'add-member', 'member-form', 'member-save'],
      ['干部名册', 'add-cadre', 'cadre-form', 'cadre-save'],
    ]
    for (const [section, open, form, primary] of dialogs) {
      await openMenu(page, section)
      await page.getByTestId(open).first().waitFor()
      await page.waitForTimeout(300)
      await shot(page, `section-${section}`)
      await page.getByTestId(open).first().click()
      const dialog = page.getByTestId(form)
      await primaryInView(page, dialog, primary)
      await shot(page, `dialog-${form}`)
      await closeClean(page, dialog)
    }
    // 改期 is offered for an interview still to come.
    await openMenu(page, '谈话')
    await page.getByTestId('filter-status').click()
    await page.locator('.el-select-dropdown__item:visible', { hasText: '待谈' }).click()
    await page.getByTestId('row-move').first().click()
    await primaryInView(page, page.getByTestId('reschedule-dialog'), 'rs-save')
    await shot(page, 'dialog-reschedule')
    await closeClean(page, page.getByTestId('reschedule-dialog'))
    // The review-note form opens from the notes drawer of a document.
    await openMenu(page, '调阅')
    await page.getByTestId('open-notes').first().click()
    await page.getByTestId('add-note').click()
    await primaryInView(page, page.getByTestId('note-form'), 'note-save')
    await shot(page, 'dialog-note-form')
    await closeClean(page, page.getByTestId('note-form'))
    await page.keyboard.press('Escape')
    // The dialogs with an action that are not record forms: 从谈话要点新建底稿, 清理本轮数据, 搜索.
    await openMenu(page, '底稿')
    await page.getByTestId('paper-from-point').click()
    await primaryInView(page, page.getByTestId('point-picker'), 'point-confirm')
    await shot(page, 'dialog-point-picker')
    await page.keyboard.press('Escape')
    await page.getByTestId('point-picker').waitFor({ state: 'hidden' })
    await openMenu(page, '巡察轮次')
    await page.getByTestId('wipe-round').first().click()
    await primaryInView(page, page.getByTestId('wipe-dialog'), 'wipe-run')
    await shot(page, 'dialog-wipe')
    await page.keyboard.press('Escape')
    await page.getByTestId('wipe-dialog').waitFor({ state: 'hidden' })
    await page.getByTestId('open-search').click()
    await primaryInView(page, page.getByTestId('search-dialog'), 'search-input')
    await shot(page, 'dialog-search')
    await page.keyboard.press('Escape')
    await page.getByTestId('search-dialog').waitFor({ state: 'hidden' })

    // Esc on a changed 新建底稿 asks; Esc on the question keeps editing; the text is still there.
    await openMenu(page, '底稿')
    await page.getByTestId('paper-new').click()
    const paper = page.getByTestId('paper-form')
    const title = '关于陈𠈌违规接待问题：=SUM(A1) 以公务接待名义报销私人宴请'
    await paper.getByTestId('paper-title').fill(title)
    await page.keyboard.press('Escape')
    await messageBox(page).waitFor()
    await shot(page, 'dialog-paper-form-close-question')
    await page.keyboard.press('Escape')
    await messageBox(page).waitFor({ state: 'hidden' })
    expect(await paper.isVisible()).toBe(true)
    expect(await paper.getByTestId('paper-title').inputValue()).toBe(title)
    // A click outside asks too; 保留草稿并关闭 closes, and reopening offers the draft.
    await page.mouse.click(5, 760)
    await messageBox(page).getByRole('button', { name: '保留草稿并关闭' }).click()
    await paper.waitFor({ state: 'hidden' })
    await page.getByTestId('paper-new').click()
    await messageBox(page).getByRole('button', { name: '恢复草稿' }).click()
    expect(await paper.getByTestId('paper-title').inputValue()).toBe(title)
    // 放弃修改 really gives it up: the next opening is blank and offers nothing.
    await paper.getByTestId('form-cancel').click()
    await messageBox(page).getByRole('button', { name: '放弃修改' }).click()
    await paper.waitFor({ state: 'hidden' })
    await page.getByTestId('paper-new').click()
    await paper.waitFor()
    await page.waitForTimeout(500)
    expect(await messageBox(page).count()).toBe(0)
    expect(await paper.getByTestId('paper-title').inputValue()).toBe('')
    await closeClean(page, paper)

    // The report editor: a reload keeps the edit as a draft, offered back on opening.
    await openMenu(page, '报告')
    await page.getByTestId('generate-report-0').click()
    await page.getByTestId('trace-panel').waitFor()
    const para = page.getByTestId('para-0-0')
    const edit = `【草稿】${'巡察组驻点期间'.repeat(500)}陈𠈌`
    await para.fill(edit)
    await page.getByTestId('report-dirty').waitFor()
    await shot(page, 'report-editor')
    await page.waitForTimeout(1200) // the draft is written half a second after the last keystroke
    await reloadAndUnlock(page) // the reloaded page is the editor: it offers the draft at once
    await messageBox(page).getByRole('button', { name: '恢复草稿' }).click()
    await poll(() => page.getByTestId('para-0-0').inputValue()).toBe(edit)
    expect(await page.getByTestId('report-dirty').isVisible()).toBe(true)
    // 保存 stays in view while the long paragraph is scrolled.
    await page.getByTestId('para-0-0').click()
    await page.mouse.wheel(0, 1500)
    await page.waitForTimeout(300)
    const save = (await page.getByTestId('report-save').boundingBox())!
    expect(save.y).toBeGreaterThanOrEqual(0)
    await shot(page, 'report-editor-scrolled')
    // Leaving by the sidebar asks; 保留草稿并离开 leaves, and the draft is offered again.
    await page.locator('.el-menu-item', { hasText: '工作台' }).click()
    await messageBox(page).getByRole('button', { name: '保留草稿并离开' }).click()
    await poll(() => page.url()).toMatch(/#\/$/)
    await openMenu(page, '报告')
    await page.getByTestId('open-report-0').click()
    await messageBox(page).getByRole('button', { name: '恢复草稿' }).click()
    await poll(() => page.getByTestId('para-0-0').inputValue()).toBe(edit)
    // 保存 deletes the draft: reopening offers nothing.
    await page.getByTestId('report-save').click()
    await poll(() => lastMessage(page)).toContain('报告已保存')
    await openMenu(page, '工作台')
    await openMenu(page, '报告')
    await page.getByTestId('open-report-0').click()
    await page.getByTestId('para-0-0').waitFor()
    await page.waitForTimeout(500)
    expect(await messageBox(page).count()).toBe(0)

    // A half-filled 登记信访 survives a reload.
    await openMenu(page, '信访')
    await page.getByTestId('add-petition').click()
    const pf = page.getByTestId('petition-form')
    await pf.getByTestId('pet-summary').fill('反映农机服务站门面租金去向不明，@财务科 +2024年')
    await page.waitForTimeout(1200)
    await reloadAndUnlock(page)
    await openMenu(page, '信访')
    await page.getByTestId('add-petition').click()
    await messageBox(page).getByRole('button', { name: '恢复草稿' }).click()
    expect(await pf.getByTestId('pet-summary').inputValue()).toBe('反映农机服务站门面租金去向不明，@财务科 +2024年')
    await pf.getByTestId('form-cancel').click()
    await messageBox(page).getByRole('button', { name: '放弃修改' }).click()

    // Typed in the last half second before a reload (before the draft's write): still offered back.
    await openMenu(page, '走访')
    await page.getByTestId('add-visit').click()
    const vf = page.getByTestId('visit-form')
    await vf.getByTestId('visit-notes').fill('座谈中反映：农机补贴公示不到位，陈𠈌经办')
    // Well inside the half second before the draft's write (a person takes longer from the last key to F5).
    await page.waitForTimeout(150)
    await reloadAndUnlock(page, async () => {
      // The reloaded page holds the stash, sealed: the draft had not reached IndexedDB.
      const stash = await page.evaluate(() => localStorage.getItem('xuncha-draft-stash') ?? '')
      expect(stash).toContain('"ct"')
      expect(stash).not.toContain('农机')
    })
    await openMenu(page, '走访')
    await page.getByTestId('add-visit').click()
    await messageBox(page).getByRole('button', { name: '恢复草稿' }).click()
    expect(await vf.getByTestId('visit-notes').inputValue()).toBe('座谈中反映：农机补贴公示不到位，陈𠈌经办')
    expect(await page.evaluate(() => localStorage.getItem('xuncha-draft-stash'))).toBeNull() // moved into the drafts table
    await vf.getByTestId('form-cancel').click()
    await messageBox(page).getByRole('button', { name: '放弃修改' }).click()

    // 巡言巡语: an unsaved edit asks before leaving, is kept as a draft, and survives a reload at once.
    const phrasesTab = async () => {
      await openMenu(page, '底稿')
      await page.getByRole('tab', { name: '巡言巡语' }).click()
    }
    await phrasesTab()
    const library = page.getByTestId('phrase-library')
    const phrase = library.locator('textarea').first()
    const phraseText = '落实“三重一大”决策制度不严格，陈𠈌经手的项目未经集体研究'
    await phrase.fill(phraseText)
    await library.getByTestId('phrases-dirty').waitFor()
    await page.locator('.el-menu-item', { hasText: '工作台' }).click()
    await messageBox(page).waitFor()
    await shot(page, 'phrases-leave-question')
    await messageBox(page).getByRole('button', { name: '保留草稿并离开' }).click()
    await poll(() => page.url()).toMatch(/#\/$/)
    await phrasesTab()
    await messageBox(page).getByRole('button', { name: '恢复草稿' }).click()
    await poll(() => phrase.inputValue()).toBe(phraseText)
    await phrase.fill(`${phraseText}。`)
    await page.waitForTimeout(150)
    await reloadAndUnlock(page)
    await phrasesTab()
    await messageBox(page).getByRole('button', { name: '恢复草稿' }).click()
    await poll(() => phrase.inputValue()).toBe(`${phraseText}。`)
    await library.getByTestId('phrases-save').click()
    await poll(() => lastMessage(page)).toContain('已保存巡言巡语')
    await openMenu(page, '工作台') // saved: leaving asks nothing, reopening offers nothing
    await phrasesTab()
    await page.waitForTimeout(500)
    expect(await messageBox(page).count()).toBe(0)
    expect(await phrase.inputValue()).toBe(`${phraseText}。`)

    // 分类框架 (in the round's form): a category added and a reload at once; the form offers it back.
    const editRound = async () => {
      await openMenu(page, '巡察轮次')
      await page.getByTestId('rounds-table').locator('tr', { hasText: '当前轮次' }).getByRole('button', { name: '编辑' }).click()
    }
    await editRound()
    const rf = page.getByTestId('round-form')
    await rf.getByRole('button', { name: '添加一级类别' }).click()
    await messageBox(page).locator('input').fill('意识形态工作责任制')
    await messageBox(page).getByRole('button', { name: '确定' }).click()
    await rf.locator('.el-tree', { hasText: '意识形态工作责任制' }).waitFor()
    await page.waitForTimeout(150)
    await reloadAndUnlock(page)
    await editRound()
    await messageBox(page).getByRole('button', { name: '恢复草稿' }).click()
    await rf.locator('.el-tree', { hasText: '意识形态工作责任制' }).waitFor()
    await rf.getByTestId('form-cancel').click()
    await messageBox(page).getByRole('button', { name: '放弃修改' }).click()
    await rf.waitFor({ state: 'hidden' })

    // 谈话记录: what is typed while an autosave is held up is saved after it.
    await openMenu(page, '谈话')
    await page.getByTestId('row-record').first().click()
    const drawer = page.getByTestId('record-drawer')
    await drawer.getByTestId('add-point').click()
    const point = drawer.getByTestId('point-text').last()
    await holdTable(page, 'interviews')
    await point.pressSequentially('第一段：反映食堂采购')
    await page.waitForTimeout(1200) // the first autosave has started and waits for the table
    expect(await drawer.getByTestId('autosave-state').textContent()).toContain('正在保存')
    expect((await drawer.getByTestId('autosave-state').boundingBox())!.y).toBeLessThan(768) // the state stays in view
    await shot(page, 'record-drawer-saving')
    await point.pressSequentially('，第二段：陈𠈌经手')
    await page.waitForTimeout(800)
    await releaseTable(page)
    await poll(() => drawer.getByTestId('autosave-state').textContent()).toMatch(/已自动保存 \d\d:\d\d/)
    await reloadAndUnlock(page)
    await openMenu(page, '谈话')
    await page.getByTestId('row-record').first().click()
    await poll(() => drawer.getByTestId('point-text').last().inputValue()).toBe('第一段：反映食堂采购，第二段：陈𠈌经手')

    expect(leaveQuestions).toEqual([])
    expect(errors.filter((e) => !/favicon/.test(e))).toEqual([])
    await context.close()
  }, 360_000)
})
