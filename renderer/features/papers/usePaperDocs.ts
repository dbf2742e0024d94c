// PDFs of one 底稿: the one-page form with its sign-off block, and the 立行立改通知书. Laid out in
// the worker, read back (page count) and delivered with marking, 份号 and watermark.
import { ref } from 'vue'
import { ElMessage } from 'element-plus'
import type { ExportKind, WorkingPaper } from '@shared/domain/types'
import type { OfficialDoc } from '@shared/export/pdf-document'
import { immediateNoticeDoc, paperFormDoc, teamNameOf } from '@shared/casework/pdf'
import { exportFileName, markingFor, pdfPageCount } from '@shared/export/delivery'
import { todayIso } from '@shared/util/dates'
import { layoutPdf } from '../../platform/workers/exportJobs'
import { useRoundStore } from '../../stores/round'
import { describeError } from '../../util/format'
import { deliverExport, nextCopyNumber } from '../exports/deliverExport'

export function usePaperDocs() {
  const round = useRoundStore()
  const busy = ref(false)
  const progress = ref(0)

  async function deliver(kind: ExportKind, paper: WorkingPaper, make: () => OfficialDoc, onePage: boolean) {
    const r = round.activeRound
    if (!r) return ElMessage.error('请先选择巡察轮次')
    busy.value = true
    progress.value = 0
    try {
      const copyNumber = await nextCopyNumber(r.id)
      const bytes = await layoutPdf(
        make(),
        {
          marking: markingFor(r, kind),
          copyNumber,
          watermark: { user: round.currentUser?.name ?? '未指定用户', at: new Date().toISOString() },
        },
        (p) => (progress.value = p),
      )
      const pages = pdfPageCount(bytes)
      if (onePage && pages > 1) ElMessage.warning(`底稿内容较长，打印为 ${pages} 页`)
      const name = exportFileName(r, kind, 'pdf').replace(/\.pdf$/, `-${paper.number}.pdf`)
      await deliverExport({ kind, fileName: name, bytes, verified: `共 ${pages} 页`, roundId: r.id, copyNumber })
    } catch (e) {
      ElMessage.error(`导出失败：${describeError(e)}`)
    } finally {
      busy.value = false
    }
  }

  const ctx = () => ({ round: round.activeRound!, members: round.members, cadres: round.cadres })
  const exportForm = (p: WorkingPaper) => deliver('底稿', p, () => paperFormDoc(p, ctx()), true)
  const exportNotice = (p: WorkingPaper) =>
    deliver('立行立改通知书', p, () => immediateNoticeDoc(p, { ...ctx(), teamName: teamNameOf(round.activeRound!) }, todayIso()), false)
  return { busy, progress, exportForm, exportNotice }
}
