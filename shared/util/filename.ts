// The one file-name sanitiser for every file the app writes (exports, archives, packages,
// backups, hand-overs): a round or member name may hold any character, and 「2026年第三轮/区农业
// 农村局党委」 must not block a save. Characters Windows and the bridge refuse become their
// full-width forms (still readable: 2026年第三轮／区农业农村局党委), control characters go, and
// the name is cut to fit every file system (255 bytes) with room for a folder's own suffixes.

const FULL_WIDTH: Record<string, string> = {
  '\\': '＼',
  '/': '／',
  ':': '：',
  '*': '＊',
  '?': '？',
  '"': '＂',
  '<': '＜',
  '>': '＞',
  '|': '｜',
}
/** UTF-8 bytes left for the name before its extension (a CJK character takes 3). */
export const MAX_STEM_BYTES = 180
const RESERVED = /^(con|prn|aux|nul|com\d|lpt\d)$/i

/** A part of a file name (a round or member name) made safe; never empty. */
export function safeNamePart(text: string, fallback = '未命名'): string {
  let s = text
    .normalize('NFC')
    .replace(/[\\/:*?"<>|]/g, (c) => FULL_WIDTH[c]!)
    .replace(/[\u0000-\u001f\u007f]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
  s = s.replace(/^\.+/, '').replace(/[. ]+$/, '')
  return s || fallback
}

/** `stem.extension`, safe and short enough; the extension is kept whole. */
export function safeFileName(stem: string, extension: string): string {
  let s = safeNamePart(stem)
  if (RESERVED.test(s)) s = `_${s}`
  const enc = new TextEncoder()
  if (enc.encode(s).length > MAX_STEM_BYTES) {
    const chars = [...s]
    while (chars.length && enc.encode(chars.join('')).length > MAX_STEM_BYTES - 3) chars.pop()
    s = `${chars.join('').replace(/[. ]+$/, '')}…`
  }
  return `${s}.${extension.replace(/^\./, '')}`
}
