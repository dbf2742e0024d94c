// 调阅, 信访 and 走访 as the team uses them: borrow and return documents (a duplicate open loan
// is refused), write review notes and turn one into a 底稿, export both variants of the 调阅清单
// (Excel and PDF) and the review notes, register a petition whose contact stays hidden and out
// of the export until asked for, turn it into a clue draft, and log a visit.
import { execFileSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { chooseUser, download, go, lastMessage, openApp, poll, setUpVault, useServedApp } from './harness'

const served = useServedApp()
const SIGNATURE_HEADERS = ['序号', '资料名称', '数量', '资料日期', '调阅资料日期', '调阅人签名', '归还日期', '收回人签名']
const TITLE = '机关车辆保险理赔台账（2025年）'
const CONTACT = '13900001111'

async function sheetOf(bytes: Buffer): Promise<ExcelJS.Worksheet> {
  const book = new ExcelJS.Workbook()
  await book.xlsx.load(bytes as unknown as ArrayBuffer)
  return book.worksheets.find((w) => w.state === 'visible')!
}
const headersOf = (ws: ExcelJS.Worksheet) => (ws.getRow(4).values as unknown[]).slice(1).map(String)
function dataRows(ws: ExcelJS.Worksheet): ExcelJS.Row[] {
  const rows: ExcelJS.Row[] = []
  ws.eachRow((row, n) => n > 4 && rows.push(row))
  return rows
}
const dateCell = (row: ExcelJS.Row, col: number) => {
  const v = row.getCell(col).value
  return v instanceof Date ? v.toISOString().slice(0, 10) : ''
}
const today = () => {
  const d = new Date()
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`
}
const cellText = (row: ExcelJS.Row, col: number) => row.getCell(col).text.trim()
// The registers are virtualised lists: only the rows in view are in the page, so a test finds a
// row the way a user would, by searching; the count beside the search covers the whole list.
const rowOf = (page: Page, table: string, text: string) => page.getByTestId(table).locator('.el-table-v2__row', { hasText: text }).first()
const countOf = async (page: Page, testId: string) => Number(/共 (\d+)/.exec((await page.getByTestId(testId).textContent()) ?? '')?.[1])

describe('调阅、信访、走访 end to end', () => {
  it('borrows and returns documents, writes notes, exports the 调阅清单 and a petition becomes a clue', async () => {
    const app = await openApp(served.browser(), served.url())
    const { page } = app
    await setUpVault(page)
    await page.getByTestId('load-sample').click()
    await poll(() => lastMessage(page)).toContain('已载入示例轮次')
    await chooseUser(page, '刘振华', { afterToasts: true })

    // The register, with its 清退 status.
    await go(page, '调阅')
    await poll(() => page.getByTestId('clearance').textContent()).toMatch(/未清退：尚有 \d+ 份资料未归还，其中逾期 \d+ 份/)
    await poll(() => countOf(page, 'documents-count')).toBeGreaterThan(10)
    const total = await countOf(page, 'documents-count')

    // Borrow a document.
    await page.getByTestId('add-document').click()
    const form = page.getByTestId('document-form')
    await form.getByTestId('doc-title').fill(TITLE)
    await form.getByTestId('doc-department').fill('办公室')
    await form.getByTestId('doc-quantity').fill('1本')
    await form.getByTestId('doc-date').fill('2025年')
    await form.getByTestId('doc-save').click()
    await poll(() => lastMessage(page)).toContain(`已保存调阅登记：${TITLE}`)
    await poll(() => countOf(page, 'documents-count')).toBe(total + 1)

    // The same document again, written with half-width brackets, is refused while it is out.
    await page.getByTestId('add-document').click()
    await form.getByTestId('doc-title').fill(TITLE.replace('（', '(').replace('）', ')'))
    await form.getByTestId('doc-department').fill('办公室')
    await form.getByTestId('doc-save').click()
    await poll(() => form.getByTestId('form-problems').textContent()).toContain('尚未归还，不能重复登记')
    await form.getByRole('button', { name: '取消' }).click()
    await page.locator('.el-message-box:visible').getByRole('button', { name: '放弃修改' }).click() // a changed form asks
    await form.waitFor({ state: 'hidden' })
    expect(await countOf(page, 'documents-count')).toBe(total + 1)
    await page.getByTestId('documents-search').fill('车辆保险理赔台账')
    await poll(() => countOf(page, 'documents-count')).toBe(1)
    expect(await rowOf(page, 'documents-table', TITLE).getByTestId('loan-status').textContent()).toBe('在阅')

    // A review note on it, turned into a 底稿 draft that stays linked.
    await rowOf(page, 'documents-table', TITLE).getByTestId('open-notes').click()
    const drawer = page.getByTestId('notes-drawer')
    await drawer.getByTestId('add-note').click()
    const noteForm = page.getByTestId('note-form')
    await noteForm.getByTestId('note-page').fill('第3页')
    await noteForm.getByTestId('note-excerpt').fill('2025年理赔款2.6万元未入账，直接用于车辆维修')
    await noteForm.getByTestId('note-doubt').fill('理赔款坐收坐支')
    await noteForm.getByTestId('note-save').click()
    await poll(() => lastMessage(page)).toContain('已保存审阅笔记')
    await poll(() => drawer.getByTestId('notes-table').locator('.el-table__body-wrapper tbody tr').count()).toBe(1)
    await drawer.getByTestId('make-paper').first().click()
    await poll(() => lastMessage(page)).toMatch(/已生成底稿草稿 \S+，并关联到此处/)
    await poll(() => drawer.getByTestId('evidence-paper').count()).toBe(1)
    await drawer.locator('.el-drawer__close-btn').click()
    await drawer.waitFor({ state: 'hidden' })

    // Return it: the receiver is typed by hand (not in the registry).
    await rowOf(page, 'documents-table', TITLE).getByTestId('return-document').click()
    await form.getByTestId('receiver-name').fill('档案员李某')
    await form.getByTestId('doc-save').click()
    await poll(() => lastMessage(page)).toContain(`已登记归还：${TITLE}`)
    await poll(() => rowOf(page, 'documents-table', TITLE).getByTestId('loan-status').textContent()).toBe('已归还')

    // 调阅清单, signature columns blank for hand signing.
    const blank = await sheetOf((await download(page, () => page.getByTestId('export-lending-blank').click())).bytes)
    expect(headersOf(blank)).toEqual(SIGNATURE_HEADERS)
    expect(blank.getCell('A2').text).toBe('区农业农村局党委调阅资料清单')
    expect(blank.getCell('A3').text).toMatch(/被巡察单位主要负责人：\S+ +巡察组组长：刘振华/)
    const blankRows = dataRows(blank)
    expect(blankRows.length).toBe(total + 1)
    expect(blankRows.every((r) => cellText(r, 6) === '' && cellText(r, 8) === '')).toBe(true)
    const mine = blankRows.find((r) => cellText(r, 2) === TITLE)!
    expect([cellText(mine, 3), cellText(mine, 4)]).toEqual(['1本', '2025年'])
    // Real dates (shown as 2026年11月21日): borrowed and returned today.
    expect([dateCell(mine, 5), dateCell(mine, 7)]).toEqual([today(), today()])
    expect(mine.getCell(5).numFmt).toContain('年')

    // …and with the names filled in.
    const filled = await sheetOf((await download(page, () => page.getByTestId('export-lending-filled').click())).bytes)
    expect(headersOf(filled)).toEqual(SIGNATURE_HEADERS)
    const filledRows = dataRows(filled)
    expect(filledRows.every((r) => cellText(r, 6) !== '')).toBe(true)
    const mineFilled = filledRows.find((r) => cellText(r, 2) === TITLE)!
    expect([cellText(mineFilled, 6), cellText(mineFilled, 8)]).toEqual(['刘振华', '档案员李某'])
    expect(filledRows.filter((r) => cellText(r, 7) === '').every((r) => cellText(r, 8) === '')).toBe(true)

    // The PDF of the same list, landscape.
    const dir = mkdtempSync(join(tmpdir(), 'registers-'))
    const pdf = await download(page, () => page.getByTestId('export-lending-pdf-blank').click())
    expect(pdf.name).toMatch(/调阅清单.*\.pdf$/)
    writeFileSync(join(dir, 'l.pdf'), pdf.bytes)
    if (process.env.KEEP_PDF) writeFileSync(process.env.KEEP_PDF, pdf.bytes)
    const info = execFileSync('pdfinfo', [join(dir, 'l.pdf')], { encoding: 'utf8' })
    const [w, h] = /Page size:\s+([\d.]+) x ([\d.]+)/.exec(info)!.slice(1).map(Number)
    expect(w!).toBeGreaterThan(h!)
    const text = execFileSync('pdftotext', ['-raw', join(dir, 'l.pdf'), '-'], { encoding: 'utf8' }).replace(/\s+/g, '')
    for (const word of ['调阅资料清单', '调阅人签名', '收回人签名', '巡察组组长：刘振华', '机关车辆保险理赔台账'])
      expect(text).toContain(word)
    expect(text).not.toContain('档案员李某')
    await poll(() => lastMessage(page)).toMatch(/已导出调阅清单.*共 \d+ 页，签名栏留空/)

    // Review notes of the round.
    const notes = await sheetOf((await download(page, () => page.getByTestId('export-notes').click())).bytes)
    expect(headersOf(notes)).toEqual([
      '资料编号',
      '资料名称',
      '页码/凭证号',
      '摘录/发现',
      '疑点',
      '问题分类',
      '关联底稿/线索',
      '审阅人',
      '日期',
    ])
    const myNote = dataRows(notes).find((r) => cellText(r, 2) === TITLE)!
    expect(cellText(myNote, 4)).toContain('理赔款2.6万元未入账')
    expect(cellText(myNote, 7)).toMatch(/^底稿 \S+$/)

    // A petition: its contact is hidden until deliberately shown, then it becomes a clue draft.
    await go(page, '信访')
    await poll(() => page.getByTestId('petition-cutoff').textContent()).toContain('信访受理截止日')
    await page.getByTestId('add-petition').click()
    const pf = page.getByTestId('petition-form')
    await pf.getByTestId('pet-reporter').fill('李某（机关驾驶员）')
    await pf.getByTestId('pet-contact').fill(CONTACT)
    await pf.getByTestId('pet-subject-name').fill('夏鹏')
    await pf.getByTestId('pet-subject-post').fill('区农机服务站副站长')
    await pf.getByTestId('pet-summary').fill('反映车辆保险理赔款被截留，用于单位吃喝')
    await pf.getByTestId('pet-save').click()
    await poll(() => lastMessage(page)).toContain('已登记信访件（来信）')
    await page.getByTestId('petitions-search').fill('车辆保险理赔款')
    const row = rowOf(page, 'petitions-table', '车辆保险理赔款被截留')
    await row.waitFor()
    expect(await page.locator('body').textContent()).not.toContain(CONTACT)
    await row.getByTestId('reveal-contact').click()
    await poll(() => row.getByTestId('contact-shown').textContent()).toBe(CONTACT)
    // The reveal is in the audit log (action and table are clear fields).
    await poll(() =>
      page.evaluate(
        () =>
          new Promise<number>((resolve) => {
            const req = indexedDB.open('xuncha-workbench')
            req.onsuccess = () => {
              const get = req.result.transaction('auditLog').objectStore('auditLog').getAll()
              get.onsuccess = () =>
                resolve(
                  (get.result as { action: string; table: string }[]).filter((e) => e.action === 'view' && e.table === 'petitions').length,
                )
            }
          }),
      ),
    ).toBe(1)
    expect(await row.getByTestId('pet-disposition-cell').textContent()).toBe('待处置')
    await row.getByTestId('make-clue').click()
    await poll(() => lastMessage(page)).toMatch(/已生成线索草稿 \S+，并关联到此处/)
    await poll(() => row.getByTestId('evidence-clue').count()).toBe(1)
    await poll(() => row.getByTestId('pet-disposition-cell').textContent()).toBe('转为线索')

    // The 信访登记表 leaves the contact out unless the user ticks the option.
    const without = await download(page, () => page.getByTestId('export-petitions').click())
    const ws = await sheetOf(without.bytes)
    expect(headersOf(ws)).not.toContain('联系方式')
    expect(headersOf(ws)).toEqual([
      '序号',
      '收件日期',
      '方式',
      '反映人',
      '被反映人',
      '单位职务',
      '反映主要问题',
      '纪律类别',
      '是否属于受理范围',
      '处置',
      '关联底稿/线索',
    ])
    const mineP = dataRows(ws).find((r) => cellText(r, 7).includes('车辆保险理赔款被截留'))!
    expect([cellText(mineP, 4), cellText(mineP, 10)]).toEqual(['李某（机关驾驶员）', '转为线索'])
    expect(cellText(mineP, 11)).toMatch(/^线索 \S+$/)
    ws.eachRow((r) => expect(JSON.stringify(r.values)).not.toContain(CONTACT))
    await page.getByTestId('export-include-contact').click()
    const withContact = await sheetOf((await download(page, () => page.getByTestId('export-petitions').click())).bytes)
    expect(headersOf(withContact)).toContain('联系方式')
    expect(dataRows(withContact).some((r) => JSON.stringify(r.values).includes(CONTACT))).toBe(true)

    // 走访: the log and the counts the report quotes.
    await go(page, '走访')
    await poll(() => page.getByTestId('work-counts').textContent()).toMatch(
      /受理信访16件，调阅资料\d+份，走访3次、座谈2次、明察暗访2次、专项检查1次/,
    )
    await page.getByTestId('add-visit').click()
    const vf = page.getByTestId('visit-form')
    await vf.getByTestId('visit-place').fill('区农机服务站车库')
    await vf.getByTestId('visit-notes').fill('查看维修车辆，与理赔台账核对')
    await vf.getByTestId('visit-save').click()
    await poll(() => lastMessage(page)).toContain('已保存走访记录：区农机服务站车库')
    await poll(() => page.getByTestId('work-counts').textContent()).toContain('走访4次')

    expect(await app.cspViolations()).toEqual([])
    expect(app.errors).toEqual([])
    await app.context.close()
  })
})
