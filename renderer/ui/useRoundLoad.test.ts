import { describe, expect, it, vi } from 'vitest'

const repo = vi.hoisted(() => ({ revision: 0 }))
vi.mock('../platform/db/workbench', () => ({ repo }))

import { useRoundLoad } from './useRoundLoad'

describe('loading a round into a feature store', () => {
  it('reads a round once; asking again reuses it; forcing reads it again', async () => {
    const loader = useRoundLoad()
    const job = vi.fn(async () => {})
    await loader.load('r1', false, job)
    await loader.load('r1', false, job)
    expect(job).toHaveBeenCalledTimes(1)
    await loader.load('r2', false, job)
    await loader.load('r2', true, job)
    expect(job).toHaveBeenCalledTimes(3)
  })

  it('says when another load started since (a slow read must not overwrite a newer one)', async () => {
    const loader = useRoundLoad()
    let release!: () => void
    let first: (() => boolean) | undefined
    const slow = loader.load('r1', false, (isCurrent) => {
      first = isCurrent
      return new Promise<void>((ok) => (release = ok))
    })
    expect(loader.pending.value).toBe(true)
    await loader.load('r2', false, async () => {})
    expect(first!()).toBe(false)
    release()
    await slow
    expect(loader.pending.value).toBe(false)
  })

  it('is stale only when something outside the store wrote since it read', async () => {
    const loader = useRoundLoad()
    await loader.load('r1', false, async () => {})
    expect(loader.stale('r1')).toBe(false)
    expect(loader.stale('r2')).toBe(true)
    await loader.write(async () => void repo.revision++)
    expect(loader.stale('r1')).toBe(false)
    repo.revision++ // an import or a merge, behind the store's back
    expect(loader.stale('r1')).toBe(true)
    await loader.write(async () => void repo.revision++)
    expect(loader.stale('r1')).toBe(true)
  })
})
