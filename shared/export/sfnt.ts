// Reading TrueType/OpenType font files (sfnt), as far as the office-font features need:
// the faces of a collection (.ttc), their names (to tell 仿宋 from 黑体), which characters they have
// (cmap, for the per-character fallback), a standalone file of one face (what pdfkit embeds), and
// WOFF 1.0 → sfnt (the bundled 楷体 stand-in ships as WOFF). Pure functions over bytes, or over a
// random-access reader so the Electron shell can identify a 20 MB file by reading a few kilobytes.
//
// Hand-written rather than fontkit: fontkit is only an inner dependency of pdfmake (not importable
// from its browser build), and these four tables are small and fully specified (OpenType spec,
// 'name', 'cmap', TTC header, WOFF 1.0).
import { unzlibSync } from 'fflate'

/** Reads `length` bytes at `offset` (fewer at the end of the file). */
export type ByteReader = (offset: number, length: number) => Uint8Array

export const bytesReader =
  (bytes: Uint8Array): ByteReader =>
  (offset, length) =>
    bytes.subarray(offset, Math.min(bytes.byteLength, offset + length))

const TTCF = 0x74746366
const WOFF = 0x774f4646
const WOFF2 = 0x774f4632
const SFNT_VERSIONS = new Set([0x00010000, 0x4f54544f /* OTTO */, 0x74727565 /* true */])

export class FontFileError extends Error {
  override name = 'FontFileError'
}

function view(b: Uint8Array): DataView {
  return new DataView(b.buffer, b.byteOffset, b.byteLength)
}

function need(b: Uint8Array, length: number, what: string): DataView {
  if (b.byteLength < length) throw new FontFileError(`字体文件不完整（${what}）`)
  return view(b)
}

interface TableRecord {
  offset: number
  length: number
}

/** The offsets of the faces in a file: one for a .ttf/.otf, several for a .ttc. */
export function faceOffsets(read: ByteReader): number[] {
  const head = need(read(0, 12), 12, '文件头')
  const tag = head.getUint32(0)
  if (tag === WOFF2) throw new FontFileError('不支持 WOFF2 网页字体，请选择 .ttf、.otf 或 .ttc 字体文件')
  if (tag === WOFF) throw new FontFileError('请选择 .ttf、.otf 或 .ttc 字体文件（WOFF 是网页字体）')
  if (tag === TTCF) {
    const n = head.getUint32(8)
    if (n < 1 || n > 256) throw new FontFileError('字体集合文件无效')
    const list = need(read(12, 4 * n), 4 * n, '集合目录')
    return Array.from({ length: n }, (_, i) => list.getUint32(4 * i))
  }
  if (!SFNT_VERSIONS.has(tag)) throw new FontFileError('不是 TrueType/OpenType 字体文件')
  return [0]
}

function tableDirectory(read: ByteReader, faceOffset: number): Map<string, TableRecord> {
  const head = need(read(faceOffset, 12), 12, '表目录')
  if (!SFNT_VERSIONS.has(head.getUint32(0))) throw new FontFileError('不是 TrueType/OpenType 字体文件')
  const n = head.getUint16(4)
  const dir = read(faceOffset + 12, 16 * n)
  const v = need(dir, 16 * n, '表目录')
  const tables = new Map<string, TableRecord>()
  for (let i = 0; i < n; i++) {
    const tag = String.fromCharCode(dir[16 * i]!, dir[16 * i + 1]!, dir[16 * i + 2]!, dir[16 * i + 3]!)
    tables.set(tag, { offset: v.getUint32(16 * i + 8), length: v.getUint32(16 * i + 12) })
  }
  return tables
}

function table(read: ByteReader, dir: Map<string, TableRecord>, tag: string): Uint8Array | undefined {
  const rec = dir.get(tag)
  if (!rec) return undefined
  const data = read(rec.offset, rec.length)
  need(data, rec.length, tag)
  return data
}

export interface FaceNames {
  /** Every family name the face gives, in every language (e.g. "FangSong", "仿宋"); typographic family first. */
  families: string[]
  /** Full names ("SimSun", "宋体", "LXGW WenKai Regular"). */
  fullNames: string[]
  subfamily: string
  postscript: string
}

function utf16be(b: Uint8Array): string {
  let s = ''
  for (let i = 0; i + 1 < b.byteLength; i += 2) s += String.fromCharCode((b[i]! << 8) | b[i + 1]!)
  return s
}

