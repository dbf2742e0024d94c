// 信访 of the active round. Plain data; writes go through the repository. Loaded once per round
// (see useRoundLoad) and held raw (shallowRef), replaced on every write.
import { defineStore } from 'pinia'
import { shallowRef, watch } from 'vue'
import type { Petition } from '@shared/domain/types'
import { repo } from '../platform/db/workbench'
import type { Draft } from '../platform/db/repository'
import { useRoundStore } from './round'
import { useRoundLoad } from '../ui/useRoundLoad'

export const usePetitionsStore = defineStore('petitions', () => {
  const round = useRoundStore()
  const petitions = shallowRef<Petition[]>([])
  const loader = useRoundLoad()

  function load(roundId: string, force = false): Promise<void> {
    return loader.load(roundId, force, async (isCurrent) => {
      const list = roundId ? await repo.list('petitions', roundId) : []
      if (isCurrent()) petitions.value = list
    })
  }
  watch(() => round.activeRoundId, (id) => void load(id), { immediate: true })
  /** On entering a view: reloads only if records were written behind the store's back. */
  const refresh = (roundId: string) => (loader.stale(roundId) ? load(roundId, true) : loader.ready())

  async function save(draft: Draft<Petition>) {
    const saved = await loader.write(() => repo.save('petitions', draft))
    const list = petitions.value
    petitions.value = list.some((p) => p.id === saved.id) ? list.map((p) => (p.id === saved.id ? saved : p)) : [...list, saved]
    return saved
  }
  async function remove(id: string) {
    await loader.write(() => repo.remove('petitions', id))
    petitions.value = petitions.value.filter((p) => p.id !== id)
  }
  return { petitions, loading: loader.pending, load, refresh, save, remove }
})
