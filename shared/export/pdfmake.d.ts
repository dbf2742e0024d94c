// Minimal typing for pdfmake 0.3's browser build (the package ships no types). Only what
// shared/export/pdf-engine.ts uses.
declare module 'pdfmake/build/pdfmake.js' {
  interface PdfMakeOutput {
    getBuffer(): Promise<Uint8Array>
  }
  interface PdfMakeVirtualFs {
    writeFileSync(name: string, content: Uint8Array): void
    existsSync(name: string): boolean
    storage: Record<string, unknown>
  }
  interface PdfMakeStatic {
    virtualfs: PdfMakeVirtualFs
    localAccessPolicy?: (path: string) => boolean
    createPdf(docDefinition: object, options?: object): PdfMakeOutput
    setFonts(fonts: Record<string, { normal: string; bold: string; italics: string; bolditalics: string }>): void
    setUrlAccessPolicy(cb: (url: string) => boolean): void
    setLocalAccessPolicy?(cb: (path: string) => boolean): void
    setProgressCallback(cb: ((progress: number) => void) | undefined): void
  }
  const pdfMake: PdfMakeStatic
  export default pdfMake
}
