// Confidentiality as a user meets it: first-start passphrase and recovery key, lock and
// unlock, wrong passphrase, recovery, no network, data encrypted in IndexedDB, the audit log
// and its Excel export, and the recorded wipe with its PDF certificate.
import { execFileSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import {
  enterPin,
  chooseFile,
  chooseUser,
  download,
  lastMessage,
  openApp,
  openMenu,
  PASSPHRASE,
  poll,
  setUpVault,
  useServedApp,
} from './harness'

const served = useServedApp()

async function lockAndWait(page: Page) {
  await page.getByTestId('lock').click()
  await page.getByTestId('unlock-passphrase').waitFor()
}
async function unlock(page: Page, passphrase: string) {
  await page.getByTestId('unlock-passphrase').fill(passphrase)
  await page.getByTestId('unlock').click()
}
/** After unlock the user confirms who is working (the roster of the sample round). */
async function confirmIdentity(page: Page) {
  const dialog = page.getByTestId('identity-dialog')
  await dialog.locator('.el-radio').first().click()
  await dialog.getByTestId('identity-confirm').click()
  await dialog.waitFor({ state: 'hidden' })
}

describe('confidentiality end to end', () => {
  it('guards the data with a passphrase, a recovery key and the lock', async () => {
    const { page, context, cspViolations } = await openApp(served.browser(), served.url())
    await page.getByTestId('new-passphrase').fill('abc12345')
    await poll(() => page.getByTestId('passphrase-rules').textContent()).toContain('口令至少需要 10 个字符')
    expect(await page.getByTestId('setup-vault').isDisabled()).toBe(true)
    const recovery = await setUpVault(page)
    expect(recovery).toMatch(/^[0-9A-Z]{5}(-[0-9A-Z]{5}){7}$/)

    await page.getByTestId('load-sample').click()
    await poll(() => lastMessage(page)).toContain('已载入示例轮次')

    // What lies in IndexedDB is ciphertext: no name, no problem text.
    const raw = await page.evaluate(
      () =>
        new Promise<string>((resolve) => {
          const req = indexedDB.open('xuncha-workbench')
          req.onsuccess = () => {
            const tx = req.result.transaction(['people', 'interviews'])
            const out: unknown[] = []
            tx.objectStore('people').getAll().onsuccess = (e) => out.push((e.target as IDBRequest).result)
            tx.objectStore('interviews').getAll().onsuccess = (e) => out.push((e.target as IDBRequest).result)
            tx.oncomplete = () => resolve(JSON.stringify(out))
          }
        }),
    )
    expect(raw.length).toBeGreaterThan(10_000)
    expect(raw).toContain('"ct"')
    expect(raw).not.toMatch(/党委书记|纪检组长|民主生活会/)

    // Locking clears the screen; a wrong passphrase is refused and counted.
    await lockAndWait(page)
    expect(await page.getByTestId('nav').count()).toBe(0)
    await unlock(page, 'Wrong-pass-123')
    await poll(() => page.getByTestId('lock-error').textContent()).toContain('口令不正确')
    await poll(() => page.getByTestId('failed-attempts').textContent()).toContain('已连续输错 1 次')
    await unlock(page, PASSPHRASE)
    await confirmIdentity(page)
    await poll(() => page.getByTestId('fig-interviews').textContent()).toMatch(/已谈 \d+/)

    // Forgotten passphrase: the recovery key (with a typo first) sets a new one.
    await lockAndWait(page)
    await page.getByText('忘记口令？使用恢复密钥').click()
    const typo = (recovery[0] === 'A' ? 'B' : 'A') + recovery.slice(1)
    await page.getByTestId('recovery-input').fill(typo)
    await poll(() => page.locator('.lock-card').textContent()).toContain('恢复密钥有误')
    await page.getByTestId('recovery-input').fill(recovery.toLowerCase().replaceAll('-', ' '))
    await page.getByTestId('new-passphrase').fill('Neue-Kennung-2027')
    await page.getByTestId('confirm-passphrase').fill('Neue-Kennung-2027')
    await page.getByTestId('recover').click()
    await confirmIdentity(page)
    await lockAndWait(page)
    await unlock(page, PASSPHRASE)
    await poll(() => page.getByTestId('lock-error').textContent()).toContain('口令不正确')
    await unlock(page, 'Neue-Kennung-2027')
    await confirmIdentity(page)

    // The renderer cannot reach the network.
    const fetched = await page.evaluate(() =>
      fetch('https://example.com/').then(
        () => 'reached',
        () => 'blocked',
      ),
    )
    expect(fetched).toBe('blocked')
    expect((await cspViolations()).join()).toContain('connect-src')
    await context.close()
  })

  it('keeps a verifiable audit log, exports it to Excel, and wipes a round with a certificate', async () => {
    const { page, context, cspViolations, errors } = await openApp(served.browser(), served.url())
    await setUpVault(page)
    await page.getByTestId('load-sample').click()
    await poll(() => lastMessage(page)).toContain('已载入示例轮次')
    const leader = (await chooseUser(page, '（组长）')).replace(/（.*$/, '')
    expect(leader.length).toBeGreaterThan(1)

    await openMenu(page, '审计日志')
    await page.getByTestId('verify-audit').click()
    await poll(() => page.getByTestId('audit-result').textContent()).toMatch(/审计日志完整：共 \d+ 条/)
    expect(await page.getByTestId('audit-table').textContent()).toContain('载入示例轮次')
    const xlsx = await download(page, () => page.getByTestId('export-audit').click())
    expect(xlsx.name).toMatch(/-审计日志-\d{4}-\d{2}-\d{2}\.xlsx$/)
    const book = new ExcelJS.Workbook()
    await book.xlsx.load(xlsx.bytes as unknown as ArrayBuffer)
    const sheet = book.getWorksheet('审计日志')!
    expect(String(sheet.getCell('A1').value)).toContain('内部')
    const headers = (sheet.getRow(4).values as unknown[]).filter(Boolean)
    expect(headers).toEqual(expect.arrayContaining(['序号', '时间', '人员', '操作', '说明', '哈希']))
    const texts = sheet.getSheetValues().flat().map(String).join('|')
    expect(texts).toContain('设置口令')
    expect(texts).toContain('导入')

    // The log holds member ids only; the view names who acted (the export just made), after unlock.
    await page.locator('.el-menu-item', { hasText: '工作台' }).click()
    await openMenu(page, '审计日志')
    await poll(() => page.getByTestId('audit-table').textContent()).toContain(`${leader}（组长）`)
    const raw = await page.evaluate(
      () =>
        new Promise<string>((resolve, reject) => {
          const req = indexedDB.open('xuncha-workbench')
          req.onerror = () => reject(req.error)
          req.onsuccess = () => {
            const get = req.result.transaction('auditLog').objectStore('auditLog').getAll()
            get.onsuccess = () => resolve(JSON.stringify(get.result))
            get.onerror = () => reject(get.error)
          }
        }),
    )
    expect(raw).toContain('"v":2')
    expect(raw).not.toContain(leader)
    await page.screenshot({ path: join(tmpdir(), 'h6-audit-view.png') })

    // Hand over (archive), then wipe: the archive is verified, the key destroyed, a certificate printed.
    await openMenu(page, '导出')
    const archive = await download(page, async () => {
      await page.getByTestId('archive-export').click()
      await enterPin(page)
    })
    await openMenu(page, '巡察轮次')
    await page.getByTestId('wipe-round').click()
    const dialog = page.getByTestId('wipe-dialog')
    await chooseFile(page, () => dialog.getByTestId('wipe-verify').click(), { name: archive.name, buffer: archive.bytes })
    await poll(() => dialog.getByTestId('wipe-verified').textContent()).toContain('与本机数据完全一致')
    // A browser has no backup folder (its backups are downloads): nothing to delete, and it says so.
    expect(await dialog.getByTestId('wipe-backups').textContent()).toContain('本机未选择备份文件夹')
    const roundName = (await page.getByTestId('rounds-table').locator('tbody tr td').first().textContent())?.trim() ?? ''
    expect(await dialog.getByTestId('wipe-run').isDisabled()).toBe(true)
    await dialog.getByTestId('wipe-confirm-name').fill(roundName)
    const pdf = await download(
      page,
      async () => {
        await dialog.getByTestId('wipe-run').click()
        const box = page.locator('.el-message-box')
        await box.waitFor()
        expect(await box.textContent()).toContain('先销毁本轮数据密钥')
        await box.locator('.el-button--primary').click()
        await enterPin(page)
      },
      120_000,
    ) // the first PDF of the session starts the export worker and loads its fonts
    expect(pdf.name).toMatch(/-清理证明-\d{4}-\d{2}-\d{2}\.pdf$/)
    const dir = mkdtempSync(join(tmpdir(), 'wipe-'))
    writeFileSync(join(dir, 'c.pdf'), pdf.bytes)
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [join(dir, 'c.pdf')], { encoding: 'utf8' }))?.[1])
    await poll(() => lastMessage(page)).toContain(`共 ${pages} 页`)
    writeFileSync('/tmp/wipe-cert.pdf', pdf.bytes)
    const text = execFileSync('pdftotext', ['-raw', join(dir, 'c.pdf'), '-'], { encoding: 'utf8' })
    expect(text).toContain('巡察数据清理证明')
    expect(text).toContain(roundName)
    expect(text).toContain('先销毁本轮数据密钥')
    expect(text.replace(/\s/g, '')).toContain('本次清理未删除备份文件：本机未选择备份文件夹')
    // The sample round marks its certificate 内部: no 份号 (printed only on 秘密 and 机密 documents).
    expect(text).not.toMatch(/份号|\b000001\b/)
    expect(text).toContain(leader)
    expect(execFileSync('pdffonts', [join(dir, 'c.pdf')], { encoding: 'utf8' })).toMatch(/NotoSerifSC.*yes\s+yes/)

    await poll(() => page.getByTestId('rounds-table').locator('tbody tr').count()).toBe(0)
    await poll(() => page.getByTestId('wipes-table').textContent()).toContain(roundName)
    await openMenu(page, '审计日志')
    await poll(() => page.getByTestId('audit-table').textContent()).toContain('清理')
    await page.getByTestId('verify-audit').click()
    await poll(() => page.getByTestId('audit-result').textContent()).toContain('审计日志完整')

    expect(await cspViolations()).toEqual([])
    expect(errors).toEqual([])
    await context.close()
  })
})
