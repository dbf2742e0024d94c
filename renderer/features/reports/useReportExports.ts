// Exports of the reports: one report as PDF (laid out in the worker) or Word, the 测评统计
// workbook, and the whole package as one zip with its manifest, re-read and verified before it
// is handed over. Each says what it checked; a failure changes nothing and says why.
import { ref } from 'vue'
import { ElMessageBox } from 'element-plus'
import { can } from '@shared/domain/permissions'
import type { ExportKind, Report, SurveyResults } from '@shared/domain/types'
import { exportFileName, markingFor, pdfPageCount } from '@shared/export/delivery'
import { reportDoc } from '@shared/reports/official'
import { emptyTables } from '@shared/domain/snapshot'
import { reportChecks, type VerifyResult } from '@shared/reports/package'
import { checkReport, needsConfirmation, type CheckItem } from '@shared/reports/check'
import { needsCopyNumber } from '@shared/export/marking'
import { teamName, type Furniture } from '@shared/reports/furniture'
import { useCaseworkStore } from '../../stores/casework'
import { packageLabel } from '@shared/reports/package-label'
import { surveySheets } from '@shared/surveys/surveys'
import { todayIso } from '@shared/util/dates'
import { layoutPdf, ledgerXlsx, reportPackage, reportWord as wordInWorker } from '../../platform/workers/exportJobs'
import { useTask } from '../../ui/useTask'
import { officeFontNames } from '../../services/officeFonts'
import { signLeaderAct } from '../shell/leaderAct'
import { useRoundStore } from '../../stores/round'
import { deliverExport, nextCopyNumber } from '../exports/deliverExport'
import { keyring } from '../../platform/db/workbench'
import type { PrintSource } from '../print/printSource'
import { useReportsStore } from '../../stores/reports'

const kindOf = (r: Report): ExportKind => (r.kind === '巡察报告' ? '巡察报告' : '专题报告')

