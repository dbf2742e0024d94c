// Finding the office's installed fonts (GUIDE §10): which face plays which GB/T 9704 role, told by
// the names inside the file (a file name says little: FZXBSJW.TTF is 方正小标宋简体). Pure: the
// Electron shell and the CLI walk the folders and hand each face's names in.
import type { FontRole } from './fonts'
import { bytesReader, extractFace, faceOffsets, FontFileError, readCoverage, readFaceNames, type ByteReader, type FaceNames } from './sfnt'

/** A role, or the extra font for characters the role fonts lack (CJK Extension B: SimSun-ExtB…). */
export type FontSlot = FontRole | 'extra'
export const FONT_SLOTS: FontSlot[] = ['fangsong', 'hei', 'kai', 'xiaobiaosong', 'song', 'extra']
export const EXTRA_SLOT_LABEL = '生僻字补充字体（CJK 扩展 B 等）'

export const FONT_FILE_EXTENSIONS = ['ttf', 'otf', 'ttc'] as const
export const isFontFileName = (name: string) => /\.(ttf|otf|ttc)$/i.test(name)

/**
 * Names per slot, best first: the GB2312 faces offices set 公文 in, then the Windows faces, then
 * the same designs from other foundries (macOS 华文, 方正). The earlier the match, the better.
 */
const PATTERNS: Record<FontSlot, RegExp[]> = {
  fangsong: [/^仿宋_GB2312$|^FangSong_GB2312$/i, /^仿宋$|^FangSong$/i, /^方正仿宋|^FZFangSong|^华文仿宋$|^STFangsong$/i, /仿宋|FangSong/i],
  hei: [/^黑体$|^SimHei$/i, /^方正黑体|^FZHei|^华文黑体$|^STHeiti$/i, /黑体/],
  // the last: any 楷 face a Linux desktop ships (AR PL UKai 文鼎ＰＬ中楷, 霞鹜文楷)
  kai: [/^楷体_GB2312$|^KaiTi_GB2312$/i, /^楷体$|^KaiTi$/i, /^方正楷体|^FZKai|^华文楷体$|^STKaiti$/i, /楷|UKai|WenKai/i],
  xiaobiaosong: [/^方正小标宋简体$|^FZXiaoBiaoSong-B05S$/i, /小标宋|XiaoBiaoSong/i],
  song: [/^宋体$|^SimSun$/i, /^方正书宋|^FZShuSong|^华文宋体$|^STSong$/i],
  extra: [/^SimSun-ExtB$|^宋体-ExtB$/i, /^MingLiU-ExtB$|^HanaMinB$|^花園明朝B$|^TH-Tshyn-P1$|^SimSun-ExtG$/i],
}

/** The slot a face plays, and how well (0 = best), or undefined. */
export function identifyFace(
  names: Pick<FaceNames, 'families' | 'fullNames' | 'postscript'>,
): { slot: FontSlot; rank: number } | undefined {
  const all = [...names.families, ...names.fullNames, names.postscript].filter(Boolean)
  let best: { slot: FontSlot; rank: number } | undefined
  for (const slot of FONT_SLOTS) {
    PATTERNS[slot].forEach((re, rank) => {
      if ((!best || rank < best.rank) && all.some((n) => re.test(n))) best = { slot, rank }
    })
  }
  return best
}

/** The name to show for a face: its Chinese family name where it has one. */
export function displayName(names: Pick<FaceNames, 'families' | 'postscript'>): string {
  return names.families.find((f) => /[\u4e00-\u9fff]/.test(f)) ?? names.families[0] ?? names.postscript ?? '未命名字体'
}

export interface FontFace {
  /** Face index in the file (0 for .ttf/.otf). */
  face: number
  name: string
  names: FaceNames
  slot?: FontSlot
  rank?: number
}

/** The faces of one font file with the role each plays. Throws FontFileError (Chinese) for a file that is not a font. */
export function inspectFontFile(read: ByteReader): FontFace[] {
  return faceOffsets(read).map((offset, face) => {
    const names = readFaceNames(read, offset)
    const id = identifyFace(names)
    return { face, name: displayName(names), names, ...(id ? { slot: id.slot, rank: id.rank } : {}) }
  })
}

export interface FoundFont extends FontFace {
  /** Where the file is (shown to the user; never sent back by the renderer). */
  file: string
}

/** Per slot, the best found face (lowest rank; then .ttf over the rest, then the shorter path). */
export function bestPerSlot(found: FoundFont[]): Partial<Record<FontSlot, FoundFont>> {
  const out: Partial<Record<FontSlot, FoundFont>> = {}
  for (const f of found) {
    if (!f.slot) continue
    const cur = out[f.slot]
    const better = !cur || f.rank! < cur.rank! || (f.rank === cur.rank && f.file.length < cur.file.length)
    if (better) out[f.slot] = f
  }
  return out
}

/** A chosen face as the standalone bytes the PDF engine embeds, checked to be usable. */
export function faceBytes(file: Uint8Array, face: number): Uint8Array {
  const bytes = extractFace(file, face)
  const coverage = readCoverage(bytesReader(bytes))
  if (coverage.size < 100) throw new FontFileError('这个字体几乎没有字符，不能用于公文')
  return bytes
}

/** Font folders per platform (GUIDE §10): Windows, UOS/Kylin/Deepin (Linux), macOS. */
export function fontFolders(platform: string, env: Record<string, string | undefined>, home: string): string[] {
  if (platform === 'win32') {
    const windir = env.WINDIR ?? env.windir ?? env.SystemRoot ?? 'C:\\Windows'
    const local = env.LOCALAPPDATA ? [`${env.LOCALAPPDATA}\\Microsoft\\Windows\\Fonts`] : []
    return [`${windir}\\Fonts`, ...local]
  }
  if (platform === 'darwin')
    return ['/System/Library/Fonts', '/System/Library/Fonts/Supplemental', '/Library/Fonts', `${home}/Library/Fonts`]
  return ['/usr/share/fonts', '/usr/local/share/fonts', `${home}/.local/share/fonts`, `${home}/.fonts`]
}
