import { describe, expect, it } from 'vitest'
import { checkPassphrase, PASSPHRASE_MESSAGES } from './passphrase'

describe('checkPassphrase', () => {
  it('refuses a short passphrase and says how long it is', () => {
    const r = checkPassphrase('Ab1!xyz')
    expect(r.ok).toBe(false)
    expect(r.problems).toContain('口令至少需要 10 个字符（当前 7 个）')
  })

  it('counts code points, so 汉字 and emoji count as one character each', () => {
    expect(checkPassphrase('巡察Ab1').problems).toContain('口令至少需要 10 个字符（当前 5 个）')
    expect(checkPassphrase('😀😀Ab1').problems).toContain('口令至少需要 10 个字符（当前 5 个）')
  })

  it('refuses fewer than three kinds of characters', () => {
    const r = checkPassphrase('morning glory tea')
    // lower case + other (spaces) = 2 kinds
    expect(r.kinds).toBe(2)
    expect(r.ok).toBe(false)
    expect(r.problems).toContain('口令需包含以下至少三类：小写字母、大写字母、数字、符号或汉字（当前 2 类）')
    expect(r.problems[0]).toMatch(/^口令需包含以下至少三类：小写字母、大写字母、数字、符号或汉字/)
  })

  it('refuses one repeated character', () => {
    const r = checkPassphrase('aaaaaaaaaaaa')
    expect(r.problems).toContain(PASSPHRASE_MESSAGES.allSame)
    expect(r.problems).toContain(PASSPHRASE_MESSAGES.tooFewKinds(1))
  })

  it.each(['1234567890Aa!', 'Qwertyuiop1!', 'Password123!', 'P@ssw0rd2024', 'Abcdefgh1!', 'Zxcvbnm,./1A', '!QAZ2wsx3edc'])(
    'refuses the common / sequential passphrase %s',
    (p) => {
      const r = checkPassphrase(p)
      expect(r.ok).toBe(false)
      expect(r.problems).toContain('口令过于常见或规律性太强（如 1234567890、qwertyuiop、password），请换一个')
    },
  )

  it.each(['Xuncha-2025-第三组', '巡察组第三轮Gz2025', 'blue Tiger 7 river', 'tR4#mQ9!vL2w', '西湖龙井与dragon well 9'])(
    'accepts the strong passphrase %s',
    (p) => {
      const r = checkPassphrase(p)
      expect(r.problems).toEqual([])
      expect(r.ok).toBe(true)
      expect(r.kinds).toBeGreaterThanOrEqual(3)
    },
  )

  it('counts 汉字 as the "other" kind', () => {
    expect(checkPassphrase('巡察工作abcd12').kinds).toBe(3)
  })

  it('lists every broken rule at once', () => {
    const r = checkPassphrase('abc')
    expect(r.problems).toEqual([PASSPHRASE_MESSAGES.tooShort(3), PASSPHRASE_MESSAGES.tooFewKinds(1), PASSPHRASE_MESSAGES.common])
  })
})
