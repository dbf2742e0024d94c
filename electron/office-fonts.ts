// Finds the office's fonts installed on this machine: walks the platform's font folders, reads a
// few kilobytes of each font file (header, table directory, 'name' table) and keeps the faces
// that play a GB/T 9704 role. What a face is, is decided in shared/export/office-fonts.ts; this
// file only touches the disk. The renderer gets handles, never paths to send back.
import { closeSync, openSync, readdirSync, readFileSync, readSync, statSync } from 'node:fs'
import { homedir } from 'node:os'
import path from 'node:path'
import type { DetectedFont } from '@shared/bridge/contract'
import { faceBytes, fontFolders, inspectFontFile, isFontFileName } from '@shared/export/office-fonts'

/** Enough for any real font folder; a folder tree beyond this is not walked further. */
const MAX_FILES = 20_000
const MAX_DEPTH = 6

let last: DetectedFont[] = []

function fontFiles(folder: string, depth = 0, out: string[] = []): string[] {
  if (depth > MAX_DEPTH || out.length >= MAX_FILES) return out
  let entries: import('node:fs').Dirent[]
  try {
    entries = readdirSync(folder, { withFileTypes: true })
  } catch {
    return out // absent or unreadable folder: nothing there
  }
  for (const e of entries) {
    const full = path.join(folder, e.name)
    if (e.isDirectory()) fontFiles(full, depth + 1, out)
    else if ((e.isFile() || e.isSymbolicLink()) && isFontFileName(e.name)) out.push(full)
    if (out.length >= MAX_FILES) break
  }
  return out
}

function facesOf(file: string): ReturnType<typeof inspectFontFile> {
  let fd: number | undefined
  try {
    fd = openSync(file, 'r')
    const handle = fd
    return inspectFontFile((offset, length) => {
      const buf = new Uint8Array(length)
      return buf.subarray(0, readSync(handle, buf, 0, length, offset))
    })
  } catch {
    return [] // not a font or damaged: skipped, as the system's font list does
  } finally {
    if (fd !== undefined) closeSync(fd)
  }
}

/** Every face in `folders` that plays a role, each with a handle for `readOfficeFont`. */
export function detectOfficeFonts(folders = fontFolders(process.platform, process.env, homedir())): DetectedFont[] {
  const found: DetectedFont[] = []
  const seen = new Set<string>()
  for (const folder of folders) {
    for (const file of fontFiles(folder)) {
      if (seen.has(file)) continue
      seen.add(file)
      for (const f of facesOf(file)) {
        if (f.slot === undefined) continue
        found.push({ id: String(found.length), slot: f.slot, rank: f.rank!, name: f.name, file, face: f.face })
      }
    }
  }
  last = found
  return found
}

/** The detected face as a standalone font file. */
export function readOfficeFont(id: string): Uint8Array {
  const f = last.find((x) => x.id === id)
  if (!f) throw new Error('字体已不在检测结果中，请重新检测本机字体')
  if (!statSync(f.file).isFile()) throw new Error(`字体文件已不存在：${f.file}`)
  return faceBytes(new Uint8Array(readFileSync(f.file)), f.face)
}
