// 个别谈话 as a user meets it: plan two interviews that clash, see the warning, reschedule one
// back-to-back, write a record with tagged points (autosaved, kept across a lock), turn a point
// into a 底稿, and export the schedule (Excel and PDF), the register and one record.
import { execFileSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { chooseUser, download, go, lastMessage, openApp, PASSPHRASE, poll, setUpVault, useServedApp } from './harness'

const served = useServedApp()
const dir = mkdtempSync(join(tmpdir(), 'interviews-'))
const ROOM = '巡察组谈话室3'

async function pick(page: Page, testId: string, option: string, typed?: string) {
  await page.getByTestId(testId).click()
  if (typed) await page.keyboard.type(typed)
  await page.locator('.el-select-dropdown__item:visible', { hasText: option }).first().click()
}
async function typeRoom(page: Page, testId: string, room: string) {
  await page.getByTestId(testId).click()
  await page.keyboard.type(room)
  await page.keyboard.press('Enter')
}
// The list is virtualised: only the rows in view are in the page, so a test finds its rows the
// way a user would, by searching (the count beside the filters covers the whole list).
const table = (page: Page) => page.getByTestId('interviews-table').locator('.el-table-v2__row')
const row = (page: Page, ...texts: string[]) => texts.reduce((l, t) => l.filter({ hasText: t }), table(page))
const count = async (page: Page) => Number(/共 (\d+) 场/.exec((await page.getByTestId('interview-count').textContent()) ?? '')?.[1])
function pdfText(name: string, bytes: Buffer): { text: string; info: string } {
  const file = join(dir, name)
  writeFileSync(file, bytes)
  return {
    text: execFileSync('pdftotext', ['-raw', file, '-'], { encoding: 'utf8' }),
    info: execFileSync('pdfinfo', [file], { encoding: 'utf8' }),
  }
}

describe('interviews end to end', () => {
  it('schedules with a clash warning, reschedules, records with tagged points and exports', async () => {
    const { page, context, errors, cspViolations } = await openApp(served.browser(), served.url())
    await setUpVault(page)
    await page.getByTestId('load-sample').click()
    await poll(() => lastMessage(page)).toContain('已载入示例轮次')
    await chooseUser(page, '（组长）')
    await go(page, '谈话')
    await poll(() => count(page)).toBeGreaterThan(50)
    expect(await table(page).count()).toBeGreaterThan(5)
    const sampleCount = await count(page)

    // A: a person not in the registry, added on the spot; evening slot in a new room.
    await page.getByTestId('plan-interview').click()
    const form = page.getByTestId('interview-form')
    await form.getByTestId('iv-save').click()
    await poll(() => form.getByTestId('form-problems').textContent()).toContain('请选择谈话对象')
    await form.getByTestId('iv-add-person').click()
    await form.getByTestId('iv-person-name').fill('周明远')
    await form.getByTestId('iv-person-post').fill('办公室科员')
    await form.getByTestId('iv-start').fill('19:00')
    await form.getByTestId('iv-end').fill('20:00')
    await typeRoom(page, 'iv-room', ROOM)
    await pick(page, 'iv-recorder', '李静（组员）')
    await form.getByTestId('iv-fill-outline').click()
    expect(await form.getByTestId('iv-outline').inputValue()).toContain('谈话提纲（一般干部）')
    await form.getByTestId('iv-save').click()
    await poll(() => lastMessage(page)).toContain('已保存与周明远的谈话安排')
    await form.waitFor({ state: 'hidden' })

    // B: same room and leader, overlapping: warned while typing, saved anyway.
    await page.getByTestId('plan-interview').click()
    await pick(page, 'iv-interviewee', '唐丽', '唐丽')
    await form.getByTestId('iv-start').fill('19:30')
    await form.getByTestId('iv-end').fill('20:30')
    await pick(page, 'iv-room', ROOM)
    await pick(page, 'iv-recorder', '赵敏（组员）')
    await poll(() => form.getByTestId('form-warnings').textContent()).toContain(`地点“${ROOM}”重复安排`)
    expect(await form.getByTestId('form-warnings').textContent()).toContain('巡察组成员刘振华时间冲突')
    await form.getByTestId('iv-save').click()
    await poll(() => lastMessage(page)).toMatch(/已保存与唐丽的谈话安排（有 \d 条提示/)
    await form.waitFor({ state: 'hidden' })
    await poll(() => count(page)).toBe(sampleCount + 2)
    expect(await page.getByTestId('schedule-summary').textContent()).toContain('场谈话安排存在提示')
    await page.getByTestId('interviews-search').fill(ROOM)
    await poll(() => count(page)).toBe(2)
    expect(await row(page, '周明远').getByTestId('row-warning').allTextContents()).toEqual(
      expect.arrayContaining([expect.stringContaining('唐丽')]),
    )

    // Reschedule B to start when A ends: back-to-back is no clash; the old slot stays in history.
    // (each row's warnings name the other interviewee: B is the one recorded by 赵敏)
    await row(page, '赵敏', '19:30—20:30').getByTestId('row-move').click()
    const move = page.getByTestId('reschedule-dialog')
    await move.getByTestId('rs-start').fill('20:00')
    await move.getByTestId('rs-end').fill('21:00')
    await move.getByTestId('rs-save').click()
    await poll(() => lastMessage(page)).toContain('请填写改期原因')
    await move.getByTestId('rs-reason').fill('与前一场衔接')
    await move.getByTestId('rs-save').click()
    await poll(() => lastMessage(page)).toContain('已将与唐丽的谈话改期至')
    await poll(() => row(page, '唐丽', '20:00').textContent()).toContain('待谈')
    expect(await row(page, '唐丽', '20:00').textContent()).toContain('改期1次')
    await poll(() => row(page, ROOM).getByTestId('row-warning').count()).toBe(0)

    // The board shows both in the new room.
    await page.locator('.el-tabs__item', { hasText: '日程看板' }).click()
    await poll(() => page.getByTestId('schedule-board').textContent()).toContain(ROOM)
    expect(await page.getByTestId('schedule-board').textContent()).toMatch(/周明远[\s\S]*唐丽/)
    await page.locator('.el-tabs__item', { hasText: '列表' }).click()

    // The record: two tagged points, autosaved; one becomes a 底稿 draft linked back.
    await row(page, '周明远').getByTestId('row-record').click()
    const drawer = page.getByTestId('record-drawer')
    await drawer.getByTestId('add-point').click()
    await drawer.getByTestId('point-text').nth(0).fill('反映办公室2024年存在无公函接待情况')
    await pick(page, 'point-category', '中央八项规定精神')
    await drawer.getByTestId('point-clue').nth(0).click()
    await drawer.getByTestId('add-point').click()
    await drawer.getByTestId('point-text').nth(1).fill('建议完善公务接待审批制度')
    // As a person would, open the second list once the first has closed (opened while the first
    // was still closing, Element Plus's focus handling could shut it again on a busy machine).
    await poll(() => page.locator('.el-select__popper:visible').count()).toBe(0)
    await drawer.getByTestId('point-category').nth(1).click()
    await page.locator('.el-select-dropdown__item:visible', { hasText: '主体责任' }).click()
    await drawer.getByTestId('point-verify').nth(1).click()
    await drawer.getByTestId('sign-lead').click()
    await poll(() => drawer.getByTestId('autosave-state').textContent()).toMatch(/已自动保存 \d\d:\d\d/)
    await drawer.getByTestId('point-row').nth(0).getByTestId('make-paper').click()
    await poll(() => lastMessage(page)).toMatch(/已生成底稿草稿 .+，并关联到此处/)
    await poll(() => drawer.getByTestId('point-row').nth(0).getByTestId('evidence-paper').count()).toBe(1)
    // Not before it has started: at 18:00 the 19:00 interview cannot be 已谈; at 20:05 it can.
    const today = await page.evaluate(() => new Date().toLocaleDateString('sv'))
    await page.clock.setSystemTime(new Date(`${today}T18:00:00`))
    await drawer.getByTestId('mark-done').click()
    await poll(() => lastMessage(page)).toContain('尚未开始，不能标记为已谈')
    expect(await drawer.getByTestId('rec-status').textContent()).not.toBe('已谈')
    await page.clock.setSystemTime(new Date(`${today}T20:05:00`))
    await drawer.getByTestId('mark-done').click()
    await poll(() => drawer.getByTestId('rec-status').textContent()).toBe('已谈')
    const record = await download(page, () => drawer.getByTestId('export-record').click())
    expect(record.name).toMatch(/-谈话记录-\d{4}-\d{2}-\d{2}-周明远-\d{4}-\d{2}-\d{2}\.pdf$/)
    const rec = pdfText('record.pdf', record.bytes)
    for (const s of [
      '谈话记录',
      '周明远（办公室科员）',
      '反映办公室2024年存在无公函接待情况',
      '涉及线索',
      '需核实',
      '谈话人已签字',
      '记录人未签字',
      '刘振华',
      '李静',
    ])
      expect(rec.text.replace(/\s+/g, '')).toContain(s)
    await poll(() => lastMessage(page)).toMatch(/已导出谈话记录.*共 \d+ 页/)
    await page.keyboard.press('Escape')
    await drawer.waitFor({ state: 'hidden' })

    // Nothing lost: lock, unlock, and the record is there.
    await page.getByTestId('lock').click()
    await page.getByTestId('unlock-passphrase').fill(PASSPHRASE)
    await page.getByTestId('unlock').click()
    const identity = page.getByTestId('identity-dialog')
    await identity.locator('.el-radio', { hasText: '刘振华' }).click()
    await identity.getByTestId('identity-confirm').click()
    await go(page, '谈话')
    // A search that matches nothing says so, rather than that no interview was ever planned.
    await page.getByTestId('interviews-search').fill('查无此人')
    await poll(() => page.getByTestId('interviews-table').textContent()).toContain('没有符合条件的谈话')
    await page.getByTestId('interviews-search').fill('周明远')
    await row(page, '周明远').getByTestId('row-record').click()
    await poll(() => drawer.getByTestId('point-text').count()).toBe(2)
    expect(await drawer.getByTestId('point-text').nth(1).inputValue()).toBe('建议完善公务接待审批制度')
    expect(await drawer.getByTestId('point-verify').nth(1).locator('input').isChecked()).toBe(true)
    await page.keyboard.press('Escape')
    await drawer.waitFor({ state: 'hidden' })

    // The schedule as Excel: header, every row, Chinese intact, status drop-down.
    const xlsx = await download(page, () => page.getByTestId('export-schedule-xlsx').click())
    expect(xlsx.name).toMatch(/-谈话安排表-\d{4}-\d{2}-\d{2}\.xlsx$/)
    await poll(() => lastMessage(page)).toContain(`谈话安排表 ${sampleCount + 2} 行`)
    const book = new ExcelJS.Workbook()
    await book.xlsx.load(xlsx.bytes as unknown as ArrayBuffer)
    const sheet = book.getWorksheet('谈话安排表')!
    expect(sheet.getCell('A2').value).toBe('谈话安排表（全轮次）')
    expect((sheet.getRow(4).values as unknown[]).filter(Boolean)).toEqual([
      '序号',
      '日期',
      '时段',
      '地点',
      '谈话对象',
      '单位及职务',
      '对象类别',
      '主谈人',
      '记录人',
      '状态',
      '是否需再次约谈',
      '备注',
    ])
    const data: string[][] = []
    sheet.eachRow(
      (r, n) => n > 4 && data.push((r.values as unknown[]).slice(1).map((v) => (v instanceof Date ? v.toISOString() : String(v ?? '')))),
    )
    expect(data).toHaveLength(sampleCount + 2)
    const a = data.find((r) => r[4] === '周明远')!
    expect(a.slice(2, 10)).toEqual(['19:00—20:00', ROOM, '周明远', '办公室科员', '一般干部', '刘振华', '李静', '已谈'])
    const b = data.find((r) => r[4] === '唐丽' && r[2] === '20:00—21:00')!
    expect(b[9]).toBe('待谈')
    expect(b[11]).toContain('19:30改期（与前一场衔接）')
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 4 })
    expect(sheet.pageSetup).toMatchObject({ orientation: 'landscape', paperSize: 9, printTitlesRow: '4:4' })
    const validations = (sheet as unknown as { dataValidations: { model: Record<string, { type: string }> } }).dataValidations.model
    expect(Object.entries(validations).some(([range, v]) => range.startsWith('J5') && v.type === 'list')).toBe(true)

    // …as PDF: landscape, page numbers, the same people in readable Chinese.
    const schedule = await download(page, () => page.getByTestId('export-schedule-pdf').click())
    const pdf = pdfText('schedule.pdf', schedule.bytes)
    expect(pdf.info).toMatch(/Page size:\s+841\.89 x 595\.2/)
    const pages = Number(/Pages:\s+(\d+)/.exec(pdf.info)?.[1])
    expect(pages).toBeGreaterThan(1)
    const flat = pdf.text.replace(/\s+/g, '')
    for (const s of ['谈话安排表', '周明远', '唐丽', ROOM, '与前一场衔接', `—${pages}—`]) expect(flat).toContain(s)
    await poll(() => lastMessage(page)).toContain(`共 ${pages} 页`)

    // The register: every interview and counts per category.
    const register = await download(page, () => page.getByTestId('export-register').click())
    const reg = new ExcelJS.Workbook()
    await reg.xlsx.load(register.bytes as unknown as ArrayBuffer)
    expect(reg.getWorksheet('谈话登记')!.actualRowCount).toBe(4 + sampleCount + 2)
    const stats = reg.getWorksheet('分类统计')!
    const total = (stats.getRow(13).values as unknown[]).slice(1)
    expect(total[0]).toBe('合计')
    await poll(() => lastMessage(page)).toContain('分类统计 9 行')

    expect(await cspViolations()).toEqual([])
    expect(errors).toEqual([])
    await context.close()
  })
})
