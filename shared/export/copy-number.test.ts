import { describe, expect, it } from 'vitest'
import { keepCopyCounter, nextCopyNumber } from './copy-number'

describe("the round's 份号 counter", () => {
  it("goes on from the round's counter, or from what this laptop counted before it moved onto the round", () => {
    expect(nextCopyNumber({})).toBe(1)
    expect(nextCopyNumber({ copyCounter: 7 })).toBe(8)
    expect(nextCopyNumber({ copyCounter: 7 }, 12)).toBe(13)
    expect(() => nextCopyNumber({ copyCounter: 999_999 })).toThrow('本轮的份号已用到 999999')
  })
  it('is never lowered by a save from a screen that holds an older copy of the round', () => {
    const stale = { name: '旧', copyCounter: 3 }
    const fresh: { name: string; copyCounter?: number } = { name: '新' }
    expect(keepCopyCounter(stale, { copyCounter: 9 })).toEqual({ name: '旧', copyCounter: 9 })
    expect(keepCopyCounter(fresh, { copyCounter: 4 })).toEqual({ name: '新', copyCounter: 4 })
    expect(keepCopyCounter(fresh, undefined)).toEqual({ name: '新' })
  })
})
