// The one place that touches pdfmake.
//
// Import: `pdfmake/build/pdfmake.js` — pdfmake 0.3's self-contained browser build (UMD, webpack).
// The same file runs in Node/Vitest (checked: Node 24 via vitest's externalised CJS import) and in a
// Vite-bundled page or Web Worker (its UMD wrapper binds to `self`; no DOM needed to make a PDF).
// Importing bare 'pdfmake' would give Node a different build (js/index.js, node streams) from the
// browser ('browser' field), so tests would not exercise the shipped code.
//
// pdfmake is a singleton (fonts, virtual file system, progress callback are global), so builds are
// queued one after another.
import pdfMake from 'pdfmake/build/pdfmake.js'

export interface PdfFontFamily {
  normal: Uint8Array
  bold: Uint8Array
}

let queue: Promise<unknown> = Promise.resolve()

function lockDown(): void {
  // No resource may be fetched or read: everything is in the virtual file system.
  pdfMake.setUrlAccessPolicy(() => false)
  if (typeof pdfMake.setLocalAccessPolicy === 'function') pdfMake.setLocalAccessPolicy(() => false)
  else pdfMake.localAccessPolicy = () => false // the browser build has no setter, but honours the field
}

/** Lay out and write one PDF. Fonts are registered under `family` names used by the definition. */
export function renderPdf(
  definition: object,
  families: Record<string, PdfFontFamily>,
  onProgress?: (p: number) => void,
): Promise<Uint8Array> {
  const run = async (): Promise<Uint8Array> => {
    lockDown()
    const files: string[] = []
    const fonts: Record<string, { normal: string; bold: string; italics: string; bolditalics: string }> = {}
    const names = new Map<Uint8Array, string>()
    const fileFor = (bytes: Uint8Array) => {
      let name = names.get(bytes)
      if (!name) {
        name = `xc-font-${names.size}.ttf`
        names.set(bytes, name)
        pdfMake.virtualfs.writeFileSync(name, bytes)
        files.push(name)
      }
      return name
    }
    for (const [family, f] of Object.entries(families)) {
      const normal = fileFor(f.normal)
      const bold = fileFor(f.bold)
      // italics map to upright: CJK fonts have no italics, and pdfmake needs all four styles.
      fonts[family] = { normal, bold, italics: normal, bolditalics: bold }
    }
    pdfMake.setFonts(fonts)
    let last = 0
    pdfMake.setProgressCallback(
      onProgress
        ? (p: number) => {
            // pdfmake reports rendering progress 0..1 many times; pass on whole per-cent steps
            const v = Math.min(0.99, Math.max(0, p))
            if (v - last >= 0.01) {
              last = v
              onProgress(v)
            }
          }
        : undefined,
    )
    onProgress?.(0)
    try {
      const buf = await pdfMake.createPdf(definition).getBuffer()
      onProgress?.(1)
      return new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength)
    } finally {
      pdfMake.setProgressCallback(undefined)
      for (const f of files) delete pdfMake.virtualfs.storage[f]
    }
  }
  const result = queue.then(run, run)
  queue = result.catch(() => undefined)
  return result
}
