// The "1+3" package for the 巡察办, built by the same code in the app and in the headless CLI:
// the four reports as PDF and DOCX, a combined PDF (cover, contents, bookmarks), the Excel
// attachments, and manifest.json (file, kind, SHA-256, pages or rows).
//
// Nothing is lost, and that is proven before the package exists: each PDF is read back when it is
// laid out (buildOfficialPdf checks its text layer against its blocks), each Word file's body and
// each workbook's cells are read back here against the report or list they were built from. A miss
// fails the export and names the report, section and paragraph or row. After zipping, every file
// is read back out of the zip and checked against the manifest.
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate'
import { confidentialMarking, clueList, problemList, type ListData } from '../casework/lists'
import type { RoundSnapshot } from '../domain/snapshot'
import type { RoundTableName } from '../domain/tables'
import {
  REPORT_KINDS,
  type Cadre,
  type ExportKind,
  type Marking,
  type Report,
  type ReportKind,
  type SurveyResults,
  type TeamMember,
  type WorkingPaper,
} from '../domain/types'
import { markingFor, pdfPageCount } from '../export/delivery'
import { needsCopyNumber } from '../export/marking'
import type { OfficialDoc, OfficialPdfOptions } from '../export/pdf-document'
import { contentFailure, docExpectations, missingTexts } from '../export/content-check'
import { readBackXlsx } from '../export/read-back'
import { buildLedgerXlsx, checkLedgerContent, type LedgerSheet } from '../export/xlsx-ledger'
import { registerSheets } from '../interviews/documents'
import { lendingSheet } from '../registers/exports'
import { surveySheets } from '../surveys/surveys'
import { sha256Hex } from '../util/hash'
import { reportDocx, type DocxFontNames } from './docx'
import { checkReport, needsConfirmation, type CheckItem } from './check'
import { highestMarking, teamName, type Furniture } from './furniture'
import { combinedDoc, reportDoc } from './official'

export type PackageFileKind = 'report-pdf' | 'report-docx' | 'combined-pdf' | 'attachment-xlsx'
export interface ManifestEntry {
  file: string
  kind: PackageFileKind
  title: string
  bytes: number
  sha256: string
  pages?: number
  /** Data rows (all sheets); `sheets` gives rows per sheet as read back (sign lines included). */
  rows?: number
  sheets?: { name: string; dataRows: number }[]
}
export interface Manifest {
  format: 'xuncha-report-package'
  version: 1
  unitName: string
  roundName: string
  createdAt: string
  createdBy: string
  copyNumber?: number
  files: ManifestEntry[]
  /** What the package leaves out and why (e.g. 问题线索清单 without the 组长). */
  notes: string[]
}

export interface PackageInput {
  snap: RoundSnapshot
  reports: Report[]
  user: string
  /** ISO timestamp of the export (watermark, manifest). */
  at: string
  today: string
  /** 问题线索清单 carries clue details: only when the 组长 exports. */
  includeClueList: boolean
  /** 份号 for the documents marked 秘密 or 机密 (the round's counter). */
  copyNumber?: number
  /** The user saw the 报告检查 list and confirmed exporting reports with empty sections. */
  allowEmpty?: boolean
  /** The office's font names per role (设置 → 公文字体), for the Word files' styles. */
  docxFonts?: DocxFontNames
}
export interface PackageDeps {
  pdf: (doc: OfficialDoc, options: Omit<OfficialPdfOptions, 'onProgress'>) => Promise<Uint8Array>
  onProgress?: (step: string, done: number, total: number) => void
}

const REPORT_EXPORT_KIND = (k: ReportKind): ExportKind => (k === '巡察报告' ? '巡察报告' : '专题报告')
const safeName = (s: string) => s.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_')

