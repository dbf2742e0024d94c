// Headless "1+3" package export, for the 巡察办's own tooling and CI:
//   npm run export -- <round archive .xcra> --out <dir> [--zip] [--with-clues] [--user 姓名]
//                      [--copy-number N] [--allow-empty] [--fonts <字体目录>]
//   npm run export -- --sample --out <dir>
//   npm run export -- --housing [--scale 10] --out <dir>    (the 市住建局 test round, shared/housing)
// The 报告检查 list is printed first; with empty sections the export stops unless --allow-empty.
// --copy-number gives the 份号 printed on the documents marked 秘密 or 机密. The CLI writes nothing
// back into the archive, so it draws no number itself: it refuses a 份号 the round's counter
// (kept in the archive's round record) has already issued, and without one says the next free number.
// --fonts: a folder holding the office's fonts (e.g. a copy of C:\Windows\Fonts): each role uses the
// face found there (仿宋_GB2312, 黑体, 楷体_GB2312, 方正小标宋简体, 宋体, SimSun-ExtB), the rest the
// bundled stand-ins, and the run says which.
// Same shared code as the app (shared/reports/package.ts). Reports saved in the archive are used
// as written; report kinds not yet drafted are generated from the round's data (and said so).
import { closeSync, mkdirSync, openSync, readdirSync, readFileSync, readSync, statSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join, resolve } from 'node:path'
import { unzipSync } from 'fflate'
import { decodeArchive } from '../../shared/archive'
import { REPORT_KINDS, type Report } from '../../shared/domain/types'
import {
  BUNDLED_FONT_KEYS,
  FONT_FILES,
  FONT_ROLE_LABELS,
  FONT_ROLES,
  fontUse,
  standInNote,
  type BundledFontKey,
  type FontBytes,
} from '../../shared/export/fonts'
import { bestPerSlot, faceBytes, inspectFontFile, isFontFileName, type FoundFont } from '../../shared/export/office-fonts'
import { buildOfficialPdf } from '../../shared/export/pdf-document'
import { generateDraft } from '../../shared/reports/draft'
import { checkLines, needsConfirmation } from '../../shared/reports/check'
import { buildPackage, packageChecks, verifyPackage } from '../../shared/reports/package'
import { newReport } from '../../shared/reports/report'
import { templateFor } from '../../shared/reports/templates'
import { buildSampleRound } from '../../shared/sample'
import { buildHousingRound } from '../../shared/housing'

function usage(message: string): never {
  console.error(
    `${message}\n用法：npm run export -- <轮次归档文件> --out <目录> [--zip] [--with-clues] [--user 姓名] [--copy-number 份号] [--allow-empty]\n      npm run export -- --sample --out <目录>\n      npm run export -- --housing [--scale 10] --out <目录>（市住建局测试轮次）`,
  )
  process.exit(2)
}

const args = process.argv.slice(2)
const flag = (name: string) => args.includes(name)
const value = (name: string) => {
  const i = args.indexOf(name)
  if (i < 0) return undefined
  const v = args[i + 1]
  if (!v || v.startsWith('--')) usage(`${name} 后缺少参数`)
  return v
}
const out = value('--out') ?? usage('缺少 --out <目录>')
const user = value('--user') ?? '命令行导出'
const copyArg = value('--copy-number')
const copyNumber = copyArg === undefined ? undefined : Number(copyArg)
if (copyNumber !== undefined && !(Number.isInteger(copyNumber) && copyNumber >= 1 && copyNumber <= 999_999))
  usage(`--copy-number 应为 1–999999 的整数，实际是“${copyArg}”`)
const scaleArg = value('--scale')
const scale = scaleArg === undefined ? 1 : Number(scaleArg)
if (!(Number.isInteger(scale) && scale >= 1 && scale <= 20)) usage(`--scale 应为 1–20 的整数，实际是“${scaleArg}”`)
const positional = args.filter(
  (a, i) => !a.startsWith('--') && !['--out', '--user', '--copy-number', '--scale', '--fonts'].includes(args[i - 1] ?? ''),
)
if (!flag('--sample') && !flag('--housing') && positional.length !== 1) usage('请给出一个轮次归档文件，或使用 --sample / --housing')
const fontDir = value('--fonts')
if (fontDir && !isFolder(resolve(fontDir))) usage(`无法读取字体目录 ${fontDir}（不存在或不是目录）`)

const snap = flag('--sample')
  ? buildSampleRound()
  : flag('--housing')
    ? buildHousingRound({ scale })
    : (await decodeArchive(new Uint8Array(readFileSync(resolve(positional[0]!))))).snapshot
const issued = snap.round.copyCounter ?? 0
if (copyNumber !== undefined && copyNumber <= issued)
  usage(`份号 ${copyNumber} 在本轮已经用过（本轮份号已编到 ${issued}），请用 --copy-number ${issued + 1} 或更大的数`)
