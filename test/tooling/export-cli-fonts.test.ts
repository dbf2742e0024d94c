// The headless export with the office's fonts: `npm run export -- --sample --fonts <dir>` finds the
// fonts in the folder by the names inside the files, sets each role it found in that font (the PDFs
// embed it, the Word files' styles name it) and says which roles used the bundled stand-ins.
// Debian's AR PL UKai (ukai.ttc, a 楷 collection) and 花园明朝 B play the office's 楷体 and SimSun-ExtB.
import { execFileSync } from 'node:child_process'
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { strFromU8, unzipSync } from 'fflate'
import { beforeAll, describe, expect, it } from 'vitest'
import { DEBIAN_FONTS } from '../export/fonts'

const root = join(import.meta.dirname, '..', '..')
const dir = mkdtempSync(join(tmpdir(), 'xc-cli-fonts-'))
const fonts = join(dir, 'Fonts')
const out = join(dir, 'out')
let stdout = ''

beforeAll(() => {
  mkdirSync(join(fonts, 'sub'), { recursive: true })
  copyFileSync('/usr/share/fonts/truetype/arphic/ukai.ttc', join(fonts, 'sub', 'ukai.ttc'))
  copyFileSync(DEBIAN_FONTS.hanaMinB, join(fonts, 'simsunb.ttf'))
  writeFileSync(join(fonts, 'damaged.ttf'), 'not a font')
  execFileSync('npx', ['vite', 'build', '--config', 'build/export/cli.vite.config.ts'], { cwd: root, stdio: 'pipe' })
  stdout = execFileSync('node', ['dist-cli/export-package.mjs', '--sample', '--allow-empty', '--out', out, '--fonts', fonts], {
    cwd: root,
    encoding: 'utf8',
  })
}, 300_000)

describe('npm run export -- --fonts <dir>', () => {
  it('says which font each role uses, and which roles used stand-ins', () => {
    expect(stdout).toContain('· 楷体（二级标题）：AR PL UKai CN\n')
    expect(stdout).toContain('· 仿宋（正文）：Noto Serif SC Regular（内置替代字体）')
    expect(stdout).toContain('· 生僻字补充字体：花園明朝B')
    expect(stdout).toMatch(/注意：公文字体：仿宋用内置替代字体[^\n]*（可用 --fonts <字体目录> 指定本单位字体）/)
    expect(stdout).not.toMatch(/楷体用内置替代字体/)
    expect(stdout).toContain('核对通过')
  })

  it('embeds the office font in the PDFs and names it in the Word styles', () => {
    const pdf = join(out, '01-巡察报告.pdf')
    const embedded = execFileSync('pdffonts', [pdf], { encoding: 'utf8' })
    expect(embedded).toMatch(/\+UKaiCN\s/)
    expect(embedded).not.toMatch(/LXGWWenKai/)
    const styles = strFromU8(unzipSync(new Uint8Array(readFileSync(join(out, '01-巡察报告.docx'))))['word/styles.xml']!)
    expect(styles).toContain('w:eastAsia="AR PL UKai CN"')
    expect(styles).toContain('w:eastAsia="仿宋_GB2312"')
  })

  it('refuses a folder that is not there', () => {
    let err = ''
    try {
      execFileSync('node', ['dist-cli/export-package.mjs', '--sample', '--out', out, '--fonts', join(dir, 'nowhere')], {
        cwd: root,
        encoding: 'utf8',
        stdio: 'pipe',
      })
    } catch (e) {
      err = String((e as { stderr?: string }).stderr)
    }
    expect(err).toContain('无法读取字体目录')
  }, 60_000)
})
