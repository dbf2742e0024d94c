import { describeError } from './util/format'
import { createApp } from 'vue'
import { createPinia } from 'pinia'
import ElementPlus from 'element-plus'
import zhCn from 'element-plus/es/locale/lang/zh-cn'
import 'element-plus/dist/index.css'
import './styles/app.css'
import App from './App.vue'
import { router } from './router'
import { bridge } from './platform/bridge'
import { setFontSource } from './platform/workers/exportJobs'
import { officeFontSet } from './services/officeFonts'
import { installUnloadGuard } from './ui/unloadGuard'

// Record CSP violations where the e2e tests can read them; the app itself never needs an exception.
const cspViolations: string[] = []
;(globalThis as { __cspViolations?: string[] }).__cspViolations = cspViolations
document.addEventListener('securitypolicyviolation', (e) => cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`))

function failClosed(message: string) {
  const box = document.createElement('div')
  box.className = 'fatal'
  box.textContent = message
  document.body.replaceChildren(box)
}

// PDF exports take the office's fonts from this laptop's settings (设置 → 公文字体).
setFontSource(officeFontSet)

try {
  bridge()
  installUnloadGuard(__BRIDGE_TARGET__)
  createApp(App).use(createPinia()).use(router).use(ElementPlus, { locale: zhCn }).mount('#app')
} catch (e) {
  failClosed(describeError(e))
}
