import { describe, expect, it } from 'vitest'
import { Buffer } from 'node:buffer'
import { execFileSync } from 'node:child_process'
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

  it('gives the same results through the native codec (as in Chromium)', () => {
    // Node 24 has Uint8Array.fromBase64 only behind a flag: run the module there.
    const script = `
      const { base64ToBytes, bytesToBase64 } = await import(${JSON.stringify(new URL('./base64.ts', import.meta.url).href)})
      if (!Uint8Array.fromBase64) throw new Error('no native base64')
      const out = { encoded: [], refused: [] }
      for (let n = 0; n <= 16; n++) {
        const bytes = Uint8Array.from({ length: n }, (_, i) => (i * 37 + n) & 255)
        const b64 = bytesToBase64(bytes)
        out.encoded.push([b64, Array.from(base64ToBytes(b64))])
      }
      for (const bad of ['abc', 'ab$d', 'a===', 'QQ=A', 'QR==', '中文中文', 'QU JD', 'QUJD\\n'])
        try { base64ToBytes(bad) } catch { out.refused.push(bad) }
      console.log(JSON.stringify(out))`
    const run = JSON.parse(execFileSync(process.execPath, ['--js-base-64', '--input-type=module', '-e', script], { encoding: 'utf8' }))
    run.encoded.forEach(([b64, bytes]: [string, number[]], n: number) => {
      const expected = Uint8Array.from({ length: n }, (_, i) => (i * 37 + n) & 255)
      expect(b64).toBe(Buffer.from(expected).toString('base64'))
      expect(bytes).toEqual(Array.from(expected))
    })
    expect(run.refused).toHaveLength(8)
  })
})
