// The decode worker: one file per message (decodeFile.ts), the result or the error sent back.
import { decodeFile, toWire, type DecodeRequest, type DecodeResult, type WireError } from './decodeFile'

export type DecodeReply = { id: number; result: DecodeResult } | { id: number; error: WireError }

self.onmessage = async (e: MessageEvent<{ id: number; req: DecodeRequest }>) => {
  const { id, req } = e.data
  let reply: DecodeReply
  try {
    reply = { id, result: await decodeFile(req) }
  } catch (err) {
    reply = { id, error: toWire(err) }
  }
  ;(self as unknown as Worker).postMessage(reply)
}
