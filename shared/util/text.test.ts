import { describe, expect, it } from 'vitest'
import { clauseTitle } from './text'

describe('clauseTitle', () => {
  it('keeps a short first sentence whole, with an ellipsis when more follows', () => {
    expect(clauseTitle('公务接待无公函。另有两次超标准接待。')).toBe('公务接待无公函…')
    expect(clauseTitle('公务接待无公函。')).toBe('公务接待无公函')
    expect(clauseTitle('公务接待无公函')).toBe('公务接待无公函')
  })
  it('cuts a long sentence at the last clause boundary, never mid-phrase', () => {
    const text = '反映2024年局机关公务接待管理不规范，部分接待无公函、无清单，存在超标准接待问题，涉及金额约3万元'
    const title = clauseTitle(text, 30)
    expect(title).toBe('反映2024年局机关公务接待管理不规范，部分接待无公函…')
    expect(title).not.toMatch(/部分接待无$/)
  })
  it('cuts at the length with an ellipsis when there is no boundary near, counting 𠈌 as one character', () => {
    const text = `陈𠈌${'甲'.repeat(40)}`
    const title = clauseTitle(text, 10)
    expect(title).toBe(`陈𠈌${'甲'.repeat(8)}…`)
  })
})
