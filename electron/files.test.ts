import { mkdtempSync, readdirSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { MAX_FILE_BYTES } from '@shared/bridge/contract'

const dialog = vi.hoisted(() => ({ showSaveDialog: vi.fn(), showOpenDialog: vi.fn() }))
vi.mock('electron', () => ({ dialog }))

import { openFile, saveFile } from './files'

const win = { id: 1 } as any
let dir: string

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'xuncha-files-'))
  dialog.showSaveDialog.mockReset()
  dialog.showOpenDialog.mockReset()
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

const request = (data: Uint8Array) => ({ suggestedName: '巡察报告.docx', filters: [{ name: 'Word 文档', extensions: ['docx'] }], data })

describe('saveFile', () => {
  it('asks with a parented dialog in Chinese, writes the bytes and reports the size read back', async () => {
    const target = path.join(dir, '巡察报告.docx')
    dialog.showSaveDialog.mockResolvedValue({ canceled: false, filePath: target })
    const data = new Uint8Array([0x50, 0x4b, 3, 4, 0, 255])

    const result = await saveFile(win, request(data))

    expect(result).toEqual({ saved: true, location: target, size: 6 })
    expect([...readFileSync(target)]).toEqual([...data])
    const [parent, options] = dialog.showSaveDialog.mock.calls[0]!
    expect(parent).toBe(win)
    expect(options).toMatchObject({
      buttonLabel: '保存',
      defaultPath: '巡察报告.docx',
      filters: [{ name: 'Word 文档', extensions: ['docx'] }],
    })
    // No temp file left next to the result.
    expect(readdirSync(dir)).toEqual(['巡察报告.docx'])
  })

  it('replaces an existing file', async () => {
    const target = path.join(dir, 'a.txt')
    writeFileSync(target, 'old content that is longer')
    dialog.showSaveDialog.mockResolvedValue({ canceled: false, filePath: target })
    const result = await saveFile(win, { ...request(new TextEncoder().encode('new')), suggestedName: 'a.txt' })
    expect(result.size).toBe(3)
    expect(readFileSync(target, 'utf8')).toBe('new')
  })

  it('writes nothing when the dialog is cancelled', async () => {
    dialog.showSaveDialog.mockResolvedValue({ canceled: true, filePath: '' })
    await expect(saveFile(win, request(new Uint8Array([1])))).resolves.toEqual({ saved: false })
    expect(readdirSync(dir)).toEqual([])
  })

  it('fails clearly and leaves no temp file when the folder is not writable', async () => {
    dialog.showSaveDialog.mockResolvedValue({ canceled: false, filePath: path.join(dir, 'missing', 'x.docx') })
    await expect(saveFile(win, request(new Uint8Array([1])))).rejects.toThrow(/ENOENT/)
    expect(readdirSync(dir)).toEqual([])
  })
})

describe('openFile', () => {
  it('reads the chosen file as a plain Uint8Array', async () => {
    const file = path.join(dir, '花名册.xlsx')
    writeFileSync(file, Buffer.from([9, 8, 7]))
    dialog.showOpenDialog.mockResolvedValue({ canceled: false, filePaths: [file] })

    const opened = await openFile(win, { title: '导入花名册', filters: [{ name: 'Excel', extensions: ['xlsx'] }] })

    expect(opened).not.toBeNull()
    expect(opened!.name).toBe('花名册.xlsx')
    expect(opened!.data).toBeInstanceOf(Uint8Array)
    expect(Buffer.isBuffer(opened!.data)).toBe(false)
    expect([...opened!.data]).toEqual([9, 8, 7])
    const [parent, options] = dialog.showOpenDialog.mock.calls[0]!
    expect(parent).toBe(win)
    expect(options).toMatchObject({ title: '导入花名册', buttonLabel: '打开', properties: ['openFile'] })
  })

  it('returns null when cancelled', async () => {
    dialog.showOpenDialog.mockResolvedValue({ canceled: true, filePaths: [] })
    await expect(openFile(win, { title: 't', filters: [] })).resolves.toBeNull()
  })

  it('refuses files over MAX_FILE_BYTES without reading them', async () => {
    const big = path.join(dir, 'big.bin')
    writeFileSync(big, '')
    truncateSync(big, MAX_FILE_BYTES + 1) // sparse: costs no disk
    dialog.showOpenDialog.mockResolvedValue({ canceled: false, filePaths: [big] })
    await expect(openFile(win, { title: 't', filters: [] })).rejects.toThrow(/文件过大/)
  })
})
