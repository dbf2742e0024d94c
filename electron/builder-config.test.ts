import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

// js-yaml and app-builder-lib come with electron-builder; loaded untyped on purpose.
const require = createRequire(import.meta.url)
const yaml = require('js-yaml') as { load(text: string): unknown }
const { validateSchema } = require('app-builder-lib/out/util/config/schemaValidator') as {
  validateSchema(schema: unknown, data: unknown): void
}

const text = readFileSync(fileURLToPath(new URL('../electron-builder.yml', import.meta.url)), 'utf8')
const config = yaml.load(text) as Record<string, any>

describe('electron-builder.yml', () => {
  it('is valid against the installed electron-builder schema', () => {
    expect(() => validateSchema(require('app-builder-lib/scheme.json'), config)).not.toThrow()
    // The validator does reject unknown keys, so the line above can fail.
    expect(() => validateSchema(require('app-builder-lib/scheme.json'), { ...config, electronFuses: { runAsNod: false } })).toThrow()
  })

  it('names the app 巡察工作台', () => {
    expect(config.productName).toBe('巡察工作台')
    expect(config.appId).toMatch(/^cn\.gov\.xuncha\./)
  })

  it('disables publishing (no update server, no app-update.yml)', () => {
    expect(config).toHaveProperty('publish', null)
    expect(text).not.toMatch(/electron-updater|autoUpdater/)
  })

  it('flips the security fuses', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    })
  })

  it('packs only the built app into an asar', () => {
    expect(config.asar).toBe(true)
    expect(config.files).toEqual(expect.arrayContaining(['dist/renderer/**', 'dist-electron/**', 'package.json']))
    expect(config.files.filter((f: string) => !f.startsWith('!'))).toHaveLength(3)
  })

  it('builds AppImage/deb, nsis and dmg', () => {
    expect(config.linux.target).toEqual(['AppImage', 'deb'])
    expect(config.win.target).toEqual(['nsis'])
    expect(config.mac.target).toEqual(['dmg'])
  })

  it('points at the bundle the build produces', () => {
    const pkg = JSON.parse(readFileSync(fileURLToPath(new URL('../package.json', import.meta.url)), 'utf8'))
    expect(pkg.main).toBe('dist-electron/main.cjs')
    expect(pkg.dependencies ?? {}).not.toHaveProperty('electron-updater')
  })
})
