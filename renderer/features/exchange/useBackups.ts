// The 备份与恢复 and 移交 cards: backups on demand and on a schedule while the app is unlocked,
// restore with a preview, the backup folder (Electron), and the hand-over package for the
// 巡察办. State for the screen and the messages only; the workflows are services/backups.ts.
import { ref } from 'vue'
import { storeToRefs } from 'pinia'
import { ElMessage } from 'element-plus'
import { isArchiveError } from '@shared/archive'
import { isExchangeError } from '@shared/exchange'
import { bridge } from '../../platform/bridge'
import { appContext } from '../../services/app'
import { isServiceError } from '../../services/errors'
import {
  BACKUP_FILTERS,
  checkBackupPassphrase,
  keepCount,
  makeHandover,
  openBackup,
  prepareBackup,
  restoreBackup,
  type RestorePreview,
} from '../../services/backups'
import { denial } from '@shared/domain/permissions'
import { signLeaderAct } from '../shell/leaderAct'
import { useRoundStore } from '../../stores/round'
import { describeError } from '../../util/format'
import { reportsForHandover } from '../reports/handoverReports'
import { useBackupStore } from './backupStore'

export type { RestorePreview }

export function useBackups() {
  const store = useRoundStore()
  const backups = useBackupStore()
  const busy = ref(false)
  const restore = ref<RestorePreview>()
  const scheduleMinutes = ref(0)
  let timer: ReturnType<typeof setInterval> | undefined

  function strongEnough(passphrase: string): boolean {
    try {
      checkBackupPassphrase(passphrase)
      return true
    } catch (e) {
      ElMessage.error(describeError(e))
      return false
    }
  }

  /** Builds and saves one backup of a round; resolves to where it went. */
  async function backupRound(roundId: string, passphrase: string, reason: string, options: { ask?: boolean } = {}) {
    const round = store.rounds.find((r) => r.id === roundId)
    const prepared = await prepareBackup(appContext, { round, deviceId: store.deviceId, userName: store.currentUser?.name, passphrase })
    return backups.deliver(prepared, reason, options)
  }

  async function backupNow(passphrase: string) {
    if (!store.activeRoundId || !strongEnough(passphrase)) return
    busy.value = true
    try {
      ElMessage.success(`已备份：${await backupRound(store.activeRoundId, passphrase, '手动备份', { ask: true })}`)
    } catch (e) {
      ElMessage.error(`备份失败：${describeError(e)}`)
    } finally {
      busy.value = false
    }
  }

  /** Rolling backups while unlocked; the passphrase stays in memory only (locking reloads the page). */
  function schedule(minutes: number, passphrase: string) {
    if (timer) clearInterval(timer)
    timer = undefined
    scheduleMinutes.value = 0
    if (!minutes) return ElMessage.info('已停止定时备份')
    if (!strongEnough(passphrase)) return
    scheduleMinutes.value = minutes
    timer = setInterval(() => {
      if (store.activeRoundId)
        backupRound(store.activeRoundId, passphrase, '定时备份').catch((e) => ElMessage.error(`定时备份失败：${describeError(e)}`))
    }, minutes * 60_000)
    const folder = backups.folder
    const where = folder.chosen ? `，写入 ${folder.label}，保留最近 ${keepCount(backups.keep)} 份` : ''
    ElMessage.success(`已开启定时备份：每 ${minutes} 分钟一次${where}`)
  }

  async function refreshFolder() {
    try {
      backups.folder = await bridge().backupFolderStatus()
    } catch (e) {
      ElMessage.error(`无法读取备份文件夹设置：${describeError(e)}`)
    }
  }

  async function chooseFolder() {
    try {
      const chosen = await bridge().chooseBackupFolder()
      backups.folder = chosen
      if (chosen.chosen)
        ElMessage.success(`备份文件夹：${chosen.label}。定时备份和导入前备份将自动写入此处，保留最近 ${keepCount(backups.keep)} 份`)
      else if (chosen.label) ElMessage.info(chosen.label)
    } catch (e) {
      ElMessage.error(`选择备份文件夹失败：${describeError(e)}`)
    }
  }

  void refreshFolder()

  async function chooseRestore(passphrase: string) {
    if (!passphrase) return ElMessage.error('请先输入备份口令')
    busy.value = true
    try {
      const file = await bridge().openFile({ title: '从备份恢复', filters: BACKUP_FILTERS })
      if (!file) return
      restore.value = await openBackup(file, passphrase)
    } catch (e) {
      ElMessage.error({
        message: isExchangeError(e) || isArchiveError(e) ? e.message : `无法读取该备份，未做任何更改：${describeError(e)}`,
        duration: 8000,
      })
    } finally {
      busy.value = false
    }
  }

  async function confirmRestore() {
    const p = restore.value
    if (!p) return
    busy.value = true
    try {
      await restoreBackup(appContext, p)
      await store.roundInstalled(p.decoded.snapshot.round.id)
      ElMessage.success(`已从备份恢复轮次“${p.decoded.snapshot.round.name}”`)
      restore.value = undefined
    } catch (e) {
      ElMessage.error(`恢复失败，本机数据未改变：${describeError(e)}`)
    } finally {
      busy.value = false
    }
  }

  async function handover(passphrase: string) {
    const round = store.activeRound
    if (!round) return
    // Refusals first, so nobody is asked for a PIN for an act that would be refused anyway.
    const refused = denial(store.currentUser, 'make-handover')
    if (refused) return ElMessage.error(refused)
    try {
      checkBackupPassphrase(passphrase)
    } catch (e) {
      return ElMessage.error(describeError(e))
    }
    if (!(await signLeaderAct('handover', '生成移交包'))) return
    busy.value = true
    try {
      const done = await makeHandover(appContext, bridge(), {
        round,
        user: store.currentUser,
        deviceId: store.deviceId,
        passphrase,
        reports: await reportsForHandover(round.id),
      })
      if (!done) return
      ElMessage.success({
        message: `已生成移交包（${done.files} 个文件${done.reportsIncluded ? '' : '，尚不含报告'}）：${done.location}`,
        duration: 8000,
      })
    } catch (e) {
      ElMessage.error(isServiceError(e) ? e.message : `生成移交包失败：${describeError(e)}`)
    } finally {
      busy.value = false
    }
  }

  return {
    busy,
    restore,
    scheduleMinutes,
    ...storeToRefs(backups),
    chooseFolder,
    backupNow,
    schedule,
    chooseRestore,
    confirmRestore,
    handover,
  }
}
