import { builtinModules } from 'node:module'
import { fileURLToPath } from 'node:url'
import { defineConfig, type EnvironmentOptions, type Plugin } from 'vite'

// Builds the Electron main process and the preload as two separate environments so that
// no chunk is shared between them: a sandboxed preload can only `require('electron')`,
// so it must be one self-contained file.
const root = fileURLToPath(new URL('..', import.meta.url))
const outDir = fileURLToPath(new URL('../dist-electron', import.meta.url))
const external = ['electron', /^electron\//, /^node:/, ...builtinModules]

function nodeBundle(name: 'main' | 'preload'): EnvironmentOptions {
  return {
    consumer: 'server',
    // Bundle everything except Electron and Node builtins: the packaged app ships no node_modules.
    resolve: { noExternal: true },
    build: {
      outDir,
      emptyOutDir: false,
      target: 'node22',
      minify: false,
      sourcemap: false,
      copyPublicDir: false,
      reportCompressedSize: false,
      rollupOptions: {
        input: { [name]: fileURLToPath(new URL(`./${name}.ts`, import.meta.url)) },
        external,
        output: { format: 'cjs', entryFileNames: '[name].cjs', chunkFileNames: `${name}-[name].cjs` },
      },
    },
  }
}

/** Fails the build if the preload would need anything but `electron` at run time. */
function selfContainedPreload(): Plugin {
  return {
    name: 'xuncha:self-contained-preload',
    applyToEnvironment: (env) => env.name === 'preload',
    generateBundle(_options, bundle) {
      const chunks = Object.values(bundle).filter((f) => f.type === 'chunk')
      if (chunks.length !== 1) this.error(`preload 必须打包为单个文件，实际 ${chunks.length} 个`)
      for (const chunk of chunks) {
        const foreign = [...chunk.imports, ...chunk.dynamicImports].filter((m) => m !== 'electron')
        if (foreign.length) this.error(`preload 只能依赖 electron，实际还依赖：${foreign.join(', ')}`)
      }
    },
  }
}

export default defineConfig({
  root,
  publicDir: false,
  resolve: { alias: { '@shared': fileURLToPath(new URL('../shared', import.meta.url)) } },
  plugins: [selfContainedPreload()],
  environments: { main: nodeBundle('main'), preload: nodeBundle('preload') },
  builder: {
    async buildApp(builder) {
      const { rmSync } = await import('node:fs')
      rmSync(outDir, { recursive: true, force: true })
      await builder.build(builder.environments.main!)
      await builder.build(builder.environments.preload!)
    },
  },
})
