// 信访 of the active round. Plain data; writes go through the repository.
import { defineStore } from 'pinia'
import { ref, watch } from 'vue'
import type { Petition } from '@shared/domain/types'
import { repo } from '../../db/workbench'
import type { Draft } from '../../db/repository'
import { useRoundStore } from '../../stores/round'

export const usePetitionsStore = defineStore('petitions', () => {
  const round = useRoundStore()
  const petitions = ref<Petition[]>([])

  async function load(roundId: string) {
    petitions.value = roundId ? await repo.list('petitions', roundId) : []
  }
  watch(() => round.activeRoundId, load, { immediate: true })

  async function save(draft: Draft<Petition>) {
    const saved = await repo.save('petitions', draft)
    const i = petitions.value.findIndex((p) => p.id === saved.id)
    if (i >= 0) petitions.value[i] = saved
    else petitions.value.push(saved)
    return saved
  }
  async function remove(id: string) {
    await repo.remove('petitions', id)
    petitions.value = petitions.value.filter((p) => p.id !== id)
  }
  return { petitions, load, save, remove }
})
