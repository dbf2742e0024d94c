import { describe, expect, it } from 'vitest'
import { isSafeFileName } from '../bridge/contract'
import { safeFileName } from './filename'

describe('safeFileName', () => {
  it.each([
    ['2026年第三轮/区农业农村局党委-轮次归档-2026-11-21', '2026年第三轮／区农业农村局党委-轮次归档-2026-11-21.xcra'],
    ['名称:含*问号?"引号"<>|\\', '名称：含＊问号？＂引号＂＜＞｜＼.xcra'],
    ['.隐藏', '隐藏.xcra'],
    ['CON', '_CON.xcra'],
    ['\u0000\u001f', '未命名.xcra'],
  ])('%s', (stem, expected) => {
    expect(safeFileName(stem, 'xcra')).toBe(expected)
    expect(isSafeFileName(safeFileName(stem, 'xcra'))).toBe(true)
  })

  it('cuts a very long name (CJK Ext B included) to fit every file system, keeping the extension', () => {
    const name = safeFileName(`陈𠈌${'区农业农村局党委'.repeat(200)}`, 'xbak')
    expect(new TextEncoder().encode(name).length).toBeLessThanOrEqual(200)
    expect(name.endsWith('….xbak')).toBe(true)
    expect(name.startsWith('陈𠈌')).toBe(true)
    expect(isSafeFileName(name)).toBe(true)
  })
})
