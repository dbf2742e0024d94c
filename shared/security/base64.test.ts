import { describe, expect, it } from 'vitest'
import { Buffer } from 'node:buffer'
import { base64ToBytes, bytesToBase64 } from './base64'

describe('base64', () => {
  it('matches Node for every length 0..64 and round-trips', () => {
    for (let n = 0; n <= 64; n++) {
      const bytes = crypto.getRandomValues(new Uint8Array(n))
      const b64 = bytesToBase64(bytes)
      expect(b64).toBe(Buffer.from(bytes).toString('base64'))
      expect(base64ToBytes(b64)).toEqual(bytes)
    }
  })

  it('refuses damaged input', () => {
    for (const bad of ['abc', 'ab$d', 'a===', 'QQ=A', 'QR==', '中文中文']) expect(() => base64ToBytes(bad)).toThrow()
  })
})
