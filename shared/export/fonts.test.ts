import { describe, expect, it } from 'vitest'
import { loadBundledFonts } from '../../test/export/fonts'
import { FONT_ROLES, fontForRole, lineBoxHeight, readFontMetrics, ROLE_FALLBACK } from './fonts'
import { chineseNumber, headingPrefix } from './pdf-document'

describe('fonts', () => {
  it('reads line metrics from the bundled TTFs', () => {
    const fonts = loadBundledFonts()
    const m = readFontMetrics(fonts.serifRegular)
    expect(m).toEqual({ unitsPerEm: 1000, ascent: 1151, descent: -286 })
    expect(lineBoxHeight(m, 16)).toBeCloseTo(22.99, 2)
  })
  it('maps every role to a file, and lets the user override one', () => {
    const fonts = loadBundledFonts()
    for (const r of FONT_ROLES) expect(fontForRole(fonts, r)).toBe(fonts[ROLE_FALLBACK[r]])
    const own = new Uint8Array([1])
    expect(fontForRole({ ...fonts, roles: { kai: own } }, 'kai')).toBe(own)
  })
  it('rejects font collections and junk', () => {
    expect(() => readFontMetrics(new Uint8Array([0x74, 0x74, 0x63, 0x66, 0, 1, 0, 0, 0, 0, 0, 0]))).toThrow(/ttc/)
    expect(() => readFontMetrics(new Uint8Array(4))).toThrow()
  })
})

describe('heading numbers', () => {
  it('numbers by level', () => {
    expect([1, 9, 10, 11, 20, 21, 99].map(chineseNumber)).toEqual(['一', '九', '十', '十一', '二十', '二十一', '九十九'])
    expect([headingPrefix(1, 3), headingPrefix(2, 12), headingPrefix(3, 2), headingPrefix(4, 5)]).toEqual(['三、', '（十二）', '2.', '（5）'])
  })
})
