// Heavy export work off the UI thread: PDF layout, Excel ledgers with their read-back, Word
// files and the whole "1+3" package with its verification run in export workers (the pure
// builders of shared/), report progress, and hand back bytes the caller delivers.
//
// Two workers of the same kind: a job goes to the one with fewer jobs in hand. The package job
// asks for its PDF layouts through this module ("sub" jobs), so they run in the other worker
// while its own worker builds the Word and Excel files.
import type { ReadBackSheet } from '@shared/export/read-back'
import type { LedgerOptions, LedgerSheet } from '@shared/export/xlsx-ledger'
import type { OfficialDoc, OfficialPdfOptions } from '@shared/export/pdf-document'
import type { Report } from '@shared/domain/types'
import type { DocxOptions } from '@shared/reports/docx'
import type { Manifest, PackageInput, VerifyResult } from '@shared/reports/package'
import { officeFontSet, type OfficeFontSet } from './officeFonts'
import { plainCopy, slicesOf, transferables, type Slice } from './transfer'

export type PdfOptions = Omit<OfficialPdfOptions, 'onProgress'>
export type ExportJob =
  | { kind: 'pdf'; doc: OfficialDoc; options: PdfOptions }
  | { kind: 'ledger'; sheets: LedgerSheet[]; options: Omit<LedgerOptions, 'onProgress'> }
  | { kind: 'docx'; report: Report; options: DocxOptions }
  /** With `key`, the worker reads the round's tables itself (input.snap.tables is left empty). */
  | { kind: 'package'; input: PackageInput; key?: CryptoKey }

export interface JobResults {
  pdf: Uint8Array
  /** The workbook and what reading it back found. */
  ledger: { bytes: Uint8Array; sheets: ReadBackSheet[] }
  /** The Word file and its body text as read back. */
  docx: { bytes: Uint8Array; text: string }
  /** The package zip, its manifest and the check of every file read back out of the zip. */
  package: { zip: Uint8Array; manifest: Manifest; check: VerifyResult }
}

/** UI thread → worker. */
export type ToWorker =
  | { type: 'start'; id: number; head: unknown }
  | { type: 'slice'; id: number; slice: Slice }
  | { type: 'sub-done'; sub: number; result: unknown }
  | { type: 'sub-failed'; sub: number; error: string }
  /** The office's fonts (设置 → 公文字体), sent once per worker and whenever they change. */
  | { type: 'fonts'; fonts: OfficeFontSet }

/** Worker → UI thread. */
export type FromWorker =
  | { type: 'progress'; id: number; progress: number; step?: string }
  | { type: 'done'; id: number; result: unknown }
  | { type: 'failed'; id: number; error: string }
  | { type: 'sub'; id: number; sub: number; job: ExportJob }

export type Progress = (p: number, step?: string) => void

const POOL = 2

interface Slot {
  worker: Worker
  busy: number
  /** Which office font set the worker holds. */
  fontsKey?: string
}
interface Pending {
  slot: Slot
  resolve: (r: unknown) => void
  reject: (e: Error) => void
  onProgress?: Progress
}

const slots: (Slot | undefined)[] = []
const pending = new Map<number, Pending>()
let nextId = 1

function startWorker(index: number): Slot {
  const worker = new Worker(new URL('./export.worker.ts', import.meta.url), { type: 'module', name: `export-${index + 1}` })
  const slot: Slot = { worker, busy: 0 }
  worker.addEventListener('message', (event: MessageEvent<FromWorker>) => onMessage(slot, event.data))
  worker.addEventListener('error', (event) => {
    // The worker is gone: everything it held fails with the reason, and the next job starts a new one.
    for (const [id, job] of pending) {
      if (job.slot !== slot) continue
      pending.delete(id)
      job.reject(new Error(`导出进程出错：${event.message || '未知错误'}`))
    }
    if (slots[index] === slot) slots[index] = undefined
  })
  return slot
}