/** The 'name' table of one face: Unicode/Windows (UTF-16) and Mac Roman records. */
export function readFaceNames(read: ByteReader, faceOffset = 0): FaceNames {
  const name = table(read, tableDirectory(read, faceOffset), 'name')
  if (!name) throw new FontFileError('字体文件缺少 name 表')
  const v = need(name, 6, 'name')
  const count = v.getUint16(2)
  const strings = v.getUint16(4)
  const byId = new Map<number, string[]>()
  for (let i = 0; i < count; i++) {
    const r = 6 + 12 * i
    if (r + 12 > name.byteLength) break
    const platform = v.getUint16(r)
    const encoding = v.getUint16(r + 2)
    const id = v.getUint16(r + 6)
    const raw = name.subarray(strings + v.getUint16(r + 10), strings + v.getUint16(r + 10) + v.getUint16(r + 8))
    let text: string | undefined
    if (platform === 0 || (platform === 3 && (encoding === 1 || encoding === 10 || encoding === 0))) text = utf16be(raw)
    else if (platform === 1 && encoding === 0) text = String.fromCharCode(...raw)
    text = text?.replace(/\0/g, '').trim()
    if (!text) continue
    const list = byId.get(id) ?? []
    if (!list.includes(text)) list.push(text)
    byId.set(id, list)
  }
  const families = [...(byId.get(16) ?? []), ...(byId.get(1) ?? [])].filter((f, i, a) => a.indexOf(f) === i)
  return {
    families,
    fullNames: byId.get(4) ?? [],
    subfamily: byId.get(17)?.[0] ?? byId.get(2)?.[0] ?? '',
    postscript: byId.get(6)?.[0] ?? '',
  }
}

/** The characters a face maps to a glyph, as sorted inclusive ranges. */
export class Coverage {
  constructor(private readonly ranges: Uint32Array) {}
  has(codePoint: number): boolean {
    let lo = 0
    let hi = this.ranges.length / 2 - 1
    while (lo <= hi) {
      const mid = (lo + hi) >> 1
      if (codePoint < this.ranges[2 * mid]!) hi = mid - 1
      else if (codePoint > this.ranges[2 * mid + 1]!) lo = mid + 1
      else return true
    }
    return false
  }
  /** Every character of `text` is present. */
  covers(text: string): boolean {
    for (const ch of text) if (!this.has(ch.codePointAt(0)!)) return false
    return true
  }
  get size(): number {
    let n = 0
    for (let i = 0; i < this.ranges.length; i += 2) n += this.ranges[i + 1]! - this.ranges[i]! + 1
    return n
  }
}

class RangeBuilder {
  private pairs: [number, number][] = []
  add(from: number, to: number): void {
    this.pairs.push([from, to])
  }
  /** Sorted and merged (subtables normally list ranges in order, but nothing requires it). */
  done(): Coverage {
    this.pairs.sort((a, b) => a[0] - b[0])
    const flat: number[] = []
    for (const [a, b] of this.pairs) {
      const n = flat.length
      if (n && a <= flat[n - 1]! + 1) flat[n - 1] = Math.max(flat[n - 1]!, b)
      else flat.push(a, b)
    }
    return new Coverage(Uint32Array.from(flat))
  }
}

/** Characters mapped by the face's best Unicode cmap subtable (format 12/13 for the full range, else format 4). */
export function readCoverage(read: ByteReader, faceOffset = 0): Coverage {
  const cmap = table(read, tableDirectory(read, faceOffset), 'cmap')
  if (!cmap) throw new FontFileError('字体文件缺少 cmap 表')
  const v = need(cmap, 4, 'cmap')
  const n = v.getUint16(2)
  let best: { offset: number; rank: number } | undefined
  for (let i = 0; i < n && 4 + 8 * i + 8 <= cmap.byteLength; i++) {
    const platform = v.getUint16(4 + 8 * i)
    const encoding = v.getUint16(4 + 8 * i + 2)
    const offset = v.getUint32(4 + 8 * i + 4)
    if (offset + 2 > cmap.byteLength) continue
    const format = v.getUint16(offset)
    const unicode = platform === 0 || (platform === 3 && (encoding === 1 || encoding === 10))
    if (!unicode) continue
    const rank = format === 12 || format === 13 ? 2 : format === 4 ? 1 : 0
    if (rank && (!best || rank > best.rank)) best = { offset, rank }
  }
  if (!best) throw new FontFileError('字体文件没有 Unicode 字符映射')
  const b = new RangeBuilder()
  const o = best.offset
  const format = v.getUint16(o)
  if (format === 12 || format === 13) {
    const groups = v.getUint32(o + 12)
    for (let g = 0; g < groups; g++) {
      const r = o + 16 + 12 * g
      if (r + 12 > cmap.byteLength) break
      const start = v.getUint32(r)
      const end = v.getUint32(r + 4)
      const glyph = v.getUint32(r + 8)
      if (end < start || end > 0x10ffff) continue
      // format 12 maps start→glyph, start+1→glyph+1…; glyph 0 is .notdef (missing)
      if (format === 12 && glyph === 0) {
        if (end > start) b.add(start + 1, end)
      } else if (glyph !== 0) b.add(start, end)
    }
  } else {
    const segX2 = v.getUint16(o + 6)
    const ends = o + 14
    const starts = ends + segX2 + 2
    const deltas = starts + segX2
    const rangeOffsets = deltas + segX2
    for (let s = 0; s < segX2 / 2; s++) {
      const end = v.getUint16(ends + 2 * s)
      const start = v.getUint16(starts + 2 * s)
      const delta = v.getInt16(deltas + 2 * s)
      const ro = v.getUint16(rangeOffsets + 2 * s)
      if (start === 0xffff) continue
      let runStart = -1
      for (let c = start; c <= end; c++) {
        let glyph: number
        if (ro === 0) glyph = (c + delta) & 0xffff
        else {
          const at = rangeOffsets + 2 * s + ro + 2 * (c - start)
          glyph = at + 2 <= cmap.byteLength ? v.getUint16(at) : 0
          if (glyph !== 0) glyph = (glyph + delta) & 0xffff
        }
        if (glyph !== 0 && runStart < 0) runStart = c
        if (glyph === 0 && runStart >= 0) {
          b.add(runStart, c - 1)
          runStart = -1
        }
      }
      if (runStart >= 0) b.add(runStart, end)
    }
  }
  return b.done()
}

