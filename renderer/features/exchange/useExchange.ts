// The 协同交换 screen's import and export: state for the screen (busy, the step shown, the
// preview) and the messages. The workflows are services/exchange (export, door check, decode,
// preview, merge); the backup before an import is services/backups, built while the preview is
// read. Each step is marked for the benchmark (platform/marks.ts).
import { ref, shallowRef } from 'vue'
import { ElMessage } from 'element-plus'
import { isExchangeError, PACKAGE_KINDS, type ExportScope, type PackageHeader, type MergeResult } from '@shared/exchange'
import { bridge } from '../../platform/bridge'
import { markNow, measureStep } from '../../platform/marks'
import { appContext } from '../../services/app'
import { isServiceError } from '../../services/errors'
import { prepareBackup, type PreparedBackup } from '../../services/backups'
import { EXCHANGE_FILTERS, exportExchangePackage, type ExportKind } from '../../services/exchange/exportPackage'
import {
  applyImport,
  checkAtDoor,
  decodeExchangePackage,
  importWarnings,
  previewMerge,
  type DecodedPackage,
  type MergePreview,
} from '../../services/exchange/importPackage'
import { useRoundStore } from '../../stores/round'
import { useSigningStore } from '../../stores/signing'
import { describeError, formatBytes } from '../../util/format'
import { useBackupStore } from './backupStore'
import { useExchangeStore } from './exchangeStore'

export { describeCounts } from '../../services/exchange/importPackage'

export interface ImportPreview extends MergePreview {
  fileName: string
  header: PackageHeader
  fingerprint: string
  result: MergeResult
  joining: boolean
  warnings: string[]
}

/** Records how long a step of the import took (read by the benchmark), and returns the time now. */
const measure = (name: string, start: number) => measureStep('导入', name, start)

