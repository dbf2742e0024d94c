// Runs PDF layout in a Web Worker and reports progress, so the UI stays responsive.
import type { OfficialDoc, OfficialPdfOptions } from '@shared/export/pdf-document'

export interface PdfJob {
  id: number
  doc: OfficialDoc
  options: Omit<OfficialPdfOptions, 'onProgress'>
}

export type PdfWorkerReply = { id: number; progress: number } | { id: number; bytes: Uint8Array } | { id: number; error: string }

let worker: Worker | undefined
let nextId = 1
const pending = new Map<number, { resolve: (b: Uint8Array) => void; reject: (e: Error) => void; onProgress?: (p: number) => void }>()

function ensureWorker(): Worker {
  if (worker) return worker
  worker = new Worker(new URL('./pdf.worker.ts', import.meta.url), { type: 'module', name: 'pdf-layout' })
  worker.addEventListener('message', (event: MessageEvent<PdfWorkerReply>) => {
    const job = pending.get(event.data.id)
    if (!job) return
    const data = event.data
    if ('progress' in data) job.onProgress?.(data.progress)
    else {
      pending.delete(data.id)
      if ('bytes' in data) job.resolve(data.bytes)
      else job.reject(new Error(data.error))
    }
  })
  worker.addEventListener('error', (event) => {
    for (const job of pending.values()) job.reject(new Error(`PDF 排版进程出错：${event.message}`))
    pending.clear()
    worker = undefined
  })
  return worker
}

export function layoutPdf(doc: OfficialDoc, options: PdfJob['options'], onProgress?: (p: number) => void): Promise<Uint8Array> {
  const id = nextId++
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve, reject, onProgress })
    // A JSON copy: documents are plain data, and UI proxies cannot cross to the worker.
    ensureWorker().postMessage(JSON.parse(JSON.stringify({ id, doc, options } satisfies PdfJob)))
  })
}