/** The least busy worker; a second one starts only when every running one has work in hand. */
function pickSlot(): Slot {
  let best: Slot | undefined
  let free = -1
  for (let i = 0; i < POOL; i++) {
    const slot = slots[i]
    if (!slot) free = free < 0 ? i : free
    else if (!best || slot.busy < best.busy) best = slot
  }
  if ((!best || best.busy > 0) && free >= 0) best = slots[free] = startWorker(free)
  return best!
}

function onMessage(slot: Slot, m: FromWorker) {
  if (m.type === 'sub') {
    // A job asked for a PDF (or other part) to be made elsewhere: run it and send the answer back.
    runJob(m.job).then(
      (result) => slot.worker.postMessage({ type: 'sub-done', sub: m.sub, result } satisfies ToWorker, transferables(result)),
      (e: Error) => slot.worker.postMessage({ type: 'sub-failed', sub: m.sub, error: e.message } satisfies ToWorker),
    )
    return
  }
  const job = pending.get(m.id)
  if (!job) return
  if (m.type === 'progress') return job.onProgress?.(m.progress, m.step)
  pending.delete(m.id)
  slot.busy--
  if (m.type === 'done') job.resolve(m.result)
  else job.reject(new Error(m.error))
}

const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0))

/** Sends a job in slices (the UI gets a turn between them) and waits for its result. */
function runJob<K extends ExportJob['kind']>(job: Extract<ExportJob, { kind: K }>, onProgress?: Progress): Promise<JobResults[K]> {
  const id = nextId++
  const slot = pickSlot()
  slot.busy++
  const bulk: unknown[][] = []
  const head = plainCopy(job, bulk)
  const result = new Promise<JobResults[K]>((resolve, reject) =>
    pending.set(id, { slot, resolve: resolve as (r: unknown) => void, reject, onProgress }),
  )
  void (async () => {
    try {
      if (job.kind === 'pdf') {
        const { key, fonts } = await officeFontSet()
        if (slot.fontsKey !== key) {
          slot.worker.postMessage({ type: 'fonts', fonts } satisfies ToWorker)
          slot.fontsKey = key
        }
      }
      slot.worker.postMessage({ type: 'start', id, head } satisfies ToWorker)
      for (const slice of slicesOf(bulk)) {
        await nextTask()
        if (!pending.has(id)) return
        slot.worker.postMessage({ type: 'slice', id, slice } satisfies ToWorker)
      }
    } catch (e) {
      // Data postMessage cannot copy: the job fails here, nothing reached the user.
      const p = pending.get(id)
      if (!p) return
      pending.delete(id)
      slot.busy--
      p.reject(e instanceof Error ? e : new Error(String(e)))
    }
  })()
  return result
}

/** An official PDF laid out in a worker. */
export function layoutPdf(doc: OfficialDoc, options: PdfOptions, onProgress?: (p: number) => void): Promise<Uint8Array> {
  return runJob({ kind: 'pdf', doc, options }, onProgress)
}

/** An Excel ledger built and read back in a worker. */
export function ledgerXlsx(
  sheets: LedgerSheet[],
  options: Omit<LedgerOptions, 'onProgress'>,
  onProgress?: (p: number) => void,
): Promise<JobResults['ledger']> {
  return runJob({ kind: 'ledger', sheets, options }, onProgress)
}

/** A report as Word, built in a worker, with its body text read back. */
export function reportWord(report: Report, options: DocxOptions): Promise<JobResults['docx']> {
  return runJob({ kind: 'docx', report, options })
}

/**
 * The whole "1+3" package, built and verified file by file in the workers. Given the round's
 * key, the worker reads and opens the tables the package needs itself (nothing is decrypted on
 * the UI thread); otherwise `input.snap` must hold them.
 */
export function reportPackage(input: PackageInput, onProgress?: Progress, key?: CryptoKey): Promise<JobResults['package']> {
  return runJob({ kind: 'package', input, ...(key ? { key } : {}) }, onProgress)
}
