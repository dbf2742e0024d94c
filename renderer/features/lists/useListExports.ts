// The 清单 as Excel: one workbook per list or all in one, styled and printable, re-read after
// writing; lists that carry clues only by the 组长 and always marked.
import { ref } from 'vue'
import { ElMessage } from 'element-plus'
import { can, denial } from '@shared/domain/permissions'
import { exportFileName, markingFor } from '@shared/export/delivery'
import { CLUE_LISTS, confidentialMarking, LIST_BUILDERS, type ListKind } from '@shared/casework/lists'
import { todayIso } from '@shared/util/dates'
import { signLeaderAct } from '../shell/leaderAct'
import { useRoundStore } from '../../stores/round'
import { useCaseworkStore } from '../../stores/casework'
import { ledgerXlsx } from '../../platform/workers/exportJobs'
import { describeError } from '../../util/format'
import { deliverExport } from '../exports/deliverExport'

export function useListExports() {
  const round = useRoundStore()
  const casework = useCaseworkStore()
  const busy = ref('')

  /** Exports the lists in one workbook (one list → its own kind; several → 清单汇总). */
  async function exportLists(kinds: ListKind[]) {
    const r = round.activeRound
    if (!r) return ElMessage.error('请先选择巡察轮次')
    const withClues = kinds.some((k) => CLUE_LISTS.includes(k))
    if (withClues && !can(round.currentUser, 'export-clues')) return ElMessage.error(denial(round.currentUser, 'export-clues'))
    if (withClues && !(await signLeaderAct('export-clues', kinds.join('、')))) return
    const kind = kinds.length === 1 ? kinds[0]! : '清单汇总'
    busy.value = kind
    try {
      const data = { round: r, papers: casework.allPapers, clues: casework.clues, cadres: round.cadres, today: todayIso() }
      const sheets = kinds.map((k) => LIST_BUILDERS[k](data))
      const base = markingFor(r, kind)
      const { bytes, sheets: back } = await ledgerXlsx(sheets, {
        marking: withClues ? confidentialMarking(base) : base,
        unitName: r.unitName,
        generatedBy: round.currentUser?.name ?? '未指定用户',
      })
      for (const s of sheets) {
        const read = back.find((x) => x.name === s.name)
        if (!read || read.dataRows !== s.rows.length + (s.footer?.length ?? 0)) throw new Error(`读回核对失败：${s.name}`)
      }
      const verified = sheets.map((s) => `${s.name} ${s.rows.length} 行`).join('，')
      await deliverExport({ kind, fileName: exportFileName(r, kind, 'xlsx'), bytes, verified: `读回核对一致：${verified}`, roundId: r.id })
    } catch (e) {
      ElMessage.error(`导出失败：${describeError(e)}`)
    } finally {
      busy.value = ''
    }
  }
  return { busy, exportLists }
}
