// Fonts for the official-format PDFs, by GB/T 9704 role (GUIDE §10): body 仿宋, 一级标题 and 密级 黑体,
// 二级标题 楷体, title 小标宋, page numbers 宋体. shared/ cannot read files, so callers pass the font
// BYTES in: the export worker fetches the bundled files as Vite assets and receives the office's
// fonts from the UI thread (设置 → 公文字体), the CLI reads them (--fonts <dir>), Node tests read them
// from node_modules (test/export/fonts.ts).
//
// Where the office has no font for a role, a bundled open-licence (SIL OFL 1.1) stand-in that looks
// like the role is used, and the export summary says so:
//   仿宋   → Noto Serif SC Regular   (no open 仿宋 of good coverage is published on npm)
//   黑体   → Noto Sans SC Medium     (a sans of about SimHei's stroke weight)
//   楷体   → LXGW WenKai (霞鹜文楷)   (a 楷-style face; npm @fontsource/lxgw-wenkai ships it whole as WOFF)
//   小标宋 → Noto Serif SC Bold      (heavy 宋-style, like 方正小标宋)
//   宋体   → Noto Serif SC Regular
// A character a role's font lacks is set in the first font of the set that has it
// (font-fallback.ts); one no font has stops the export with its place named.
import { bytesReader, Coverage, readCoverage, woffToSfnt } from './sfnt'

/** Typographic roles in GB/T 9704 documents. */
export const FONT_ROLES = ['fangsong', 'hei', 'kai', 'xiaobiaosong', 'song'] as const
export type FontRole = (typeof FONT_ROLES)[number]

/** The bundled font files, keyed by what `FontBytes` calls them. */
export const FONT_FILES = {
  serifRegular: {
    file: 'NotoSerifSC_400Regular.ttf',
    npm: '@expo-google-fonts/noto-serif-sc/400Regular/NotoSerifSC_400Regular.ttf',
    name: 'Noto Serif SC Regular',
    licence: 'OFL-1.1',
  },
  serifBold: {
    file: 'NotoSerifSC_700Bold.ttf',
    npm: '@expo-google-fonts/noto-serif-sc/700Bold/NotoSerifSC_700Bold.ttf',
    name: 'Noto Serif SC Bold',
    licence: 'OFL-1.1',
  },
  sansMedium: {
    file: 'NotoSansSC_500Medium.ttf',
    npm: '@expo-google-fonts/noto-sans-sc/500Medium/NotoSansSC_500Medium.ttf',
    name: 'Noto Sans SC Medium',
    licence: 'OFL-1.1',
  },
  /** WOFF 1.0 (zlib-compressed sfnt), decoded to TrueType when loaded. */
  kaiRegular: {
    file: 'lxgw-wenkai-latin-500-normal.woff',
    npm: '@fontsource/lxgw-wenkai/files/lxgw-wenkai-latin-500-normal.woff',
    name: 'LXGW WenKai（霞鹜文楷）',
    licence: 'OFL-1.1',
  },
} as const
export type BundledFontKey = keyof typeof FONT_FILES
export const BUNDLED_FONT_KEYS = Object.keys(FONT_FILES) as BundledFontKey[]

/** Which bundled file stands in for each role when the office supplied no font for it. */
export const ROLE_STAND_IN: Record<FontRole, BundledFontKey> = {
  fangsong: 'serifRegular',
  hei: 'sansMedium',
  kai: 'kaiRegular',
  xiaobiaosong: 'serifBold',
  song: 'serifRegular',
}

export const FONT_ROLE_LABELS: Record<FontRole, string> = {
  fangsong: '仿宋（正文）',
  hei: '黑体（一级标题、密级）',
  kai: '楷体（二级标题）',
  xiaobiaosong: '小标宋（标题）',
  song: '宋体（页码、份号）',
}
/** The role's short name, as the office says it. */
export const FONT_ROLE_NAMES: Record<FontRole, string> = {
  fangsong: '仿宋',
  hei: '黑体',
  kai: '楷体',
  xiaobiaosong: '小标宋',
  song: '宋体',
}

/** An office font: one face as a standalone .ttf/.otf (a .ttc face already extracted). */
export interface OfficeFont {
  /** What the user sees: the face's family name, e.g. "仿宋_GB2312". */
  name: string
  bytes: Uint8Array
}

/**
 * Font bytes handed to `buildOfficialPdf`: the bundled files (required, as loaded: `kaiRegular` is
 * WOFF), the office's fonts per role, and extra fonts tried for characters no role font has
 * (e.g. SimSun-ExtB, 花园明朝 HanaMinB for CJK Extension B).
 */
export type FontBytes = Record<BundledFontKey, Uint8Array> & {
  roles?: Partial<Record<FontRole, OfficeFont>>
  extra?: OfficeFont[]
}

/** A font ready for pdfkit: TrueType/OpenType bytes and the characters it has. */
export interface ReadyFont {
  name: string
  bytes: Uint8Array
  coverage: Coverage
  /** A bundled stand-in, not the office's own font. */
  standIn: boolean
}

