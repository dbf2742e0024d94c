import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { BRIDGE_CHANNELS, MAX_FILE_BYTES } from '@shared/bridge/contract'

const electron = vi.hoisted(() => {
  const handlers = new Map<string, (event: unknown, ...args: unknown[]) => Promise<unknown>>()
  const paths = { userData: '' }
  return {
    handlers,
    paths,
    ipcMain: { handle: vi.fn((ch: string, fn: any) => handlers.set(ch, fn)) },
    app: { getVersion: () => '0.1.0', getPath: vi.fn((name: string) => (name === 'userData' ? paths.userData : '/nonexistent')) },
    BrowserWindow: { fromWebContents: vi.fn(() => ({ id: 7 })) },
    dialog: { showSaveDialog: vi.fn(), showOpenDialog: vi.fn() },
  }
})
vi.mock('electron', () => electron)

import { registerBridge } from './bridge'

const appEvent = (url = 'app://workbench/index.html') => {
  const mainFrame = { url, parent: null, frameTreeNodeId: 1, detached: false }
  return { senderFrame: mainFrame, sender: { mainFrame } }
}
const invoke = (channel: string, ...args: unknown[]) => electron.handlers.get(channel)!(appEvent(), ...args)
const choose = () => invoke(BRIDGE_CHANNELS.chooseBackupFolder) as Promise<any>
const status = () => invoke(BRIDGE_CHANNELS.backupFolderStatus) as Promise<any>
const write = (req: unknown) => invoke(BRIDGE_CHANNELS.writeBackup, req) as Promise<any>
const name = (series: string, stamp: string) => `自动备份-${series}-${stamp}.xbak`
const req = (fileName: string, keep = 3, data = new Uint8Array([1, 2, 3])) => ({ fileName, data, keep })

let root: string
let folder: string

beforeAll(() => registerBridge())
beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), 'xuncha-backup-'))
  electron.paths.userData = path.join(root, 'userData')
  mkdirSync(electron.paths.userData)
  folder = path.join(root, '备份')
  mkdirSync(folder)
  electron.dialog.showOpenDialog.mockReset()
})
afterEach(() => rmSync(root, { recursive: true, force: true }))

async function chooseFolder(dir = folder) {
  electron.dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: [dir] })
  return choose()
}

describe('chooseBackupFolder / backupFolderStatus', () => {
  it('starts with no folder', async () => {
    await expect(status()).resolves.toEqual({ chosen: false })
  })

  it('asks with a folder dialog on the calling window, remembers and persists the folder', async () => {
    await expect(chooseFolder()).resolves.toEqual({ chosen: true, label: folder })
    const [parent, options] = electron.dialog.showOpenDialog.mock.calls[0]!
    expect(parent).toEqual({ id: 7 })
    expect(options.properties).toEqual(['openDirectory', 'createDirectory'])
    expect(options.title).toBe('选择备份文件夹')
    // Persisted under userData (survives a restart: status reads it back from disk).
    expect(JSON.parse(readFileSync(path.join(electron.paths.userData, 'backup-folder.json'), 'utf8'))).toEqual({ folder })
    expect(readdirSync(electron.paths.userData)).toEqual(['backup-folder.json'])
    await expect(status()).resolves.toEqual({ chosen: true, label: folder })
  })

  it('keeps the remembered folder when the dialog is cancelled', async () => {
    await chooseFolder()
    electron.dialog.showOpenDialog.mockResolvedValueOnce({ canceled: true, filePaths: [] })
    await expect(choose()).resolves.toEqual({ chosen: true, label: folder })
  })

  it('refuses a chosen path that is not a folder', async () => {
    const file = path.join(root, 'x.txt')
    writeFileSync(file, 'x')
    await expect(chooseFolder(file)).rejects.toThrow(/不是可用的文件夹/)
    await expect(status()).resolves.toEqual({ chosen: false })
  })

  it('ignores a corrupt or relative settings file', async () => {
    writeFileSync(path.join(electron.paths.userData, 'backup-folder.json'), '{"folder":"relative/dir"}')
    await expect(status()).resolves.toEqual({ chosen: false })
    writeFileSync(path.join(electron.paths.userData, 'backup-folder.json'), 'not json')
    await expect(status()).resolves.toEqual({ chosen: false })
  })

  it('takes no argument: the renderer can never send a path', async () => {
    await expect(invoke(BRIDGE_CHANNELS.chooseBackupFolder, '/etc')).rejects.toThrow(/不接受参数/)
    await expect(invoke(BRIDGE_CHANNELS.backupFolderStatus, '/etc')).rejects.toThrow(/不接受参数/)
    expect(electron.dialog.showOpenDialog).not.toHaveBeenCalled()
  })
})