export function attachmentSheets(
  input: PackageInput,
): { file: string; title: string; kind: ExportKind; sheets: LedgerSheet[]; marking?: (m: Marking) => Marking }[] {
  const { snap, today } = input
  const people = snap.tables.people.filter((p) => !p.deleted)
  const cadres = people.filter((p): p is Cadre => p.kind === 'cadre')
  const members = people.filter((p): p is TeamMember => p.kind === 'member')
  const nameOf = (id: string) => people.find((p) => p.id === id)?.name ?? ''
  const data: ListData = { round: snap.round, papers: snap.tables.workingPapers, clues: snap.tables.clues, cadres, today }
  const heads = {
    unitName: snap.round.unitName,
    unitHead: cadres.find((c) => c.isTopLeader)?.name ?? '',
    teamLeader: members.find((m) => m.role === '组长')?.name ?? '',
  }
  const parts: Omit<ReturnType<typeof attachmentSheets>[number], 'file'>[] = [
    { title: '问题清单', kind: '问题清单', sheets: [problemList(data)] },
  ]
  if (input.includeClueList)
    parts.push({ title: '问题线索清单', kind: '问题线索清单', sheets: [clueList(data)], marking: confidentialMarking })
  parts.push(
    { title: '个别谈话登记表', kind: '谈话安排表', sheets: registerSheets(snap.tables.interviews, { members, cadres }) },
    { title: '调阅资料清单', kind: '调阅清单', sheets: [lendingSheet(snap.tables.documents, nameOf, heads, 'filled')] },
  )
  if (snap.round.surveys) parts.push({ title: '测评统计', kind: '巡察报告', sheets: surveySheets(snap.round.surveys) })
  // Numbered as they are in the package: no gap where the clue list is left out.
  const out = parts.map((a, i) => ({ ...a, file: `附件${i + 1}-${a.title}.xlsx` }))
  const titles = attachmentTitles({ includeClueList: input.includeClueList, hasSurveys: !!snap.round.surveys })
  if (out.some((a, i) => a.title !== titles[i])) throw new Error('附件顺序与附件说明不一致')
  return out
}

/** The titles of the package's attachments, in their numbered order (the same as attachmentSheets gives). */
export function attachmentTitles(o: { includeClueList: boolean; hasSurveys: boolean }): string[] {
  return [
    '问题清单',
    ...(o.includeClueList ? ['问题线索清单'] : []),
    '个别谈话登记表',
    '调阅资料清单',
    ...(o.hasSurveys ? ['测评统计'] : []),
  ]
}

/** The 报告检查 list of the reports as the package would carry them; `papers` are the round's 底稿. */
export function reportChecks(
  reports: Report[],
  o: { papers: WorkingPaper[]; surveys?: SurveyResults; includeClueList: boolean },
): CheckItem[] {
  const titles = attachmentTitles({ includeClueList: o.includeClueList, hasSurveys: !!o.surveys })
  return packageReports(reports).flatMap((r) =>
    checkReport(r, { papers: o.papers, surveys: o.surveys, attachments: r.kind === '巡察报告' ? titles : [] }),
  )
}

/** The reports in package order (巡察报告 first), one per kind. */
export function packageReports(reports: Report[]): Report[] {
  return REPORT_KINDS.map((k) => reports.find((r) => r.kind === k && !r.deleted)).filter((r): r is Report => !!r)
}

/** The tables `buildPackage` reads (the app gathers only these: decrypting the rest would be wasted). */
export const PACKAGE_TABLES = ['people', 'interviews', 'documents', 'workingPapers', 'clues'] as const satisfies readonly RoundTableName[]

/** The 报告检查 list of every report in the package (the 巡察报告 is checked against the package's attachments). */
export function packageChecks(input: PackageInput): CheckItem[] {
  return reportChecks(input.reports, {
    papers: input.snap.tables.workingPapers,
    surveys: input.snap.round.surveys,
    includeClueList: input.includeClueList,
  })
}

