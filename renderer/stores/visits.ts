// 走访 / 座谈 of the active round: one round collection (stores/collection.ts). Writes go through the repository.
import { defineStore } from 'pinia'
import type { SiteVisit } from '@shared/domain/types'
import type { Draft } from '../platform/db/repository'
import { createRoundCollection } from './collection'

export const useVisitsStore = defineStore('visits', () => {
  const visits = createRoundCollection('visits')
  return {
    visits: visits.items,
    loading: visits.loading,
    load: visits.load,
    refresh: visits.refresh,
    save: (draft: Draft<SiteVisit>) => visits.save(draft),
    remove: visits.remove,
  }
})
