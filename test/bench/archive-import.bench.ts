// Import of a round archive in Chromium against the built renderer (issue 19, "Benchmark"): the
// ten-times round (BENCH_FULL=1; the sample round in the suite) is exported as an archive, then
// imported into a fresh profile from the start screen, with the renderer processes' memory
// (page and workers, PSS) sampled every 100 ms for the peak. Decoding runs in the decode worker.
import { describe, expect, it } from 'vitest'
import { chooseFile, chooseUser, download, enterPin, lastMessage, openApp, openMenu, setUpVault, useServedApp } from '../e2e/harness'
import { loadBenchRound, poll, rendererMemoryMb, report } from './kit'

const served = useServedApp()

describe('round archive import in Chromium', () => {
  it('imports the round archive, reporting time and peak renderer memory', async () => {
    const source = await openApp(served.browser(), served.url())
    await setUpVault(source.page)
    report('load round (generate, encrypt, store)', `${(await loadBenchRound(source.page)).toFixed(1)} s`)
    await chooseUser(source.page, '（组长）')
    await openMenu(source.page, '导出')
    // The ten-times round takes longer than the harness's 30 s default to export on a loaded machine.
    const e0 = Date.now()
    // The archive is a 组长-only act, signed with the 组长's PIN (set up here on first use).
    const archive = await download(
      source.page,
      async () => {
        await source.page.getByTestId('archive-export').click()
        await enterPin(source.page)
      },
      600_000,
    )
    report('archive export (snapshot, encode, save)', `${Date.now() - e0} ms`)
    await source.context.close()
    report('archive size', `${(archive.bytes.byteLength / 1024).toFixed(0)} KB`)

    const target = await openApp(served.browser(), served.url())
    const { page } = target
    await setUpVault(page)
    const base = rendererMemoryMb().mb
    let peak = base
    const sampler = setInterval(() => (peak = Math.max(peak, rendererMemoryMb().mb)), 100)
    const t0 = Date.now()
    await chooseFile(page, () => page.getByTestId('start-import').click(), { name: archive.name, buffer: archive.bytes })
    await poll(() => page.getByTestId('archive-counts').isVisible()).toBe(true)
    const previewMs = Date.now() - t0
    await page.getByTestId('archive-confirm').click()
    await poll(() => lastMessage(page)).toContain('已导入轮次')
    const totalMs = Date.now() - t0
    clearInterval(sampler)
    report('archive import: preview (decode in worker)', `${previewMs} ms`)
    report('archive import: preview + confirm (write)', `${totalMs} ms`)
    report('renderer memory before / peak (PSS)', `${base.toFixed(0)} MB / ${peak.toFixed(0)} MB`)
    expect(target.errors).toEqual([])
    await target.context.close()
  })
})