describe('writeBackup', () => {
  it('is refused while no folder is chosen', async () => {
    await expect(write(req(name('一轮~R1', '202601011200')))).rejects.toThrow('尚未选择备份文件夹')
    expect(readdirSync(folder)).toEqual([])
  })

  it('refuses when the chosen folder has disappeared', async () => {
    await chooseFolder()
    rmSync(folder, { recursive: true })
    await expect(write(req(name('一轮~R1', '202601011200')))).rejects.toThrow(/备份文件夹不存在或无法访问/)
  })

  it('writes without a dialog, atomically, and reports the size read back', async () => {
    await chooseFolder()
    electron.dialog.showOpenDialog.mockClear()
    const data = Uint8Array.from({ length: 1000 }, (_, i) => i & 0xff)
    const fileName = name('二〇二六年第一轮', '20260101120000')
    const result = await write(req(fileName, 10, data))
    expect(result).toEqual({ location: path.join(folder, fileName), size: 1000, removed: [] })
    expect([...readFileSync(path.join(folder, fileName))]).toEqual([...data])
    expect(readdirSync(folder)).toEqual([fileName]) // no temp file left behind
    expect(electron.dialog.showOpenDialog).not.toHaveBeenCalled()
    expect(electron.dialog.showSaveDialog).not.toHaveBeenCalled()
  })

  it.each([
    ['a path separator', { fileName: '../自动备份-x-202601011200.xbak' }, /文件名不合法/],
    ['a Windows path', { fileName: 'C:\\自动备份-x-202601011200.xbak' }, /文件名不合法/],
    ['a hidden file', { fileName: '.自动备份-x-202601011200.xbak' }, /文件名不合法/],
    ['a wrong extension', { fileName: '自动备份-x-202601011200.exe' }, /扩展名必须是 \.xbak/],
    ['a name without the automatic-backup pattern', { fileName: '报告.xbak' }, /备份文件名必须形如/],
    ['huge data', { data: { byteLength: MAX_FILE_BYTES + 1 } }, /二进制数据/],
    ['non-binary data', { data: [1, 2, 3] }, /二进制数据/],
    ['empty data', { data: new Uint8Array() }, /不能为空/],
    ['keep 0', { keep: 0 }, /保留份数/],
    ['keep 101', { keep: 101 }, /保留份数/],
    ['fractional keep', { keep: 2.5 }, /保留份数/],
  ])('refuses %s', async (_label, patch, message) => {
    await chooseFolder()
    await expect(write({ ...req(name('x', '202601011200')), ...patch })).rejects.toThrow(message)
    await expect(write({ ...req(name('x', '202601011200')), ...patch })).rejects.toThrow(/拒绝调用 xuncha:write-backup/)
    expect(readdirSync(folder)).toEqual([])
  })

  it('refuses data over MAX_FILE_BYTES', async () => {
    await chooseFolder()
    // A real Uint8Array over the limit, so the size check (not the type check) refuses it.
    const huge = new Uint8Array(new ArrayBuffer(MAX_FILE_BYTES + 1))
    await expect(write(req(name('x', '202601011200'), 3, huge))).rejects.toThrow(/备份文件过大/)
    expect(readdirSync(folder)).toEqual([])
  })

  it('keeps the newest N of its own round and never touches other files', async () => {
    await chooseFolder()
    const others = [
      '巡察报告.docx',
      '一轮-备份-202601010900.xbak', // a manual backup (saveFile): not automatic, never pruned
      name('另一轮~R2', '202501010000'), // another round's series
      name('一轮~R3', '202501010000'), // another round of the same name: keyed by round id, never pruned
      name('2026年第三轮／区农业农村局~R4', '202501010000'), // 「…/…」 and 「…:…」 no longer share a series
      name('一轮', '202501010000'), // an older name-only series: never pruned
      '自动备份-一轮-草稿.xbak', // not the pattern
      '自动备份-一轮-1-202501010000.xbak', // series "一轮-1", not "一轮"
    ]
    for (const o of others) writeFileSync(path.join(folder, o), 'keep me')
    mkdirSync(path.join(folder, name('一轮~R1', '202401010000'))) // a folder with a matching name
    symlinkSync(path.join(folder, '巡察报告.docx'), path.join(folder, name('一轮~R1', '202401010001'))) // a link

    const stamps = ['202601011200', '202601011300', '20260101140000', '202601011500', '20260101160000']
    const results = []
    for (const s of stamps) results.push(await write(req(name('一轮~R1', s), 3)))

    expect(results.map((r) => r.removed)).toEqual([[], [], [], [name('一轮~R1', '202601011200')], [name('一轮~R1', '202601011300')]])
    const left = readdirSync(folder).sort()
    expect(left).toEqual(
      [
        ...others,
        name('一轮~R1', '202401010000'),
        name('一轮~R1', '202401010001'),
        ...stamps.slice(2).map((s) => name('一轮~R1', s)),
      ].sort(),
    )
    for (const o of others) expect(readFileSync(path.join(folder, o), 'utf8')).toBe('keep me')
  })

  it('always keeps the file just written, even if its stamp is older (clock set back)', async () => {
    await chooseFolder()
    await write(req(name('一轮~R1', '202601011200'), 1))
    const r = await write(req(name('一轮~R1', '202501011200'), 1))
    expect(r.removed).toEqual([name('一轮~R1', '202601011200')])
    expect(readdirSync(folder)).toEqual([name('一轮~R1', '202501011200')])
  })

  it('applies the sender check', async () => {
    await chooseFolder()
    for (const url of ['https://example.com/', 'app://evil/index.html']) {
      await expect(electron.handlers.get(BRIDGE_CHANNELS.writeBackup)!(appEvent(url), req(name('x', '202601011200')))).rejects.toThrow(
        /调用方不是应用主页面/,
      )
      await expect(electron.handlers.get(BRIDGE_CHANNELS.chooseBackupFolder)!(appEvent(url))).rejects.toThrow(/调用方不是应用主页面/)
      await expect(electron.handlers.get(BRIDGE_CHANNELS.backupFolderStatus)!(appEvent(url))).rejects.toThrow(/调用方不是应用主页面/)
    }
    expect(electron.dialog.showOpenDialog).toHaveBeenCalledTimes(1)
    expect(readdirSync(folder)).toEqual([])
  })
})

