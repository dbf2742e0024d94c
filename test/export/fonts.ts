// Node-only helper for tests: load the bundled TTF bytes from node_modules.
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { FONT_FILES, type FontBytes } from '../../shared/export/fonts'

const require = createRequire(import.meta.url)

export function fontPath(key: keyof typeof FONT_FILES): string {
  return require.resolve(FONT_FILES[key].npm)
}

let cached: FontBytes | undefined

export function loadBundledFonts(): FontBytes {
  cached ??= {
    serifRegular: new Uint8Array(readFileSync(fontPath('serifRegular'))),
    serifBold: new Uint8Array(readFileSync(fontPath('serifBold'))),
  }
  return cached
}
