// The pages of an exported PDF drawn on canvases by PDF.js (Mozilla's reader), for 打印预览: what
// the user sees is the file that prints, not an HTML likeness of it. PDF.js parses in its own Web
// Worker (worker-src 'self'); pages are drawn on the UI thread one at a time, which PDF.js does in
// small steps. No eval (PDF.js 6 has no eval path) and no font faces (glyphs are drawn as paths), so the production CSP holds.
import { getDocument, GlobalWorkerOptions, VerbosityLevel, type PDFDocumentProxy } from 'pdfjs-dist'

let port: Worker | undefined

function workerPort(): Worker {
  port ??= new Worker(new URL('pdfjs-dist/build/pdf.worker.mjs', import.meta.url), { type: 'module' })
  GlobalWorkerOptions.workerPort = port
  return port
}

export interface PdfPages {
  count: number
  /** Draws page `n` (1-based) on `canvas`, `cssWidth` pixels wide, sharp on this screen. */
  draw(n: number, canvas: HTMLCanvasElement, cssWidth: number): Promise<void>
  /** The page's text as a reader gets it (for screen readers, and for the tests). */
  text(n: number): Promise<string>
  close(): Promise<void>
}

export async function openPdfPages(bytes: Uint8Array): Promise<PdfPages> {
  workerPort()
  // PDF.js takes over the buffer it is given: the caller keeps its bytes for printing.
  const task = getDocument({
    data: bytes.slice(),
    disableFontFace: true,
    useSystemFonts: false,
    verbosity: VerbosityLevel.ERRORS,
  })
  const doc: PDFDocumentProxy = await task.promise
  return {
    count: doc.numPages,
    async draw(n, canvas, cssWidth) {
      const page = await doc.getPage(n)
      const base = page.getViewport({ scale: 1 })
      const scale = (cssWidth / base.width) * (globalThis.devicePixelRatio || 1)
      const viewport = page.getViewport({ scale })
      canvas.width = Math.round(viewport.width)
      canvas.height = Math.round(viewport.height)
      canvas.style.width = `${cssWidth}px`
      canvas.style.height = `${Math.round((cssWidth * base.height) / base.width)}px`
      await page.render({ canvas, viewport }).promise
      page.cleanup()
    },
    async text(n) {
      const page = await doc.getPage(n)
      const content = await page.getTextContent()
      return content.items.map((i) => ('str' in i ? i.str : '')).join('')
    },
    close: () => task.destroy(),
  }
}
