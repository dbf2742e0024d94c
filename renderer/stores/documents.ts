// The 调阅 register and its review notes for the active round. Plain data; writes go through the repository.
// At ten times a real round (5,000 documents, 20,000 notes) the list needs only how many notes
// each document has: that comes from the notes' clear index (nothing decrypted); the notes
// themselves are decrypted when asked for — one document's when its drawer opens, all of them
// for the round's export. Lists are held raw (shallowRef) and replaced on every write.
import { defineStore } from 'pinia'
import { computed, shallowRef, watch } from 'vue'
import type { BorrowedDocument, DocumentNote } from '@shared/domain/types'
import type { IndexRowOf } from '@shared/domain/tables'
import { repo } from '../platform/db/workbench'
import type { Draft } from '../platform/db/repository'
import { useRoundStore } from './round'
import { useRoundLoad } from '../ui/useRoundLoad'

const upsert = <T extends { id: string }>(list: T[], saved: T): T[] =>
  list.some((x) => x.id === saved.id) ? list.map((x) => (x.id === saved.id ? saved : x)) : [...list, saved]

export const useDocumentsStore = defineStore('documents', () => {
  const round = useRoundStore()
  const documents = shallowRef<BorrowedDocument[]>([])
  const noteIndex = shallowRef<Pick<IndexRowOf<'documentNotes'>, 'id' | 'documentId'>[]>([])
  /** The notes decrypted so far: one document's, several, or (after `loadNotes()`) all of the round's. */
  const notes = shallowRef<DocumentNote[]>([])
  const loader = useRoundLoad()
  let allNotes = false

  /** Loads the round's register once (a view mounting again, or another view asking, reuses it). */
  function load(roundId: string, force = false): Promise<void> {
    return loader.load(roundId, force, async (isCurrent) => {
      allNotes = false
      const [docs, index] = roundId ? await Promise.all([repo.list('documents', roundId), repo.listIndex('documentNotes', roundId)]) : [[], []]
      if (isCurrent()) [documents.value, noteIndex.value, notes.value] = [docs, index, []]
    })
  }
  watch(() => round.activeRoundId, (id) => void load(id), { immediate: true })

  /** On entering a view: reloads only if records were written behind the store's back. */
  const refresh = (roundId: string) => (loader.stale(roundId) ? load(roundId, true) : loader.ready())

  const noteCount = computed(() => {
    const m = new Map<string, number>()
    for (const n of noteIndex.value) m.set(n.documentId, (m.get(n.documentId) ?? 0) + 1)
    return m
  })

  /** Decrypts the notes of one document, or of the whole round when no document is given. */
  async function loadNotes(documentId?: string) {
    await loader.ready()
    const roundId = loader.roundId()
    if (allNotes || !roundId) return
    if (!documentId) {
      const all = await repo.list('documentNotes', roundId)
      if (roundId !== loader.roundId()) return
      ;[notes.value, allNotes] = [all, true]
      return
    }
    const mine = await repo.getMany('documentNotes', noteIndex.value.filter((n) => n.documentId === documentId).map((n) => n.id))
    if (roundId !== loader.roundId() || allNotes) return
    notes.value = [...notes.value.filter((n) => n.documentId !== documentId), ...mine.filter((n) => !n.deleted)]
  }

  async function saveDocument(draft: Draft<BorrowedDocument>) {
    const saved = await loader.write(() => repo.save('documents', draft))
    documents.value = upsert(documents.value, saved)
    return saved
  }
  async function removeDocument(id: string) {
    for (const n of noteIndex.value.filter((x) => x.documentId === id)) await removeNote(n.id)
    await loader.write(() => repo.remove('documents', id))
    documents.value = documents.value.filter((d) => d.id !== id)
  }
  async function saveNote(draft: Draft<DocumentNote>) {
    const saved = await loader.write(() => repo.save('documentNotes', draft))
    notes.value = upsert(notes.value, saved)
    noteIndex.value = upsert(noteIndex.value, { id: saved.id, documentId: saved.documentId })
    return saved
  }
  async function removeNote(id: string) {
    await loader.write(() => repo.remove('documentNotes', id))
    notes.value = notes.value.filter((n) => n.id !== id)
    noteIndex.value = noteIndex.value.filter((n) => n.id !== id)
  }
  return { documents, notes, noteCount, loading: loader.pending, load, refresh, loadNotes, saveDocument, removeDocument, saveNote, removeNote }
})
