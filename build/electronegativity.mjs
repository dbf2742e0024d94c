// Electronegativity (Doyensec's Electron security lint) over the main-process and preload
// sources in electron/. Offline: its two network calls (translations from S3, Electron
// release list) are stubbed or excluded. Exits 1 on any finding not excluded below, or on
// any file it could not parse (an unparsed file is an unchecked file).
//   node build/electronegativity.mjs
import { cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { createRequire, Module } from 'node:module'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('..', import.meta.url))
const require = createRequire(import.meta.url)
const pkgDir = path.dirname(require.resolve('@doyensec/electronegativity/package.json'))

// Excluded checks (class names), each with the reason it does not apply.
const EXCLUDED = {
  // Downloads Electron's release list from the network; the Electron version is pinned in
  // package.json and upgraded deliberately.
  AvailableSecurityFixesGlobalCheck: 'needs network',
  // Only recognises a CSP set via webRequest.onHeadersReceived or a <meta> tag. Ours is a
  // response header set by the app:// protocol handler (electron/protocol.ts) from
  // CONTENT_SECURITY_POLICY, asserted by electron/protocol.test.ts.
  CSPGlobalCheck: 'CSP is a protocol-handler header',
}

// Findings reviewed and accepted, by check id and file; anything else still fails.
const ACCEPTED = [
  {
    id: 'PRELOAD_JS_CHECK',
    file: 'electron/window.ts',
    // "Review the use of preload scripts": reviewed. electron/preload.ts exposes exactly the
    // functions named in BRIDGE_CHANNELS, one per capability (asserted by electron/preload.test.ts), main validates
    // sender and arguments (electron/ipc.ts), and the build fails if the preload needs
    // anything but 'electron'.
  },
]

function stubModule(file, exports) {
  const m = new Module(file)
  m.filename = file
  m.loaded = true
  m.exports = exports
  require.cache[file] = m
}

// Local translations only (the original fetches them from S3 on every run).
stubModule(path.join(pkgDir, 'dist/locales/i18n.js'), async function localI18n() {
  const i18n = require(require.resolve('i18n', { paths: [pkgDir] }))
  i18n.configure({
    locales: ['en-US'],
    defaultLocale: 'en-US',
    directory: path.join(pkgDir, 'dist/locales'),
    updateFiles: false,
    objectNotation: true,
    register: globalThis,
  })
  i18n.setLocale('en-US')
})
// Any other network access fails loudly instead of hanging or retrying.
stubModule(require.resolve('got', { paths: [pkgDir] }), () => Promise.reject(new Error('electronegativity: network access disabled')))

// Scan a copy of the shipped sources only: tests hold deliberately hostile fixtures.
const scanDir = mkdtempSync(path.join(tmpdir(), 'xuncha-electronegativity-'))
const sources = readdirSync(path.join(root, 'electron'), { recursive: true })
  .map(String)
  .filter((f) => /\.ts$/.test(f) && !/\.test\.ts$/.test(f) && path.basename(f) !== 'vite.config.ts')
for (const f of sources) cpSync(path.join(root, 'electron', f), path.join(scanDir, f))

const electronVersion = require('electron/package.json').version
const run = require(path.join(pkgDir, 'dist/runner.js'))
let result
try {
  result = await run(
    {
      input: scanDir,
      electronVersionOverride: electronVersion,
      excludeFromScan: Object.keys(EXCLUDED).map((c) => c.toLowerCase()),
      customScan: [],
      parserPlugins: [],
    },
    false,
  )
} finally {
  rmSync(scanDir, { recursive: true, force: true })
}

const where = (file) => (file === 'N/A' ? '(global)' : path.join('electron', path.relative(scanDir, file)))
const failures = result.errors.filter((e) => !e.tolerable)
for (const e of result.errors) console.error(`${e.tolerable ? 'warning' : 'error'}: ${where(e.file)}: ${e.message}`)
const isAccepted = (i) => ACCEPTED.some((a) => a.id === i.id && a.file === where(i.file))
const accepted = result.issues.filter(isAccepted)
const findings = result.issues.filter((i) => !isAccepted(i))
for (const i of accepted) console.log(`accepted: ${i.id} ${where(i.file)}:${i.location.line}`)
for (const i of findings) {
  console.error(
    `${i.id} [${i.severity.name}/${i.confidence.name}] ${where(i.file)}:${i.location.line}:${i.location.column}\n  ${i.description}\n  ${i.shortenedURL ?? ''}`,
  )
}
console.log(
  `Electronegativity ${require(path.join(pkgDir, 'package.json')).version}, Electron ${electronVersion}: ` +
    `${sources.length} files, ${result.atomicChecks + result.globalChecks} checks (${Object.keys(EXCLUDED).length} excluded), ` +
    `${findings.length} findings (${accepted.length} accepted), ${failures.length} parse errors`,
)
if (sources.length === 0 || findings.length > 0 || failures.length > 0) process.exit(1)
