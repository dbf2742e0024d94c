// 底稿, 线索 and 清单 as the team meets them: a 底稿 from an interview point signed through the three
// roles, an edit after sign-off and its reset, the 底稿 PDF; a clue sealed at 移交 and refused
// any later edit; the lists exported, re-read and checked.
import { execFileSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { chooseUser, download, enterPin, go, lastMessage, openApp, poll, setUpVault, useServedApp } from './harness'

const served = useServedApp()
const dir = mkdtempSync(join(tmpdir(), 'xc-casework-e2e-'))

async function pick(page: Page, select: string, text: string) {
  await page.getByTestId(select).click()
  await page.keyboard.type(text)
  await page.locator('.el-select-dropdown__item:visible', { hasText: text }).first().click()
}
async function openPaper(page: Page, number: string) {
  // The list is virtualised (only the rows in view are in the page): find the 底稿 by its number.
  await page.getByTestId('papers-search').fill(number)
  await page.getByTestId('papers-table').locator('.el-table-v2__row', { hasText: number }).click()
  await page.getByTestId('paper-form').waitFor()
}
/** Accepts the confirmation that spells out what the act does (signing, 移交并封存). */
async function confirmBox(page: Page, expected: string) {
  const box = page.locator('.el-message-box')
  await box.waitFor()
  expect(await box.textContent()).toContain(expected)
  await box.locator('.el-button--primary').click()
  await box.waitFor({ state: 'hidden' })
}
async function closeDialog(page: Page, testId: string) {
  await page.getByTestId(testId).locator('.el-dialog__headerbtn').click()
  await page.getByTestId(testId).waitFor({ state: 'hidden' })
}

describe('working papers, clues and lists end to end', () => {
  it('signs a 底稿 through three roles, resets it on edit, seals a clue and exports the lists', async () => {
    const { page, context, cspViolations, errors } = await openApp(served.browser(), served.url())
    await setUpVault(page)
    await page.getByTestId('load-sample').click()
    await poll(() => lastMessage(page)).toContain('已载入示例轮次')
    await chooseUser(page, '赵敏')

    // A 底稿 from an interview point: the point is its evidence, with its text.
    await go(page, '底稿')
    await page.getByTestId('paper-from-point').click()
    await pick(page, 'point-select', '公积金')
    await page.getByTestId('point-confirm').click()
    await poll(() => lastMessage(page)).toMatch(/已生成底稿草稿 2026-03-DG-\d{3}/)
    const form = page.getByTestId('paper-form')
    const number = (await form.getByTestId('paper-number').textContent())!.trim()
    expect(number).toBe('2026-03-DG-015')
    await poll(() => form.getByTestId('evidence-item').count()).toBe(1)
    expect(await form.getByTestId('evidence-item').textContent()).toContain('公积金')
    await form.getByTestId('paper-title').fill('编外人员住房公积金由套取的办公经费缴纳')
    await form.getByTestId('paper-facts').fill('2023年为4名编外人员缴存公积金单位部分86,400元，资金来自虚开办公用品发票。')
    await form.getByTestId('paper-save').click()
    await poll(() => lastMessage(page)).toContain(`已保存底稿 ${number}`)

    // 承办人签字 by the handler; the 副组长 step is refused to her.
    await openPaper(page, number)
    await poll(() => form.getByTestId('paper-waiting').textContent()).toContain('待承办人')
    await form.getByTestId('paper-sign').click()
    await confirmBox(page, '所引 1 项支撑材料')
    await enterPin(page)
    await poll(() => form.getByTestId('paper-waiting').textContent()).toContain('待副组长')
    expect(await form.getByTestId('sign-denial').textContent()).toContain('只有副组长可以审核底稿')
    expect(await form.getByTestId('paper-sign').isDisabled()).toBe(true)
    await closeDialog(page, 'paper-form')

    for (const [who, after] of [
      ['陈晓梅', '待组长'],
      ['刘振华', '三级签字已完成'],
    ] as const) {
      await chooseUser(page, who)
      await openPaper(page, number)
      await form.getByTestId('paper-sign').click()
      await confirmBox(page, '须重新审核')
      await enterPin(page)
      await poll(() => form.getByTestId('paper-waiting').textContent()).toContain(after)
      await closeDialog(page, 'paper-form')
    }
    await openPaper(page, number)
    expect(await form.getByTestId('signoff-panel').textContent()).toMatch(/赵敏.*陈晓梅.*刘振华/s)

    // The one-page PDF form with its sign-off block.
    const pdf = await download(page, () => form.getByTestId('paper-pdf').click(), 120_000) // the session's first PDF starts the export worker
    const pdfPath = join(dir, pdf.name)
    writeFileSync(pdfPath, pdf.bytes)
    expect(execFileSync('pdfinfo', [pdfPath], { encoding: 'utf8' })).toMatch(/Pages:\s+1\n/)
    const pdfText = execFileSync('pdftotext', ['-raw', pdfPath, '-'], { encoding: 'utf8' }).replace(/\s+/g, '')
    for (const x of [number, '组长审签', '刘振华', '内部']) expect(pdfText).toContain(x)
    await poll(() => lastMessage(page)).toContain('共 1 页')

    // Editing the signed 底稿: 改动于签字后, later sign-offs dropped, the old version kept.
    await form.getByTestId('paper-facts').fill('2023年为4名编外人员缴存公积金单位部分合计86,400元，资金来自虚开发票套取的办公经费。')
    await form.getByTestId('paper-save').click()
    await poll(() => lastMessage(page)).toContain('改动于签字后')
    await openPaper(page, number)
    await form.getByTestId('paper-edited-flag').waitFor()
    expect(await form.getByTestId('paper-waiting').textContent()).toContain('待副组长')
    expect(await form.getByTestId('paper-version').count()).toBe(1)
    expect(await form.getByTestId('paper-version').textContent()).toContain('资金来自虚开办公用品发票')
    await closeDialog(page, 'paper-form')
    await page.getByTestId('paper-filter').locator('label', { hasText: '改动于签字后' }).click()
    await poll(() => page.getByTestId('papers-table').textContent()).toContain(number)

    // Seal a clue at 移交 (组长), verify it, and try to edit it.
    await go(page, '线索')
    await page.getByTestId('clues-table').locator('.el-table__row', { hasText: '定稿' }).first().click()
    const clue = page.getByTestId('clue-form')
    await clue.waitFor()
    const clueNo = (await clue.getByTestId('clue-number').textContent())!.trim()
    await clue.getByTestId('clue-transfer-no').fill('区委巡察三组移〔2026〕2号')
    await clue.getByTestId('clue-transfer-unit').fill('区纪委监委')
    await clue.getByTestId('clue-transfer').click()
    await confirmBox(page, '此操作不能撤销')
    await enterPin(page)
    await poll(() => lastMessage(page)).toContain('已移交并封存')
    await poll(() => clue.getByTestId('clue-status').textContent()).toContain('已移交')
    const hash = /[0-9a-f]{64}/.exec((await clue.getByTestId('clue-seal').textContent()) ?? '')?.[0]
    expect(hash).toBeTruthy()
    await clue.getByTestId('clue-verify').click()
    await poll(() => clue.getByTestId('clue-verify-result').textContent()).toBe('一致')
    await poll(() => clue.getByTestId('clue-deadline').textContent()).toContain('办理结果反馈期限')
    expect(await clue.getByTestId('clue-summary').isDisabled()).toBe(true)
    await clue.getByTestId('clue-save').click()
    await poll(() => lastMessage(page)).toContain('该线索已移交并封存，内容和所引证据不能再修改')
    await closeDialog(page, 'clue-form')

    // The lists: one combined workbook, re-read by the app and checked here.
    await go(page, '导出')
    const xlsx = await download(page, async () => {
      await page.getByTestId('list-all').click()
      await enterPin(page)
    })
    await poll(() => lastMessage(page)).toContain('读回核对一致')
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(xlsx.bytes as unknown as ArrayBuffer)
    const names = wb.worksheets.filter((w) => w.state === 'visible').map((w) => w.name)
    expect(names).toEqual(['问题清单', '问题线索清单', '问题线索移交清单', '追责问责清单', '点人点事清单', '整改台账'])
    const text = (name: string) => {
      const out: string[] = []
      wb.getWorksheet(name)!.eachRow((r) => out.push(r.values!.toString()))
      return out.join('\n')
    }
    expect(text('问题清单')).toContain(number)
    expect(text('问题线索移交清单')).toContain(hash!)
    expect(text('问题线索移交清单')).toContain(clueNo)
    expect(text('问题线索移交清单')).toContain('移交人（签字）')
    expect(wb.getWorksheet('问题线索清单')!.getCell(1, 1).text).toBe('内部')
    expect(text('整改台账')).toContain('销号')

    // Clue lists are the 组长's to export.
    await chooseUser(page, '赵敏')
    await page.getByTestId('list-问题线索清单').click()
    await poll(() => lastMessage(page)).toContain('只有组长可以导出问题线索')

    // The 工作台 shows checklist items not yet covered.
    await go(page, '工作台')
    await poll(() => page.getByTestId('checklist-uncovered').textContent()).toMatch(/尚未被底稿覆盖的事项（\d+ \/ 21）/)

    expect(await cspViolations()).toEqual([])
    expect(errors).toEqual([])
    await context.close()
  })

  it('a signed 底稿 whose evidence is edited in the 谈话记录 falls back and shows the signed and the current text', async () => {
    const { page, context, cspViolations, errors } = await openApp(served.browser(), served.url())
    await setUpVault(page)
    await page.getByTestId('load-sample').click()
    await poll(() => lastMessage(page)).toContain('已载入示例轮次')
    await chooseUser(page, '赵敏')

    // A 底稿 from 马俊's interview point, signed through the three roles (each asks first).
    const SIGNED = '由财务科统筹解决'
    await go(page, '底稿')
    await page.getByTestId('paper-from-point').click()
    await pick(page, 'point-select', '说法含糊')
    await page.getByTestId('point-confirm').click()
    const form = page.getByTestId('paper-form')
    await poll(() => form.getByTestId('evidence-item').count()).toBe(1)
    const number = (await form.getByTestId('paper-number').textContent())!.trim()
    await form.getByTestId('paper-title').fill('编外人员住房公积金资金来源不明')
    await form.getByTestId('paper-save').click()
    await poll(() => lastMessage(page)).toContain(`已保存底稿 ${number}`)

    // Each member sets a personal PIN (the header asks); the 组长's key anchors this laptop, and
    // the 组长 confirms the others' keys on the 巡察组 page after comparing fingerprints.
    for (const who of ['刘振华', '赵敏', '陈晓梅']) {
      await chooseUser(page, who)
      await page.getByTestId('pin-reminder').click()
      await page.getByTestId('pin-new').fill('12345')
      await page.getByTestId('pin-confirm').fill('12345')
      await page.getByTestId('pin-submit').click()
      await poll(() => page.getByTestId('pin-error').textContent()).toContain('签名密码至少 6 位')
      await enterPin(page)
      await poll(() => page.locator('.el-message-box').textContent()).toContain('指纹')
      await page.locator('.el-message-box__btns button').click()
      await page.getByTestId('pin-reminder').waitFor({ state: 'hidden' })
    }
    await chooseUser(page, '刘振华')
    await go(page, '巡察组')
    for (const who of ['赵敏', '陈晓梅']) {
      const cell = page.getByTestId(`key-${who}`)
      expect(await cell.getByTestId('key-status').textContent()).toBe('待组长确认')
      await cell.getByTestId('key-confirm').click()
      await confirmBox(page, '指纹')
      await enterPin(page)
      await poll(() => cell.getByTestId('key-status').textContent()).toBe('已确认')
    }
    await page.screenshot({ path: join(dir, 'team-keys.png') })
    await go(page, '底稿')
    for (const [who, after] of [
      ['赵敏', '待副组长'],
      ['陈晓梅', '待组长'],
      ['刘振华', '三级签字已完成'],
    ] as const) {
      await chooseUser(page, who)
      await openPaper(page, number)
      await form.getByTestId('paper-sign').click()
      await confirmBox(page, '须重新审核')
      await enterPin(page)
      await poll(() => form.getByTestId('paper-waiting').textContent()).toContain(after)
      await closeDialog(page, 'paper-form')
    }

    await openPaper(page, number)
    await poll(() => form.getByTestId('signature-verdict').allTextContents()).toEqual([
      '签名有效（赵敏）',
      '签名有效（陈晓梅）',
      '签名有效（刘振华）',
    ])
    await closeDialog(page, 'paper-form')

    // The interview point is reworded in the 谈话记录 (autosaved).
    const NOW = '陈𠈌称：资金由财务科以办公用品发票报销方式筹集，局长知情'
    await go(page, '谈话')
    await page.getByTestId('interviews-search').fill('马俊')
    const rows = page.getByTestId('interviews-table').locator('.el-table-v2__row', { hasText: '马俊' })
    await poll(() => rows.count()).toBeGreaterThan(0)
    const drawer = page.getByTestId('record-drawer')
    let edited = false
    for (let r = 0; r < (await rows.count()) && !edited; r++) {
      await rows.nth(r).getByTestId('row-record').click()
      await drawer.getByTestId('point-text').first().waitFor()
      const texts = drawer.getByTestId('point-text')
      for (let i = 0; i < (await texts.count()); i++) {
        if (!(await texts.nth(i).inputValue()).includes(SIGNED)) continue
        await texts.nth(i).fill(NOW)
        await poll(() => drawer.getByTestId('autosave-state').textContent()).toContain('已自动保存')
        edited = true
        break
      }
      await page.keyboard.press('Escape')
      await drawer.waitFor({ state: 'hidden' })
    }
    expect(edited).toBe(true)

    // The 底稿: review sign-offs fell back, the change is listed with both texts.
    await go(page, '底稿')
    await openPaper(page, number)
    await poll(() => form.getByTestId('paper-waiting').textContent()).toContain('待副组长')
    const drift = form.getByTestId('paper-evidence-drift')
    await drift.waitFor()
    expect(await drift.textContent()).toContain('副组长审核和组长审签已失效')
    expect(await drift.getByTestId('drift-signed').textContent()).toContain(SIGNED)
    expect(await drift.getByTestId('drift-current').textContent()).toBe(NOW)
    expect(await form.getByTestId('evidence-kept-text').textContent()).toContain(SIGNED)
    expect(await form.getByTestId('evidence-now-text').textContent()).toContain(NOW)
    // The steps show the 承办人签字 standing and the later two open (the review log keeps them all).
    const steps = form.getByTestId('signoff-panel').locator('.el-steps')
    expect(await steps.textContent()).toContain('赵敏')
    expect(await steps.textContent()).not.toContain('刘振华')
    await poll(() => form.getByTestId('signature-verdict').allTextContents()).toEqual(['签名有效（赵敏）'])
    await page.screenshot({ path: join(dir, 'paper-evidence-drift.png'), fullPage: true })
    // The 组长 cannot sign over it: the 副组长 reviews again first.
    expect(await form.getByTestId('sign-denial').textContent()).toContain('只有副组长可以审核底稿')
    await closeDialog(page, 'paper-form')
    await page.getByTestId('paper-filter').locator('label', { hasText: '改动于签字后' }).click()
    await poll(() => page.getByTestId('papers-table').textContent()).toContain('证据签字后有改动')

    // A fresh review stands: the 副组长 signs what the evidence says now.
    await chooseUser(page, '陈晓梅')
    await page.getByTestId('paper-filter').locator('label', { hasText: '全部' }).click()
    await openPaper(page, number)
    await form.getByTestId('paper-sign').click()
    await confirmBox(page, '须重新审核')
    await enterPin(page)
    await poll(() => form.getByTestId('paper-waiting').textContent()).toContain('待组长')
    await poll(() => form.getByTestId('paper-evidence-drift').count()).toBe(0)
    expect(await form.getByTestId('paper-version').count()).toBe(1)
    expect(await form.getByTestId('paper-log').textContent()).toContain('所引证据签字后改动')

    expect(await cspViolations()).toEqual([])
    expect(errors).toEqual([])
    await context.close()
  })
})
