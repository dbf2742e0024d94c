// Interview exports: gathers the round's data, composes the document in shared/, lays it out,
// reads it back and delivers it (where it went, its size, rows or pages), or says why not.
import type { ExportKind, Interview, IsoDate } from '@shared/domain/types'
import {
  inRange,
  rangeText,
  recordDoc,
  registerSheets,
  scheduleDoc,
  scheduleRows,
  scheduleSheet,
  type People,
} from '@shared/interviews/documents'
import type { OfficialDoc } from '@shared/export/pdf-document'
import type { LedgerSheet } from '@shared/export/xlsx-ledger'
import { exportFileName, markingFor, pdfPageCount } from '@shared/export/delivery'
import { isIsoDate } from '@shared/util/dates'
import { layoutPdf, ledgerXlsx } from '../../platform/workers/exportJobs'
import { useTask } from '../../ui/useTask'
import { useRoundStore } from '../../stores/round'
import { deliverExport, nextCopyNumber } from '../exports/deliverExport'
import { useInterviewsStore } from '../../stores/interviews'
import { needsCopyNumber } from '@shared/export/marking'
import type { PrintSource } from '../print/printSource'

export function useInterviewExports() {
  const store = useRoundStore()
  const ivs = useInterviewsStore()

  const people = (): People => ({ members: store.members, cadres: store.cadres })

  const task = useTask({ requires: () => (store.activeRound ? undefined : '请先选择巡察轮次：导出的标识按轮次设置'), whenBusy: 'warn' })
  const { progress } = task
  const run = (work: () => Promise<void>) => task.run('export', work)

  async function xlsx(kind: ExportKind, sheets: LedgerSheet[], suffix = '') {
    const round = store.activeRound!
    const { bytes, sheets: back } = await ledgerXlsx(
      sheets,
      { marking: markingFor(round, kind), unitName: round.unitName, generatedBy: store.currentUser?.name ?? '未指定用户' },
      (p) => (progress.value = Math.round(p * 100)),
    )
    const counts = sheets.map((s) => {
      const read = back.find((b) => b.name === s.name)
      if (!read || read.dataRows !== s.rows.length) throw new Error(`导出的文件读回后“${s.name}”行数不符`)
      return `${s.name} ${read.dataRows} 行`
    })
    const fileName = exportFileName(round, kind, 'xlsx').replace(/\.xlsx$/, `${suffix}.xlsx`)
    await deliverExport({ kind, fileName, bytes, verified: counts.join('，'), roundId: round.id })
  }

  async function pdf(kind: ExportKind, doc: OfficialDoc, suffix = '') {
    const round = store.activeRound!
    const copyNumber = await nextCopyNumber(round.id)
    const user = store.currentUser?.name ?? '未指定用户'
    const bytes = await layoutPdf(
      doc,
      { marking: markingFor(round, kind), copyNumber, watermark: { user, at: new Date().toISOString() } },
      (p) => (progress.value = Math.round(p * 100)),
    )
    const pages = pdfPageCount(bytes)
    const fileName = exportFileName(round, kind, 'pdf').replace(/\.pdf$/, `${suffix}.pdf`)
    await deliverExport({ kind, fileName, bytes, verified: `共 ${pages} 页`, roundId: round.id, copyNumber })
  }

  function scheduleFor(range: [IsoDate, IsoDate] | null | undefined) {
    const [from, to] = range ?? []
    if ((from && !isIsoDate(from)) || (to && !isIsoDate(to))) throw new Error('日期范围无效')
    const list = inRange(ivs.interviews, from, to)
    if (!list.length) throw new Error(`${rangeText(from, to)}没有谈话安排`)
    return { rows: scheduleRows(list, people(), ivs.interviews), range: rangeText(from, to) }
  }

  const scheduleXlsx = (range?: [IsoDate, IsoDate] | null) =>
    run(async () => {
      const { rows, range: text } = scheduleFor(range)
      await xlsx('谈话安排表', [scheduleSheet(rows, text)])
    })
  const schedulePdf = (range?: [IsoDate, IsoDate] | null) =>
    run(async () => {
      const { rows, range: text } = scheduleFor(range)
      await pdf('谈话安排表', scheduleDoc(rows, store.activeRound!, text))
    })
  /** 打印预览 and 打印 of the 谈话安排表 for the range (throws the Chinese reason when it is empty or invalid). */
  function schedulePrintSource(range?: [IsoDate, IsoDate] | null): PrintSource {
    const { rows, range: text } = scheduleFor(range)
    const round = store.activeRound!
    return {
      title: '谈话安排表',
      kind: '谈话安排表',
      roundId: round.id,
      numbered: needsCopyNumber(markingFor(round, '谈话安排表')),
      layout: (copyNumber, onProgress) =>
        layoutPdf(
          scheduleDoc(rows, round, text),
          {
            marking: markingFor(round, '谈话安排表'),
            copyNumber,
            watermark: { user: store.currentUser?.name ?? '未指定用户', at: new Date().toISOString() },
          },
          onProgress,
        ),
    }
  }
  const register = () =>
    run(async () => {
      if (!ivs.interviews.length) throw new Error('本轮还没有谈话安排')
      await xlsx('谈话安排表', registerSheets(ivs.interviews, people()), '-登记表')
    })
  const record = (iv: Interview) =>
    run(async () => {
      const who = store.cadres.find((c) => c.id === iv.intervieweeId)?.name ?? ''
      await pdf('谈话记录', recordDoc(iv, store.activeRound!, people()), `-${who}-${iv.date}`)
    })

  return { busy: task.running, progress, scheduleXlsx, schedulePdf, schedulePrintSource, register, record }
}