describe('listRoundBackups / deleteRoundBackups (the wipe)', () => {
  const list = (id: unknown) => invoke(BRIDGE_CHANNELS.listRoundBackups, id) as Promise<any>
  const remove = (id: unknown) => invoke(BRIDGE_CHANNELS.deleteRoundBackups, id) as Promise<any>
  const ROUND = '7b0e3c1a-5d2f-4e8a-9c61-2f3b4d5e6f70'

  it("lists and deletes exactly the round's own automatic backups, by round id, and nothing else", async () => {
    await chooseFolder()
    const mine = [name(`区农业农村局~${ROUND}`, '202611201200'), name(`改过名的轮次~${ROUND}`, '202611211200')]
    const others = [
      name('区农业农村局~another-round', '202611211300'), // same name, another round
      name('区农业农村局', '202611211400'), // an older name-only series: never matched
      `手动备份~${ROUND}.xbak`, // not an automatic backup
    ]
    for (const f of [...mine, ...others]) writeFileSync(path.join(folder, f), 'x')
    mkdirSync(path.join(folder, name(`子文件夹~${ROUND}`, '202611211500'))) // a folder is never a backup
    await expect(list(ROUND)).resolves.toEqual({ folder, files: mine })
    await expect(remove(ROUND)).resolves.toEqual({ folder, deleted: mine, failed: [] })
    expect(readdirSync(folder).sort()).toEqual([...others, name(`子文件夹~${ROUND}`, '202611211500')].sort())
    await expect(list(ROUND)).resolves.toEqual({ folder, files: [] })
  })

  it('has nothing to list or delete without a folder, and refuses a bad round id', async () => {
    await expect(list(ROUND)).resolves.toEqual({ files: [] })
    await expect(remove(ROUND)).resolves.toEqual({ deleted: [], failed: [] })
    await expect(remove(42)).rejects.toThrow('轮次 id 不合法')
  })
})