export async function buildPackage(
  input: PackageInput,
  deps: PackageDeps,
): Promise<{ zip: Uint8Array; manifest: Manifest; checks: CheckItem[] }> {
  const reports = packageReports(input.reports)
  if (reports.length === 0) throw new Error('还没有起草任何报告，请先生成报告草稿')
  const checks = packageChecks(input)
  if (needsConfirmation(checks) && !input.allowEmpty) {
    const empty = checks.filter((c) => c.kind === '空章节')
    throw new Error(
      `报告检查：有 ${empty.length} 个章节还没有内容（${empty
        .slice(0, 3)
        .map((c) => `${c.report}“${c.where}”`)
        .join('、')}${empty.length > 3 ? '等' : ''}），确认后才能导出`,
    )
  }
  const { round } = input.snap
  const watermark = { user: input.user, at: input.at }
  const attachments = attachmentSheets(input)
  const markingOf = (r: Report) => markingFor(round, REPORT_EXPORT_KIND(r.kind))
  // The 合订本 carries everything inside it, so it is marked as its most protected part.
  const combinedMarking = highestMarking(reports.map(markingOf))
  const copyFor = (m: Marking) => (input.copyNumber !== undefined && needsCopyNumber(m) ? input.copyNumber : undefined)
  // The 巡察报告 lists the package's attachments; every report is signed by the 巡察组 and dated.
  const furniture = (r: Report): Furniture => ({
    attachments: r.kind === '巡察报告' ? attachments.map((a) => a.title) : [],
    signer: teamName(round),
    date: input.today,
  })
  const total = reports.length * 2 + 1 + attachments.length + 1
  let done = 0
  const finished = (what: string) => deps.onProgress?.(what, ++done, total)
  deps.onProgress?.('排版 PDF', 0, total)

  // Every PDF layout is asked for at once (the longest, the combined one, first): where deps.pdf
  // hands them to several workers they run side by side with the Word and Excel files below.
  const combinedPdf = deps
    .pdf(combinedDoc(round, reports, input.today, furniture), { marking: combinedMarking, copyNumber: copyFor(combinedMarking), watermark })
    .then((bytes) => (finished('已排版合订本 PDF'), bytes))
  const reportPdfs = reports.map((r) =>
    deps
      .pdf(reportDoc(r, furniture(r)), { marking: markingOf(r), copyNumber: copyFor(markingOf(r)), watermark })
      .then((bytes) => (finished(`已排版${r.kind} PDF`), bytes)),
  )
  const officeFiles = async () => {
    const docx: Uint8Array[] = []
    for (const r of reports) {
      const bytes = await reportDocx(r, {
        marking: markingOf(r),
        copyNumber: copyFor(markingOf(r)),
        furniture: furniture(r),
        ...(input.docxFonts ? { fonts: input.docxFonts } : {}),
      })
      checkDocxContent(`${r.kind} Word `, r, bytes)
      docx.push(bytes)
      finished(`已生成${r.kind} Word`)
    }
    const xlsx: { bytes: Uint8Array; sheets: { name: string; dataRows: number }[] }[] = []
    for (const a of attachments) {
      const base = markingFor(round, a.kind)
      const bytes = await buildLedgerXlsx(a.sheets, {
        marking: a.marking ? a.marking(base) : base,
        unitName: round.unitName,
        generatedBy: input.user,
        generatedAt: new Date(input.at),
      })
      await checkLedgerContent(`${a.file} `, a.sheets, bytes)
      const back = await readBackXlsx(bytes)
      const sheets = a.sheets.map((s) => ({ name: s.name, dataRows: back.sheets.find((x) => x.name === s.name)?.dataRows ?? -1 }))
      a.sheets.forEach((s, k) => {
        if (sheets[k]!.dataRows !== s.rows.length + (s.footer?.length ?? 0)) throw new Error(`读回核对失败：${a.title} ${s.name}`)
      })
      xlsx.push({ bytes, sheets })
      finished(`已生成${a.title}`)
    }
    return { docx, xlsx }
  }
  const [combined, pdfs, office] = await Promise.all([combinedPdf, Promise.all(reportPdfs), officeFiles()])

  // The manifest lists the files in a fixed order, whatever order they were finished in.
  const files: Record<string, Uint8Array> = {}
  const entries: ManifestEntry[] = []
  const add = async (file: string, kind: PackageFileKind, title: string, bytes: Uint8Array, extra: Partial<ManifestEntry>) => {
    files[file] = bytes
    entries.push({ file, kind, title, bytes: bytes.byteLength, sha256: await sha256Hex(bytes), ...extra })
  }
  for (const [i, r] of reports.entries()) {
    const base = `${String(i + 1).padStart(2, '0')}-${safeName(r.kind)}`
    await add(`${base}.pdf`, 'report-pdf', r.title, pdfs[i]!, { pages: pdfPageCount(pdfs[i]!) })
    await add(`${base}.docx`, 'report-docx', r.title, office.docx[i]!, {})
  }
  await add('00-报告合订本.pdf', 'combined-pdf', `${round.unitName}巡察“1+3”报告（合订本）`, combined, { pages: pdfPageCount(combined) })
  for (const [k, a] of attachments.entries()) {
    const { bytes, sheets } = office.xlsx[k]!
    await add(a.file, 'attachment-xlsx', a.title, bytes, { rows: a.sheets.reduce((n, s) => n + s.rows.length, 0), sheets })
  }
  const manifest: Manifest = {
    format: 'xuncha-report-package',
    version: 1,
    unitName: round.unitName,
    roundName: round.name,
    createdAt: input.at,
    createdBy: input.user,
    ...(copyFor(combinedMarking) !== undefined ? { copyNumber: input.copyNumber } : {}),
    files: entries,
    notes: [
      ...(checks.length ? [`报告检查提示 ${checks.length} 项（${[...new Set(checks.map((c) => c.kind))].join('、')}）`] : []),
      ...(input.includeClueList ? [] : ['问题线索清单含线索详情，仅组长可导出，本包未包含']),
      ...(round.surveys ? [] : ['本轮尚未录入民主测评和问卷结果，本包无测评统计']),
      ...REPORT_KINDS.filter((k) => !reports.some((r) => r.kind === k)).map((k) => `尚未起草${k}`),
    ],
  }
  files['manifest.json'] = strToU8(JSON.stringify(manifest, null, 2))
  deps.onProgress?.('打包', done, total)
  const zip = zipSync(files, { level: 6, mtime: new Date(input.at) })
  deps.onProgress?.('完成', total, total)
  return { zip, manifest, checks }
}

