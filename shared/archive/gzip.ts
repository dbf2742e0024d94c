// The gzip layer of a round archive. Compression is fflate's; decompression parses the gzip
// header and trailer itself so it can (1) stream with a size limit against zip bombs,
// (2) tell a truncated file from a corrupt one and (3) check the CRC-32 and length fields,
// which fflate's gunzip skips.
import { Inflate, gzipSync } from 'fflate'
import { ARCHIVE_MESSAGES, ArchiveError } from './errors'

export function gzip(data: Uint8Array, mtimeMs: number): Uint8Array {
  return gzipSync(data, { level: 6, mtime: mtimeMs > 0 ? mtimeMs : 1000 })
}

// CRC-32 (IEEE), slicing-by-4: four table lookups per four bytes.
const CRC_TABLES = (() => {
  const t = new Int32Array(4 * 256)
  for (let n = 0; n < 256; n++) {
    let c = n
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
    t[n] = c
  }
  for (let n = 0; n < 256; n++) {
    for (let k = 1; k < 4; k++) t[k * 256 + n] = (t[(k - 1) * 256 + n]! >>> 8) ^ t[t[(k - 1) * 256 + n]! & 0xff]!
  }
  return t
})()

export function crc32(chunks: Uint8Array[]): number {
  const t = CRC_TABLES
  let c = -1
  for (const b of chunks) {
    let i = 0
    const n4 = b.length - (b.length % 4)
    for (; i < n4; i += 4) {
      c ^= b[i]! | (b[i + 1]! << 8) | (b[i + 2]! << 16) | (b[i + 3]! << 24)
      c = t[768 + (c & 0xff)]! ^ t[512 + ((c >>> 8) & 0xff)]! ^ t[256 + ((c >>> 16) & 0xff)]! ^ t[c >>> 24]!
    }
    for (; i < b.length; i++) c = t[(c ^ b[i]!) & 0xff]! ^ (c >>> 8)
  }
  return (c ^ -1) >>> 0
}

const truncated = () => new ArchiveError('truncated', ARCHIVE_MESSAGES.truncated)
const corrupt = () => new ArchiveError('corrupt', ARCHIVE_MESSAGES.corrupt)

/** Length of the gzip member header (RFC 1952 §2.3), or throws. */
function headerLength(b: Uint8Array): number {
  if (b.length === 0) throw truncated()
  if (b[0] !== 0x1f || (b.length > 1 && b[1] !== 0x8b) || (b.length > 2 && b[2] !== 8)) throw corrupt()
  if (b.length < 10) throw truncated()
  const flags = b[3]!
  if (flags & 0xe0) throw corrupt()
  let p = 10
  if (flags & 4) {
    if (b.length < p + 2) throw truncated()
    p += 2 + (b[p]! | (b[p + 1]! << 8))
  }
  for (const bit of [8, 16]) {
    if (!(flags & bit)) continue
    while (p < b.length && b[p] !== 0) p++
    p++
  }
  if (flags & 2) p += 2
  if (p + 8 > b.length) throw truncated()
  return p
}

// Input is fed in small slices and the limit is checked as output arrives: one slice inflates
// to at most about 1032 times its size (deflate's maximum ratio), so 16 KiB slices overshoot
// the limit by at most about 16 MiB before the bomb is refused. Peak memory is then the output
// kept (≤ the limit) plus its concatenation (≤ the limit): at most twice the limit.
const CHUNK = 16 * 1024
// A bomb is refused long before the limit: past BOMB_FLOOR of output, more than BOMB_RATIO times
// the input read so far is no archive (JSON of real rounds compresses 4–10 times; the ten-times
// round inflates to about 21 MB at about 5 times). Inflating 256 MiB of a bomb before
// refusing it took 7–16 s on the loaded 2-core machine (test/bench/door-fuzz.bench.ts).
const BOMB_FLOOR = 8 * 1024 * 1024
const BOMB_RATIO = 100

/** Decompresses one gzip member, refusing more than `maxBytes` of output. */
export function gunzipLimited(bytes: Uint8Array, maxBytes: number): Uint8Array {
  const start = headerLength(bytes)
  const body = bytes.subarray(start, bytes.length - 8)
  let chunks: Uint8Array[] = []
  let size = 0
  let tooLarge = false
  const inflate = new Inflate((chunk) => {
    if (tooLarge) return
    size += chunk.length
    if (size > maxBytes) {
      tooLarge = true
      chunks = [] // given back at once
    } else chunks.push(chunk)
  })
  let bomb = false
  try {
    for (let off = 0; off < body.length && !tooLarge; off += CHUNK) {
      const end = Math.min(off + CHUNK, body.length)
      inflate.push(body.subarray(off, end), end === body.length)
      if (size > BOMB_FLOOR && size > end * BOMB_RATIO) {
        bomb = tooLarge = true
        chunks = []
      }
    }
    if (body.length === 0) inflate.push(new Uint8Array(0), true)
  } catch (e) {
    if (tooLarge) throw tooLargeError(maxBytes)
    throw (e as { code?: number }).code === 0 ? truncated() : corrupt()
  }
  if (bomb) throw new ArchiveError('too-large', `归档解压后超过原文件的 ${BOMB_RATIO} 倍，疑似恶意构造的压缩文件，已拒绝导入`)
  if (tooLarge) throw tooLargeError(maxBytes)
  const trailer = new DataView(bytes.buffer, bytes.byteOffset + bytes.length - 8, 8)
  if (trailer.getUint32(4, true) !== size >>> 0 || trailer.getUint32(0, true) !== crc32(chunks)) throw corrupt()
  if (chunks.length === 1) return chunks[0]!
  const out = new Uint8Array(size)
  let at = 0
  for (const c of chunks) {
    out.set(c, at)
    at += c.length
  }
  return out
}

function tooLargeError(maxBytes: number): ArchiveError {
  const mib = Math.round(maxBytes / 1024 / 1024)
  return new ArchiveError('too-large', `归档解压后超过 ${mib} MB 的上限，已拒绝导入（文件可能已损坏或被恶意构造）`)
}
