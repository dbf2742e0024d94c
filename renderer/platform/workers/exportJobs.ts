// Heavy export work off the UI thread: PDF layout, Excel ledgers with their read-back, Word
// files and the whole "1+3" package with its verification run in export workers (the pure
// builders of shared/), report progress, and hand back bytes the caller delivers.
//
// Two workers of the same kind (each a WorkerClient): a job goes to the one with fewer jobs in
// hand. The package job asks for its PDF layouts through this module ("sub" jobs), so they run
// in the other worker while its own worker builds the Word and Excel files.
import type { ReadBackSheet } from '@shared/export/read-back'
import type { LedgerOptions, LedgerSheet } from '@shared/export/xlsx-ledger'
import type { OfficialDoc, OfficialPdfOptions } from '@shared/export/pdf-document'
import type { Report } from '@shared/domain/types'
import type { DocxOptions } from '@shared/reports/docx'
import type { Manifest, PackageInput, VerifyResult } from '@shared/reports/package'
import type { FontBytes } from '@shared/export/fonts'
import { plainCopy, slicesOf, transferables, type Slice } from './transfer'
import { WorkerClient, type JobReply } from './workerClient'

export type PdfOptions = Omit<OfficialPdfOptions, 'onProgress'>
/** The office's fonts per GB/T 9704 role (设置 → 公文字体) and for rare characters. */
export type OfficeFontSet = Pick<FontBytes, 'roles' | 'extra'>
/** Where PDF jobs get the office's fonts, with a key that changes whenever the set does. */
export type FontSource = () => Promise<{ key: string; fonts: OfficeFontSet }>

let fontSource: FontSource | undefined
/** Set once by the app (main.ts) to services/officeFonts.ts: the fonts come from this laptop's settings. */
export function setFontSource(source: FontSource): void {
  fontSource = source
}
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

/** Worker → UI thread: the job replies of every worker (workerClient.ts), and requests for sub-jobs. */
export type FromWorker = JobReply | { type: 'sub'; id: number; sub: number; job: ExportJob }

export type Progress = (p: number, step?: string) => void

/** Two workers of the same kind; a job goes to the one with fewer jobs in hand. */
const POOL = 2

interface Slot {
  client: WorkerClient
  /** Which office font set the worker holds (forgotten when the worker ends). */
  fontsKey?: string
}

const slots: Slot[] = Array.from({ length: POOL }, (_, index) => {
  const slot: Slot = {
    client: new WorkerClient({
      start: () => new Worker(new URL('./export.worker.ts', import.meta.url), { type: 'module', name: `export-${index + 1}` }),
      // The worker is gone: everything it held fails with the reason, and the next job starts a new one.
      crashed: (reason) => `导出进程出错：${reason || '未知错误'}`,
      onOther: (message, client) => runSubJob(client, message as Extract<FromWorker, { type: 'sub' }>),
      onEnd: () => (slot.fontsKey = undefined),
    }),
  }
  return slot
})

/** The least busy worker; a second one starts only when every running one has work in hand. */
function pickSlot(): Slot {
  const running = slots.filter((s) => s.client.running)
  const best = running.sort((a, b) => a.client.busy - b.client.busy)[0]
  if (best && best.client.busy === 0) return best
  return slots.find((s) => !s.client.running) ?? best!
}

/** A job asked for a PDF (or other part) to be made elsewhere: run it and send the answer back. */
function runSubJob(client: WorkerClient, m: Extract<FromWorker, { type: 'sub' }>) {
  if (m.type !== 'sub') return
  runJob(m.job).then(
    (result) => client.post({ type: 'sub-done', sub: m.sub, result } satisfies ToWorker, transferables(result)),
    (e: Error) => client.post({ type: 'sub-failed', sub: m.sub, error: e.message } satisfies ToWorker),
  )
}

const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0))

/** Sends a job in slices (the UI gets a turn between them) and waits for its result. */
async function runJob<K extends ExportJob['kind']>(job: Extract<ExportJob, { kind: K }>, onProgress?: Progress): Promise<JobResults[K]> {
  if (job.kind === 'pdf' && !fontSource) throw new Error('公文字体尚未设置来源，无法排版 PDF')
  const office = job.kind === 'pdf' ? await fontSource!() : undefined
  // From here to the request nothing waits, so jobs started together spread over both workers.
  const slot = pickSlot()
  const { client } = slot
  if (office && slot.fontsKey !== office.key) {
    client.post({ type: 'fonts', fonts: office.fonts } satisfies ToWorker)
    slot.fontsKey = office.key
  }
  const bulk: unknown[][] = []
  const head = plainCopy(job, bulk)
  const { id, result } = client.begin<JobResults[K]>({ type: 'start', head }, { onProgress })
  void (async () => {
    try {
      for (const slice of slicesOf(bulk)) {
        await nextTask()
        if (!client.has(id)) return
        client.post({ type: 'slice', id, slice } satisfies ToWorker)
      }
    } catch (e) {
      // Data postMessage cannot copy: the job fails here, nothing reached the user.
      client.abandon(id, e instanceof Error ? e : new Error(String(e)))
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
