// Round archive export and import from the UI: file dialogs through the bridge, a preview
// before anything changes, one atomic replace, and an audit entry with the file fingerprint.
import { ref } from 'vue'
import { ElMessage, ElMessageBox } from 'element-plus'
import { encodeArchive, isArchiveError, type DecodedArchive } from '@shared/archive'
import { decodeOffThread } from '../../services/exchange/decodeOffThread'
import { ARCHIVE_FILE_EXTENSION } from '@shared/archive/format'
import { sha256Hex } from '@shared/util/hash'
import { safeFileName } from '@shared/util/filename'
import { TABLE_LABELS } from '@shared/domain/labels'
import { denial } from '@shared/domain/permissions'
import { formatDateTimeCN, todayIso } from '@shared/util/dates'
import { bridge } from '../../bridge'
import { repo } from '../../db/workbench'
import { RoundCollisionError } from '../../db/repository'
import { useRoundStore } from '../../stores/round'
import { describeError, formatBytes } from '../../util/format'

const EXT = ARCHIVE_FILE_EXTENSION.slice(1)
const FILTERS = [{ name: '巡察工作台轮次归档', extensions: [EXT] }]

export interface ArchivePreview {
  fileName: string
  fingerprint: string
  decoded: DecodedArchive
  replaces: boolean
}

export function useRoundArchive() {
  const store = useRoundStore()
  const busy = ref(false)
  const preview = ref<ArchivePreview>()

  async function exportActive() {
    const round = store.activeRound
    if (!round) return
    const refused = denial(store.currentUser, 'export-round-archive')
    if (refused) {
      ElMessage.error(refused)
      return
    }
    busy.value = true
    try {
      const snapshot = await repo.snapshot(round.id)
      const bytes = await encodeArchive(snapshot, {
        appVersion: __APP_VERSION__, exportedBy: store.currentUser?.name ?? '未指定', exportedAt: new Date().toISOString(),
      })
      const fileName = safeFileName(`${round.name}-轮次归档-${todayIso()}`, ARCHIVE_FILE_EXTENSION)
      const result = await bridge().saveFile({ suggestedName: fileName, filters: FILTERS, data: bytes })
      if (!result.saved) return
      await repo.record({ action: 'export', table: 'rounds', recordId: round.id, detail: `导出轮次归档 ${fileName} sha256:${await sha256Hex(bytes)}` })
      ElMessage.success({ message: `已导出轮次归档：${result.location ?? fileName}（${formatBytes(result.size ?? bytes.byteLength)}）`, duration: 6000 })
    } catch (e) {
      ElMessage.error(`导出失败：${describeError(e)}`)
    } finally {
      busy.value = false
    }
  }

  /** Reads and checks a file; nothing changes until `confirmImport`. */
  async function chooseFile() {
    busy.value = true
    try {
      const file = await bridge().openFile({ title: '导入轮次归档', filters: FILTERS })
      if (!file) return
      const fingerprint = await sha256Hex(file.data)
      const result = await decodeOffThread({ kind: 'archive', bytes: file.data })
      if (result.kind !== 'archive') throw new Error('读取结果不符')
      const decoded = result.decoded
      preview.value = {
        fileName: file.name,
        fingerprint,
        decoded,
        replaces: store.rounds.some((r) => r.id === decoded.snapshot.round.id),
      }
    } catch (e) {
      ElMessage.error({ message: isArchiveError(e) ? e.message : `无法读取该文件：${describeError(e)}`, duration: 8000 })
    } finally {
      busy.value = false
    }
  }

  async function confirmImport() {
    const p = preview.value
    if (!p) return
    if (p.replaces) {
      try {
        await ElMessageBox.confirm(`本机已有轮次“${p.decoded.snapshot.round.name}”。导入将用归档中的数据整体替换它，是否继续？`, '替换已有轮次', {
          type: 'warning', confirmButtonText: '替换', cancelButtonText: '取消',
        })
      } catch {
        return
      }
    }
    busy.value = true
    try {
      await store.installRound(p.decoded.snapshot, {
        action: 'import', table: 'rounds', recordId: p.decoded.snapshot.round.id, detail: `导入轮次归档 ${p.fileName} sha256:${p.fingerprint}`,
      })
      ElMessage.success(`已导入轮次“${p.decoded.snapshot.round.name}”`)
      preview.value = undefined
    } catch (e) {
      ElMessage.error({ message: `导入失败，本机数据未改变：${describeError(e)}`, duration: 10_000 })
      // Ids that belong to another round: this file can never be imported here, so the preview closes.
      if (e instanceof RoundCollisionError) preview.value = undefined
    } finally {
      busy.value = false
    }
  }

  return { busy, preview, exportActive, chooseFile, confirmImport }
}

export function describeCounts(decoded: DecodedArchive): string {
  return Object.entries(decoded.counts)
    .filter(([, n]) => n > 0)
    .map(([t, n]) => `${TABLE_LABELS[t as keyof typeof TABLE_LABELS]} ${n}`)
    .join('，')
}

export function describeExport(decoded: DecodedArchive): string {
  return `${decoded.info.exportedBy} 于 ${formatDateTimeCN(decoded.info.exportedAt)} 导出`
}
