// Encrypted backups of a round (the round archive inside an exchange container), taken on
// demand, on a schedule while the app is unlocked, and before every import; restore with a
// preview. Also the hand-over package (移交) for the 巡察办. In Electron the user may choose a
// backup folder once: scheduled and pre-import backups then go there without a dialog, rolling.
import { ref } from 'vue'
import { ElMessage } from 'element-plus'
import { encodeArchive, isArchiveError, type DecodedArchive } from '@shared/archive'
import { buildHandover, encodePackage, isExchangeError, PACKAGE_EXTENSIONS } from '@shared/exchange'
import { decodeOffThread } from '../../platform/workers/decodeOffThread'
import { autoBackupFileName, MAX_BACKUP_KEEP, type BackupFolderStatus } from '@shared/bridge/contract'
import { safeFileName, safeNamePart } from '@shared/util/filename'
import { checkPassphrase } from '@shared/security'
import { todayIso } from '@shared/util/dates'
import { bridge } from '../../platform/bridge'
import { db, keyring, repo } from '../../platform/db/workbench'
import { signLeaderAct } from '../shell/leaderAct'
import { useRoundStore } from '../../stores/round'
import { describeError, formatBytes } from '../../util/format'
import { handoverReportFiles } from './handoverHooks'
import type { BackupReply } from './backup.worker'
import { buildBackup, type BackupJob } from './backupJob'

async function archiveOf(roundId: string, by: string): Promise<Uint8Array> {
  return encodeArchive(await repo.snapshot(roundId), { appVersion: __APP_VERSION__, exportedBy: by, exportedAt: new Date().toISOString() })
}

function stamp(): string {
  return new Date().toISOString().slice(0, 16).replace(/[-:T]/g, '')
}

/** The chosen backup folder (Electron; main remembers it), how many automatic backups to keep, and the last one. */
const backupFolder = ref<BackupFolderStatus>({ chosen: false })
const backupKeep = ref(10)
const lastBackup = ref('')

function keepCount(): number {
  return Math.min(MAX_BACKUP_KEEP, Math.max(1, Math.round(backupKeep.value || 10)))
}

/** `自动备份-<轮次名>~<轮次 id>-<年月日时分秒>.xbak`: the series is the round id, so pruning never touches another round's files. */
function autoBackupName(roundId: string, roundName: string): string {
  return autoBackupFileName(
    roundId,
    safeNamePart(roundName, '轮次').slice(0, 40),
    new Date().toISOString().slice(0, 19).replace(/[-:T]/g, ''),
  )
}

let worker: Worker | undefined
let nextJob = 1
const jobs = new Map<number, { resolve: (b: Uint8Array) => void; reject: (e: Error) => void; onProgress?: (p: number) => void }>()
/**
 * The worker, and with it the records it opened (kept for the next backup: a 组长 imports the
 * members' packages one after another), ends after a minute without a job: what it holds, a few
 * hundred MB at ten times a real round, is given back.
 */
const BACKUP_WORKER_IDLE_MS = 60_000
let idle: ReturnType<typeof setTimeout> | undefined

function settled(id: number) {
  jobs.delete(id)
  if (jobs.size) return
  idle = setTimeout(() => {
    worker?.terminate()
    worker = undefined
  }, BACKUP_WORKER_IDLE_MS)
}

/** Runs a backup job in the backup worker (in this thread where there are no workers, e.g. unit tests). */
function runJob(job: BackupJob, onProgress?: (percent: number) => void): Promise<Uint8Array> {
  if (typeof Worker === 'undefined') return buildBackup(job, onProgress ?? (() => undefined))
  clearTimeout(idle)
  if (!worker) {
    worker = new Worker(new URL('./backup.worker.ts', import.meta.url), { type: 'module' })
    worker.onmessage = (e: MessageEvent<BackupReply>) => {
      const r = e.data
      const j = jobs.get(r.id)
      if (!j) return
      if ('progress' in r) return j.onProgress?.(r.progress)
      settled(r.id)
      if ('bytes' in r) j.resolve(r.bytes)
      else j.reject(new Error(r.error))
    }
    worker.onerror = (e) => {
      // It could not start or crashed: every job in hand fails with a message; the next job starts a new worker.
      const failed = [...jobs.values()]
      jobs.clear()
      worker?.terminate()
      worker = undefined
      for (const j of failed) j.reject(new Error(`备份进程出错：${e.message || '无法启动'}`))
    }
  }
  const id = nextJob++
  return new Promise((resolve, reject) => {
    jobs.set(id, { resolve, reject, onProgress })
    worker!.postMessage({ id, job })
  })
}