/** One face of a collection as a standalone .ttf/.otf (pdfkit embeds single-face files). */
export function extractFace(bytes: Uint8Array, faceIndex: number): Uint8Array {
  const read = bytesReader(bytes)
  const offsets = faceOffsets(read)
  const at = offsets[faceIndex]
  if (at === undefined) throw new FontFileError(`字体集合中没有第 ${faceIndex + 1} 个字形`)
  if (offsets.length === 1 && at === 0) return bytes
  const version = view(bytes).getUint32(at)
  const dir = tableDirectory(read, at)
  return buildSfnt(
    version,
    [...dir.keys()].map((tag) => ({ tag, data: table(read, dir, tag)! })),
  )
}

function buildSfnt(version: number, tables: { tag: string; data: Uint8Array }[]): Uint8Array {
  tables.sort((a, b) => (a.tag < b.tag ? -1 : a.tag > b.tag ? 1 : 0))
  const n = tables.length
  const headerSize = 12 + 16 * n
  let size = headerSize
  for (const t of tables) size += (t.data.byteLength + 3) & ~3
  const out = new Uint8Array(size)
  const v = view(out)
  const pow = 2 ** Math.floor(Math.log2(n))
  v.setUint32(0, version)
  v.setUint16(4, n)
  v.setUint16(6, pow * 16)
  v.setUint16(8, Math.log2(pow))
  v.setUint16(10, n * 16 - pow * 16)
  let offset = headerSize
  tables.forEach((t, i) => {
    const r = 12 + 16 * i
    for (let k = 0; k < 4; k++) out[r + k] = t.tag.charCodeAt(k)
    v.setUint32(r + 4, checksum(t.data))
    v.setUint32(r + 8, offset)
    v.setUint32(r + 12, t.data.byteLength)
    out.set(t.data, offset)
    offset += (t.data.byteLength + 3) & ~3
  })
  return out
}

function checksum(b: Uint8Array): number {
  let sum = 0
  const v = view(b)
  for (let i = 0; i < b.byteLength; i += 4) {
    const word = i + 4 <= b.byteLength ? v.getUint32(i) : (((b[i] ?? 0) << 24) | ((b[i + 1] ?? 0) << 16) | ((b[i + 2] ?? 0) << 8)) >>> 0
    sum = (sum + word) >>> 0
  }
  return sum
}

/** WOFF 1.0 → the sfnt it wraps (zlib-compressed tables, spec §5). */
export function woffToSfnt(bytes: Uint8Array): Uint8Array {
  const v = need(bytes, 44, 'WOFF 头')
  if (v.getUint32(0) !== WOFF) throw new FontFileError('不是 WOFF 字体')
  const flavor = v.getUint32(4)
  const n = v.getUint16(12)
  need(bytes, 44 + 20 * n, 'WOFF 表目录')
  const tables: { tag: string; data: Uint8Array }[] = []
  for (let i = 0; i < n; i++) {
    const r = 44 + 20 * i
    const tag = String.fromCharCode(bytes[r]!, bytes[r + 1]!, bytes[r + 2]!, bytes[r + 3]!)
    const offset = v.getUint32(r + 4)
    const compLength = v.getUint32(r + 8)
    const origLength = v.getUint32(r + 12)
    const raw = bytes.subarray(offset, offset + compLength)
    const data = compLength < origLength ? unzlibSync(raw) : raw
    if (data.byteLength !== origLength) throw new FontFileError(`WOFF 表 ${tag} 解压后长度不符`)
    tables.push({ tag, data })
  }
  return buildSfnt(flavor, tables)
}
