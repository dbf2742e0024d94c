import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vite'
import vue from '@vitejs/plugin-vue'
import pkg from './package.json' with { type: 'json' }
import { CONTENT_SECURITY_POLICY } from './shared/security/policy'

// The production CSP also goes into the built page itself (the Electron protocol handler and
// the e2e server send it as a header too). Not in dev: Vite's dev client needs inline code.
// frame-ancestors is only valid in a header, so it is left out of the meta tag.
const cspMeta = CONTENT_SECURITY_POLICY.split('; ')
  .filter((d) => !d.startsWith('frame-ancestors'))
  .join('; ')

// The renderer. `--mode electron` builds the production app (needs the preload bridge);
// `--mode browser` builds the same app with the browser bridge, used by the e2e tests.
export default defineConfig(({ mode }) => ({
  root: 'renderer',
  base: './',
  plugins: [
    vue(),
    {
      name: 'csp-meta',
      apply: 'build',
      transformIndexHtml: (html) =>
        html.replace('<head>', `<head>\n    <meta http-equiv="Content-Security-Policy" content="${cspMeta}" />`),
    },
  ],
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
