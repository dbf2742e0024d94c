import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vite'
import vue from '@vitejs/plugin-vue'
import pkg from './package.json' with { type: 'json' }

// The renderer. `--mode electron` builds the production app (needs the preload bridge);
// `--mode browser` builds the same app with the browser bridge, used by the e2e tests.
export default defineConfig(({ mode }) => ({
  root: 'renderer',
  base: './',
  plugins: [vue()],
  resolve: { alias: { '@shared': fileURLToPath(new URL('./shared', import.meta.url)) } },
  define: {
    __BRIDGE_TARGET__: JSON.stringify(mode === 'browser' ? 'browser' : 'electron'),
    __APP_VERSION__: JSON.stringify(pkg.version),
  },
  build: {
    outDir: fileURLToPath(new URL(mode === 'browser' ? './dist/browser' : './dist/renderer', import.meta.url)),
    emptyOutDir: true,
    chunkSizeWarningLimit: 4000,
    modulePreload: { polyfill: false },
  },
}))
