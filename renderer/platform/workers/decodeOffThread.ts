// Runs decodeFile in the decode worker (in this thread where there are no workers, e.g. unit
// tests), so a 256 MiB archive or a bomb costs the page nothing while it is inflated and checked.
// The worker ends once it has no file left: what it held (the decoded text) is given back at once.
// A refusal comes back as the documented error class (ArchiveError, ExchangeError).
import { decodeFile, reviveError, type DecodeRequest, type DecodeResult, type WireError } from './decodeFile'
import { WorkerClient } from './workerClient'

const client = new WorkerClient({
  start: () => new Worker(new URL('./decode.worker.ts', import.meta.url), { type: 'module' }),
  crashed: (reason) => `读取文件的后台进程出错：${reason || '无法启动'}，未做任何更改`,
  idleEndMs: 0,
  revive: (error) => reviveError(error as WireError),
})

export function decodeOffThread(req: DecodeRequest): Promise<DecodeResult> {
  if (typeof Worker === 'undefined') return decodeFile(req)
  return client.request({ req })
}
