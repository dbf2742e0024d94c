import { describe, expect, it } from 'vitest'
import { sealFields } from '../security/field-cipher'
import { emptySyncState, readSync, stampLocal } from './index'
import { openSyncState, sealSyncState } from './state-seal'

const key = () => crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt'])
const state = () => stampLocal(emptySyncState('dev-A'), [{ table: 'visits', record: { id: 'v1', roundId: 'R', notes: '走访记录' } }])

describe('sealed exchange state', () => {
  it('round-trips as bytes, bound to its row', async () => {
    const k = await key()
    const sealed = await sealSyncState(k, 'exchange/state:R', state())
    expect(sealed.ct).toBeInstanceOf(Uint8Array)
    expect(new TextDecoder().decode(sealed.ct)).not.toContain('visits/v1')
    expect(await openSyncState(k, 'exchange/state:R', structuredClone(sealed))).toEqual(state())
    await expect(openSyncState(k, 'exchange/state:OTHER', sealed)).rejects.toThrow('数据校验失败')
    const flipped = { ...sealed, ct: sealed.ct.map((b, i) => (i === 3 ? b ^ 1 : b)) }
    await expect(openSyncState(k, 'exchange/state:R', flipped)).rejects.toThrow('数据校验失败')
    await expect(openSyncState(k, 'exchange/state:R', { v: 2, iv: 'x', ct: sealed.ct })).rejects.toThrow('已损坏')
  })

  it('still reads a format-1 row (base64 body, RecordSync objects) and upgrades it', async () => {
    const k = await key()
    const old = {
      deviceId: 'dev-A',
      counter: 1,
      imported: [],
      known: { 'dev-A': 1 },
      acked: 0,
      conflicts: [],
      records: {
        'visits/v1': { vv: { 'dev-A': 1 }, stamps: { notes: { d: 'dev-A', n: 1 } }, hashes: { notes: 'a'.repeat(32) }, owner: 'dev-A' },
      },
    }
    const opened = await openSyncState(k, 'exchange/state:R', await sealFields(k, 'exchange/state:R', old))
    expect(opened.format).toBe(2)
    expect(readSync(opened, 'visits/v1')).toEqual({
      vv: { 'dev-A': 1 },
      stamps: { notes: { d: 'dev-A', n: 1 } },
      hashes: { notes: 'a'.repeat(32) },
      owner: 'dev-A',
    })
  })
})
