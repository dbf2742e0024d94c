import { describe, expect, it } from 'vitest'
import { latestSaver } from './latest-saver'

/** A save the test finishes by hand, so "typing during a save" is reproduced without timers. */
function heldSaves() {
  const saved: string[] = []
  const waiting: (() => void)[] = []
  const save = (v: string) => new Promise<void>((resolve) => waiting.push(() => (saved.push(v), resolve())))
  const release = async () => {
    waiting.shift()?.()
    await new Promise((r) => setTimeout(r))
  }
  return {
    saved,
    save,
    release,
    get held() {
      return waiting.length
    },
  }
}

describe('latestSaver', () => {
  it('saves what was typed while a save was in flight, right after it', async () => {
    const h = heldSaves()
    const saver = latestSaver(h.save)
    const done = saver.push('谈话')
    saver.push('谈话要点')
    saver.push('谈话要点：陈𠈌反映')
    expect(h.held).toBe(1)
    await h.release()
    expect(h.saved).toEqual(['谈话'])
    expect(h.held).toBe(1)
    await h.release()
    await done
    expect(h.saved).toEqual(['谈话', '谈话要点：陈𠈌反映'])
    expect(saver.busy).toBe(false)
  })

  it('keeps going after a failed save and reports the failure', async () => {
    const failures: string[] = []
    const saved: string[] = []
    const saver = latestSaver(
      async (v: string) => {
        if (v === 'a') throw new Error('磁盘已满')
        saved.push(v)
      },
      (e, v) => failures.push(`${v}:${(e as Error).message}`),
    )
    saver.push('a')
    await saver.push('b')
    expect(failures).toEqual(['a:磁盘已满'])
    expect(saved).toEqual(['b'])
  })

  it('is idle when nothing was pushed', async () => {
    const saver = latestSaver(async () => undefined)
    expect(saver.busy).toBe(false)
    await expect(saver.idle()).resolves.toBeUndefined()
  })
})
