// Exports of the reports: one report as PDF (laid out in the worker) or Word, the 测评统计
// workbook, and the whole package as one zip with its manifest, re-read and verified before it
// is handed over. Each says what it checked; a failure changes nothing and says why.
import { ref } from 'vue'
import { ElMessage } from 'element-plus'
import { can } from '@shared/domain/permissions'
import type { ExportKind, Report, SurveyResults } from '@shared/domain/types'
import { exportFileName, markingFor, pdfPageCount } from '@shared/export/delivery'
import { reportDoc } from '@shared/reports/official'
import { emptyTables } from '@shared/domain/snapshot'
import type { VerifyResult } from '@shared/reports/package'
import { packageLabel } from '@shared/reports/package-label'
import { surveySheets } from '@shared/surveys/surveys'
import { todayIso } from '@shared/util/dates'
import { layoutPdf, ledgerXlsx, reportPackage, reportWord as wordInWorker } from '../../export/exportJobs'
import { useRoundStore } from '../../stores/round'
import { describeError } from '../../util/format'
import { deliverExport, nextCopyNumber } from '../exports/deliverExport'
import { keyring } from '../../db/workbench'
import { useReportsStore } from './reportsStore'

const kindOf = (r: Report): ExportKind => (r.kind === '巡察报告' ? '巡察报告' : '专题报告')

export function useReportExports() {
  const round = useRoundStore()
  const store = useReportsStore()
  const busy = ref('')
  const progress = ref(0)
  const stepText = ref('')
  const lastCheck = ref<VerifyResult>()
  const user = () => round.currentUser?.name ?? '未指定用户'

  async function run(what: string, job: () => Promise<unknown>) {
    if (busy.value) return
    busy.value = what
    progress.value = 0
    try {
      await job()
    } catch (e) {
      ElMessage.error(`导出失败：${describeError(e)}`)
    } finally {
      busy.value = ''
    }
  }

  const reportPdf = (report: Report) =>
    run('pdf', async () => {
      const r = round.activeRound!
      const copyNumber = await nextCopyNumber(r.id)
      const bytes = await layoutPdf(reportDoc(report), { marking: markingFor(r, kindOf(report)), copyNumber, watermark: { user: user(), at: new Date().toISOString() } }, (p) => (progress.value = Math.round(p * 100)))
      const pages = pdfPageCount(bytes)
      await deliverExport({ kind: kindOf(report), fileName: exportFileName(r, kindOf(report), 'pdf').replace(kindOf(report), report.kind), bytes, verified: `共 ${pages} 页`, roundId: r.id, copyNumber })
    })

  const reportWord = (report: Report) =>
    run('docx', async () => {
      const r = round.activeRound!
      const copyNumber = await nextCopyNumber(r.id)
      const { bytes, text } = await wordInWorker(report, { marking: markingFor(r, kindOf(report)), copyNumber })
      if (!text.includes(report.title)) throw new Error('读回核对失败：Word 正文中找不到标题')
      await deliverExport({ kind: kindOf(report), fileName: exportFileName(r, kindOf(report), 'docx').replace(kindOf(report), report.kind), bytes, verified: '读回核对一致', roundId: r.id, copyNumber })
    })

  const surveyXlsx = (s: SurveyResults) =>
    run('survey', async () => {
      const r = round.activeRound!
      const sheets = surveySheets(s)
      const { bytes, sheets: back } = await ledgerXlsx(sheets, { marking: markingFor(r, '巡察报告'), unitName: r.unitName, generatedBy: user() })
      for (const sh of sheets) if (back.find((x) => x.name === sh.name)?.dataRows !== sh.rows.length) throw new Error(`读回核对失败：${sh.name}`)
      await deliverExport({ kind: '巡察报告', label: '测评统计表', fileName: exportFileName(r, '巡察报告', 'xlsx').replace('巡察报告', '测评统计'), bytes, verified: `读回核对一致：${sheets.map((x) => `${x.name} ${x.rows.length} 行`).join('，')}`, roundId: r.id })
    })

  const packageZip = () =>
    run('package', async () => {
      const r = round.activeRound!
      lastCheck.value = undefined
      const copyNumber = await nextCopyNumber(r.id)
      // The worker reads and opens the tables the package needs itself, with the round's key.
      const input = {
        snap: { round: r, tables: emptyTables() }, reports: store.reports, user: user(), at: new Date().toISOString(), today: todayIso(),
        includeClueList: can(round.currentUser, 'export-clues'), copyNumber,
      }
      const onProgress = (p: number, step?: string) => {
        if (step) stepText.value = step
        progress.value = Math.round(p * 100)
      }
      const { zip, manifest, check } = await reportPackage(input, onProgress, await keyring.roundKey(r.id))
      lastCheck.value = check
      if (!check.ok) throw new Error(`报告包核对未通过：${check.problems.join('；')}`)
      const notes = manifest.notes.length ? `；${manifest.notes.join('；')}` : ''
      await deliverExport({ kind: '巡察报告', label: packageLabel(manifest), fileName: exportFileName(r, '巡察报告', 'zip').replace('巡察报告', '报告包'), bytes: zip, verified: `${check.summary}${notes}`, roundId: r.id, copyNumber })
    })

  return { busy, progress, stepText, lastCheck, reportPdf, reportWord, surveyXlsx, packageZip }
}