export function useReportExports() {
  const round = useRoundStore()
  const store = useReportsStore()
  const stepText = ref('')
  const lastCheck = ref<VerifyResult>()
  const user = () => round.currentUser?.name ?? '未指定用户'
  const casework = useCaseworkStore()

  /** The 报告检查 list of the package as it would be exported now. */
  const packageChecks = (): CheckItem[] =>
    reportChecks(store.reports, {
      papers: casework.allPapers,
      surveys: round.activeRound?.surveys,
      includeClueList: can(round.currentUser, 'export-clues'),
    })

  /** Empty sections export only after the user confirms, having seen which they are. */
  async function confirmChecks(items: CheckItem[]): Promise<boolean> {
    if (!needsConfirmation(items)) return true
    const empty = items.filter((i) => i.kind === '空章节')
    try {
      await ElMessageBox.confirm(
        `报告检查发现 ${empty.length} 个章节还没有内容：${empty.map((i) => `${i.report}“${i.where}”`).join('、')}。导出后这些章节将只有标题。仍要导出吗？`,
        '报告检查',
        { type: 'warning', confirmButtonText: '确认导出', cancelButtonText: '返回修改' },
      )
      return true
    } catch {
      return false
    }
  }
  const reportCheck = (report: Report) =>
    checkReport(report, { papers: casework.allPapers, surveys: round.activeRound?.surveys, attachments: [] })
  /** 落款 of a report exported alone: the 巡察组 and today; no 附件说明, as no attachment goes with it. */
  const furnitureOf = (): Furniture => ({ attachments: [], signer: teamName(round.activeRound!), date: todayIso() })
  /** A 份号 from the round's counter, only for documents marked 秘密 or 机密. */
  const copyNumberFor = async (kind: ExportKind) =>
    needsCopyNumber(markingFor(round.activeRound!, kind)) ? await nextCopyNumber(round.activeRound!.id) : undefined

  const task = useTask({ whenBusy: 'ignore' })
  const { busy, progress, run } = task

  const reportPdf = async (report: Report) =>
    (await confirmChecks(reportCheck(report))) &&
    run('pdf', async () => {
      const r = round.activeRound!
      const copyNumber = await copyNumberFor(kindOf(report))
      const bytes = await layoutPdf(
        reportDoc(report, furnitureOf()),
        { marking: markingFor(r, kindOf(report)), copyNumber, watermark: { user: user(), at: new Date().toISOString() } },
        (p) => (progress.value = Math.round(p * 100)),
      )
      const pages = pdfPageCount(bytes)
      await deliverExport({
        kind: kindOf(report),
        fileName: exportFileName(r, kindOf(report), 'pdf').replace(kindOf(report), report.kind),
        bytes,
        verified: `共 ${pages} 页`,
        roundId: r.id,
        copyNumber,
      })
    })

  /** 打印预览 and 打印 of a report as it stands in the editor (saved or not), laid out as its PDF export is. */
  const printSource = (report: Report): PrintSource => ({
    title: report.kind,
    kind: kindOf(report),
    roundId: round.activeRound!.id,
    numbered: needsCopyNumber(markingFor(round.activeRound!, kindOf(report))),
    layout: (copyNumber, onProgress) =>
      layoutPdf(
        reportDoc(report, furnitureOf()),
        { marking: markingFor(round.activeRound!, kindOf(report)), copyNumber, watermark: { user: user(), at: new Date().toISOString() } },
        onProgress,
      ),
  })

  const reportWord = async (report: Report) =>
    (await confirmChecks(reportCheck(report))) &&
    run('docx', async () => {
      const r = round.activeRound!
      const copyNumber = await copyNumberFor(kindOf(report))
      const { bytes, text } = await wordInWorker(report, {
        marking: markingFor(r, kindOf(report)),
        copyNumber,
        furniture: furnitureOf(),
        fonts: await officeFontNames(),
      })
      if (!text.includes(report.title)) throw new Error('读回核对失败：Word 正文中找不到标题')
      await deliverExport({
        kind: kindOf(report),
        fileName: exportFileName(r, kindOf(report), 'docx').replace(kindOf(report), report.kind),
        bytes,
        verified: '读回核对一致',
        roundId: r.id,
        copyNumber,
      })
    })

  const surveyXlsx = (s: SurveyResults) =>
    run('survey', async () => {
      const r = round.activeRound!
      const sheets = surveySheets(s)
      const { bytes, sheets: back } = await ledgerXlsx(sheets, {
        marking: markingFor(r, '巡察报告'),
        unitName: r.unitName,
        generatedBy: user(),
      })
      for (const sh of sheets)
        if (back.find((x) => x.name === sh.name)?.dataRows !== sh.rows.length) throw new Error(`读回核对失败：${sh.name}`)
      await deliverExport({
        kind: '巡察报告',
        label: '测评统计表',
        fileName: exportFileName(r, '巡察报告', 'xlsx').replace('巡察报告', '测评统计'),
        bytes,
        verified: `读回核对一致：${sheets.map((x) => `${x.name} ${x.rows.length} 行`).join('，')}`,
        roundId: r.id,
      })
    })

  const packageZip = async () =>
    (await confirmChecks(packageChecks())) &&
    // With the clue list inside (the 组长's package), the 组长 signs it first.
    (!can(round.currentUser, 'export-clues') || (await signLeaderAct('export-clues', '报告包（含问题线索清单）'))) &&
    run('package', async () => {
      const r = round.activeRound!
      lastCheck.value = undefined
      // One 份号 for the package, drawn only when something in it is marked 秘密 or 机密.
      const marked = [...new Set(store.reports.map(kindOf))].some((k) => needsCopyNumber(markingFor(r, k)))
      const copyNumber = marked ? await nextCopyNumber(r.id) : undefined
      // The worker reads and opens the tables the package needs itself, with the round's key.
      const input = {
        snap: { round: r, tables: emptyTables() },
        reports: store.reports,
        user: user(),
        at: new Date().toISOString(),
        today: todayIso(),
        includeClueList: can(round.currentUser, 'export-clues'),
        copyNumber,
        allowEmpty: true,
        docxFonts: await officeFontNames(),
      }
      const onProgress = (p: number, step?: string) => {
        if (step) stepText.value = step
        progress.value = Math.round(p * 100)
      }
      const { zip, manifest, check } = await reportPackage(input, onProgress, await keyring.roundKey(r.id))
      lastCheck.value = check
      if (!check.ok) throw new Error(`报告包核对未通过：${check.problems.join('；')}`)
      const notes = manifest.notes.length ? `；${manifest.notes.join('；')}` : ''
      await deliverExport({
        kind: '巡察报告',
        label: packageLabel(manifest),
        fileName: exportFileName(r, '巡察报告', 'zip').replace('巡察报告', '报告包'),
        bytes: zip,
        verified: `${check.summary}${notes}`,
        roundId: r.id,
        copyNumber,
      })
    })

  return { busy, progress, stepText, lastCheck, packageChecks, reportPdf, reportWord, printSource, surveyXlsx, packageZip }
}
