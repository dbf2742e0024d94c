// The "1+3" package as the 组长 meets it: 测评 imported from xlsx, the four drafts generated from
// the sample round, one paragraph rewritten, a regeneration after a data change that keeps the
// edit and offers the new text, then the package zip exported, its manifest verified here too.
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import { unzipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import { verifyPackage, type Manifest } from '../../shared/reports/package'
import { chooseFile, chooseUser, enterPin, download, go, lastMessage, openApp, poll, setUpVault, useServedApp } from './harness'

const served = useServedApp()
const dir = mkdtempSync(join(tmpdir(), 'xc-reports-e2e-'))

async function surveyWorkbook(top: string): Promise<Buffer> {
  const wb = new ExcelJS.Workbook()
  const a = wb.addWorksheet('民主测评')
  a.addRow(['序号', '姓名', '职务', '好', '较好', '一般', '差'])
  a.addRow([1, top, '', 31, 19, 6, 2])
  const o = wb.addWorksheet('概况')
  o.addRow(['项目', '发放', '收回'])
  o.addRow(['民主测评', 60, 58])
  o.addRow(['问卷调查', 0, 0])
  return Buffer.from(await wb.xlsx.writeBuffer())
}

describe('the "1+3" reports end to end', () => {
  it('imports 测评, drafts the four reports, keeps an edit through regeneration and exports a verified package', async () => {
    const { page, context, cspViolations, errors } = await openApp(served.browser(), served.url())
    await setUpVault(page)
    await page.getByTestId('load-sample').click()
    await poll(() => lastMessage(page)).toContain('已载入示例轮次')
    await chooseUser(page, '刘振华')

    // 测评 from the team's workbook; the 一把手 of the sample is 张卫东.
    await go(page, '报告')
    await page.locator('.el-tabs__item', { hasText: '民主测评与问卷' }).click()
    await chooseFile(page, () => page.getByTestId('survey-import').click(), { name: '测评.xlsx', buffer: await surveyWorkbook('张卫东') })
    await poll(() => lastMessage(page)).toContain('已读取 1 名测评对象')
    await page.getByTestId('survey-save').click()
    await poll(() => lastMessage(page)).toContain('测评结果已保存')
    const stats = await download(page, () => page.getByTestId('survey-export').click())
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(stats.bytes as unknown as ArrayBuffer)
    const row: string[] = []
    wb.getWorksheet('民主测评')!
      .getRow(5)
      .eachCell((c) => row.push(c.text))
    expect(row).toEqual(['1', '张卫东', expect.any(String), '31', '19', '6', '2', '58', '86.2%'])

    // Four drafts from the data.
    await page.locator('.el-tabs__item', { hasText: '“1+3”报告' }).click()
    for (const i of [3, 2, 1, 0]) {
      await page.getByTestId(`generate-report-${i}`).click()
      await page.getByTestId('trace-panel').waitFor()
      if (i > 0) {
        await go(page, '报告')
        await page.getByTestId(`open-report-${i}`).waitFor()
      }
    }
    // Now in the 巡察报告: the opening counts, numbered headings, the traceability panel.
    const opening = page.getByTestId('para-0-0')
    await poll(() => opening.inputValue()).toMatch(/个别谈话\d+人次，受理信访15件，调阅资料40份/)
    expect(await opening.inputValue()).toContain('收回测评票58份')
    expect(await page.getByTestId('number-1').textContent()).toBe('一、')
    expect(await page.getByTestId('number-3').textContent()).toBe('（一）')
    expect(await page.getByTestId('trace-panel').textContent()).toContain('尚未撰写的章节')

    // Rewrite the first problem paragraph, add an unsupported one, save.
    const problem = page.getByTestId('para-3-0')
    const generated = await problem.inputValue()
    await problem.fill('【组长改写】农机购置补贴资金调剂先拨付后通报，违反“三重一大”集体决策制度。')
    await page.getByTestId('add-para-2').click()
    await page.getByTestId('para-2-0').fill('没有依据的一句话。')
    await page.getByTestId('report-save').click()
    await poll(() => lastMessage(page)).toContain('报告已保存')
    await poll(() => page.getByTestId('trace-unsupported').textContent()).toContain('没有依据的一句话')

    // The data change: a new petition shifts the opening; the edited paragraph's 底稿 is untouched.
    await go(page, '信访')
    await page.getByTestId('add-petition').click()
    const pf = page.getByTestId('petition-form')
    await pf.getByTestId('pet-anonymous').click()
    await pf.getByTestId('pet-summary').fill('反映农机服务站门面租金去向不明。')
    await pf.getByTestId('pet-save').click()
    await poll(() => lastMessage(page)).toContain('已登记信访件')
    await go(page, '报告')
    await page.getByTestId('open-report-0').click()
    await page.getByTestId('report-regenerate').click()
    await poll(() => page.getByTestId('changes-table').textContent()).toContain('已更新')
    await page.keyboard.press('Escape')
    await poll(() => page.getByTestId('para-0-0').inputValue()).toContain('受理信访16件')
    expect(await page.getByTestId('para-3-0').inputValue()).toContain('【组长改写】')
    expect(await page.getByTestId('para-2-0').inputValue()).toBe('没有依据的一句话。')
    expect(generated).not.toContain('【组长改写】')

    // Preview, then the package.
    // 打印预览 is the PDF itself: its pages' text layer has the unsaved rewrite.
    await page.getByTestId('report-preview').click()
    await expect.poll(() => page.getByTestId('preview-pages').textContent(), { timeout: 60_000 }).toContain('【组长改写】')
    await page.keyboard.press('Escape')
    await go(page, '报告')
    // 报告检查 before export: the list names the empty sections, and export waits for a confirmation.
    await page.getByTestId('report-checks-toggle').click()
    await poll(() => page.getByTestId('report-checks-table').textContent()).toContain('空章节')
    await page.getByTestId('export-package').click()
    await poll(() => page.locator('.el-message-box').textContent()).toContain('个章节还没有内容')
    await page.locator('.el-message-box').getByRole('button', { name: '返回修改' }).click()
    expect(await page.getByTestId('package-check').count()).toBe(0)
    // The package can take longer than the harness's 30 s download wait on a loaded machine.
    const [dl] = await Promise.all([
      page.waitForEvent('download', { timeout: 180_000 }),
      (async () => {
        await page.getByTestId('export-package').click()
        await page.locator('.el-message-box').getByRole('button', { name: '确认导出' }).click()
        await enterPin(page) // the package holds the clue list: the 组长 signs it
      })(),
    ])
    const pkg = { name: dl.suggestedFilename(), bytes: readFileSync(await dl.path()) }
    await poll(() => page.getByTestId('package-check').textContent()).toMatch(/14 个文件逐一读回核对一致/)
    expect(pkg.name).toMatch(/报告包.*\.zip$/)
    // The toast names the whole package and what it holds.
    await poll(() => lastMessage(page)).toMatch(/^已导出“1\+3”报告包（4 份报告（PDF、Word）.*共 14 个文件）：/)
    const files = unzipSync(new Uint8Array(pkg.bytes))
    const manifest = JSON.parse(new TextDecoder().decode(files['manifest.json'])) as Manifest
    expect(manifest.files.map((f) => f.file).sort()).toEqual([
      '00-报告合订本.pdf',
      '01-巡察报告.docx',
      '01-巡察报告.pdf',
      '02-“一把手”情况反映.docx',
      '02-“一把手”情况反映.pdf',
      '03-纪检组长（纪委书记）履职情况报告.docx',
      '03-纪检组长（纪委书记）履职情况报告.pdf',
      '04-领导班子情况汇总.docx',
      '04-领导班子情况汇总.pdf',
      '附件1-问题清单.xlsx',
      '附件2-问题线索清单.xlsx',
      '附件3-个别谈话登记表.xlsx',
      '附件4-调阅资料清单.xlsx',
      '附件5-测评统计.xlsx',
    ])
    expect((await verifyPackage(new Uint8Array(pkg.bytes))).ok).toBe(true)
    const pdfPath = join(dir, 'report.pdf')
    writeFileSync(pdfPath, files['01-巡察报告.pdf']!)
    const text = execFileSync('pdftotext', ['-raw', pdfPath, '-'], { encoding: 'utf8' }).replace(/\s+/g, '')
    expect(text).toContain('【组长改写】')
    expect(text).toContain('受理信访16件')
    const top = join(dir, 'top.pdf')
    writeFileSync(top, files['02-“一把手”情况反映.pdf']!)
    expect(execFileSync('pdftotext', ['-raw', top, '-'], { encoding: 'utf8' }).replace(/\s+/g, '')).toContain('“好”31票')

    expect(await cspViolations()).toEqual([])
    expect(errors).toEqual([])
    await context.close()
  }, 360_000) // a shared 2-core machine: the package export alone can take a minute
})