export interface PreparedBackup {
  roundId: string
  roundName: string
  bytes: Uint8Array
  /** The repository's write count when the round was read: the backup is current while it is unchanged. */
  revision: number
}

/** Builds a round's encrypted backup in the backup worker; nothing is saved yet (see `deliverBackup`). */
export async function prepareBackup(roundId: string, passphrase: string, onProgress?: (percent: number) => void): Promise<PreparedBackup> {
  const store = useRoundStore()
  const round = store.rounds.find((r) => r.id === roundId)
  if (!round) throw new Error('找不到该巡察轮次')
  const revision = repo.revision
  const head = {
    packageId: crypto.randomUUID(),
    roundName: round.name,
    from: { deviceId: store.deviceId, name: store.currentUser?.name ?? '未指定' },
    createdAt: new Date().toISOString(),
  }
  const bytes = await runJob({ roundId, key: await keyring.roundKey(roundId), passphrase, head, appVersion: __APP_VERSION__ }, onProgress)
  return { roundId, roundName: round.name, bytes, revision }
}

/** Writes one encrypted backup; resolves to where it went. */
export async function backupRound(roundId: string, passphrase: string, reason: string, options: { ask?: boolean } = {}): Promise<string> {
  return deliverBackup(await prepareBackup(roundId, passphrase), reason, options)
}

/**
 * Saves a prepared backup and audits it; resolves to where it went. Automatic backups
 * (scheduled, before an import) go into the chosen backup folder without a dialog when there is
 * one; `ask` (the manual 立即备份) always lets the user choose where to save.
 */
export async function deliverBackup(prepared: PreparedBackup, reason: string, options: { ask?: boolean } = {}): Promise<string> {
  const { roundId, bytes } = prepared
  const round = { name: prepared.roundName }
  if (!options.ask) {
    backupFolder.value = await bridge().backupFolderStatus()
    if (backupFolder.value.chosen) {
      const name = autoBackupName(roundId, round.name)
      const written = await bridge().writeBackup({ fileName: name, data: bytes, keep: keepCount() })
      const pruned = written.removed.length ? `，已删除较早的自动备份 ${written.removed.length} 份` : ''
      await repo.record({
        action: 'export',
        table: 'rounds',
        recordId: roundId,
        detail: `${reason}（${formatBytes(written.size)}）写入备份文件夹${pruned}`,
      })
      lastBackup.value = `${written.location}（${reason}${pruned}）`
      return written.location
    }
  }
  const name = safeFileName(`${round.name}-备份-${stamp()}`, PACKAGE_EXTENSIONS.backup)
  const saved = await bridge().saveFile({ suggestedName: name, filters: [{ name: '巡察工作台备份', extensions: ['xbak'] }], data: bytes })
  if (!saved.saved) throw new Error('备份未保存，操作已取消')
  await repo.record({ action: 'export', table: 'rounds', recordId: roundId, detail: `${reason}（${formatBytes(bytes.byteLength)}）` })
  lastBackup.value = saved.location ?? name
  return lastBackup.value
}

export interface RestorePreview {
  fileName: string
  decoded: DecodedArchive
  createdAt: string
  by: string
}

