import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vite'

// Bundles the headless package export (build/export/export-package.ts) for Node: the shared code
// is compiled in; npm packages (pdfmake, exceljs, docx, fflate) stay external and load from node_modules.
export default defineConfig({
  root: fileURLToPath(new URL('../..', import.meta.url)),
  publicDir: false,
  logLevel: 'warn',
  resolve: { alias: { '@shared': fileURLToPath(new URL('../../shared', import.meta.url)) } },
  build: {
    ssr: fileURLToPath(new URL('./export-package.ts', import.meta.url)),
    outDir: fileURLToPath(new URL('../../dist-cli', import.meta.url)),
    emptyOutDir: true,
    target: 'node22',
    minify: false,
    rollupOptions: { output: { format: 'esm', entryFileNames: 'export-package.mjs' } },
  },
})
