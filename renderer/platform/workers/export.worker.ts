// An export worker: runs the pure builders of shared/ (PDF layout, Excel ledger and read-back,
// Word, the package and its verification) away from the UI thread. Fonts are fetched once per
// worker from the app's own assets (allowed by the CSP's connect-src 'self') and kept.
import serifRegularUrl from '@expo-google-fonts/noto-serif-sc/400Regular/NotoSerifSC_400Regular.ttf?url'
import serifBoldUrl from '@expo-google-fonts/noto-serif-sc/700Bold/NotoSerifSC_700Bold.ttf?url'
import sansMediumUrl from '@expo-google-fonts/noto-sans-sc/500Medium/NotoSansSC_500Medium.ttf?url'
import kaiRegularUrl from '@fontsource/lxgw-wenkai/files/lxgw-wenkai-latin-500-normal.woff?url'
import { buildOfficialPdf } from '@shared/export/pdf-document'
import type { BundledFontKey, FontBytes } from '@shared/export/fonts'
import { readBackXlsx } from '@shared/export/read-back'
import { buildLedgerXlsx, checkLedgerContent } from '@shared/export/xlsx-ledger'
import { reportDocx } from '@shared/reports/docx'
import { buildPackage, checkDocxContent, docxText, PACKAGE_TABLES, verifyPackage } from '@shared/reports/package'
import { describeError } from '../../util/format'
import type { ExportJob, FromWorker, JobResults, OfficeFontSet, ToWorker } from './exportJobs'
import { readRoundTables } from './readRound'
import { Assembly, transferables } from './transfer'

let fonts: Promise<Record<BundledFontKey, Uint8Array>> | undefined
/** The office's fonts, as last sent by the UI thread. */
let office: OfficeFontSet = {}
const BUNDLED: Record<BundledFontKey, string> = {
  serifRegular: serifRegularUrl,
  serifBold: serifBoldUrl,
  sansMedium: sansMediumUrl,
  kaiRegular: kaiRegularUrl,
}

async function fetchBytes(url: string): Promise<Uint8Array> {
  const response = await fetch(url)
  if (!response.ok) throw new Error(`无法读取内置字体（${response.status}）`)
  return new Uint8Array(await response.arrayBuffer())
}

async function loadFonts(): Promise<FontBytes> {
  const keys = Object.keys(BUNDLED) as BundledFontKey[]
  fonts ??= Promise.all(keys.map((k) => fetchBytes(BUNDLED[k]))).then(
    (all) => Object.fromEntries(keys.map((k, i) => [k, all[i]!])) as Record<BundledFontKey, Uint8Array>,
  )
  fonts.catch(() => (fonts = undefined))
  return { ...(await fonts), ...office }
}

const post = (message: FromWorker, transfer: Transferable[] = []) => (self as unknown as Worker).postMessage(message, transfer)

// Parts this worker asked the UI thread to have made in another worker.
const subs = new Map<number, { resolve: (r: unknown) => void; reject: (e: Error) => void }>()
let nextSub = 1
function elsewhere<K extends ExportJob['kind']>(id: number, job: Extract<ExportJob, { kind: K }>): Promise<JobResults[K]> {
  const sub = nextSub++
  return new Promise((resolve, reject) => {
    subs.set(sub, { resolve: resolve as (r: unknown) => void, reject })
    post({ type: 'sub', id, sub, job })
  })
}

async function run(id: number, job: ExportJob): Promise<JobResults[ExportJob['kind']]> {
  const progress = (p: number, step?: string) => post({ type: 'progress', id, progress: p, ...(step ? { step } : {}) })
  switch (job.kind) {
    case 'pdf':
      return buildOfficialPdf(job.doc, await loadFonts(), { ...job.options, onProgress: progress })
    case 'ledger': {
      const bytes = await buildLedgerXlsx(job.sheets, { ...job.options, onProgress: (p) => progress(p * 0.9) })
      await checkLedgerContent('Excel ', job.sheets, bytes)
      const back = await readBackXlsx(bytes)
      progress(1)
      return { bytes, sheets: back.sheets }
    }
    case 'docx': {
      const bytes = await reportDocx(job.report, job.options)
      checkDocxContent('Word ', job.report, bytes)
      return { bytes, text: docxText(bytes) }
    }
    case 'package': {
      if (job.key) {
        progress(0, '读取本轮数据')
        job.input.snap.tables = await readRoundTables(job.input.snap.round.id, job.key, PACKAGE_TABLES)
      }
      const { zip, manifest } = await buildPackage(job.input, {
        pdf: (doc, options) => elsewhere(id, { kind: 'pdf', doc, options }),
        // Its last step ('完成') is not the end here: the read-back check follows.
        onProgress: (step, done, total) => done < total && progress((0.9 * done) / total, step),
      })
      progress(0.9, '读回核对')
      const check = await verifyPackage(zip)
      return { zip, manifest, check }
    }
  }
}

const assemblies = new Map<number, Assembly<ExportJob>>()

function begin(id: number, job: ExportJob) {
  assemblies.delete(id)
  run(id, job).then(
    (result) => post({ type: 'done', id, result }, transferables(result)),
    (e) => post({ type: 'failed', id, error: describeError(e) }),
  )
}

self.addEventListener('message', (event: MessageEvent<ToWorker>) => {
  const m = event.data
  try {
    if (m.type === 'fonts') {
      office = m.fonts
      return
    }
    if (m.type === 'sub-done' || m.type === 'sub-failed') {
      const sub = subs.get(m.sub)
      subs.delete(m.sub)
      if (m.type === 'sub-done') sub?.resolve(m.result)
      else sub?.reject(new Error(m.error))
      return
    }
    const assembly = m.type === 'start' ? new Assembly<ExportJob>(m.head) : assemblies.get(m.id)
    if (!assembly) return
    if (m.type === 'slice') assembly.add(m.slice)
    else assemblies.set(m.id, assembly)
    if (assembly.complete) begin(m.id, assembly.value)
  } catch (e) {
    if (m.type === 'start' || m.type === 'slice') {
      assemblies.delete(m.id)
      post({ type: 'failed', id: m.id, error: describeError(e) })
    }
  }
})
