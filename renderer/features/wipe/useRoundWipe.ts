// 清理 on screen: picks the hand-over archive, runs the wipe service (services/wipe.ts: the
// archive checked, the key destroyed first, then the rows) and prints the certificate from the
// audit record, so it can be printed again if saving it fails.
import { ref } from 'vue'
import { ElMessage } from 'element-plus'
import { ARCHIVE_FILE_EXTENSION } from '@shared/archive/format'
import { denial } from '@shared/domain/permissions'
import type { Round } from '@shared/domain/types'
import type { RoundBackups } from '@shared/bridge/contract'
import { wipeCertificate, type WipeRecord } from '@shared/round/wipe'
import { exportFileName, markingFor, pdfPageCount } from '@shared/export/delivery'
import { needsCopyNumber, watermarkText } from '@shared/export/marking'
import { describeError } from '../../util/format'
import { bridge } from '../../platform/bridge'
import { appContext } from '../../services/app'
import { signLeaderAct } from '../shell/leaderAct'
import { useRoundStore } from '../../stores/round'
import { layoutPdf } from '../../platform/workers/exportJobs'
import { isServiceError } from '../../services/errors'
import { pastWipes, verifyHandover as verifyArchive, wipeRound, type VerifiedHandover } from '../../services/wipe'
import { deliverExport, nextCopyNumber } from '../exports/deliverExport'

export type { VerifiedHandover }

export function useRoundWipe() {
  const store = useRoundStore()
  const busy = ref(false)
  const progress = ref(0)
  const verified = ref<VerifiedHandover>()
  /** The round's automatic backups in the backup folder, found once the archive is verified. */
  const backups = ref<RoundBackups>()
  /** Whether the wipe also deletes them (the user's choice; the certificate says which was done). */
  const deleteBackups = ref(false)

  /** Step 1: the user picks the archive the round was handed over as; it must match exactly. */
  async function verifyHandover(round: Round) {
    const refused = denial(store.currentUser, 'wipe-round')
    if (refused) return ElMessage.error(refused)
    busy.value = true
    try {
      const file = await bridge().openFile({
        title: '选择本轮的移交归档',
        filters: [{ name: '巡察工作台轮次归档', extensions: [ARCHIVE_FILE_EXTENSION.slice(1)] }],
      })
      if (!file) return
      verified.value = await verifyArchive(appContext, store.currentUser, round, file)
      deleteBackups.value = false
      backups.value = await bridge()
        .listRoundBackups(round.id)
        .catch(() => ({ files: [] }))
    } catch (e) {
      ElMessage.error(isServiceError(e) ? e.message : `无法核对归档：${describeError(e)}`)
    } finally {
      busy.value = false
    }
  }

  /** Step 2: destroy the key, delete the rows, record it, print the certificate. */
  async function wipe() {
    const v = verified.value
    if (!v) return
    if (!(await signLeaderAct('wipe', `清理轮次 ${v.round.id}`))) return
    busy.value = true
    try {
      const full = await wipeRound(appContext, store.currentUser, store.deviceId, v, { folder: bridge(), remove: deleteBackups.value })
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
    // A 份号 only on a certificate marked 秘密 or 机密 (GB/T 9704), so no number is drawn for nothing.
    const marking = markingFor(round, '清理证明')
    const copyNumber = needsCopyNumber(marking) ? await nextCopyNumber(w.roundId) : undefined
    const user = store.currentUser?.name ?? w.wipedBy
    const bytes = await layoutPdf(
      wipeCertificate(w),
      { marking, copyNumber, watermark: { user, at: new Date().toISOString() } },
      (p) => (progress.value = Math.round(p * 100)),
    )
    await deliverExport({
      kind: '清理证明',
      fileName: exportFileName(round, '清理证明', 'pdf'),
      bytes,
      verified: `共 ${pdfPageCount(bytes)} 页，水印“${watermarkText(user, new Date())}”`,
      roundId: w.roundId,
      copyNumber,
    })
  }

  return {
    busy,
    progress,
    verified,
    backups,
    deleteBackups,
    verifyHandover,
    wipe,
    printCertificate,
    pastWipes: () => pastWipes(appContext),
  }
}