const decoded = new WeakMap<Uint8Array, Uint8Array>()
const coverages = new WeakMap<Uint8Array, Coverage>()

/** TrueType/OpenType bytes of a bundled file (WOFF decoded once per byte array). */
export function bundledSfnt(fonts: FontBytes, key: BundledFontKey): Uint8Array {
  const raw = fonts[key]
  if (!FONT_FILES[key].file.endsWith('.woff')) return raw
  let sfnt = decoded.get(raw)
  if (!sfnt) decoded.set(raw, (sfnt = woffToSfnt(raw)))
  return sfnt
}

function ready(name: string, bytes: Uint8Array, standIn: boolean): ReadyFont {
  let coverage = coverages.get(bytes)
  if (!coverage) coverages.set(bytes, (coverage = readCoverage(bytesReader(bytes))))
  return { name, bytes, coverage, standIn }
}

/** The font a role is set in: the office's own, else the bundled stand-in. */
export function roleFont(fonts: FontBytes, role: FontRole): ReadyFont {
  const own = fonts.roles?.[role]
  if (own) return ready(own.name, own.bytes, false)
  const key = ROLE_STAND_IN[role]
  return ready(FONT_FILES[key].name, bundledSfnt(fonts, key), true)
}

/** TrueType/OpenType bytes of the font a role is set in. */
export function fontForRole(fonts: FontBytes, role: FontRole): Uint8Array {
  return roleFont(fonts, role).bytes
}

/**
 * Every distinct font of the set, in the order a missing character is looked for: the five roles'
 * fonts (宋体 early: it is the office's widest CJK face), the bundled files, then the extras.
 */
export function fallbackChain(fonts: FontBytes): ReadyFont[] {
  const out: ReadyFont[] = []
  const seen = new Set<Uint8Array>()
  const add = (f: ReadyFont) => {
    if (seen.has(f.bytes)) return
    seen.add(f.bytes)
    out.push(f)
  }
  for (const role of ['fangsong', 'song', 'hei', 'kai', 'xiaobiaosong'] as const) add(roleFont(fonts, role))
  for (const key of BUNDLED_FONT_KEYS) add(ready(FONT_FILES[key].name, bundledSfnt(fonts, key), true))
  for (const f of fonts.extra ?? []) add(ready(f.name, f.bytes, false))
  return out
}

export interface RoleFontUse {
  role: FontRole
  name: string
  standIn: boolean
}

/** Which font each role uses (for the export summary), from the office fonts given per role. */
export function fontUse(fonts: Pick<FontBytes, 'roles'>): RoleFontUse[] {
  return FONT_ROLES.map((role) => {
    const own = fonts.roles?.[role]
    return own ? { role, name: own.name, standIn: false } : { role, name: FONT_FILES[ROLE_STAND_IN[role]].name, standIn: true }
  })
}

/** One sentence for the export summary, e.g. "公文字体：楷体、小标宋 未找到本机字体，使用内置替代字体". Empty when every role used the office's font. */
export function standInNote(uses: RoleFontUse[]): string {
  const standIns = uses.filter((u) => u.standIn)
  if (!standIns.length) return ''
  return `公文字体：${standIns.map((u) => `${FONT_ROLE_NAMES[u.role]}用内置替代字体 ${u.name}`).join('，')}（可在 设置 → 公文字体 中选择本机字体）`
}

export interface FontMetrics {
  unitsPerEm: number
  /** hhea ascender and descender (descender negative), in font units: what pdfkit uses for line height. */
  ascent: number
  descent: number
}

/** Read the few numbers layout needs from a TrueType/OpenType file ('head' and 'hhea' tables). */
export function readFontMetrics(bytes: Uint8Array): FontMetrics {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  if (bytes.byteLength < 12) throw new Error('字体文件无效')
  const tag = view.getUint32(0)
  if (tag === 0x74746366) throw new Error('字体集合文件（.ttc）须先选定其中一个字形') // 'ttcf'
  const numTables = view.getUint16(4)
  const tables = new Map<string, number>()
  for (let i = 0; i < numTables; i++) {
    const rec = 12 + i * 16
    if (rec + 16 > bytes.byteLength) break
    const name = String.fromCharCode(bytes[rec]!, bytes[rec + 1]!, bytes[rec + 2]!, bytes[rec + 3]!)
    tables.set(name, view.getUint32(rec + 8))
  }
  const head = tables.get('head')
  const hhea = tables.get('hhea')
  if (head === undefined || hhea === undefined) throw new Error('字体文件缺少 head/hhea 表')
  return { unitsPerEm: view.getUint16(head + 18), ascent: view.getInt16(hhea + 4), descent: view.getInt16(hhea + 6) }
}

/** pdfkit's line box for one line of `fontSize` text (ascent − descent, no line gap), in points. */
export function lineBoxHeight(metrics: FontMetrics, fontSize: number): number {
  return ((metrics.ascent - metrics.descent) / metrics.unitsPerEm) * fontSize
}