if (copyNumber === undefined && issued > 0) console.log(`· 本轮份号已编到 ${issued}；需要份号时加 --copy-number ${issued + 1}`)
const now = new Date()
const at = now.toISOString()
const today = at.slice(0, 10)
const saved = snap.tables.reports.filter((r) => !r.deleted)
const reports: Report[] = REPORT_KINDS.map((kind) => {
  const own = saved.find((r) => r.kind === kind)
  if (own) return own
  console.log(`· ${kind}：归档中没有，按本轮数据生成草稿`)
  const meta = { id: `generated-${kind}`, createdAt: at, updatedAt: at, updatedBy: 'system', deviceId: 'cli' }
  return { ...meta, ...newReport(snap.round.id, generateDraft(kind, templateFor(snap.round, kind), snap), at) } as Report
})

const require = createRequire(import.meta.url)
const fonts: FontBytes = Object.fromEntries(
  BUNDLED_FONT_KEYS.map((k) => [k, new Uint8Array(readFileSync(require.resolve(FONT_FILES[k].npm)))]),
) as Record<BundledFontKey, Uint8Array>
if (fontDir) Object.assign(fonts, officeFonts(resolve(fontDir)))
for (const u of fontUse(fonts)) console.log(`· ${FONT_ROLE_LABELS[u.role]}：${u.name}${u.standIn ? '（内置替代字体）' : ''}`)
if (fonts.extra?.length) console.log(`· 生僻字补充字体：${fonts.extra.map((f) => f.name).join('、')}`)

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory()
  } catch {
    return false
  }
}

/** The office's fonts found in `dir` (and its sub-folders), per role. */
function officeFonts(dir: string): Pick<FontBytes, 'roles' | 'extra'> {
  let files: string[]
  try {
    files = (readdirSync(dir, { recursive: true }) as string[]).filter(isFontFileName).map((f) => join(dir, f))
  } catch {
    usage(`无法读取字体目录 ${dir}`)
  }
  const found: FoundFont[] = []
  for (const file of files) {
    const fd = openSync(file, 'r')
    try {
      const read = (offset: number, length: number) => {
        const buf = new Uint8Array(length)
        return buf.subarray(0, readSync(fd, buf, 0, length, offset))
      }
      for (const face of inspectFontFile(read)) found.push({ ...face, file })
    } catch {
      // not a font, or damaged: skipped, like the system's own font list does
    } finally {
      closeSync(fd)
    }
  }
  const best = bestPerSlot(found)
  const load = (f: FoundFont) => ({ name: f.name, bytes: faceBytes(new Uint8Array(readFileSync(f.file)), f.face) })
  const roles = Object.fromEntries(FONT_ROLES.filter((r) => best[r]).map((r) => [r, load(best[r]!)]))
  if (!Object.keys(roles).length && !best.extra) console.log(`注意：${dir} 中没有找到公文字体（仿宋、黑体、楷体、小标宋、宋体）`)
  return { roles, extra: best.extra ? [load(best.extra)] : [] }
}
const input = {
  snap,
  reports,
  user,
  at,
  today,
  includeClueList: flag('--with-clues'),
  copyNumber,
  allowEmpty: flag('--allow-empty'),
  docxFonts: Object.fromEntries(Object.entries(fonts.roles ?? {}).map(([role, f]) => [role, f.name])),
}
const checks = packageChecks(input)
if (checks.length) {
  console.log(`报告检查 ${checks.length} 项：`)
  for (const line of checkLines(checks)) console.log(`  ${line}`)
} else console.log('报告检查：未发现问题')
if (needsConfirmation(checks) && !input.allowEmpty) {
  console.error('有章节还没有内容。补写后再导出，或确认后加 --allow-empty 导出')
  process.exit(3)
}
const started = Date.now()
const { zip, manifest } = await buildPackage(input, {
  pdf: (doc, options) => buildOfficialPdf(doc, fonts, options),
  onProgress: (step, done, total) => console.log(`[${done}/${total}] ${step}`),
})
const check = await verifyPackage(zip)
mkdirSync(out, { recursive: true })
if (flag('--zip')) {
  const file = join(out, `${snap.round.unitName}-报告包-${today}.zip`)
  writeFileSync(file, zip)
  console.log(`已写出 ${file}（${zip.byteLength} 字节）`)
} else {
  for (const [name, bytes] of Object.entries(unzipSync(zip))) writeFileSync(join(out, name), bytes)
  console.log(`已写出 ${manifest.files.length + 1} 个文件到 ${resolve(out)}`)
}
for (const n of manifest.notes) console.log(`注意：${n}`)
const fontNote = standInNote(fontUse(fonts))
if (fontNote)
  console.log(`注意：${fontNote.replace('（可在 设置 → 公文字体 中选择本机字体）', '（可用 --fonts <字体目录> 指定本单位字体）')}`)
console.log(`${check.ok ? '核对通过' : '核对失败'}：${check.summary}（用时 ${((Date.now() - started) / 1000).toFixed(1)} 秒）`)
for (const p of check.problems) console.error(`  ${p}`)
process.exit(check.ok ? 0 : 1)
