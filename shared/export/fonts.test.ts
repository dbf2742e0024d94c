import { describe, expect, it } from 'vitest'
import { debianFont, loadBundledFonts } from '../../test/export/fonts'
import { missingCharacters, splitByCoverage } from './font-fallback'
import {
  fallbackChain,
  FONT_ROLES,
  fontForRole,
  fontUse,
  lineBoxHeight,
  readFontMetrics,
  roleFont,
  ROLE_STAND_IN,
  standInNote,
} from './fonts'
import { chineseNumber, fontFamilies, headingPrefix, officialDocDefinition } from './pdf-document'
import { bytesReader, extractFace, faceOffsets, readCoverage, readFaceNames } from './sfnt'

describe('fonts', () => {
  it('reads line metrics from the bundled TTFs', () => {
    const fonts = loadBundledFonts()
    const m = readFontMetrics(fonts.serifRegular)
    expect(m).toEqual({ unitsPerEm: 1000, ascent: 1151, descent: -286 })
    expect(lineBoxHeight(m, 16)).toBeCloseTo(22.99, 2)
  })

  it('sets each role in a stand-in that looks like it, and lets the office font override one role', () => {
    const fonts = loadBundledFonts()
    const names = (r: (typeof FONT_ROLES)[number]) => readFaceNames(bytesReader(fontForRole(fonts, r))).families
    expect(names('fangsong')).toContain('Noto Serif SC') // 仿宋 → serif
    expect(names('hei')).toContain('Noto Sans SC') // 黑体 → sans
    expect(names('kai')).toContain('霞鹜文楷') // 楷体 → a 楷 face, decoded from WOFF
    expect(readFaceNames(bytesReader(fontForRole(fonts, 'xiaobiaosong'))).subfamily).toBe('Bold') // 小标宋 → heavy serif
    expect(names('song')).toContain('Noto Serif SC')
    expect(ROLE_STAND_IN.kai).toBe('kaiRegular')
    const own = { name: '楷体_GB2312', bytes: debianFont('wenKaiTtf') }
    const withOwn = { ...fonts, roles: { kai: own } }
    expect(fontForRole(withOwn, 'kai')).toBe(own.bytes)
    expect(fontForRole(withOwn, 'hei')).toBe(fontForRole(fonts, 'hei'))
    expect(fontUse(withOwn).map((u) => `${u.role}:${u.standIn ? '替代' : u.name}`)).toEqual([
      'fangsong:替代',
      'hei:替代',
      'kai:楷体_GB2312',
      'xiaobiaosong:替代',
      'song:替代',
    ])
    expect(standInNote(fontUse({ ...fonts, roles: Object.fromEntries(FONT_ROLES.map((r) => [r, own])) }))).toBe('')
  })

  it('rejects font collections and junk where one face is needed', () => {
    expect(() => readFontMetrics(new Uint8Array([0x74, 0x74, 0x63, 0x66, 0, 1, 0, 0, 0, 0, 0, 0]))).toThrow(/ttc/)
    expect(() => readFontMetrics(new Uint8Array(4))).toThrow()
    expect(() => faceOffsets(bytesReader(new TextEncoder().encode('not a font at all')))).toThrow(/不是 TrueType/)
  })
})

/** A two-face collection (.ttc) built from two real fonts, as simsun.ttc holds SimSun and NSimSun. */
function collection(a: Uint8Array, b: Uint8Array): Uint8Array {
  const faces = [a, b]
  const header = 12 + 4 * faces.length
  const out = new Uint8Array(header + a.byteLength + b.byteLength)
  const v = new DataView(out.buffer)
  v.setUint32(0, 0x74746366)
  v.setUint32(4, 0x00010000)
  v.setUint32(8, faces.length)
  let at = header
  faces.forEach((f, i) => {
    v.setUint32(12 + 4 * i, at)
    // table offsets in a TTC are from the start of the file
    const copy = f.slice()
    const cv = new DataView(copy.buffer)
    for (let t = 0; t < cv.getUint16(4); t++) cv.setUint32(12 + 16 * t + 8, cv.getUint32(12 + 16 * t + 8) + at)
    out.set(copy.subarray(0, 12 + 16 * cv.getUint16(4)), at)
    out.set(f.subarray(12 + 16 * cv.getUint16(4)), at + 12 + 16 * cv.getUint16(4))
    at += f.byteLength
  })
  return out
}

describe('sfnt', () => {
  it('reads the names and characters of each face of a collection, and extracts one face', () => {
    const ttc = collection(debianFont('hanaMinA'), debianFont('hanaMinB'))
    const read = bytesReader(ttc)
    const offsets = faceOffsets(read)
    expect(offsets).toHaveLength(2)
    expect(readFaceNames(read, offsets[0]).families).toEqual(['HanaMinA', '花園明朝A'])
    expect(readFaceNames(read, offsets[1]).families).toEqual(['HanaMinB', '花園明朝B'])
    expect(readCoverage(read, offsets[0]).has(0x9648)).toBe(true) // 陈
    expect(readCoverage(read, offsets[1]).has(0x2020c)).toBe(true) // 𠈌 (Extension B)
    const face = extractFace(ttc, 1)
    expect(readFaceNames(bytesReader(face)).postscript).toBe('HanaMinB')
    expect(readCoverage(bytesReader(face)).has(0x2020c)).toBe(true)
    expect(readFontMetrics(face).unitsPerEm).toBeGreaterThan(0)
    expect(() => extractFace(ttc, 2)).toThrow(/第 3 个/)
  }, 60_000) // 53 MB of fonts copied around: slow on a busy machine

  it('knows which characters the bundled faces lack', () => {
    const c = readCoverage(bytesReader(fontForRole(loadBundledFonts(), 'fangsong')))
    expect(c.covers('陈同志，一、（一）123abc')).toBe(true)
    expect(c.has(0x2020c)).toBe(false)
  })
})

