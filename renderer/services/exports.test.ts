import { beforeEach, describe, expect, it } from 'vitest'
import { decodeArchive, encodeArchive } from '@shared/archive'
import { nextCopyNumber } from './exports'
import { sampleWorkspace, type TestWorkspace } from './testing'

let ws: TestWorkspace
beforeEach(async () => {
  ws = await sampleWorkspace()
})

describe('份号 kept with the round', () => {
  it('draws 1, 2, 3 … on the round record, one at a time even when asked at once', async () => {
    const id = ws.sample.round.id
    const drawn = await Promise.all([nextCopyNumber(ws, id), nextCopyNumber(ws, id), nextCopyNumber(ws, id)])
    expect(drawn.sort()).toEqual([1, 2, 3])
    expect((await ws.repo.get('rounds', id))!.copyCounter).toBe(3)
  })

  it("goes on from the round's counter on another laptop that imports the round archive (hand-over)", async () => {
    const id = ws.sample.round.id
    await nextCopyNumber(ws, id)
    await nextCopyNumber(ws, id)
    const archive = await encodeArchive(await ws.repo.snapshot(id), {
      appVersion: 't',
      exportedBy: '组长',
      exportedAt: new Date().toISOString(),
    })
    const other = await sampleWorkspace()
    const { snapshot } = await decodeArchive(archive)
    expect(snapshot.round.copyCounter).toBe(2)
    await other.repo.replaceRound(snapshot, { action: 'import', table: 'rounds', recordId: id })
    expect(await nextCopyNumber(other, id)).toBe(3)
  })

  it('never repeats a number this laptop printed before the counter moved onto the round', async () => {
    const id = ws.sample.round.id
    await ws.settings.set(`copyNumber:${id}`, 41)
    expect(await nextCopyNumber(ws, id)).toBe(42)
    expect(await nextCopyNumber(ws, id)).toBe(43)
  })

  it('says so, and changes nothing, when the round is gone or its numbers are used up', async () => {
    await expect(nextCopyNumber(ws, 'no-such-round')).rejects.toThrow('找不到该轮次，无法编份号')
    const id = ws.sample.round.id
    await ws.repo.save('rounds', { ...(await ws.repo.get('rounds', id))!, copyCounter: 999_999 })
    await expect(nextCopyNumber(ws, id)).rejects.toThrow('本轮的份号已用到 999999')
    expect((await ws.repo.get('rounds', id))!.copyCounter).toBe(999_999)
  })
})
