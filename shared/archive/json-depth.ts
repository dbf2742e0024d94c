// Nesting depth of JSON bytes, measured before JSON.parse: about 5,000 levels decode fine but
// then overflow the stack of every recursive step after (canonical JSON, cloning, the merge),
// in English. UTF-8 never uses ASCII bytes inside multi-byte characters, so brackets and quotes
// can be counted on the bytes directly.

/** True when brackets nest deeper than `max` outside strings. */
export function nestsDeeperThan(bytes: Uint8Array, max: number): boolean {
  return scanJson(bytes, max).tooDeep
}

/**
 * One pass over JSON bytes: whether it nests deeper than `max`, and where the last key of the
 * top-level object starts (its opening quote; -1 if none). The second tells the archive's real
 * top-level "content" from a `"content":` inside another key or string.
 */
export function scanJson(bytes: Uint8Array, max: number): { tooDeep: boolean; lastTopKeyAt: number } {
  let depth = 0
  let inString = false
  let expectKey = false
  let lastTopKeyAt = -1
  for (let i = 0; i < bytes.length; i++) {
    const c = bytes[i]!
    if (inString) {
      if (c === 92)
        i++ // backslash: skip the escaped byte
      else if (c === 34) inString = false
    } else if (c === 34) {
      inString = true
      if (expectKey) lastTopKeyAt = i
      expectKey = false
    } else if (c === 123 || c === 91) {
      if (++depth > max) return { tooDeep: true, lastTopKeyAt }
      expectKey = depth === 1 && c === 123
    } else if (c === 125 || c === 93) depth--
    else if (c === 44) expectKey = depth === 1
  }
  return { tooDeep: false, lastTopKeyAt }
}

export const TOO_DEEP_MESSAGE = '文件内容嵌套层级过深，不是巡察工作台写出的数据，已拒绝，未做任何更改'
