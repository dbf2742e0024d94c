import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'

const script = join(import.meta.dirname, '../../build/check-boundaries.mjs')

function check(files: Record<string, string>): { ok: boolean; output: string } {
  const dir = mkdtempSync(join(tmpdir(), 'boundaries-'))
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true })
    writeFileSync(join(dir, path), text)
  }
  try {
    return { ok: true, output: execFileSync('node', [script, dir], { encoding: 'utf8', stdio: 'pipe' }) }
  } catch (e) {
    return { ok: false, output: String((e as { stderr: string }).stderr) }
  }
}

describe('layer boundary check', () => {
  it('passes clean layers', () => {
    expect(
      check({ 'shared/a.ts': "import { x } from './b'\n", 'renderer/platform/db/database.ts': "import Dexie from 'dexie'\n" }).ok,
    ).toBe(true)
  })
  it.each([
    ['shared/a.ts', "import { readFile } from 'node:fs'\n", 'node:fs'],
    ['shared/a.ts', "import Dexie from 'dexie'\n", 'dexie'],
    ['shared/a.ts', "import { ref } from 'vue'\n", 'vue'],
    ['shared/a.ts', 'export const w = window.innerWidth\n', 'DOM globals'],
    ['shared/a.ts', "import { db } from '../renderer/db'\n", 'renderer/'],
    ['renderer/a.ts', "import { ipcRenderer } from 'electron'\n", 'electron'],
    ['renderer/a.ts', "import path from 'path'\n", 'path'],
    ['electron/a.ts', "import { createApp } from 'vue'\n", 'vue'],
  ])('refuses %s importing %s', (file, text, named) => {
    const result = check({ [file]: text })
    expect(result.ok).toBe(false)
    expect(result.output).toContain(named)
  })
  it.each([
    [
      'renderer/features/a/View.vue',
      '<script setup lang="ts">\nimport Dexie from \'dexie\'\n</script>\n',
      'only renderer/platform/ may import dexie',
    ],
    ['renderer/stores/a.ts', "import { liveQuery } from 'dexie'\n", 'only renderer/platform/ may import dexie'],
    ['renderer/services/a.ts', "import { ref } from 'vue'\n", 'renderer/services/ must not import Vue'],
    [
      'renderer/services/a.ts',
      "import { ElMessage } from 'element-plus'\n",
      'renderer/services/ must not import Vue, Pinia or Element Plus',
    ],
    [
      'renderer/services/a.ts',
      "import { useRoundStore } from '../stores/round'\n",
      'renderer/services/ must not import views, stores or ui',
    ],
    [
      'renderer/features/a/useThing.ts',
      "import { repo } from '../../platform/db/workbench'\n",
      'renderer/features/ must not import renderer/platform/db',
    ],
    [
      'renderer/features/a/useThing.ts',
      "const w = new Worker(new URL('./x.worker.ts', import.meta.url))\n",
      'only renderer/platform/ may start a Worker',
    ],
  ])('inside renderer/, refuses %s with %j', (file, text, named) => {
    const result = check({ [file]: text })
    expect(result.ok).toBe(false)
    expect(result.output).toContain(named)
  })
  it('lets platform/ use dexie and Workers, and services/ the platform', () => {
    expect(
      check({
        'renderer/platform/db/database.ts': "import Dexie from 'dexie'\n",
        'renderer/platform/workers/client.ts': "const w = new Worker(new URL('./x.worker.ts', import.meta.url))\n",
        'renderer/services/wipe.ts': "import type { Repository } from '../platform/db/repository'\n",
        'renderer/features/a/View.vue': '<script setup lang="ts">\nimport { wipeRound } from \'../../services/wipe\'\n</script>\n',
      }).ok,
    ).toBe(true)
  })
  it('does not mistake text in strings for DOM globals', () => {
    expect(check({ 'shared/a.ts': "export const part = 'word/document.xml'\n" }).ok).toBe(true)
    expect(check({ 'shared/a.ts': 'export const t = `${document.title}`\n' }).ok).toBe(false)
  })
  it('ignores test files and comments', () => {
    expect(check({ 'shared/a.test.ts': "import fs from 'node:fs'\n", 'shared/b.ts': "// import fs from 'node:fs'\n" }).ok).toBe(true)
  })
})
