// The page's side of the backup worker. The worker, and with it the records it opened (kept for
// the next backup: a 组长 imports the members' packages one after another), ends after a minute
// without a job: what it holds, a few hundred MB at ten times a real round, is given back.
import { buildBackup, type BackupJob } from './backupJob'
import { WorkerClient } from './workerClient'

export type { BackupJob }

export const BACKUP_WORKER_IDLE_MS = 60_000

const client = new WorkerClient({
  start: () => new Worker(new URL('./backup.worker.ts', import.meta.url), { type: 'module' }),
  // It could not start or crashed: every job in hand fails; the next job starts a new worker.
  crashed: (reason) => `备份进程出错：${reason || '无法启动'}`,
  idleEndMs: BACKUP_WORKER_IDLE_MS,
})

/** Builds a backup in the backup worker (in this thread where there are no workers, e.g. unit tests). */
export function buildBackupOffThread(job: BackupJob, onProgress?: (percent: number) => void): Promise<Uint8Array> {
  if (typeof Worker === 'undefined') return buildBackup(job, onProgress ?? (() => undefined))
  return client.request({ job }, { onProgress })
}
