// Fonts for the official-format PDFs. shared/ cannot read files, so callers pass the font BYTES in:
// the renderer imports the TTFs below as Vite assets and fetches them (`?url` + fetch → ArrayBuffer),
// Node tests read them from node_modules (test/export/fonts.ts).
//
// Bundled set (npm `@expo-google-fonts/noto-serif-sc`, SIL OFL 1.1, static TrueType), two files:
//   serifRegular  NotoSerifSC_400Regular.ttf  body 仿宋-style, 楷体-style fallback, page numbers 宋体-style
//   serifBold     NotoSerifSC_700Bold.ttf     title 小标宋-style, headings/markings 黑体-style
// Offices that have the real fonts (simfang.ttf, simhei.ttf, simkai.ttf, 方正小标宋) can pass them per
// role in `FontBytes.roles`; TrueType .ttf only (no .ttc collections).

/** Typographic roles in GB/T 9704 documents. */
export const FONT_ROLES = ['fangsong', 'hei', 'kai', 'xiaobiaosong', 'song'] as const
export type FontRole = (typeof FONT_ROLES)[number]

/** The bundled font files, keyed by what `FontBytes` calls them. */
export const FONT_FILES = {
  serifRegular: {
    file: 'NotoSerifSC_400Regular.ttf',
    npm: '@expo-google-fonts/noto-serif-sc/400Regular/NotoSerifSC_400Regular.ttf',
    licence: 'OFL-1.1',
  },
  serifBold: {
    file: 'NotoSerifSC_700Bold.ttf',
    npm: '@expo-google-fonts/noto-serif-sc/700Bold/NotoSerifSC_700Bold.ttf',
    licence: 'OFL-1.1',
  },
} as const
export type BundledFontKey = keyof typeof FONT_FILES

/** Which bundled file stands in for each role when the user supplied no font for it. */
export const ROLE_FALLBACK: Record<FontRole, BundledFontKey> = {
  fangsong: 'serifRegular', // 仿宋 → Noto Serif SC Regular
  kai: 'serifRegular', //      楷体 → Noto Serif SC Regular (no open 楷体 bundled)
  song: 'serifRegular', //     宋体 (page numbers) → Noto Serif SC Regular
  hei: 'serifBold', //         黑体 → Noto Serif SC Bold
  xiaobiaosong: 'serifBold', // 方正小标宋 → Noto Serif SC Bold
}

export const FONT_ROLE_LABELS: Record<FontRole, string> = {
  fangsong: '仿宋（正文）',
  hei: '黑体（一级标题、密级）',
  kai: '楷体（二级标题）',
  xiaobiaosong: '小标宋（标题）',
  song: '宋体（页码）',
}

/** Font bytes handed to `buildOfficialPdf`. The two bundled files are required; `roles` overrides any role. */
export interface FontBytes {
  serifRegular: Uint8Array
  serifBold: Uint8Array
  roles?: Partial<Record<FontRole, Uint8Array>>
}

export function fontForRole(fonts: FontBytes, role: FontRole): Uint8Array {
  return fonts.roles?.[role] ?? fonts[ROLE_FALLBACK[role]]
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
  if (tag === 0x74746366) throw new Error('不支持字体集合文件（.ttc），请选择 .ttf 字体') // 'ttcf'
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
