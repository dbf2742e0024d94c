// Loads the records the 工作台 counts, for the active round. 底稿 and 线索 come from the
// casework store, which has them loaded already.
import { ref, watch } from 'vue'
import type { BorrowedDocument, Interview, Petition, SiteVisit } from '@shared/domain/types'
import { repo } from '../../db/workbench'
import { useRoundStore } from '../../stores/round'

export function useRoundRecords() {
  const store = useRoundStore()
  const interviews = ref<Interview[]>([])
  const documents = ref<BorrowedDocument[]>([])
  const petitions = ref<Petition[]>([])
  const visits = ref<SiteVisit[]>([])
  const loaded = ref(false)

  watch(
    () => store.activeRoundId,
    async (roundId) => {
      loaded.value = false
      if (!roundId) return
      ;[interviews.value, documents.value, petitions.value, visits.value] = await Promise.all([
        repo.list('interviews', roundId), repo.list('documents', roundId), repo.list('petitions', roundId), repo.list('visits', roundId),
      ])
      loaded.value = true
    },
    { immediate: true },
  )
  return { interviews, documents, petitions, visits, loaded }
}
