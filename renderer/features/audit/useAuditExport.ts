// The audit log (as filtered on screen) as an Excel ledger, marked per the round's settings.
import { describeError } from '../../util/format'
import { ref } from 'vue'
import { ElMessage } from 'element-plus'
import type { AuditEntry } from '@shared/domain/types'
import { auditActionLabel, auditFieldsLabel, auditTableLabel } from '@shared/domain/audit'
import { exportFileName, markingFor } from '@shared/export/delivery'
import { formatDateTimeCN } from '@shared/util/dates'
import { useRoundStore } from '../../stores/round'
import { deliverExport } from '../exports/deliverExport'
import { ledgerXlsx } from '../../platform/workers/exportJobs'
import type { AuditNames } from '../../services/auditNames'

export function useAuditExport() {
  const store = useRoundStore()
  const busy = ref(false)

  /** The names are resolved by the view (after unlock); the log itself holds ids. */
  async function exportEntries(entries: AuditEntry[], names: AuditNames) {
    const round = store.activeRound
    if (!round) return ElMessage.error('请先选择巡察轮次：导出的标识按轮次设置')
    busy.value = true
    try {
      const rows = [...entries]
        .sort((a, b) => a.seq - b.seq)
        .map((e) => ({
          seq: e.seq,
          at: formatDateTimeCN(e.at),
          actor: names.actor(e),
          record: names.record(e),
          device: e.deviceId.slice(0, 8),
          action: auditActionLabel(e.action),
          table: auditTableLabel(e.table),
          fields: auditFieldsLabel(e.table, e.fields),
          detail: e.detail,
          hash: e.hash,
        }))
      const { bytes, sheets } = await ledgerXlsx(
        [
          {
            name: '审计日志',
            title: '审计日志',
            rows,
            columns: [
              { header: '序号', key: 'seq', kind: 'number' },
              { header: '时间', key: 'at' },
              { header: '人员', key: 'actor' },
              { header: '设备', key: 'device' },
              { header: '操作', key: 'action' },
              { header: '对象', key: 'table' },
              { header: '记录', key: 'record' },
              { header: '改动字段', key: 'fields', kind: 'wrap' },
              { header: '说明', key: 'detail', kind: 'wrap' },
              { header: '哈希', key: 'hash' },
            ],
          },
        ],
        { marking: markingFor(round, '审计日志'), unitName: round.unitName, generatedBy: store.currentUser?.name ?? '未指定用户' },
      )
      const sheet = sheets.find((s) => s.name === '审计日志')
      if (!sheet) throw new Error('导出的文件读回失败')
      await deliverExport({
        kind: '审计日志',
        fileName: exportFileName(round, '审计日志', 'xlsx'),
        bytes,
        verified: `${rows.length} 条记录`,
        roundId: round.id,
      })
    } catch (e) {
      ElMessage.error(`导出失败：${describeError(e)}`)
    } finally {
      busy.value = false
    }
  }
  return { busy, exportEntries }
}
