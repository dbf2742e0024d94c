// Exports of the registers: 调阅清单 (Excel or landscape PDF, signatures blank or filled), 审阅笔记
// (one document or the round) and the 信访登记表. The rows are composed in shared/registers;
// here the records are gathered, the file is read back, then delivered (audited, with 份号).
import { toRaw } from 'vue'
import type { ExportKind, Petition } from '@shared/domain/types'
import type { LedgerSheet } from '@shared/export/xlsx-ledger'
import { exportFileName, markingFor, pdfPageCount } from '@shared/export/delivery'
import { needsCopyNumber, watermarkText } from '@shared/export/marking'
import { lendingPdf, lendingSheet, notesSheet, petitionSheet, type LendingHeads, type SignatureVariant } from '@shared/registers/exports'
import { useRoundStore } from '../../stores/round'
import { useCaseworkStore } from '../../stores/casework'
import { layoutPdf, ledgerXlsx } from '../../platform/workers/exportJobs'
import { useTask } from '../../ui/useTask'
import { deliverExport, nextCopyNumber } from './deliverExport'
import { useDocumentsStore } from '../../stores/documents'
import type { PrintSource } from '../print/printSource'

export function useRegisterExports() {
  const round = useRoundStore()
  const casework = useCaseworkStore()
  const docs = useDocumentsStore()
  const task = useTask({ requires: () => (round.activeRound ? undefined : '请先选择巡察轮次'), whenBusy: 'allow' })
  const { progress } = task

  /** Names by id, looked up once per export (thousands of rows each ask). */
  const names = () => {
    const byId = new Map(toRaw(round.people).map((p) => [p.id, p.name]))
    return (id: string) => byId.get(id) ?? ''
  }
  /**
   * 底稿/线索 citing each piece of evidence, built once per export: asking casework.citing for
   * each of 20,000 notes scanned every 底稿 and 线索 20,000 times.
   */
  const citations = () => {
    const byRef = new Map<string, string[]>()
    const cite = (refs: { ref: string }[], label: string) => {
      for (const ref of new Set(refs.map((l) => l.ref))) byRef.set(ref, [...(byRef.get(ref) ?? []), label])
    }
    for (const p of toRaw(casework.papers)) cite(p.evidence, `底稿 ${p.number}`)
    for (const c of toRaw(casework.clues)) cite(c.evidence, `线索 ${c.number}`)
    return (ref: string) => byRef.get(ref)?.join('、') ?? ''
  }
  const heads = (): LendingHeads => ({
    unitName: round.activeRound?.unitName ?? '',
    unitHead: round.cadres.find((c) => c.isTopLeader)?.name ?? '',
    teamLeader: round.members.find((m) => m.role === '组长')?.name ?? '',
  })
  const who = () => round.currentUser?.name ?? '未指定用户'

  const run = (job: () => Promise<void>) => task.run('export', job)

  async function xlsx(kind: ExportKind, sheet: LedgerSheet, what: string, note = '') {
    const r = round.activeRound!
    if (sheet.rows.length === 0) throw new Error(`没有可导出的${what}`)
    const { bytes, sheets } = await ledgerXlsx(
      [sheet],
      { marking: markingFor(r, kind), unitName: r.unitName, generatedBy: who() },
      (p) => (progress.value = Math.round(p * 100)),
    )
    const back = sheets.find((s) => s.state === 'visible')
    if (!back || back.dataRows !== sheet.rows.length) throw new Error('导出的文件读回后行数不符')
    await deliverExport({
      kind,
      fileName: exportFileName(r, kind, 'xlsx'),
      bytes,
      verified: `${back.dataRows} 行${note}，列：${back.headers.join('|')}`,
      roundId: r.id,
    })
  }

  const VARIANT: Record<SignatureVariant, string> = { blank: '签名栏留空', filled: '已填姓名' }

  const lendingXlsx = (variant: SignatureVariant) =>
    run(() => xlsx('调阅清单', lendingSheet(toRaw(docs.documents), names(), heads(), variant), '调阅资料'))

  const lendingPdfExport = (variant: SignatureVariant) =>
    run(async () => {
      const r = round.activeRound!
      if (docs.documents.length === 0) throw new Error('没有可导出的调阅资料')
      const copyNumber = await nextCopyNumber(r.id)
      const at = new Date()
      const bytes = await layoutPdf(
        lendingPdf(toRaw(docs.documents), names(), heads(), variant),
        { marking: markingFor(r, '调阅清单'), copyNumber, watermark: { user: who(), at: at.toISOString() } },
        (p) => (progress.value = Math.round(p * 100)),
      )
      await deliverExport({
        kind: '调阅清单',
        fileName: exportFileName(r, '调阅清单', 'pdf'),
        bytes,
        roundId: r.id,
        copyNumber,
        verified: `共 ${pdfPageCount(bytes)} 页，${VARIANT[variant]}，水印“${watermarkText(who(), at)}”`,
      })
    })

  /** 打印预览 and 打印 of the 调阅清单 with its signature columns, laid out as its PDF export is. */
  const lendingPrintSource = (variant: SignatureVariant): PrintSource => ({
    title: `调阅清单（${VARIANT[variant]}）`,
    kind: '调阅清单',
    roundId: round.activeRound!.id,
    numbered: needsCopyNumber(markingFor(round.activeRound!, '调阅清单')),
    layout: async (copyNumber, onProgress) => {
      if (docs.documents.length === 0) throw new Error('没有可打印的调阅资料')
      return layoutPdf(
        lendingPdf(toRaw(docs.documents), names(), heads(), variant),
        { marking: markingFor(round.activeRound!, '调阅清单'), copyNumber, watermark: { user: who(), at: new Date().toISOString() } },
        onProgress,
      )
    },
  })

  const notes = (documentId?: string) =>
    run(() =>
      xlsx(
        '审阅笔记',
        notesSheet({
          docs: toRaw(docs.documents),
          notes: toRaw(docs.notes),
          framework: round.activeRound!.framework,
          nameOf: names(),
          linksOf: citations(),
          documentId,
        }),
        '审阅笔记',
      ),
    )

  const petitions = (list: Petition[], includeContact: boolean) =>
    run(() =>
      xlsx(
        '信访登记表',
        petitionSheet(list, citations(), includeContact),
        '信访件',
        includeContact ? '，含反映人联系方式' : '，不含反映人联系方式',
      ),
    )

  return { busy: task.running, progress, lendingXlsx, lendingPdf: lendingPdfExport, lendingPrintSource, notes, petitions }
}
