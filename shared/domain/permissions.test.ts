import { describe, expect, it } from 'vitest'
import { can, denial } from './permissions'

describe('role checks', () => {
  it('lets only the 组长 export clues and round archives', () => {
    expect(can({ role: '组长' }, 'export-clues')).toBe(true)
    expect(can({ role: '副组长' }, 'export-clues')).toBe(false)
    expect(can({ role: '组员' }, 'export-round-archive')).toBe(false)
    expect(denial({ role: '组员' }, 'export-round-archive')).toBe('轮次归档包含问题线索，只有组长可以导出')
  })
  it('lets only a 副组长 review', () => {
    expect(can({ role: '副组长' }, 'review-paper')).toBe(true)
    expect(can({ role: '组长' }, 'review-paper')).toBe(false)
  })
  it('refuses a removed member and asks for a user when none is chosen', () => {
    expect(can({ role: '组长', deleted: true }, 'approve-clue')).toBe(false)
    expect(denial(undefined, 'approve-clue')).toContain('请先在页面顶部选择本机使用人')
  })
})
