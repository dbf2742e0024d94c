// The decode worker: one file per message (decodeFile.ts), the result or the refusal (as a
// WireError, revived into its class on the page) sent back.
import { decodeFile, toWire, type DecodeRequest, type WireError } from './decodeFile'
import type { JobReply } from './workerClient'

self.onmessage = async (e: MessageEvent<{ id: number; req: DecodeRequest }>) => {
  const { id, req } = e.data
  let reply: JobReply<never, WireError>
  try {
    reply = { type: 'done', id, result: await decodeFile(req) }
  } catch (err) {
    reply = { type: 'failed', id, error: toWire(err) }
  }
  ;(self as unknown as Worker).postMessage(reply)
}
