// Backups, restore and the hand-over without the screen: what a 组长 would check — the backup
// opens with the passphrase and holds the round; a restore brings back what was changed since;
// automatic backups go to the folder; the hand-over is the 组长's, with archive and audit.
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { decodeArchive } from '@shared/archive'
import { decodePackage, parseJsonPayload, readHandover } from '@shared/exchange'
import type { SaveFileRequest, WriteBackupRequest } from '@shared/bridge/contract'
import { DeniedError } from './errors'
import { BackupError, deliverBackup, makeHandover, openBackup, prepareBackup, restoreBackup } from './backups'
import { sampleWorkspace, type TestWorkspace } from './testing'

vi.setConfig({ testTimeout: 60_000 })

const PASS = '备份口令Backup#2026'
let ws: TestWorkspace
let saved: SaveFileRequest[]
let written: WriteBackupRequest[]
let folderChosen: boolean
const files = {
  saveFile: vi.fn(async (r: SaveFileRequest) => (saved.push(r), { saved: true, location: `/下载/${r.suggestedName}` })),
  backupFolderStatus: vi.fn(async () => (folderChosen ? { chosen: true, label: '/备份' } : { chosen: false })),
  writeBackup: vi.fn(async (r: WriteBackupRequest) => {
    written.push(r)
    return { location: `/备份/${r.fileName}`, size: r.data.byteLength, removed: ['旧的自动备份.xbak'] }
  }),
}

beforeEach(async () => {
  ws = await sampleWorkspace()
  saved = []
  written = []
  folderChosen = false
})

const backupNow = () =>
  prepareBackup(ws, { round: ws.sample.round, deviceId: 'leader-laptop', userName: ws.member('组长').name, passphrase: PASS })

describe('backups service', () => {
  it('backs up the whole round, sealed with the passphrase, and audits where it went', async () => {
    const prepared = await backupNow()
    const secret = ws.sample.tables.interviews.find((i) => i.outline.length > 8)!.outline.slice(0, 8)
    expect(new TextDecoder().decode(prepared.bytes)).not.toContain(secret)
    const done = await deliverBackup(ws, files, prepared, '手动备份', { ask: true })
    expect(done.location).toMatch(/^\/下载\/.*-备份-\d{12}\.xbak$/)
    const { header, payload } = await decodePackage(saved[0]!.data, PASS)
    expect(header).toMatchObject({ kind: 'backup', roundId: ws.sample.round.id, from: { name: ws.member('组长').name } })
    const archive = await decodeArchive(payload)
    expect(archive.snapshot.tables.interviews).toHaveLength(ws.sample.tables.interviews.length)
    expect((await ws.repo.auditEntries('export')).at(-1)!.detail).toMatch(/^手动备份（/)
  })

  it('writes automatic backups into the chosen folder without a dialog, and says what was pruned', async () => {
    folderChosen = true
    const done = await deliverBackup(ws, files, await backupNow(), '导入前自动备份', { keep: 3 })
    expect(saved).toHaveLength(0)
    expect(written[0]).toMatchObject({ keep: 3, fileName: expect.stringMatching(/^自动备份-.*\.xbak$/) })
    expect(done.note).toBe(`${done.location}（导入前自动备份，已删除较早的自动备份 1 份）`)
  })

  it('reports a cancelled save as not saved, and audits nothing', async () => {
    files.saveFile.mockResolvedValueOnce({ saved: false } as never)
    await expect(deliverBackup(ws, files, await backupNow(), '手动备份', { ask: true })).rejects.toThrow(
      new BackupError('not-saved', '备份未保存，操作已取消'),
    )
    expect(await ws.repo.auditEntries('export')).toHaveLength(0)
  })

  it('restores a round as it was backed up, after a preview that changes nothing', async () => {
    await deliverBackup(ws, files, await backupNow(), '手动备份', { ask: true })
    const interview = ws.sample.tables.interviews.find((i) => !i.deleted)!
    await ws.repo.save('interviews', { ...interview, outline: '备份之后的改动' })
    const preview = await openBackup({ name: '备份.xbak', data: saved[0]!.data }, PASS)
    expect(preview).toMatchObject({ fileName: '备份.xbak', by: ws.member('组长').name })
    expect((await ws.repo.get('interviews', interview.id))!.outline).toBe('备份之后的改动')
    await restoreBackup(ws, preview)
    expect((await ws.repo.get('interviews', interview.id))!.outline).toBe(interview.outline)
    expect((await ws.repo.auditEntries('import')).at(-1)!.detail).toBe('从备份恢复')
  })

  it('refuses a backup opened with the wrong passphrase, in Chinese', async () => {
    await deliverBackup(ws, files, await backupNow(), '手动备份', { ask: true })
    await expect(openBackup({ name: '备份.xbak', data: saved[0]!.data }, '另一个口令Other#2026')).rejects.toThrow(/口令/)
  })
})

describe('hand-over service', () => {
  const handover = (role: '组长' | '组员', passphrase = PASS) =>
    makeHandover(ws, files, { round: ws.sample.round, user: ws.member(role), deviceId: 'leader-laptop', passphrase, reports: [] })

  it('builds the 移交包 for the 组长: archive and audit extract, checked by the manifest, audited', async () => {
    const done = await handover('组长')
    expect(done).toMatchObject({ reportsIncluded: false, location: expect.stringContaining('移交包') })
    const { header, payload } = await decodePackage(saved[0]!.data, PASS)
    expect(header.kind).toBe('handover')
    const review = await readHandover(parseJsonPayload(payload))
    expect(review.files.map((f) => [f.role, f.ok])).toEqual(
      expect.arrayContaining([
        ['轮次归档', true],
        ['审计日志摘录', true],
      ]),
    )
    expect((await ws.repo.auditEntries('export')).at(-1)!.detail).toMatch(/^生成移交包：轮次归档 [0-9a-f]{12}/)
  })

  it('refuses a 组员 and a weak passphrase before building anything', async () => {
    await expect(handover('组员')).rejects.toThrow(new DeniedError('只有组长可以生成移交包'))
    await expect(handover('组长', '123456')).rejects.toThrow(/^口令强度不足：/)
    expect(saved).toHaveLength(0)
  })
})
