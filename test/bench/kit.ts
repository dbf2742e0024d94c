// Shared by the Chromium benchmarks: the round size (BENCH_FULL=1 for the ten-times round),
// how numbers are printed, and the page-side timers. Benchmarks print medians and p95s and
// assert only that the work completed: timings are read, not tested.
import { readdirSync, readFileSync } from 'node:fs'
import type { CDPSession, Page } from 'playwright-core'
import { expect } from 'vitest'
import { lastMessage, openMenu, PASSPHRASE } from '../e2e/harness'

export const FULL = process.env.BENCH_FULL === '1'
export const RUNS = Number(process.env.BENCH_RUNS ?? 3)

/** Polls with room for the ten-times round on a busy 2-core machine. */
export const poll = <T>(fn: () => Promise<T> | T) => expect.poll(fn, { timeout: 300_000, interval: 50 })
export const report = (label: string, value: string) => console.log(`[bench${FULL ? ' full' : ' reduced'}] ${label.padEnd(46)} ${value}`)
export const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!
export const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil(xs.length * 0.95) - 1)]!

/** Loads the round the benchmarks run on (the ten-times round, or the sample round); returns seconds taken. */
export async function loadBenchRound(page: Page): Promise<number> {
  const t0 = Date.now()
  if (FULL) {
    await openMenu(page, '系统设置')
    await page.getByTestId('load-large-round').click()
    await page.locator('.el-message-box').getByRole('button', { name: '载入', exact: true }).click()
    await poll(() => lastMessage(page)).toContain('已载入性能测试轮次')
  } else {
    await page.getByTestId('load-sample').click()
    await poll(() => lastMessage(page)).toContain('已载入示例轮次')
  }
  return (Date.now() - t0) / 1000
}

/** From the lock screen: unlocks and confirms the first roster member as the user. */
export async function unlockAs(page: Page): Promise<void> {
  await page.getByTestId('unlock-passphrase').fill(PASSPHRASE)
  await page.getByTestId('unlock').click()
  await page.getByTestId('identity-dialog').locator('.el-radio').first().click()
  await page.getByTestId('identity-confirm').click()
}

/**
 * Time from the user's action to the screen showing its result: from the first pointerdown or
 * input event (or from running `act` in the page, when it is code) until `selector`'s text
 * changed and the next frame was painted.
 */
export async function timeUntilChanged(page: Page, selector: string, act: string | (() => Promise<void>)): Promise<number> {
  const measured = page.evaluate(
    ([sel, code]) =>
      new Promise<number>((resolve, reject) => {
        const el = document.querySelector(sel!)
        if (!el) return reject(new Error(`no ${sel}`))
        const before = el.textContent
        let t0 = performance.now()
        const start = () => (t0 = performance.now())
        document.addEventListener('pointerdown', start, { capture: true, once: true })
        document.addEventListener('input', start, { capture: true, once: true })
        setTimeout(() => reject(new Error(`${sel} did not change within 20 s`)), 20_000)
        const obs = new MutationObserver(() => {
          if (el.textContent === before) return
          obs.disconnect()
          requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - t0)))
        })
        obs.observe(el, { childList: true, subtree: true, characterData: true })
        if (code) new Function(code)()
      }),
    [selector, typeof act === 'string' ? act : ''],
  )
  if (typeof act !== 'string') await act()
  return measured
}

/** The renderer's JS heap in use, in MB (Chromium's own figure, through the DevTools protocol). */
export async function heapMb(cdp: CDPSession): Promise<number> {
  await cdp.send('HeapProfiler.collectGarbage')
  const { metrics } = (await cdp.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] }
  return (metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0) / 1024 / 1024
}

/** The processes of the Chromium this test launched (they descend from this process), read from /proc (Linux). */
function chromiumProcesses(): { pid: number; renderer: boolean; cpuTicks: number }[] {
  const parent = new Map<number, number>()
  const found: { pid: number; renderer: boolean; cpuTicks: number }[] = []
  for (const entry of readdirSync('/proc')) {
    const pid = Number(entry)
    if (!pid || pid === process.pid) continue
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
      parent.set(pid, Number(fields[1]))
      // utime + stime, in clock ticks (10 ms)
      found.push({
        pid,
        renderer: readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('--type=renderer'),
        cpuTicks: Number(fields[11]) + Number(fields[12]),
      })
    } catch {
      // the process ended while we looked
    }
  }
  const descends = (pid: number): boolean => pid === process.pid || (parent.has(pid) && pid > 1 && descends(parent.get(pid)!))
  return found.filter((p) => descends(p.pid))
}

/**
 * Memory (proportional set size) of the renderer processes of the Chromium this test launched
 * (the page and its workers), in MB: what the operating system sees, beyond the JS heap.
 */
export function rendererMemoryMb(): { processes: number; mb: number; largest: number } {
  const mine = chromiumProcesses().filter((p) => p.renderer)
  // PSS: pages shared with other processes (libraries, fonts) counted in proportion, once in all.
  const pss = mine.map(({ pid }) => Number(/^Pss:\s+(\d+)/m.exec(readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'))?.[1] ?? 0) / 1024)
  return { processes: mine.length, mb: pss.reduce((a, b) => a + b, 0), largest: Math.max(0, ...pss) }
}

/**
 * CPU time (ms, all threads) used so far by the Chromium this test launched: its renderer
 * processes (page, workers, WebCrypto) and all of it (with the browser process, which reads
 * IndexedDB). Unlike wall time, it barely moves when other work shares the machine.
 */
export function cpuMs(): { renderer: number; all: number } {
  let renderer = 0
  let all = 0
  for (const p of chromiumProcesses()) {
    all += p.cpuTicks * 10
    if (p.renderer) renderer += p.cpuTicks * 10
  }
  return { renderer, all }
}

/**
 * Starts recording main-thread tasks longer than 50 ms (the Long Tasks API); the returned
 * function stops and gives their durations in ms.
 */
export async function watchLongTasks(page: Page): Promise<() => Promise<number[]>> {
  await page.evaluate(() => {
    const w = globalThis as unknown as { __longTasks: number[]; __longTaskObserver?: PerformanceObserver }
    w.__longTasks = []
    w.__longTaskObserver = new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__longTasks.push(e.duration)
    })
    w.__longTaskObserver.observe({ type: 'longtask' })
  })
  return () =>
    page.evaluate(() => {
      const w = globalThis as unknown as { __longTasks: number[]; __longTaskObserver?: PerformanceObserver }
      w.__longTaskObserver?.disconnect()
      return w.__longTasks
    })
}
