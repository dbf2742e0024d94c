// The headless export and the round's 份号 counter: `--copy-number` still sets the 份号, and one the
// round (as archived) has already issued is refused before anything is written.
import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { encodeArchive } from '../../shared/archive'
import { buildSampleRound } from '../../shared/sample'

const root = join(import.meta.dirname, '..', '..')
const dir = mkdtempSync(join(tmpdir(), 'xc-cli-copy-'))
const archive = join(dir, 'round.xcra')

const run = (args: string[]) => {
  try {
    return {
      code: 0,
      out: execFileSync('node', ['dist-cli/export-package.mjs', archive, ...args], { cwd: root, encoding: 'utf8', stdio: 'pipe' }),
    }
  } catch (e) {
    const err = e as { status: number; stdout?: string; stderr?: string }
    return { code: err.status, out: `${err.stdout ?? ''}${err.stderr ?? ''}` }
  }
}

beforeAll(async () => {
  const snap = buildSampleRound()
  snap.round.copyCounter = 4 // four 份号 were drawn in the app before the round was archived
  snap.round.markings = { 巡察报告: { level: '秘密', years: 5 } } // a 份号 is printed on 秘密/机密 documents only
  writeFileSync(archive, await encodeArchive(snap, { appVersion: 't', exportedBy: '组长', exportedAt: new Date().toISOString() }))
  execFileSync('npx', ['vite', 'build', '--config', 'build/export/cli.vite.config.ts'], { cwd: root, stdio: 'pipe' })
}, 300_000)

describe('npm run export -- <archive> --copy-number N', () => {
  it('refuses a 份号 the round has already issued, naming the next free one, and writes nothing', () => {
    const out = join(dir, 'refused')
    const r = run(['--allow-empty', '--copy-number', '4', '--out', out])
    expect(r.code).toBe(2)
    expect(r.out).toContain('份号 4 在本轮已经用过（本轮份号已编到 4），请用 --copy-number 5 或更大的数')
    expect(existsSync(out)).toBe(false)
  }, 60_000)

  it('prints the next free number when none is given, and uses the one given', () => {
    const out = join(dir, 'ok')
    const r = run(['--allow-empty', '--copy-number', '5', '--out', out])
    expect(r.out).toContain('核对通过')
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as { copyNumber?: number }
    expect(manifest.copyNumber).toBe(5)
    expect(execFileSync('pdftotext', [join(out, '01-巡察报告.pdf'), '-'], { encoding: 'utf8' })).toContain('000005')
    const hint = run(['--allow-empty', '--out', join(dir, 'none')])
    expect(hint.out).toContain('· 本轮份号已编到 4；需要份号时加 --copy-number 5')
  }, 300_000)
})
