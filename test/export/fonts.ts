// Node-only helper for tests: load the bundled font files from node_modules, and Debian's fonts
// where a test needs an "office font" or a font with CJK Extension B.
import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { BUNDLED_FONT_KEYS, FONT_FILES, type BundledFontKey, type FontBytes } from '../../shared/export/fonts'

const require = createRequire(import.meta.url)

export function fontPath(key: keyof typeof FONT_FILES): string {
  return require.resolve(FONT_FILES[key].npm)
}

let cached: FontBytes | undefined

export function loadBundledFonts(): FontBytes {
  cached ??= Object.fromEntries(BUNDLED_FONT_KEYS.map((k) => [k, new Uint8Array(readFileSync(fontPath(k)))])) as Record<
    BundledFontKey,
    Uint8Array
  >
  return cached
}

/** Debian fonts installed by build/dev (need_apt): 花园明朝 A/B (B has CJK Extension B) and 霞鹜文楷 as a TTF. */
export const DEBIAN_FONTS = {
  hanaMinA: '/usr/share/fonts/truetype/hanazono/HanaMinA.ttf',
  hanaMinB: '/usr/share/fonts/truetype/hanazono/HanaMinB.ttf',
  wenKaiTtf: '/usr/share/fonts/truetype/lxgw-wenkai/LXGWWenKai-Regular.ttf',
} as const

export function debianFont(key: keyof typeof DEBIAN_FONTS): Uint8Array {
  const path = DEBIAN_FONTS[key]
  if (!existsSync(path)) throw new Error(`测试需要 ${path}：请运行 bash build/dev test 安装 fonts-hanazono 和 fonts-lxgw-wenkai`)
  return new Uint8Array(readFileSync(path))
}
