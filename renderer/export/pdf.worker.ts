import { describeError } from '../util/format'
// Lays out official PDFs off the UI thread. Fonts are fetched once per worker from the app's
// own assets (allowed by the CSP's connect-src 'self') and kept for later documents.
import serifRegularUrl from '@expo-google-fonts/noto-serif-sc/400Regular/NotoSerifSC_400Regular.ttf?url'
import serifBoldUrl from '@expo-google-fonts/noto-serif-sc/700Bold/NotoSerifSC_700Bold.ttf?url'
import { buildOfficialPdf } from '@shared/export/pdf-document'
import type { FontBytes } from '@shared/export/fonts'
import type { PdfJob, PdfWorkerReply } from './pdfJobs'

let fonts: Promise<FontBytes> | undefined

async function fetchBytes(url: string): Promise<Uint8Array> {
  const response = await fetch(url)
  if (!response.ok) throw new Error(`无法读取内置字体（${response.status}）`)
  return new Uint8Array(await response.arrayBuffer())
}

function loadFonts(): Promise<FontBytes> {
  fonts ??= Promise.all([fetchBytes(serifRegularUrl), fetchBytes(serifBoldUrl)]).then(([serifRegular, serifBold]) => ({ serifRegular, serifBold }))
  fonts.catch(() => (fonts = undefined))
  return fonts
}

const reply = (message: PdfWorkerReply, transfer: Transferable[] = []) => (self as unknown as Worker).postMessage(message, transfer)

self.addEventListener('message', async (event: MessageEvent<PdfJob>) => {
  const { id, doc, options } = event.data
  try {
    const bytes = await buildOfficialPdf(doc, await loadFonts(), { ...options, onProgress: (progress) => reply({ id, progress }) })
    reply({ id, bytes }, [bytes.buffer])
  } catch (e) {
    reply({ id, error: describeError(e) })
  }
})