export function useExchange() {
  const store = useRoundStore()
  const exchange = useExchangeStore()
  const backups = useBackupStore()
  const busy = ref(false)
  /** What a long import is doing now, shown under the buttons and in the preview. */
  const progress = ref<{ text: string; percent?: number }>()
  const preview = shallowRef<ImportPreview>()
  /** The chosen file, decoded, and the backup of the round being built meanwhile (off this thread). */
  let pending: { decoded: DecodedPackage; passphrase: string; backup?: Promise<PreparedBackup>; built: { percent: number } } | undefined
  const step = (text: string, done?: number) =>
    (progress.value = text ? { text, percent: done === undefined ? undefined : Math.round(done * 100) } : undefined)

  async function exportPackage(kind: ExportKind, passphrase: string, scope: ExportScope) {
    busy.value = true
    try {
      const done = await exportExchangePackage(appContext, exchange.states, bridge(), {
        kind,
        passphrase,
        scope,
        round: store.activeRound,
        user: store.currentUser,
        deviceId: store.deviceId,
      })
      if (!done) return
      const open = exchange.openCount
      ElMessage.success({
        message: `已导出${PACKAGE_KINDS[kind]}：${done.records} 条记录，${done.location}（${formatBytes(done.bytes)}）${open ? `。注意：尚有 ${open} 项冲突未处理` : ''}`,
        duration: 6000,
      })
    } catch (e) {
      if (isServiceError(e) && e.code === 'nothing-to-export') ElMessage.warning(e.message)
      else if (isServiceError(e)) ElMessage.error(e.message)
      else ElMessage.error(`导出失败：${describeError(e)}`)
    } finally {
      busy.value = false
    }
  }

  /** The round's backup, built in the backup worker. */
  const backupOf = (roundId: string, passphrase: string, onProgress?: (p: number) => void) =>
    prepareBackup(
      appContext,
      { round: store.rounds.find((r) => r.id === roundId), deviceId: store.deviceId, userName: store.currentUser?.name, passphrase },
      onProgress,
    )

  async function chooseImport(passphrase: string) {
    if (!passphrase) return ElMessage.error('请先输入团队口令')
    busy.value = true
    try {
      const file = await bridge().openFile({ title: '导入交换文件', filters: EXCHANGE_FILTERS })
      if (!file) return
      const t0 = markNow()
      const { roundId, joining } = checkAtDoor(
        file.data,
        store.rounds.map((r) => r.id),
      )
      // The pre-import backup is built by the backup worker while the file is read and the
      // preview computed and read; it is saved only once the import is confirmed.
      const built = { percent: 0 }
      const backup = joining ? undefined : backupOf(roundId, passphrase, (p) => (built.percent = p))
      backup?.then(
        () => measure('后台备份（与预览同时）', t0),
        () => undefined,
      ) // a failure is reported when the import is confirmed
      step('正在解密并校验文件…')
      const d = await decodeExchangePackage(file.data, passphrase, joining)
      measure('解密校验', t0)
      const job = { decoded: d, passphrase, backup, built }
      const t1 = markNow()
      const merged = await previewMerge(appContext, exchange.states, d, store.deviceId, step)
      measure('读取合并', t1)
      preview.value = {
        fileName: file.name,
        header: d.header,
        fingerprint: d.fingerprint,
        joining: d.joining,
        warnings: importWarnings(d, merged.result, store.deviceId),
        ...merged,
      }
      pending = job
    } catch (e) {
      ElMessage.error({ message: isExchangeError(e) ? e.message : `无法读取该文件，未做任何更改：${describeError(e)}`, duration: 8000 })
    } finally {
      busy.value = false
      step('')
    }
  }

  async function confirmImport() {
    const p = preview.value
    const job = pending
    if (!p || !job || busy.value) return
    if (p.result.duplicate) {
      preview.value = undefined
      return ElMessage.info('该文件已经导入过，未做任何更改')
    }
    busy.value = true
    try {
      let t = markNow()
      if (!p.joining) {
        const waiting = setInterval(() => step(`导入前自动备份本轮次（${job.built.percent}%）…`), 200)
        try {
          let backup = await (job.backup ?? backupOf(p.header.roundId, job.passphrase))
          // Built from the data as it was then: again if anything was written since.
          if (backup.revision !== appContext.repo.revision)
            backup = await backupOf(p.header.roundId, job.passphrase, (x) => (job.built.percent = x))
          await backups.deliver(backup, '导入前自动备份')
        } finally {
          clearInterval(waiting)
        }
        t = measure('导入前备份', t)
      }
      // Merged again against the data as it is now, unless nothing was written since the preview.
      const applied = await applyImport(appContext, exchange.states, { decoded: job.decoded, preview: p, deviceId: store.deviceId }, step)
      if (applied.peerWarning) ElMessage.warning({ message: applied.peerWarning, duration: 0, showClose: true })
      await useSigningStore().refresh()
      measure('写入', t)
      ElMessage.success({
        message: p.joining
          ? `已加入轮次“${p.header.roundName}”：请在页面顶部选择本人，并设置个人签名密码`
          : `已导入：${applied.summary || '没有需要更改的内容'}${applied.held ? `；${applied.held} 条记录签名核验未通过，已暂扣待组长处理（见冲突收件箱）` : ''}`,
        duration: 6000,
      })
      preview.value = undefined
      pending = undefined
      // Committed: the screens reload their records now (a failure here changes nothing stored).
      try {
        if (applied.roundsChanged) await store.reloadRounds()
        // The screens follow the merge's change events; a round just joined becomes the active one.
        if (store.activeRoundId !== p.header.roundId) await store.activate(p.header.roundId)
      } catch (e) {
        ElMessage.warning(`已导入，但刷新页面数据失败，请重新进入该页面：${describeError(e)}`)
      }
    } catch (e) {
      ElMessage.error(`导入失败，本机数据未改变：${isExchangeError(e) ? e.message : describeError(e)}`)
    } finally {
      busy.value = false
      step('')
    }
  }

  function cancel() {
    if (busy.value) return
    preview.value = undefined
    pending = undefined
  }

  return { busy, progress, preview, exportPackage, chooseImport, confirmImport, cancel }
}
