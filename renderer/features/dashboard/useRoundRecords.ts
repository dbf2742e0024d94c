// What the 工作台 counts, for the active round. Counts, dates and statuses come from the clear
// index fields, so nothing is decrypted for them (at ten times a real round that is ≈9,000
// records); only the documents the page lists are opened. 底稿 and 线索 come from the
// casework store, which has them loaded already.
import { computed, ref, shallowRef, watch } from 'vue'
import type { IndexRowOf } from '@shared/domain/tables'
import type { BorrowedDocument } from '@shared/domain/types'
import { documentsOut } from '@shared/round/dashboard'
import { todayIso } from '@shared/util/dates'
import { repo } from '../../platform/db/workbench'
import { useRoundStore } from '../../stores/round'

/** How many of the documents still out the 工作台 lists (the 调阅 page has them all). */
export const DOCUMENTS_SHOWN = 30

export function useRoundRecords() {
  const store = useRoundStore()
  const today = todayIso()
  const interviews = shallowRef<IndexRowOf<'interviews'>[]>([])
  const documents = shallowRef<IndexRowOf<'documents'>[]>([])
  const petitions = ref(0)
  const visits = ref(0)
  /** The documents out that the page lists, decrypted: the earliest due first. */
  const documentsShown = shallowRef<BorrowedDocument[]>([])
  const loaded = ref(false)
  const docs = computed(() => documentsOut(documents.value, today))

  watch(
    () => store.activeRoundId,
    async (roundId) => {
      loaded.value = false
      if (!roundId) return
      const [iv, dc, pt, vs] = await Promise.all([
        repo.listIndex('interviews', roundId), repo.listIndex('documents', roundId), repo.listIndex('petitions', roundId), repo.listIndex('visits', roundId),
      ])
      ;[interviews.value, documents.value, petitions.value, visits.value] = [iv, dc, pt.length, vs.length]
      const due = (d: { dueOn: string }) => d.dueOn || '9999-12-31'
      const first = [...docs.value.out].sort((a, b) => due(a).localeCompare(due(b))).slice(0, DOCUMENTS_SHOWN)
      documentsShown.value = await repo.getMany('documents', first.map((d) => d.id))
      loaded.value = true
    },
    { immediate: true },
  )
  return { interviews, documents, docs, documentsShown, petitions, visits, loaded }
}
