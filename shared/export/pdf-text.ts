// The text layer of a PDF as a reader sees it, through PDF.js (pdfjs-dist, Mozilla's reader), so an
// export can prove that what it meant to print is in the file.
//
// PDF.js runs here in the calling thread ("fake worker"): importing its worker module first sets
// `globalThis.pdfjsWorker`, which the API then uses instead of starting a Worker of its own. That is
// the same in Node (CLI, tests) and in the app's export Web Worker, needs no worker URL, and asks for
// nothing the CSP forbids (PDF.js 6 has no eval path; fonts are not turned into font faces).
// The legacy build is the one PDF.js supports in Node; it runs unchanged in Chromium.

export interface PdfTextPiece {
  /** 1-based page number. */
  page: number
  text: string
}

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs')
let loaded: Promise<PdfJs> | undefined

function pdfjs(): Promise<PdfJs> {
  loaded ??= import('pdfjs-dist/legacy/build/pdf.worker.mjs').then(() => import('pdfjs-dist/legacy/build/pdf.mjs'))
  loaded.catch(() => (loaded = undefined))
  return loaded
}

/** A page number as the official layout prints it ("— 3 —"). */
const PAGE_NUMBER = /^—\s*\d+\s*—$/

/**
 * The text pieces of every page in content order, without the page furniture a reader skips: the
 * rotated watermark and the page numbers.
 */
export async function pdfTextPieces(bytes: Uint8Array): Promise<PdfTextPiece[]> {
  const { getDocument, VerbosityLevel } = await pdfjs()
  // PDF.js takes over the buffer it is given: hand it a copy, the caller still delivers the bytes.
  const task = getDocument({
    data: bytes.slice(),
    disableFontFace: true,
    useSystemFonts: false,
    stopAtErrors: true,
    verbosity: VerbosityLevel.ERRORS,
  })
  try {
    const doc = await task.promise
    const out: PdfTextPiece[] = []
    for (let p = 1; p <= doc.numPages; p++) {
      const page = await doc.getPage(p)
      const content = await page.getTextContent({ disableNormalization: true })
      for (const item of content.items) {
        if (!('str' in item) || !item.str) continue
        const [, b, c] = item.transform as number[]
        if (b !== 0 || c !== 0) continue // rotated: the watermark
        if (PAGE_NUMBER.test(item.str.trim())) continue
        out.push({ page: p, text: item.str })
      }
      page.cleanup()
    }
    return out
  } finally {
    await task.destroy()
  }
}
