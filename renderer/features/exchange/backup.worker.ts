// The backup worker: builds one encrypted round backup per message (backupJob.ts) and hands the
// bytes back (transferred, not copied), with progress on the way.
import { describeError } from '../../util/format'
import { buildBackup, type BackupJob } from './backupJob'

export type BackupReply = { id: number; progress: number } | { id: number; bytes: Uint8Array } | { id: number; error: string }

const post = (reply: BackupReply, transfer: Transferable[] = []) => (self as unknown as Worker).postMessage(reply, transfer)

self.onmessage = async (e: MessageEvent<{ id: number; job: BackupJob }>) => {
  const { id, job } = e.data
  try {
    const bytes = await buildBackup(job, (progress) => post({ id, progress }))
    post({ id, bytes }, [bytes.buffer as ArrayBuffer])
  } catch (err) {
    post({ id, error: describeError(err) })
  }
}
