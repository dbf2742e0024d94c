// Runs decodeFile in a worker (in this thread where there are no workers, e.g. unit tests), so
// a 256 MiB archive or a bomb costs the page nothing while it is inflated and checked. The
// worker ends after each file: what it held (the decoded text) is given back at once.
import { decodeFile, reviveError, type DecodeRequest, type DecodeResult } from './decodeFile'
import type { DecodeReply } from './decode.worker'

export function decodeOffThread(req: DecodeRequest): Promise<DecodeResult> {
  if (typeof Worker === 'undefined') return decodeFile(req)
  const worker = new Worker(new URL('./decode.worker.ts', import.meta.url), { type: 'module' })
  return new Promise<DecodeResult>((resolve, reject) => {
    worker.onmessage = (e: MessageEvent<DecodeReply>) => {
      if ('result' in e.data) resolve(e.data.result)
      else reject(reviveError(e.data.error))
      worker.terminate()
    }
    worker.onerror = (e) => {
      reject(new Error(`读取文件的后台进程出错：${e.message || '无法启动'}，未做任何更改`))
      worker.terminate()
    }
    worker.postMessage({ id: 1, req })
  })
}
