// Layer check, run by `npm test`: shared/ is pure TypeScript (no DOM, Node, Electron, Vue,
// Dexie); renderer/ never reaches Electron or Node; electron/ never reaches the renderer.
// Inside renderer/ (docs/architecture.md): only platform/ imports dexie or starts Workers;
// services/ imports neither Vue nor Element Plus (nor views, stores or ui); features/ never
// imports platform/db (views reach data through stores and services).
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { builtinModules } from 'node:module'
import { join, relative, resolve, dirname, sep } from 'node:path'

const root = resolve(process.argv[2] ?? join(dirname(new URL(import.meta.url).pathname), '..'))
const NODE = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]))
const isNode = (spec) => NODE.has(spec) || spec.startsWith('node:')

const rules = {
  shared: {
    forbid: (spec) =>
      isNode(spec) || /^(electron|vue|pinia|dexie|vue-router|element-plus|@vue\/|@element-plus\/|vue-echarts|echarts)/.test(spec),
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

const IMPORT =
  /(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\s*\(\s*['"]([^'"]+)['"]\s*\)|import\s+['"]([^'"]+)['"]|require\(\s*['"]([^'"]+)['"]\s*\)/g
const stripComments = (src) => src.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:])\/\/.*$/gm, '$1')

// Inside renderer/: which folder may import what. `target` is the imported path relative to the
// root (for relative imports), `spec` the import as written.
const UI_LIBS = /^(vue|pinia|vue-router|element-plus|@element-plus\/|@vue\/|echarts)(\/|$)/
const rendererRules = [
  {
    where: (rel) => !rel.startsWith('renderer/platform/'),
    forbid: (spec) => /^dexie(\/|$)/.test(spec),
    why: 'only renderer/platform/ may import dexie',
  },
  {
    where: (rel) => rel.startsWith('renderer/services/'),
    forbid: (spec) => UI_LIBS.test(spec),
    why: 'renderer/services/ must not import Vue, Pinia or Element Plus',
  },
  {
    where: (rel) => rel.startsWith('renderer/services/'),
    forbidTarget: (target) => /^renderer\/(features|stores|ui)\//.test(target),
    why: 'renderer/services/ must not import views, stores or ui',
  },
  {
    where: (rel) => rel.startsWith('renderer/features/') && !DIRECT_DB_DEBT.has(rel),
    forbidTarget: (target) => /^renderer\/platform\/db(\/|$)/.test(target),
    why: 'renderer/features/ must not import renderer/platform/db (use a store or a service)',
  },
]
/**
 * Views that still reach the repository themselves, as of issue 14: this list only shrinks (move
 * the workflow into a service and delete the line).
 */
const DIRECT_DB_DEBT = new Set([
  'renderer/features/archive/useRoundArchive.ts',
  'renderer/features/interviews/InterviewForm.vue',
  'renderer/features/interviews/RecordDrawer.vue',
  'renderer/features/lock/IdentityDialog.vue',
  'renderer/features/petitions/PetitionForm.vue',
  'renderer/features/petitions/PetitionsView.vue',
  'renderer/features/registry/CadreForm.vue',
  'renderer/features/registry/useRosterImport.ts',
  'renderer/features/reports/useReportExports.ts',
  'renderer/features/search/useSearch.ts',
  'renderer/features/team/MemberForm.vue',
])
const STARTS_WORKER = /\bnew\s+(Shared)?Worker\s*\(/

const problems = []
for (const [layer, rule] of Object.entries(rules)) {
  let files = []
  try {
    files = [...sourceFiles(join(root, layer))]
  } catch {
    continue
  }
  for (const file of files) {
    const src = stripComments(readFileSync(file, 'utf8'))
    const rel = relative(root, file)
    const relPosix = rel.split(sep).join('/')
    for (const m of src.matchAll(IMPORT)) {
      const spec = m[1] ?? m[2] ?? m[3] ?? m[4]
      if (rule.forbid(spec)) problems.push(`${rel}: ${layer}/ must not import "${spec}"`)
      const target = spec.startsWith('.')
        ? relative(root, resolve(dirname(file), spec))
            .split(sep)
            .join('/')
        : undefined
      if (target && rule.layers.includes(target.split('/')[0]))
        problems.push(`${rel}: ${layer}/ must not import from ${target.split('/')[0]}/ ("${spec}")`)
      if (layer !== 'renderer') continue
      for (const r of rendererRules) {
        if (!r.where(relPosix)) continue
        if (r.forbid?.(spec) || (target && r.forbidTarget?.(target))) problems.push(`${rel}: ${r.why} ("${spec}")`)
      }
    }
    if (layer === 'renderer' && !relPosix.startsWith('renderer/platform/') && STARTS_WORKER.test(src))
      problems.push(`${rel}: only renderer/platform/ may start a Worker`)
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
console.log(
  '层级边界检查通过：shared/ 无 DOM/Node/Electron/Vue/Dexie，renderer/ 无 Electron/Node，electron/ 无渲染层依赖；' +
    '仅 renderer/platform/ 使用 Dexie 和 Worker，services/ 无 Vue/Element Plus，features/ 不直接访问 platform/db',
)
