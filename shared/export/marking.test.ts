import { describe, expect, it } from 'vitest'
import { formatCopyNumber, markingText, watermarkText } from './marking'

describe('markingText', () => {
  it('prints each level', () => {
    expect(markingText({ level: '无' })).toBe('')
    expect(markingText({ level: '内部' })).toBe('内部')
    expect(markingText({ level: '内部事项 注意保管' })).toBe('内部事项 注意保管')
    expect(markingText({ level: '秘密', years: 1 })).toBe('秘密★1年')
    expect(markingText({ level: '机密', years: 10 })).toBe('机密★10年')
    expect(markingText({ level: '秘密' })).toBe('秘密')
  })
})

describe('formatCopyNumber', () => {
  it('pads to six digits', () => {
    expect(formatCopyNumber(1)).toBe('000001')
    expect(formatCopyNumber(123456)).toBe('123456')
  })
  it('rejects what cannot be a 份号', () => {
    expect(() => formatCopyNumber(0)).toThrow(RangeError)
    expect(() => formatCopyNumber(1.5)).toThrow(RangeError)
    expect(() => formatCopyNumber(1_000_000)).toThrow(RangeError)
  })
})

describe('watermarkText', () => {
  it('shows user and local time to the minute', () => {
    expect(watermarkText('刘洋', new Date(2026, 10, 21, 14, 5, 59))).toBe('刘洋 2026-11-21 14:05')
    const iso = new Date(2026, 0, 2, 9, 7).toISOString()
    expect(watermarkText(' 李明 ', iso)).toBe('李明 2026-01-02 09:07')
  })
  it('rejects an invalid time', () => {
    expect(() => watermarkText('刘洋', 'not a date')).toThrow(RangeError)
  })
})