export function useBackups() {
  const store = useRoundStore()
  const busy = ref(false)
  const restore = ref<RestorePreview>()
  const scheduleMinutes = ref(0)
  let timer: ReturnType<typeof setInterval> | undefined

  function strongEnough(passphrase: string): boolean {
    const check = checkPassphrase(passphrase)
    if (!check.ok) ElMessage.error(`口令强度不足：${check.problems.join('；')}`)
    return check.ok
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
    const where = backupFolder.value.chosen ? `，写入 ${backupFolder.value.label}，保留最近 ${keepCount()} 份` : ''
    ElMessage.success(`已开启定时备份：每 ${minutes} 分钟一次${where}`)
  }

  async function refreshFolder() {
    try {
      backupFolder.value = await bridge().backupFolderStatus()
    } catch (e) {
      ElMessage.error(`无法读取备份文件夹设置：${describeError(e)}`)
    }
  }

  async function chooseFolder() {
    try {
      const chosen = await bridge().chooseBackupFolder()
      backupFolder.value = chosen
      if (chosen.chosen) ElMessage.success(`备份文件夹：${chosen.label}。定时备份和导入前备份将自动写入此处，保留最近 ${keepCount()} 份`)
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
      const file = await bridge().openFile({ title: '从备份恢复', filters: [{ name: '巡察工作台备份', extensions: ['xbak'] }] })
      if (!file) return
      const result = await decodeOffThread({ kind: 'backup', bytes: file.data, passphrase })
      if (result.kind !== 'backup') throw new Error('读取结果不符')
      restore.value = { fileName: file.name, decoded: result.decoded, createdAt: result.header.createdAt, by: result.header.from.name }
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
      await store.installRound(p.decoded.snapshot, {
        action: 'import',
        table: 'rounds',
        recordId: p.decoded.snapshot.round.id,
        detail: '从备份恢复',
      })
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
    if (store.currentUser?.role !== '组长') return ElMessage.error('只有组长可以生成移交包')
    if (!strongEnough(passphrase)) return
    if (!(await signLeaderAct('handover', '生成移交包'))) return
    busy.value = true
    try {
      const snap = await repo.snapshot(round.id)
      const ids = new Set<string>([round.id, ...Object.values(snap.tables).flatMap((rows) => (rows as { id: string }[]).map((r) => r.id))])
      const audit = (await db.auditLog.orderBy('seq').toArray()).filter((e) => ids.has(e.recordId))
      const at = new Date().toISOString()
      const { manifest, payload } = await buildHandover({
        roundId: round.id,
        roundName: round.name,
        unitName: round.unitName,
        handedOverBy: store.currentUser.name,
        at,
        archive: await archiveOf(round.id, store.currentUser.name),
        audit,
        reports: await handoverReportFiles(round.id),
        auditHead: await repo.audit.head(),
      })
      const bytes = await encodePackage(
        {
          kind: 'handover',
          packageId: crypto.randomUUID(),
          roundId: round.id,
          roundName: round.name,
          from: { deviceId: store.deviceId, name: store.currentUser.name },
          createdAt: at,
          auditHead: await repo.audit.head(),
        },
        payload,
        passphrase,
      )
      const name = safeFileName(`${round.name}-移交包-${todayIso()}`, PACKAGE_EXTENSIONS.handover)
      const saved = await bridge().saveFile({
        suggestedName: name,
        filters: [{ name: '巡察工作台移交包', extensions: ['xhov'] }],
        data: bytes,
      })
      if (!saved.saved) return
      await repo.record({
        action: 'export',
        table: 'rounds',
        recordId: round.id,
        detail: `生成移交包：${manifest.files.map((f) => `${f.role} ${f.sha256.slice(0, 12)}`).join('，')}`,
      })
      ElMessage.success({
        message: `已生成移交包（${manifest.files.length} 个文件${manifest.reportsIncluded ? '' : '，尚不含报告'}）：${saved.location ?? name}`,
        duration: 8000,
      })
    } catch (e) {
      ElMessage.error(`生成移交包失败：${describeError(e)}`)
    } finally {
      busy.value = false
    }
  }

  return {
    busy,
    restore,
    scheduleMinutes,
    lastBackup,
    folder: backupFolder,
    keep: backupKeep,
    chooseFolder,
    backupNow,
    schedule,
    chooseRestore,
    confirmRestore,
    handover,
  }
}
