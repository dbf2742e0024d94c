import { beforeEach, describe, expect, it } from 'vitest'
import { encodeArchive } from '@shared/archive'
import { ROUND_TABLES } from '@shared/domain/tables'
import { DeniedError } from './errors'
import { sampleWorkspace, type TestWorkspace } from './testing'
import { pastWipes, verifyHandover, wipeRound, WipeError } from './wipe'

let ws: TestWorkspace
const archiveOf = async () => ({
  name: '十二届区委第三轮巡察-归档.xcra',
  data: await encodeArchive(await ws.repo.snapshot(ws.sample.round.id), {
    appVersion: 'test',
    exportedBy: '组长',
    exportedAt: new Date().toISOString(),
  }),
})

beforeEach(async () => {
  ws = await sampleWorkspace()
})

describe('wipe service', () => {
  it('wipes a round once its hand-over archive matches: key first, then every row, with the record in the audit log', async () => {
    const leader = ws.member('组长')
    const roundId = ws.sample.round.id
    await ws.settings.set(`copyNumber:${roundId}`, 7)
    const verified = await verifyHandover(ws, leader, ws.sample.round, await archiveOf())
    expect(verified.sha256).toMatch(/^[0-9a-f]{64}$/)
    const record = await wipeRound(ws, leader, 'test-device', verified)
    expect(record.counts.interviews).toBe(ws.sample.tables.interviews.length)
    expect(record.wipedBy).toBe(`${leader.name}（组长）`)
    for (const t of ROUND_TABLES) expect(await ws.repo.listIndex(t, roundId)).toEqual([])
    expect(await ws.repo.get('rounds', roundId)).toBeUndefined()
    expect(await ws.settings.get(`copyNumber:${roundId}`, 0)).toBe(0)
    expect(await pastWipes(ws)).toEqual([record])
    expect((await ws.repo.audit.verify()).ok).toBe(true)
  })

  it('refuses anyone but the 组长, and changes nothing', async () => {
    await expect(verifyHandover(ws, ws.member('副组长'), ws.sample.round, await archiveOf())).rejects.toBeInstanceOf(DeniedError)
    await expect(verifyHandover(ws, undefined, ws.sample.round, await archiveOf())).rejects.toThrow('请先在页面顶部选择本机使用人')
    await expect(wipeRound(ws, ws.member('组员'), 'd', { round: ws.sample.round, fileName: 'x', sha256: '' })).rejects.toThrow(
      '只有组长可以清理本轮数据',
    )
    expect((await ws.repo.listIndex('interviews', ws.sample.round.id)).length).toBeGreaterThan(0)
  })

  it('refuses an archive taken before a later change, a file that is no archive, and a wipe not verified', async () => {
    const leader = ws.member('组长')
    const archive = await archiveOf()
    const visit = ws.sample.tables.visits.find((v) => !v.deleted)!
    await ws.repo.save('visits', { ...visit, notes: '=补充：已核实（以“=”开头的文字）' })
    const stale = verifyHandover(ws, leader, ws.sample.round, archive)
    await expect(stale).rejects.toBeInstanceOf(WipeError)
    await expect(stale).rejects.toMatchObject({ code: 'archive-mismatch' })
    await expect(
      verifyHandover(ws, leader, ws.sample.round, { name: 'a/b:c.xcra', data: new TextEncoder().encode('不是归档') }),
    ).rejects.toMatchObject({
      code: 'archive-unreadable',
    })
    await expect(wipeRound(ws, leader, 'd', undefined)).rejects.toMatchObject({ code: 'not-verified' })
    expect(await ws.repo.get('rounds', ws.sample.round.id)).toBeDefined()
    expect(await pastWipes(ws)).toEqual([])
  })

  it('deletes the round\u2019s automatic backups when asked, after the key is gone, and records which', async () => {
    const leader = ws.member('组长')
    const roundId = ws.sample.round.id
    const files = [`自动备份-某轮~${roundId}-202612010800.xbak`]
    const calls: string[] = []
    const folder = {
      listRoundBackups: async (id: string) => (calls.push(`list ${id}`), { folder: 'D:\\巡察备份', files }),
      deleteRoundBackups: async (id: string) => {
        calls.push(`delete ${id} key ${(await ws.repo.db.roundKeys.get(id)) ? 'present' : 'gone'}`)
        return { folder: 'D:\\巡察备份', deleted: files, failed: [] }
      },
    }
    const deleted = await wipeRound(ws, leader, 'd', await verifyHandover(ws, leader, ws.sample.round, await archiveOf()), {
      folder,
      remove: true,
    })
    expect(deleted.backups).toEqual({ folder: 'D:\\巡察备份', files, deleted: true, failed: [] })
    expect(calls).toHaveLength(1)
    expect(calls).toEqual([`delete ${roundId} key gone`])
    expect((await pastWipes(ws))[0]!.backups).toEqual(deleted.backups)
  })

  it('lists the backups where they stay when deletion is not asked, and a folder that fails never stops the wipe', async () => {
    const leader = ws.member('组长')
    const folder = {
      listRoundBackups: async () => ({ folder: 'D:\\巡察备份', files: ['自动备份-x~r-1.xbak'] }),
      deleteRoundBackups: async () => Promise.reject(new Error('不应删除')),
    }
    const verified = await verifyHandover(ws, leader, ws.sample.round, await archiveOf())
    const kept = await wipeRound(ws, leader, 'd', verified, { folder, remove: false })
    expect(kept.backups).toEqual({ folder: 'D:\\巡察备份', files: ['自动备份-x~r-1.xbak'] })
    ws = await sampleWorkspace()
    const again = await verifyHandover(ws, leader, ws.sample.round, await archiveOf())
    const failed = await wipeRound(ws, leader, 'd', again, { folder, remove: true })
    expect(failed.backups).toMatchObject({ deleted: true, files: [], failed: [expect.stringContaining('不应删除')] })
    expect(await ws.repo.get('rounds', ws.sample.round.id)).toBeUndefined()
  })
})
