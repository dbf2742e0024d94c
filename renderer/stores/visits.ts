// 走访 / 座谈 of the active round. Plain data; writes go through the repository.
import { defineStore } from 'pinia'
import { ref, watch } from 'vue'
import type { SiteVisit } from '@shared/domain/types'
import { repo } from '../platform/db/workbench'
import type { Draft } from '../platform/db/repository'
import { useRoundStore } from './round'

export const useVisitsStore = defineStore('visits', () => {
  const round = useRoundStore()
  const visits = ref<SiteVisit[]>([])

  async function load(roundId: string) {
    visits.value = roundId ? await repo.list('visits', roundId) : []
  }
  watch(() => round.activeRoundId, load, { immediate: true })

  async function save(draft: Draft<SiteVisit>) {
    const saved = await repo.save('visits', draft)
    const i = visits.value.findIndex((v) => v.id === saved.id)
    if (i >= 0) visits.value[i] = saved
    else visits.value.push(saved)
    return saved
  }
  async function remove(id: string) {
    await repo.remove('visits', id)
    visits.value = visits.value.filter((v) => v.id !== id)
  }
  return { visits, load, save, remove }
})
