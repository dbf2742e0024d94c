// Backups of the 组长's round, built by the backup worker under the production CSP: 立即备份
// gives a file that decrypts with the team passphrase and holds the round; the automatic backup
// taken when an import is confirmed holds the data as it was before the import; restoring it
// shows the round's contents first. (The member's laptop is simulated with the app's exchange code.)
import { describe, expect, it } from 'vitest'
import { decodeArchive } from '@shared/archive'
import {
  buildChangeSet,
  decodePackage,
  emptySyncState,
  encodePackage,
  mergeChangeSet,
  parseJsonPayload,
  stampLocal,
  validateChangeSet,
} from '@shared/exchange'
import { chooseFile, chooseUser, download, lastMessage, openApp, openMenu, poll, setUpVault, useServedApp } from './harness'

const served = useServedApp()
const TEAM = '团队口令Team#2026'

/** The member's laptop: joins with the 全组数据包, changes one interview's outline, exports a change package. */
async function memberChanges(
  state: Buffer,
  outline: string,
): Promise<{ id: string; before: string; file: { name: string; bytes: Buffer } }> {
  const { header, payload } = await decodePackage(state, TEAM)
  const joined = mergeChangeSet(
    emptySyncState('member-laptop'),
    new Map(),
    validateChangeSet(parseJsonPayload(payload), header),
    new Date().toISOString(),
  )
  const records = joined.writes.map((w) => ({ ...w }))
  const i = records.findIndex((r) => r.table === 'interviews' && !r.record.deleted)
  const before = String(records[i]!.record.outline)
  records[i] = {
    table: 'interviews',
    record: { ...records[i]!.record, outline, updatedAt: new Date().toISOString(), deviceId: 'member-laptop' },
  }
  const head = {
    packageId: crypto.randomUUID(),
    roundId: header.roundId,
    from: { deviceId: 'member-laptop', name: '赵敏' },
    createdAt: new Date().toISOString(),
  }
  const set = buildChangeSet(stampLocal(joined.state, records), records, { kind: 'since-ack' }, head)
  const bytes = await encodePackage(
    { kind: 'changes', roundName: header.roundName, ...head },
    new TextEncoder().encode(JSON.stringify(set)),
    TEAM,
  )
  return { id: String(records[i]!.record.id), before, file: { name: '变更包-赵敏.xchg', bytes: Buffer.from(bytes) } }
}

async function openBackup(bytes: Buffer) {
  const { header, payload } = await decodePackage(bytes, TEAM)
  return { header, archive: await decodeArchive(payload) }
}

describe('backups of a round', () => {
  it('backs up now, backs up before an import, and restores', async () => {
    const app = await openApp(served.browser(), served.url())
    const { page } = app
    await setUpVault(page)
    await page.getByTestId('load-sample').click()
    await poll(() => lastMessage(page)).toContain('已载入示例轮次')
    await chooseUser(page, '（组长）')
    await openMenu(page, '协同交换')
    await page.getByTestId('team-passphrase').fill(TEAM)

    const now = await download(page, () => page.getByTestId('backup-now').click())
    expect(now.name).toMatch(/备份-\d{12}\.xbak$/)
    expect(now.bytes.toString('utf8')).not.toContain('周明远')
    const manual = await openBackup(now.bytes)
    expect(manual.header.kind).toBe('backup')
    expect(manual.archive.counts.interviews).toBeGreaterThan(50)
    await poll(() => lastMessage(page)).toContain('已备份')

    // An import: the automatic backup is saved when it is confirmed, with the data before it.
    const state = await download(page, () => page.getByTestId('export-state').click())
    const change = await memberChanges(state.bytes, '组员补充的谈话提纲')
    await chooseFile(page, () => page.getByTestId('exchange-import').click(), { name: change.file.name, buffer: change.file.bytes })
    await page.getByTestId('preview-from').waitFor()
    const auto = await download(page, () => page.getByTestId('import-confirm').click())
    await poll(() => lastMessage(page)).toContain('已导入')
    const before = await openBackup(auto.bytes)
    expect(before.archive.snapshot.tables.interviews.find((r) => r.id === change.id)!.outline).toBe(change.before)
    const after = await openBackup((await download(page, () => page.getByTestId('backup-now').click())).bytes)
    expect(after.archive.snapshot.tables.interviews.find((r) => r.id === change.id)!.outline).toBe('组员补充的谈话提纲')

    // Restoring the automatic backup shows what it holds before anything is replaced.
    await chooseFile(page, () => page.getByTestId('restore').click(), { name: auto.name, buffer: auto.bytes })
    await poll(() => page.getByTestId('restore-counts').textContent()).toContain(`谈话 ${before.archive.counts.interviews}`)
    await page.getByTestId('restore-confirm').click()
    await poll(() => lastMessage(page)).toContain('已从备份恢复')
    const restored = await openBackup((await download(page, () => page.getByTestId('backup-now').click())).bytes)
    expect(restored.archive.snapshot.tables.interviews.find((r) => r.id === change.id)!.outline).toBe(change.before)

    expect(await app.cspViolations()).toEqual([])
    expect(app.errors).toEqual([])
    await app.context.close()
  })
})
