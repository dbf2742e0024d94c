// PDF.js's worker module ships no types; importing it only sets `globalThis.pdfjsWorker`
// (shared/export/pdf-text.ts runs PDF.js in the calling thread that way).
declare module 'pdfjs-dist/legacy/build/pdf.worker.mjs' {
  export const WorkerMessageHandler: unknown
}
