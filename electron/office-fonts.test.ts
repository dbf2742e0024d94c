// Font discovery through the bridge, on a fake font folder (a temporary directory laid out like
// C:\Windows\Fonts or ~/.local/share/fonts) holding Debian's fonts under office file names.
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { BRIDGE_CHANNELS, type DetectedFont } from '@shared/bridge/contract'
import { fontFolders } from '@shared/export/office-fonts'
import { bytesReader, readCoverage, readFaceNames } from '@shared/export/sfnt'
import { DEBIAN_FONTS } from '../test/export/fonts'

const electron = vi.hoisted(() => {
  const handlers = new Map<string, (event: unknown, ...args: unknown[]) => Promise<unknown>>()
  return {
    handlers,
    ipcMain: { handle: vi.fn((ch: string, fn: any) => handlers.set(ch, fn)) },
    app: { getVersion: () => '0.1.0', getPath: () => '/nonexistent' },
    BrowserWindow: { fromWebContents: vi.fn(() => ({ id: 7 })) },
    dialog: { showSaveDialog: vi.fn(), showOpenDialog: vi.fn() },
  }
})
vi.mock('electron', () => electron)
vi.mock('node:os', async (original) => ({ ...(await original<typeof import('node:os')>()), homedir: () => fakeHome }))

import { registerBridge } from './bridge'
import { detectOfficeFonts } from './office-fonts'

let fakeHome = ''
const appEvent = () => {
  const mainFrame = { url: 'app://workbench/index.html', parent: null, frameTreeNodeId: 1, detached: false }
  return { senderFrame: mainFrame, sender: { mainFrame } }
}
const invoke = (channel: string, ...args: unknown[]) => electron.handlers.get(channel)!(appEvent(), ...args)

/** A font file whose 'name' table says `family` (the Debian fonts renamed, as the office's would be). */
function renamed(src: string, family: string): Uint8Array {
  // Rewrite every UTF-16 family/full-name record in place with `family`, padded with spaces to the same length.
  const bytes = new Uint8Array(readFileSync(src))
  const v = new DataView(bytes.buffer)
  const n = v.getUint16(4)
  for (let i = 0; i < n; i++) {
    const r = 12 + 16 * i
    if (String.fromCharCode(...bytes.subarray(r, r + 4)) !== 'name') continue
    const at = v.getUint32(r + 8)
    const count = v.getUint16(at + 2)
    const strings = at + v.getUint16(at + 4)
    for (let k = 0; k < count; k++) {
      const rec = at + 6 + 12 * k
      const [platform, id, len, off] = [v.getUint16(rec), v.getUint16(rec + 6), v.getUint16(rec + 8), v.getUint16(rec + 10)]
      if (platform !== 3 || (id !== 1 && id !== 4 && id !== 16)) continue
      const text = family.padEnd(len / 2, ' ').slice(0, len / 2)
      for (let c = 0; c < len / 2; c++) v.setUint16(strings + off + 2 * c, text.charCodeAt(c))
    }
  }
  return bytes
}

let root: string
let windows: string
let local: string

beforeAll(() => {
  registerBridge()
  root = mkdtempSync(path.join(tmpdir(), 'xuncha-fonts-'))
  windows = path.join(root, 'Windows', 'Fonts')
  fakeHome = path.join(root, 'home')
  local = path.join(fakeHome, '.local', 'share', 'fonts')
  mkdirSync(windows, { recursive: true })
  mkdirSync(path.join(local, 'office'), { recursive: true })
  writeFileSync(path.join(windows, 'simfang.ttf'), renamed(DEBIAN_FONTS.hanaMinA, 'FangSong'))
  writeFileSync(path.join(windows, 'FZXBSJW.TTF'), renamed(DEBIAN_FONTS.hanaMinA, '方正小标宋简体'))
  copyFileSync(DEBIAN_FONTS.hanaMinB, path.join(windows, 'HanaMinB.ttf'))
  writeFileSync(path.join(windows, 'broken.ttf'), 'not a font')
  writeFileSync(path.join(windows, 'readme.txt'), 'FangSong')
  // UOS/Kylin: fonts copied by the user into ~/.local/share/fonts, in a sub-folder
  writeFileSync(path.join(local, 'office', 'FangSong_GB2312.ttf'), renamed(DEBIAN_FONTS.hanaMinA, 'FangSong_GB2312'))
  copyFileSync(DEBIAN_FONTS.wenKaiTtf, path.join(local, 'LXGWWenKai-Regular.ttf'))
})
afterAll(() => rmSync(root, { recursive: true, force: true }))

describe('office font discovery', () => {
  it('looks in the Windows font folder, and in the UOS/Kylin/Deepin and macOS folders', () => {
    expect(fontFolders('win32', { WINDIR: 'D:\\WIN' }, 'C:\\Users\\a')).toEqual(['D:\\WIN\\Fonts'])
    expect(fontFolders('linux', {}, '/home/a')).toEqual([
      '/usr/share/fonts',
      '/usr/local/share/fonts',
      '/home/a/.local/share/fonts',
      '/home/a/.fonts',
    ])
    expect(fontFolders('darwin', {}, '/Users/a')).toContain('/Library/Fonts')
  })

  it('identifies faces by the names inside the files, best match first, skipping what is not a font', () => {
    const found = detectOfficeFonts([windows, local])
    const bySlot = (slot: string) => found.filter((f) => f.slot === slot).map((f) => `${path.basename(f.file)}#${f.rank}`)
    expect(bySlot('fangsong').sort()).toEqual(['FangSong_GB2312.ttf#0', 'simfang.ttf#1'])
    expect(bySlot('xiaobiaosong')).toEqual(['FZXBSJW.TTF#0'])
    expect(bySlot('extra')).toEqual(['HanaMinB.ttf#1'])
    expect(bySlot('kai')).toEqual(['LXGWWenKai-Regular.ttf#3'])
    expect(found.some((f) => /broken|readme/.test(f.file))).toBe(false)
  })

  it('answers through the bridge: the linux folders of this (fake) home, then a face by handle, never by path', async () => {
    const found = (await invoke(BRIDGE_CHANNELS.detectOfficeFonts)) as DetectedFont[]
    // (this machine's /usr/share/fonts adds Debian's HanaMinB and 霞鹜文楷, found too)
    const gb = found.find((f) => path.basename(f.file) === 'FangSong_GB2312.ttf')!
    expect(gb).toMatchObject({ slot: 'fangsong', rank: 0, face: 0 })
    const bytes = (await invoke(BRIDGE_CHANNELS.readOfficeFont, gb.id)) as Uint8Array
    expect(readFaceNames(bytesReader(bytes)).fullNames).toContain('FangSong_GB2312')
    expect(readCoverage(bytesReader(bytes)).has(0x9648)).toBe(true)
    await expect(invoke(BRIDGE_CHANNELS.readOfficeFont, path.join(local, 'office', 'FangSong_GB2312.ttf'))).rejects.toThrow(
      /字体编号不合法/,
    )
    await expect(invoke(BRIDGE_CHANNELS.readOfficeFont, '999')).rejects.toThrow(/重新检测/)
    await expect(invoke(BRIDGE_CHANNELS.detectOfficeFonts, '/etc')).rejects.toThrow(/不接受参数/)
  })
})
