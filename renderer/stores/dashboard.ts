// What the 工作台 counts, for the active round. Counts, dates and statuses come from the clear
// index fields, so nothing is decrypted for them (at ten times a real round that is ≈9,000
// records); only the documents the page lists are opened. Each table is a round collection of
// index rows, so a write anywhere (a form, an import, a merge) is reflected without a reload of
// the page. 底稿 and 线索 come from the casework store, which has them loaded already.
import { defineStore } from 'pinia'
import { computed, shallowRef, watch } from 'vue'
import type { IndexRowOf, RoundTableName } from '@shared/domain/tables'
import type { BorrowedDocument } from '@shared/domain/types'
import { documentsOut } from '@shared/round/dashboard'
import { todayIso } from '@shared/util/dates'
import { repo } from '../platform/db/workbench'
import { createRoundCollection } from './collection'

/** How many of the documents still out the 工作台 lists (the 调阅 page has them all). */
export const DOCUMENTS_SHOWN = 30

type Row<K extends RoundTableName> = IndexRowOf<K> & { id: string }
const indexOf = <K extends RoundTableName>(table: K) =>
  createRoundCollection<K, Row<K>>(table, {
    lazy: true,
    read: (roundId) => repo.listIndex(table, roundId) as Promise<Row<K>[]>,
    toItem: (saved) => saved as unknown as Row<K>,
  })

export const useDashboardStore = defineStore('dashboard', () => {
  const today = todayIso()
  const interviews = indexOf('interviews')
  const documents = indexOf('documents')
  const petitions = indexOf('petitions')
  const visits = indexOf('visits')
  const docs = computed(() => documentsOut(documents.items.value, today))
  /** The documents out that the page lists, decrypted: the earliest due first. */
  const documentsShown = shallowRef<BorrowedDocument[]>([])
  const loaded = shallowRef(false)

  /** Reads the round's index rows (once; the collections then follow the active round and its changes). */
  async function load(roundId: string) {
    loaded.value = false
    await Promise.all([interviews.load(roundId), documents.load(roundId), petitions.load(roundId), visits.load(roundId)])
    loaded.value = true
  }
  // The shown documents follow the documents out: decrypt the first ones again when those change.
  let token = 0
  watch(docs, async (d) => {
    const mine = ++token
    const due = (x: { dueOn: string }) => x.dueOn || '9999-12-31'
    const first = [...d.out].sort((a, b) => due(a).localeCompare(due(b))).slice(0, DOCUMENTS_SHOWN)
    const shown = await repo.getMany(
      'documents',
      first.map((x) => x.id),
    )
    if (mine === token) documentsShown.value = shown
  })

  return {
    interviews: interviews.items,
    documents: documents.items,
    petitions: computed(() => petitions.items.value.length),
    visits: computed(() => visits.items.value.length),
    docs,
    documentsShown,
    loaded,
    load,
  }
})