describe('per-character fallback', () => {
  const fonts = { ...loadBundledFonts(), extra: [{ name: 'HanaMinB', bytes: debianFont('hanaMinB') }] }
  const chain = fallbackChain(fonts)
  const coverage = new Map([['Body', roleFont(fonts, 'fangsong').coverage], ...chain.map((f, i) => [`Fb${i}`, f.coverage] as const)])
  const fb = { coverage, chain: chain.map((_, i) => `Fb${i}`) }
  const extB = `Fb${chain.findIndex((f) => f.name === 'HanaMinB')}`

  it('sets only the missing character in the font that has it, keeping the run’s other properties', () => {
    const content: unknown[] = [
      { text: '陈𠈌同志', font: 'Body' },
      { text: ['甲', { text: '𠈌，', noWrap: true, bold: true }], font: 'Body' },
      { table: { body: [[{ text: '陈𠈌' }]] } },
      { text: '全部都有' },
    ]
    splitByCoverage(content, 'Body', fb)
    expect(content[0]).toEqual({ text: ['陈', { text: '𠈌', font: extB }, '同志'], font: 'Body' })
    expect(content[1]).toEqual({
      text: ['甲', { text: '𠈌', noWrap: true, bold: true, font: extB }, { text: '，', noWrap: true, bold: true, font: 'Body' }],
      font: 'Body',
    })
    expect((content[2] as { table: { body: unknown[][] } }).table.body[0]![0]).toEqual({ text: ['陈', { text: '𠈌', font: extB }] })
    expect(content[3]).toEqual({ text: '全部都有' })
  })

  it('names characters no font has, and where they are', () => {
    const missing = missingCharacters(
      {
        title: '报告',
        blocks: [
          { kind: 'heading', level: 1, text: '基本情况' },
          { kind: 'paragraph', text: '甲' },
          { kind: 'paragraph', text: '陈𠈌同志' },
        ],
      },
      chain.filter((f) => f.name !== 'HanaMinB').map((f) => f.coverage),
    )
    expect(missing).toEqual([{ char: '𠈌', places: ['“基本情况”下第 2 段'] }])
    expect(
      missingCharacters(
        { title: '陈𠈌', blocks: [] },
        chain.map((f) => f.coverage),
      ),
    ).toEqual([])
  })
})

describe('each role in its own font', () => {
  it('sets title, headings, body, marking and page number in their roles’ fonts, an office font replacing only its role', () => {
    const bundled = loadBundledFonts()
    const hanaA = debianFont('hanaMinA')
    // five distinct byte arrays (same font) so each role's font can be told apart by identity
    const own = Object.fromEntries(FONT_ROLES.map((r) => [r, { name: r, bytes: hanaA.slice() }])) as Record<
      (typeof FONT_ROLES)[number],
      { name: string; bytes: Uint8Array }
    >
    for (const role of FONT_ROLES) {
      const families = fontFamilies({ ...bundled, roles: { [role]: own[role] } })
      const usedBy = (family: string) => FONT_ROLES.filter((r) => families[family]!.normal === own[r].bytes)
      const def = officialDocDefinition(
        {
          title: '标题',
          blocks: [
            { kind: 'heading', level: 1, text: '一级' },
            { kind: 'heading', level: 2, text: '二级' },
            { kind: 'paragraph', text: '正文' },
          ],
        },
        { ...bundled, roles: { [role]: own[role] } },
        { marking: { level: '秘密', years: 1 }, copyNumber: 1 },
      ) as { content: { text: unknown; font?: string }[]; defaultStyle: { font: string }; footer: (n: number) => { font: string } }
      const plain = (t: unknown): string =>
        typeof t === 'string'
          ? t
          : Array.isArray(t)
            ? t.map(plain).join('')
            : t && typeof t === 'object'
              ? plain((t as { text: unknown }).text)
              : ''
      const fontOf = (text: string) => {
        const node = def.content.find((n) => plain(n.text) === text)
        if (!node) throw new Error(`no node “${text}”`)
        return node.font ?? def.defaultStyle.font
      }
      const roleOf = (family: string) => usedBy(family)[0] ?? 'stand-in'
      const got = {
        xiaobiaosong: roleOf(fontOf('标题')),
        hei: roleOf(fontOf('一、一级')),
        kai: roleOf(fontOf('（一）二级')),
        fangsong: roleOf(fontOf('正文')),
        song: roleOf(def.footer(1).font),
      }
      // the role given an office font, and only that one, is set in it
      expect(Object.entries(got).filter(([, v]) => v !== 'stand-in')).toEqual([[role, role]])
      expect(roleOf(fontOf('秘密★1年'))).toBe(role === 'hei' ? 'hei' : 'stand-in') // 密级 in 黑体
      expect(roleOf(fontOf('000001'))).toBe(role === 'song' ? 'song' : 'stand-in') // 份号 in 宋体
    }
  })
})

describe('heading numbers', () => {
  it('numbers by level', () => {
    expect([1, 9, 10, 11, 20, 21, 99].map(chineseNumber)).toEqual(['一', '九', '十', '十一', '二十', '二十一', '九十九'])
    expect([headingPrefix(1, 3), headingPrefix(2, 12), headingPrefix(3, 2), headingPrefix(4, 5)]).toEqual([
      '三、',
      '（十二）',
      '2.',
      '（5）',
    ])
  })
})
