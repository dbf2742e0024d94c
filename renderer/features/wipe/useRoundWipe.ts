import { describeError } from '../../util/format'
// 清理: only after the round's archive is verified against what this laptop holds; the round
// key is destroyed first, then the rows; the certificate is printed from the audit record, so
// it can be printed again if saving it fails.
import { ref } from 'vue'
import { ElMessage } from 'element-plus'
import { decodeArchive, isArchiveError } from '@shared/archive'
import { ARCHIVE_FILE_EXTENSION } from '@shared/archive/format'
import { denial } from '@shared/domain/permissions'
import type { Round } from '@shared/domain/types'
import { archiveMatchesRound, countRecords, wipeCertificate, type WipeRecord } from '@shared/round/wipe'
import { exportFileName, markingFor, pdfPageCount } from '@shared/export/delivery'
import { watermarkText } from '@shared/export/marking'
import { sha256Hex } from '@shared/util/hash'
import { bridge } from '../../bridge'
import { db, keyring, repo, setSetting } from '../../db/workbench'
import { useRoundStore } from '../../stores/round'
import { layoutPdf } from '../../export/exportJobs'
import { deliverExport, nextCopyNumber } from '../exports/deliverExport'

export interface VerifiedHandover {
  round: Round
  fileName: string
  sha256: string
}

export function useRoundWipe() {
  const store = useRoundStore()
  const busy = ref(false)
  const progress = ref(0)
  const verified = ref<VerifiedHandover>()

  /** Step 1: the user picks the archive the round was handed over as; it must match exactly. */
  async function verifyHandover(round: Round) {
    const refused = denial(store.currentUser, 'wipe-round')
    if (refused) return ElMessage.error(refused)
    busy.value = true
    try {
      const file = await bridge().openFile({ title: '选择本轮的移交归档', filters: [{ name: '巡察工作台轮次归档', extensions: [ARCHIVE_FILE_EXTENSION.slice(1)] }] })
      if (!file) return
      const decoded = await decodeArchive(file.data)
      if (!archiveMatchesRound(decoded.snapshot, await repo.snapshot(round.id)))
        return ElMessage.error('该归档与本机数据不一致（不是本轮，或导出后本轮又有改动）：请重新导出轮次归档后再清理')
      verified.value = { round, fileName: file.name, sha256: await sha256Hex(file.data) }
    } catch (e) {
      ElMessage.error(isArchiveError(e) ? e.message : `无法核对归档：${describeError(e)}`)
    } finally {
      busy.value = false
    }
  }

  /** Step 2: destroy the key, delete the rows, record it, print the certificate. */
  async function wipe() {
    const v = verified.value
    if (!v) return
    busy.value = true
    try {
      const snapshot = await repo.snapshot(v.round.id)
      const record: Omit<WipeRecord, 'keyDestroyedAt' | 'wipedAt'> = {
        roundId: v.round.id, roundName: v.round.name, unitName: v.round.unitName, entryDate: v.round.entryDate, exitDate: v.round.exitDate,
        counts: countRecords(snapshot), archiveFileName: v.fileName, archiveSha256: v.sha256,
        wipedBy: store.currentUser ? `${store.currentUser.name}（${store.currentUser.role}）` : '未指定用户', deviceId: store.deviceId,
        backups: await roundBackups(v.round.id),
      }
      await keyring.destroyRoundKey(v.round.id)
      const keyDestroyedAt = new Date().toISOString()
      const full: WipeRecord = { ...record, keyDestroyedAt, wipedAt: new Date().toISOString() }
      await repo.purgeRound(v.round.id, { action: 'wipe', table: 'rounds', recordId: v.round.id, detail: JSON.stringify(full) })
      await Promise.all(['copyNumber', 'currentUser'].map((k) => db.settings.delete(`${k}:${v.round.id}`)))
      await setSetting('activeRoundId', '')
      verified.value = undefined
      await store.init()
      ElMessage.success(`已清理“${v.round.name}”`)
      await printCertificate(full, v.round).catch((e: Error) =>
        ElMessage.error({ message: `清理已完成，但清理证明未能生成：${e.message}。可在“已清理的轮次”中重新打印`, duration: 10_000 }),
      )
    } catch (e) {
      ElMessage.error(`清理未完成：${describeError(e)}`)
    } finally {
      busy.value = false
    }
  }

  async function printCertificate(w: WipeRecord, round: Pick<Round, 'unitName' | 'defaultMarking' | 'markings'>) {
    progress.value = 0
    const copyNumber = await nextCopyNumber(w.roundId)
    const user = store.currentUser?.name ?? w.wipedBy
    const bytes = await layoutPdf(
      wipeCertificate(w),
      { marking: markingFor(round, '清理证明'), copyNumber, watermark: { user, at: new Date().toISOString() } },
      (p) => (progress.value = Math.round(p * 100)),
    )
    await deliverExport({ kind: '清理证明', fileName: exportFileName(round, '清理证明', 'pdf'), bytes, verified: `共 ${pdfPageCount(bytes)} 页，水印“${watermarkText(user, new Date())}”`, roundId: w.roundId, copyNumber })
  }

  /** The backup folder and the backup files the audit log recorded for the round (the wipe leaves them; the certificate lists them). */
  async function roundBackups(roundId: string): Promise<{ folder?: string; files: string[] }> {
    const status = await bridge().backupFolderStatus().catch(() => ({ chosen: false as const }))
    const entries = await db.auditLog.where('recordId').equals(roundId).toArray()
    const files = [...new Set(entries.filter((e) => e.action === 'export').flatMap((e) => e.detail.match(/[^\s：，（]+\.xbak/g) ?? []))]
    return { folder: status.chosen ? status.label : undefined, files }
  }

  /** Certificates of earlier wipes, read back from the audit log. */
  async function pastWipes(): Promise<WipeRecord[]> {
    const entries = await db.auditLog.where('action').equals('wipe').toArray()
    return entries.map((e) => JSON.parse(e.detail) as WipeRecord)
  }

  return { busy, progress, verified, verifyHandover, wipe, printCertificate, pastWipes }
}
