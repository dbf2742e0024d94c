// Issue 19 end to end: a round whose name holds "/" exports its archive, backs up and exchanges
// (no more 「文件名不合法」); an archive of that round re-issued under another round id (as another
// tool may write it) is refused as it is, or imported as a new round under new ids (重新编号), and
// the round it collides with is untouched.
import { describe, expect, it } from 'vitest'
import { decodeArchive, encodeArchive } from '@shared/archive'
import { decodePackage } from '@shared/exchange'
import { enterPin, chooseFile, chooseUser, download, lastMessage, openApp, openMenu, poll, setUpVault, useServedApp } from './harness'

const served = useServedApp()
const TEAM = '团队口令Team#2026'
const NAME = '2026年第三轮/区农业农村局党委'

describe('exchange, import and backup at the door', () => {
  it('a round named with "/" exports, backs up and exchanges; colliding ids are refused, or re-keyed as a new round', async () => {
    const app = await openApp(served.browser(), served.url())
    const { page } = app
    await setUpVault(page)
    await page.getByTestId('load-sample').click()
    await poll(() => lastMessage(page)).toContain('已载入示例轮次')
    await chooseUser(page, '（组长）')
    const roundNames = async () => {
      await openMenu(page, '巡察轮次')
      return (await page.getByTestId('rounds-table').locator('tbody tr td:first-child').allTextContents()).map((t) => t.trim())
    }

    // Rename the round to the name of the issue.
    await openMenu(page, '巡察轮次')
    await page.getByTestId('rounds-table').getByRole('button', { name: '编辑' }).first().click()
    const form = page.getByTestId('round-form')
    await form.getByTestId('round-name').fill(NAME)
    await form.getByTestId('round-save').click()
    await poll(() => page.getByTestId('rounds-table').textContent()).toContain(NAME)

    // 加密导出轮次归档 (recommended): the file does not show its content
    await openMenu(page, '导出')
    await page.getByTestId('archive-passphrase').fill(TEAM)
    const sealed = await download(page, async () => {
      await page.getByTestId('archive-export-encrypted').click()
      await enterPin(page)
    })
    expect(sealed.name).toMatch(/^2026年第三轮／区农业农村局党委-轮次归档（加密）-\d{4}-\d{2}-\d{2}\.xbak$/)
    expect(sealed.bytes.toString('utf8')).not.toContain('周明远')
    expect((await decodeArchive((await decodePackage(sealed.bytes, TEAM)).payload)).snapshot.round.name).toBe(NAME)

    // 明文导出 (the 组长's explicit, warned, audited action)
    const archive = await download(page, async () => {
      await page.getByTestId('archive-export').click()
      await enterPin(page)
    })
    expect(archive.name).toMatch(/^2026年第三轮／区农业农村局党委-轮次归档-\d{4}-\d{2}-\d{2}\.xcra$/)
    await poll(() => lastMessage(page)).toContain('该文件未加密')

    // 立即备份 and 导出全组数据包
    await openMenu(page, '协同交换')
    await page.getByTestId('team-passphrase').fill(TEAM)
    const backup = await download(page, () => page.getByTestId('backup-now').click())
    expect(backup.name).toMatch(/^2026年第三轮／区农业农村局党委-备份-\d{12}\.xbak$/)
    await poll(() => lastMessage(page)).toContain('已备份')
    const state = await download(page, () => page.getByTestId('export-state').click())
    expect(state.name).toContain('2026年第三轮／区农业农村局党委-全组数据包-')
    expect((await decodePackage(state.bytes, TEAM)).header.roundName).toBe(NAME)

    // The same round re-issued under a new round id: refused, naming the round it would have emptied.
    const decoded = await decodeArchive(archive.bytes)
    const original = decoded.snapshot
    const newId = 'reissued-round-id'
    const tables = Object.fromEntries(
      Object.entries(original.tables).map(([t, rows]) => [t, (rows as { roundId: string }[]).map((r) => ({ ...r, roundId: newId }))]),
    )
    const reissued = await encodeArchive(
      { round: { ...original.round, id: newId, name: '另一工具写出的轮次' }, tables } as never,
      decoded.info,
    )
    await openMenu(page, '导出')
    await chooseFile(page, () => page.getByTestId('archive-import').click(), { name: '另一工具.xcra', buffer: Buffer.from(reissued) })
    await page.getByTestId('archive-confirm').click()
    // Refused as it is, naming the round it would have emptied; 不导入 changes nothing.
    const box = page.locator('.el-message-box')
    await poll(() => box.textContent()).toContain(`已属于本机的另一巡察轮次“${NAME}”`)
    await box.getByRole('button', { name: '不导入' }).click()
    await poll(() => lastMessage(page)).toContain('未导入，本机数据未改变')
    expect(await roundNames()).toEqual([NAME])

    // 作为新轮次导入（重新编号）: a second round with every record under a new id.
    await openMenu(page, '导出')
    await chooseFile(page, () => page.getByTestId('archive-import').click(), { name: '另一工具.xcra', buffer: Buffer.from(reissued) })
    await page.getByTestId('archive-confirm').click()
    await box.getByRole('button', { name: '作为新轮次导入（重新编号）' }).click()
    await poll(() => lastMessage(page)).toContain('已作为新轮次导入“另一工具写出的轮次”')
    expect((await roundNames()).sort()).toEqual([NAME, '另一工具写出的轮次'].sort())
    await chooseUser(page, '（组长）', { afterToasts: true }) // the new round has no user on this laptop yet
    await openMenu(page, '导出')
    const copy = await decodeArchive(
      (
        await download(page, async () => {
          await page.getByTestId('archive-export').click()
          await enterPin(page)
        })
      ).bytes,
    )
    expect(copy.counts).toEqual(decoded.counts)
    expect(copy.snapshot.round.id).not.toBe(newId)
    const oldIds = new Set(Object.values(original.tables).flatMap((rows) => (rows as { id: string }[]).map((r) => r.id)))
    const copyIds = Object.values(copy.snapshot.tables).flatMap((rows) => (rows as { id: string }[]).map((r) => r.id))
    expect(copyIds.filter((id) => oldIds.has(id))).toEqual([])

    // The colliding round is untouched: a new archive of it holds every record, still in it.
    await openMenu(page, '巡察轮次')
    await page.getByTestId('rounds-table').getByRole('row', { name: NAME }).getByRole('button', { name: '设为当前' }).click()
    await openMenu(page, '导出')
    const again = await decodeArchive(
      (
        await download(page, async () => {
          await page.getByTestId('archive-export').click()
          await enterPin(page)
        })
      ).bytes,
    )
    expect(again.counts).toEqual(decoded.counts)
    expect(again.snapshot.tables.interviews.every((r) => r.roundId === original.round.id)).toBe(true)
    expect(again.snapshot.tables.interviews.map((r) => r.id)).toEqual(original.tables.interviews.map((r) => r.id))

    // The hand-over, and the 巡察办 opening it read-only on a laptop that holds no round.
    await openMenu(page, '协同交换')
    await page.getByTestId('team-passphrase').fill(TEAM)
    const hov = await download(page, async () => {
      await page.getByTestId('handover').click()
      await enterPin(page)
    })
    expect(hov.name).toMatch(/^2026年第三轮／区农业农村局党委-移交包-\d{4}-\d{2}-\d{2}\.xhov$/)
    const office = await openApp(served.browser(), served.url())
    const p2 = office.page
    await setUpVault(p2)
    await openMenu(p2, '协同交换')
    await p2.getByTestId('team-passphrase').fill('错误的口令Wrong#2026')
    await chooseFile(p2, () => p2.getByTestId('handover-open').click(), { name: hov.name, buffer: hov.bytes })
    await poll(() => lastMessage(p2)).toContain('口令不正确')
    await p2.getByTestId('team-passphrase').fill(TEAM)
    await chooseFile(p2, () => p2.getByTestId('handover-open').click(), { name: hov.name, buffer: hov.bytes })
    await poll(() => p2.getByTestId('handover-verified').isVisible()).toBe(true)
    expect(await p2.getByTestId('handover-round').textContent()).toContain(NAME)
    expect(await p2.getByTestId('handover-counts').textContent()).toContain(`谈话 ${decoded.counts.interviews}`)
    expect(Number((await p2.getByTestId('handover-audit').textContent())?.replace(/\D/g, ''))).toBeGreaterThan(0)
    await p2.screenshot({ path: '/tmp/h4-handover-review.png' })
    // The encrypted archive imports on a fresh laptop: the passphrase is asked for.
    const fresh = await openApp(served.browser(), served.url())
    const p3 = fresh.page
    await setUpVault(p3)
    await chooseFile(p3, () => p3.getByTestId('start-import').click(), { name: sealed.name, buffer: sealed.bytes })
    await p3.locator('.el-message-box input').fill(TEAM)
    await p3.locator('.el-message-box').getByRole('button', { name: '解密并预览' }).click()
    await poll(() => p3.getByTestId('archive-counts').textContent()).toContain(`谈话 ${decoded.counts.interviews}`)
    await p3.getByTestId('archive-confirm').click()
    await poll(() => lastMessage(p3)).toContain(`已导入轮次“${NAME}”`)
    expect(fresh.errors).toEqual([])
    await fresh.context.close()

    // The import screen sends a hand-over here instead of pretending it is a backup.
    await p2.getByTestId('handover-review').locator('.el-dialog__footer button').click()
    await chooseFile(p2, () => p2.getByTestId('exchange-import').click(), { name: hov.name, buffer: hov.bytes })
    await poll(() => lastMessage(p2)).toContain('审阅移交包')

    expect(await app.cspViolations()).toEqual([])
    expect(await office.cspViolations()).toEqual([])
    expect(app.errors).toEqual([])
    await office.context.close()
    await app.context.close()
  })
})
