import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'
import vue from '@vitejs/plugin-vue'

const alias = { '@shared': fileURLToPath(new URL('./shared', import.meta.url)) }

export default defineConfig({
  test: {
    projects: [
      { resolve: { alias }, test: { name: 'shared', environment: 'node', include: ['shared/**/*.test.ts', 'test/export/**/*.test.ts'] } },
      {
        resolve: { alias },
        test: { name: 'electron', environment: 'node', include: ['electron/**/*.test.ts', 'test/tooling/**/*.test.ts'] },
      },
      {
        plugins: [vue()],
        resolve: { alias },
        define: { __BRIDGE_TARGET__: JSON.stringify('browser'), __APP_VERSION__: JSON.stringify('test') },
        test: {
          name: 'renderer',
          environment: 'jsdom',
          include: ['renderer/**/*.test.ts'],
          exclude: ['renderer/services/**'],
          setupFiles: ['test/setup-renderer.ts'],
        },
      },
      // The renderer's services run without a DOM: Node, an in-memory IndexedDB, no Vue or Element Plus.
      {
        resolve: { alias },
        define: { __APP_VERSION__: JSON.stringify('test') },
        test: {
          name: 'services',
          environment: 'node',
          include: ['renderer/services/**/*.test.ts'],
          setupFiles: ['test/setup-renderer.ts'],
        },
      },
      { resolve: { alias }, test: { name: 'bench', environment: 'node', include: ['test/bench/**/*.bench.ts'], testTimeout: 600_000 } },
      {
        resolve: { alias },
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['test/e2e/**/*.e2e.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
})
