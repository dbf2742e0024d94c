import { beforeAll, describe, expect, it } from 'vitest'
import { base64ToBytes } from './base64'
import { VaultError } from './errors'
import { isEncryptedBody, openFields, recordAad, sealFields, type EncryptedBody } from './field-cipher'
import { createRoundKey, openRoundKey, type WrappedRoundKey } from './round-keys'
import { createVault } from './vault'

let master: CryptoKey
let otherMaster: CryptoKey
let keyA: CryptoKey
let keyB: CryptoKey
let wrappedA: WrappedRoundKey
let wrappedB: WrappedRoundKey

beforeAll(async () => {
  ;[{ masterKey: master }, { masterKey: otherMaster }] = await Promise.all([
    createVault('Xuncha-2025-第三组', { iterations: 1_000 }),
    createVault('另一台电脑Laptop-2', { iterations: 1_000 }),
  ])
  ;({ key: keyA, wrapped: wrappedA } = await createRoundKey(master, 'round-A'))
  ;({ key: keyB, wrapped: wrappedB } = await createRoundKey(master, 'round-B'))
})

const attachmentBytes = new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x2e, 0x37, 0, 255, 128])
const FIELDS = {
  name: '张某某',
  summary: '反映该单位“三重一大”事项未经集体研究决定',
  tags: ['信访', '线索'],
  detail: { amount: 12_345.67, parties: [{ role: '经办人', name: '李某' }], note: null },
  data: btoa(String.fromCharCode(...attachmentBytes)),
}

async function tampered(work: Promise<unknown>): Promise<void> {
  await expect(work).rejects.toBeInstanceOf(VaultError)
  await expect(work).rejects.toMatchObject({ code: 'tampered', message: '数据校验失败：记录可能被篡改或损坏' })
}

describe('round keys', () => {
  it('are non-extractable AES-256-GCM keys that reopen from the wrapped form', async () => {
    expect(keyA.extractable).toBe(false)
    expect(keyA.algorithm).toMatchObject({ name: 'AES-GCM', length: 256 })
    expect(wrappedA.roundId).toBe('round-A')
    const again = await openRoundKey(master, JSON.parse(JSON.stringify(wrappedA)) as WrappedRoundKey)
    const body = await sealFields(keyA, 'people/p1', { a: 1 })
    expect(await openFields(again, 'people/p1', body)).toEqual({ a: 1 })
  })

  it('refuse a wrapped key moved to another round', async () => {
    const moved = { ...wrappedA, roundId: 'round-B' }
    await expect(openRoundKey(master, moved)).rejects.toMatchObject({ code: 'tampered' })
  })

  it('refuse a wrapped key from another vault (another master key)', async () => {
    await expect(openRoundKey(otherMaster, wrappedB)).rejects.toMatchObject({ code: 'tampered' })
  })
})

describe('field cipher', () => {
  it('round-trips Chinese text, nested objects and a base64 attachment', async () => {
    const body = await sealFields(keyA, recordAad('attachments', 'att-1'), FIELDS)
    expect(isEncryptedBody(body)).toBe(true)
    const back = await openFields(keyA, 'attachments/att-1', JSON.parse(JSON.stringify(body)))
    expect(back).toEqual(FIELDS)
    expect(Uint8Array.from(atob(back.data as string), (c) => c.charCodeAt(0))).toEqual(attachmentBytes)
  })

  it('uses a fresh IV each time, so two seals of the same fields differ', async () => {
    const a = await sealFields(keyA, 'people/p1', FIELDS)
    const b = await sealFields(keyA, 'people/p1', FIELDS)
    expect(a.iv).not.toBe(b.iv)
    expect(a.ct).not.toBe(b.ct)
    expect(base64ToBytes(a.iv)).toHaveLength(12)
  })

  it('does not contain the plaintext', async () => {
    const body = await sealFields(keyA, 'people/p1', FIELDS)
    const json = JSON.stringify(body)
    for (const s of ['张某某', '三重一大', '经办人', FIELDS.data, 'summary']) expect(json).not.toContain(s)
    const ct = base64ToBytes(body.ct)
    const needle = new TextEncoder().encode('三重一大')
    const hay = Array.from(ct).join(',')
    expect(hay.includes(Array.from(needle).join(','))).toBe(false)
  })

  it('refuses a ciphertext with one altered byte', async () => {
    const body = await sealFields(keyA, 'people/p1', FIELDS)
    const ct = base64ToBytes(body.ct)
    for (const at of [0, Math.floor(ct.length / 2), ct.length - 1]) {
      const bad = new Uint8Array(ct)
      bad[at]! ^= 0x01
      await tampered(openFields(keyA, 'people/p1', { ...body, ct: btoa(String.fromCharCode(...bad)) }))
    }
    const iv = base64ToBytes(body.iv)
    iv[0]! ^= 0x80
    await tampered(openFields(keyA, 'people/p1', { ...body, iv: btoa(String.fromCharCode(...iv)) }))
  })

  it('refuses bodies swapped between two records', async () => {
    const p1 = await sealFields(keyA, 'people/p1', { name: '张三' })
    const p2 = await sealFields(keyA, 'people/p2', { name: '李四' })
    await tampered(openFields(keyA, 'people/p2', p1))
    await tampered(openFields(keyA, 'people/p1', p2))
    // same id, another table
    await tampered(openFields(keyA, 'clues/p1', p1))
  })

  it('refuses the wrong round key', async () => {
    const body = await sealFields(keyA, 'people/p1', FIELDS)
    await tampered(openFields(keyB, 'people/p1', body))
  })

  it('tells a damaged or newer body apart from tampering', async () => {
    await expect(openFields(keyA, 'people/p1', { name: '明文' })).rejects.toMatchObject({ code: 'corrupt' })
    await expect(openFields(keyA, 'people/p1', { v: 2, iv: '', ct: '' })).rejects.toMatchObject({ code: 'unsupported-version' })
    await expect(openFields(keyA, 'people/p1', { v: 1, iv: 'not base64!', ct: 'AAAA' })).rejects.toMatchObject({ code: 'corrupt' })
    expect(isEncryptedBody({ name: '明文' })).toBe(false)
    expect(isEncryptedBody(null)).toBe(false)
    expect(isEncryptedBody({ v: 1, iv: 'a', ct: 'b' } satisfies EncryptedBody)).toBe(true)
  })
})
