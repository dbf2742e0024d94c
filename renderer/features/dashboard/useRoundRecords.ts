// The 工作台's figures for the active round, as refs (the dashboard store holds and follows them).
import { storeToRefs } from 'pinia'
import { watch } from 'vue'
import { useDashboardStore } from '../../stores/dashboard'
import { useRoundStore } from '../../stores/round'

export { DOCUMENTS_SHOWN } from '../../stores/dashboard'

export function useRoundRecords() {
  const store = useDashboardStore()
  const round = useRoundStore()
  watch(
    () => round.activeRoundId,
    (id) => void store.load(id),
    { immediate: true },
  )
  const { interviews, documents, docs, documentsShown, petitions, visits, loaded } = storeToRefs(store)
  return { interviews, documents, docs, documentsShown, petitions, visits, loaded }
}
