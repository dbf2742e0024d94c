// The report package inside the hand-over (移交包): built and verified the same way as the
// package exported from the 报告 page. A round with no drafted report hands over none.
import type { HandoverFile } from '@shared/exchange/handover'
import { can } from '@shared/domain/permissions'
import { todayIso } from '@shared/util/dates'
import { reportPackage } from '../../platform/workers/exportJobs'
import { useRoundStore } from '../../stores/round'
import { nextCopyNumber } from '../exports/deliverExport'
import { useReportsStore } from '../../stores/reports'

export async function reportsForHandover(roundId: string): Promise<HandoverFile[]> {
  const round = useRoundStore()
  const store = useReportsStore()
  if (round.activeRoundId !== roundId) return []
  await store.load(roundId)
  if (store.reports.length === 0) return []
  const { zip, check } = await reportPackage({
    snap: await store.snapshot(),
    reports: store.reports,
    user: round.currentUser?.name ?? '未指定用户',
    at: new Date().toISOString(),
    today: todayIso(),
    includeClueList: can(round.currentUser, 'export-clues'),
    copyNumber: await nextCopyNumber(roundId),
  })
  if (!check.ok) throw new Error(`报告包核对未通过：${check.problems.join('；')}`)
  return [{ name: '报告包.zip', role: '“1+3”报告包', bytes: zip }]
}
