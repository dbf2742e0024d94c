// Layer check, run by `npm test`: shared/ is pure TypeScript (no DOM, Node, Electron, Vue,
// Dexie); renderer/ never reaches Electron or Node; electron/ never reaches the renderer.
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { builtinModules } from 'node:module'
import { join, relative, resolve, dirname, sep } from 'node:path'

const root = resolve(process.argv[2] ?? join(dirname(new URL(import.meta.url).pathname), '..'))
const NODE = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]))
const isNode = (spec) => NODE.has(spec) || spec.startsWith('node:')

const rules = {
  shared: {
    forbid: (spec) => isNode(spec) || /^(electron|vue|pinia|dexie|vue-router|element-plus|@vue\/|@element-plus\/|vue-echarts|echarts)/.test(spec),
    layers: ['renderer', 'electron'],
    globals: /\b(window|document|localStorage|sessionStorage|indexedDB|navigator|HTMLElement|XMLHttpRequest)\s*[.[(]/,
  },
  renderer: { forbid: (spec) => isNode(spec) || /^electron(\/|$)/.test(spec), layers: ['electron'] },
  electron: { forbid: (spec) => /^(vue|pinia|dexie|element-plus|vue-router)(\/|$)/.test(spec), layers: ['renderer'] },
}

function* sourceFiles(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name)
    if (name === 'node_modules') continue
    if (statSync(path).isDirectory()) yield* sourceFiles(path)
    else if (/\.(ts|vue|mjs|js)$/.test(name) && !/\.(test|e2e)\.ts$/.test(name) && !/vite\.config\.ts$/.test(name)) yield path
  }
}

const IMPORT = /(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\s*\(\s*['"]([^'"]+)['"]\s*\)|import\s+['"]([^'"]+)['"]|require\(\s*['"]([^'"]+)['"]\s*\)/g
const stripComments = (src) => src.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:])\/\/.*$/gm, '$1')

const problems = []
for (const [layer, rule] of Object.entries(rules)) {
  let files = []
  try { files = [...sourceFiles(join(root, layer))] } catch { continue }
  for (const file of files) {
    const src = stripComments(readFileSync(file, 'utf8'))
    const rel = relative(root, file)
    for (const m of src.matchAll(IMPORT)) {
      const spec = m[1] ?? m[2] ?? m[3] ?? m[4]
      if (rule.forbid(spec)) problems.push(`${rel}: ${layer}/ must not import "${spec}"`)
      if (spec.startsWith('.')) {
        const target = relative(root, resolve(dirname(file), spec)).split(sep)[0]
        if (rule.layers.includes(target)) problems.push(`${rel}: ${layer}/ must not import from ${target}/ ("${spec}")`)
      }
    }
    if (rule.globals) {
      // Quoted strings are text, not code ("word/document.xml" is not the DOM global); template
      // literals stay, since their ${} parts are code.
      const code = src.replace(/'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"/g, "''")
      code.split('\n').forEach((line, i) => {
        if (rule.globals.test(line)) problems.push(`${rel}:${i + 1}: ${layer}/ must not use DOM globals: ${line.trim()}`)
      })
    }
  }
}

if (problems.length) {
  console.error(`层级边界检查失败（${problems.length} 处）：\n` + problems.join('\n'))
  process.exit(1)
}
console.log('层级边界检查通过：shared/ 无 DOM/Node/Electron/Vue/Dexie，renderer/ 无 Electron/Node，electron/ 无渲染层依赖')
