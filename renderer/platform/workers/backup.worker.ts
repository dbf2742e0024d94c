// The backup worker: builds one encrypted round backup per message (backupJob.ts) and hands the
// bytes back (transferred, not copied), with progress on the way.
import { describeError } from '../../util/format'
import type { JobReply } from './workerClient'
import { buildBackup, type BackupJob } from './backupJob'

const post = (reply: JobReply, transfer: Transferable[] = []) => (self as unknown as Worker).postMessage(reply, transfer)

self.onmessage = async (e: MessageEvent<{ id: number; job: BackupJob }>) => {
  const { id, job } = e.data
  try {
    const bytes = await buildBackup(job, (progress) => post({ type: 'progress', id, progress }))
    post({ type: 'done', id, result: bytes }, [bytes.buffer as ArrayBuffer])
  } catch (err) {
    post({ type: 'failed', id, error: describeError(err) })
  }
}
