import { describe, expect, it } from 'vitest'
import { nextNumber, roundOrdinal } from './numbering'

describe('record numbering', () => {
  it('reads the round ordinal from the batch', () => {
    expect(roundOrdinal('十二届区委第三轮')).toBe(3)
    expect(roundOrdinal('第十轮')).toBe(10)
    expect(roundOrdinal('第十二轮')).toBe(12)
    expect(roundOrdinal('第二十一轮')).toBe(21)
    expect(roundOrdinal('第4轮')).toBe(4)
    expect(roundOrdinal('专项巡察')).toBe(0)
  })
  it('numbers after the highest number in use, ignoring other kinds and rounds', () => {
    const round = { entryDate: '2026-10-19', batch: '十二届区委第三轮' }
    expect(nextNumber(round, 'workingPaper', [])).toBe('2026-03-DG-001')
    expect(nextNumber(round, 'workingPaper', ['2026-03-DG-001', '2026-03-DG-007', '2026-03-XS-020', '2025-03-DG-050'])).toBe(
      '2026-03-DG-008',
    )
    expect(nextNumber(round, 'clue', ['2026-03-XS-009'])).toBe('2026-03-XS-010')
  })
})
