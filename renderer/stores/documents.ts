// The 调阅 register and its review notes for the active round. Plain data; writes go through the repository.
// At ten times a real round (5,000 documents, 20,000 notes) the list needs only how many notes
// each document has: that comes from the notes' clear index (nothing decrypted); the notes
// themselves are decrypted when asked for — one document's when its drawer opens, all of them
// for the round's export. Lists are held raw (shallowRef) and replaced on every write.
import { defineStore } from 'pinia'
import { computed, shallowRef } from 'vue'
import type { BorrowedDocument, DocumentNote } from '@shared/domain/types'
import type { IndexRowOf } from '@shared/domain/tables'
import { repo } from '../platform/db/workbench'
import type { Draft } from '../platform/db/repository'
import { createRoundCollection, upsertById } from './collection'

type NoteIndex = Pick<IndexRowOf<'documentNotes'>, 'id' | 'documentId'>

export const useDocumentsStore = defineStore('documents', () => {
  const documents = createRoundCollection('documents')
  /** The notes decrypted so far: one document's, several, or (after `loadNotes()`) all of the round's. */
  const notes = shallowRef<DocumentNote[]>([])
  let allNotes = false
  const noteIndex = createRoundCollection<'documentNotes', NoteIndex>('documentNotes', {
    read: (roundId) => repo.listIndex('documentNotes', roundId),
    toItem: (n) => ({ id: n.id, documentId: n.documentId }),
    // New index, new notes: what was decrypted before may be stale.
    onLoaded: () => ([notes.value, allNotes] = [[], false]),
  })
  const ready = () => Promise.all([documents.ready(), noteIndex.ready()])

  /** Loads the round's register once (a view mounting again, or another view asking, reuses it). */
  const load = (roundId: string, force = false) =>
    Promise.all([documents.load(roundId, force), noteIndex.load(roundId, force)]).then(() => undefined)
  /** On entering a view: loads the round if another one is held (change events keep a held one current). */
  const refresh = (roundId: string) => load(roundId)

  const noteCount = computed(() => {
    const m = new Map<string, number>()
    for (const n of noteIndex.items.value) m.set(n.documentId, (m.get(n.documentId) ?? 0) + 1)
    return m
  })

  /** Decrypts the notes of one document, or of the whole round when no document is given. */
  async function loadNotes(documentId?: string) {
    await ready()
    const roundId = noteIndex.roundId()
    if (allNotes || !roundId) return
    if (!documentId) {
      const all = await repo.list('documentNotes', roundId)
      if (roundId !== noteIndex.roundId()) return
      ;[notes.value, allNotes] = [all, true]
      return
    }
    const mine = await repo.getMany(
      'documentNotes',
      noteIndex.items.value.filter((n) => n.documentId === documentId).map((n) => n.id),
    )
    if (roundId !== noteIndex.roundId() || allNotes) return
    notes.value = [...notes.value.filter((n) => n.documentId !== documentId), ...mine.filter((n) => !n.deleted)]
  }

  const saveDocument = (draft: Draft<BorrowedDocument>) => documents.save(draft)
  async function removeDocument(id: string) {
    for (const n of noteIndex.items.value.filter((x) => x.documentId === id)) await removeNote(n.id)
    await documents.remove(id)
  }
  async function saveNote(draft: Draft<DocumentNote>) {
    const saved = await noteIndex.save(draft)
    notes.value = upsertById(notes.value, saved)
    return saved
  }
  async function removeNote(id: string) {
    await noteIndex.remove(id)
    notes.value = notes.value.filter((n) => n.id !== id)
  }
  const loading = computed(() => documents.loading.value || noteIndex.loading.value)
  return {
    documents: documents.items,
    notes,
    noteCount,
    loading,
    load,
    refresh,
    loadNotes,
    saveDocument,
    removeDocument,
    saveNote,
    removeNote,
  }
})
