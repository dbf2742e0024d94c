// 信访 of the active round: one round collection (stores/collection.ts). Writes go through the repository.
import { defineStore } from 'pinia'
import type { Petition } from '@shared/domain/types'
import type { Draft } from '../platform/db/repository'
import { createRoundCollection } from './collection'

export const usePetitionsStore = defineStore('petitions', () => {
  const petitions = createRoundCollection('petitions')
  return {
    petitions: petitions.items,
    loading: petitions.loading,
    load: petitions.load,
    refresh: petitions.refresh,
    save: (draft: Draft<Petition>) => petitions.save(draft),
    remove: petitions.remove,
  }
})
