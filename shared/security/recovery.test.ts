import { describe, expect, it } from 'vitest'
import { VaultError } from './errors'
import { CROCKFORD_ALPHABET, checkRecoveryKey, generateRecoveryKey, normalizeRecoveryKey, parseRecoveryKey } from './recovery'

const FORMAT = /^[0-9A-HJKMNP-TV-Z]{5}(-[0-9A-HJKMNP-TV-Z]{5}){7}$/

describe('recovery key', () => {
  it('is 8 groups of 5 unambiguous characters, different every time', () => {
    const keys = new Set(Array.from({ length: 50 }, generateRecoveryKey))
    expect(keys.size).toBe(50)
    for (const k of keys) {
      expect(k).toMatch(FORMAT)
      expect(k).not.toMatch(/[ILOU]/)
      expect(checkRecoveryKey(k)).toEqual({ ok: true, key: k })
    }
  })

  it('carries at least 160 bits of randomness', () => {
    // 34 random base32 characters before the 6 checksum characters
    expect(34 * Math.log2(CROCKFORD_ALPHABET.length)).toBeGreaterThanOrEqual(160)
  })

  it('accepts what a person types: lower case, spaces, no dashes, O for 0, I/L for 1', () => {
    const key = generateRecoveryKey()
    const sloppy = key
      .toLowerCase()
      .replace(/-/g, ' ')
      .replace(/0/g, 'o')
      .replace(/1/g, (_, i: number) => (i % 2 ? 'l' : 'I'))
    expect(normalizeRecoveryKey(sloppy)).toBe(key)
    expect(parseRecoveryKey(sloppy)).toBe(key)
    expect(parseRecoveryKey(key.replace(/-/g, ''))).toBe(key)
    // full-width characters from a Chinese input method
    const fullWidth = [...key].map((c) => (c === '-' ? '－' : String.fromCharCode(c.charCodeAt(0) + 0xfee0))).join('')
    expect(parseRecoveryKey(fullWidth)).toBe(key)
  })

  it('detects any single wrong character', () => {
    const key = generateRecoveryKey()
    const chars = [...key.replace(/-/g, '')]
    for (let i = 0; i < chars.length; i++) {
      for (const sub of CROCKFORD_ALPHABET) {
        if (sub === chars[i]) continue
        const typo = [...chars]
        typo[i] = sub
        expect(checkRecoveryKey(typo.join(''))).toEqual({ ok: false, problem: '恢复密钥有误：请逐组核对' })
      }
    }
  })

  it('detects two swapped neighbours and a dropped group', () => {
    const key = generateRecoveryKey()
    const chars = [...key.replace(/-/g, '')]
    for (let i = 0; i + 1 < chars.length; i++) {
      if (chars[i] === chars[i + 1]) continue
      const swapped = [...chars]
      ;[swapped[i], swapped[i + 1]] = [swapped[i + 1]!, swapped[i]!]
      expect(checkRecoveryKey(swapped.join('')).ok).toBe(false)
    }
    const dropped = key.split('-').slice(1).join('-')
    expect(checkRecoveryKey(dropped)).toEqual({ ok: false, problem: '恢复密钥应为 40 个字符（8 组，每组 5 个），当前 35 个' })
  })

  it('names characters that cannot be in a key, and refuses with VaultError', () => {
    const key = generateRecoveryKey()
    expect(checkRecoveryKey(`U${key.slice(1)}`)).toEqual({ ok: false, problem: '恢复密钥含有无效字符：U' })
    expect(checkRecoveryKey('')).toEqual({ ok: false, problem: '请输入恢复密钥' })
    try {
      parseRecoveryKey(key.slice(0, -1) + (key.endsWith('0') ? '2' : '0'))
      expect.unreachable()
    } catch (e) {
      expect(e).toBeInstanceOf(VaultError)
      expect((e as VaultError).code).toBe('wrong-recovery-key')
      expect((e as VaultError).message).toBe('恢复密钥有误：请逐组核对')
    }
  })
})
