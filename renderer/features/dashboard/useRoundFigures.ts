// Loads the records the 工作台 counts, for the active round.
import { ref, watch } from 'vue'
import type { BorrowedDocument, Clue, Interview, Petition, SiteVisit, WorkingPaper } from '@shared/domain/types'
import { repo } from '../../db/workbench'
import { useRoundStore } from '../../stores/round'

export function useRoundRecords() {
  const store = useRoundStore()
  const interviews = ref<Interview[]>([])
  const papers = ref<WorkingPaper[]>([])
  const clues = ref<Clue[]>([])
  const documents = ref<BorrowedDocument[]>([])
  const petitions = ref<Petition[]>([])
  const visits = ref<SiteVisit[]>([])
  const loaded = ref(false)

  watch(
    () => store.activeRoundId,
    async (roundId) => {
      loaded.value = false
      if (!roundId) return
      ;[interviews.value, papers.value, clues.value, documents.value, petitions.value, visits.value] = await Promise.all([
        repo.list('interviews', roundId), repo.list('workingPapers', roundId), repo.list('clues', roundId),
        repo.list('documents', roundId), repo.list('petitions', roundId), repo.list('visits', roundId),
      ])
      loaded.value = true
    },
    { immediate: true },
  )
  return { interviews, papers, clues, documents, petitions, visits, loaded }
}
