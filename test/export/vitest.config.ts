// Temporary runner for test/export until the shared project includes 'test/export/**/*.test.ts':
//   npx vitest run --config test/export/vitest.config.ts
import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'

export default defineConfig({
  root: fileURLToPath(new URL('../..', import.meta.url)),
  test: { name: 'export-pdf', environment: 'node', include: ['test/export/**/*.test.ts'], testTimeout: 60_000 },
})