export interface VerifyResult {
  ok: boolean
  checked: number
  problems: string[]
  summary: string
}

const DOCX_BODY = 'word/document.xml'

/** Text of a .docx body (its main document part), for checks. */
export function docxText(bytes: Uint8Array): string {
  const xml = unzipSync(bytes)[DOCX_BODY]
  if (!xml) throw new Error(`不是有效的 Word 文件（缺少 ${DOCX_BODY}）`)
  return strFromU8(xml)
    .replace(/<\/w:p>/g, '\n')
    .replace(/<w:tab\/>/g, '\t')
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&')
}

/** The Word file's paragraphs (table cells included) in document order. */
export function docxParagraphs(bytes: Uint8Array): { text: string }[] {
  return docxText(bytes)
    .split('\n')
    .map((text) => ({ text }))
}

/** Every heading, paragraph and table row of the report must be in the Word body; throws naming the misses. */
export function checkDocxContent(file: string, report: Report, bytes: Uint8Array): void {
  const missing = missingTexts(docExpectations(reportDoc(report)), docxParagraphs(bytes))
  if (missing.length) throw contentFailure(file, missing)
}

/** Re-reads every file of a package zip against its manifest. */
export async function verifyPackage(zip: Uint8Array): Promise<VerifyResult> {
  const problems: string[] = []
  let files: Record<string, Uint8Array>
  try {
    files = unzipSync(zip)
  } catch {
    return { ok: false, checked: 0, problems: ['压缩包无法打开'], summary: '压缩包无法打开' }
  }
  const raw = files['manifest.json']
  if (!raw) return { ok: false, checked: 0, problems: ['缺少 manifest.json'], summary: '缺少 manifest.json' }
  const manifest = JSON.parse(strFromU8(raw)) as Manifest
  let pages = 0
  let rows = 0
  for (const e of manifest.files) {
    const bytes = files[e.file]
    if (!bytes) {
      problems.push(`${e.file}：包内缺少此文件`)
      continue
    }
    if ((await sha256Hex(bytes)) !== e.sha256) problems.push(`${e.file}：SHA-256 与清单不符`)
    try {
      if (e.kind.endsWith('pdf')) {
        const n = pdfPageCount(bytes)
        if (n !== e.pages) problems.push(`${e.file}：页数 ${n} 与清单 ${e.pages} 不符`)
        pages += n
      } else if (e.kind === 'report-docx') {
        if (!docxText(bytes).includes(e.title)) problems.push(`${e.file}：正文中找不到标题`)
      } else {
        const back = await readBackXlsx(bytes)
        for (const s of e.sheets ?? []) {
          const got = back.sheets.find((x) => x.name === s.name)?.dataRows
          if (got !== s.dataRows) problems.push(`${e.file}：工作表“${s.name}”读回 ${got ?? 0} 行，清单为 ${s.dataRows} 行`)
        }
        rows += e.rows ?? 0
      }
    } catch (err) {
      problems.push(`${e.file}：无法读取（${err instanceof Error ? err.message : String(err)}）`)
    }
  }
  const extra = Object.keys(files).filter((f) => f !== 'manifest.json' && !manifest.files.some((e) => e.file === f))
  for (const f of extra) problems.push(`${f}：不在清单中`)
  const summary = problems.length
    ? `核对发现 ${problems.length} 处问题`
    : `${manifest.files.length} 个文件逐一读回核对一致（PDF 共 ${pages} 页，Excel 共 ${rows} 行数据）`
  return { ok: problems.length === 0, checked: manifest.files.length, problems, summary }
}
