// The 调阅 register and its review notes for the active round. Plain data; writes go through the repository.
import { defineStore } from 'pinia'
import { ref, watch } from 'vue'
import type { BorrowedDocument, DocumentNote } from '@shared/domain/types'
import { repo } from '../../db/workbench'
import type { Draft } from '../../db/repository'
import { useRoundStore } from '../../stores/round'

function upsert<T extends { id: string }>(list: T[], saved: T) {
  const i = list.findIndex((x) => x.id === saved.id)
  if (i >= 0) list[i] = saved
  else list.push(saved)
}

export const useDocumentsStore = defineStore('documents', () => {
  const round = useRoundStore()
  const documents = ref<BorrowedDocument[]>([])
  const notes = ref<DocumentNote[]>([])

  async function load(roundId: string) {
    ;[documents.value, notes.value] = roundId ? await Promise.all([repo.list('documents', roundId), repo.list('documentNotes', roundId)]) : [[], []]
  }
  watch(() => round.activeRoundId, load, { immediate: true })

  async function saveDocument(draft: Draft<BorrowedDocument>) {
    const saved = await repo.save('documents', draft)
    upsert(documents.value, saved)
    return saved
  }
  async function removeDocument(id: string) {
    for (const n of notes.value.filter((x) => x.documentId === id)) await repo.remove('documentNotes', n.id)
    await repo.remove('documents', id)
    documents.value = documents.value.filter((d) => d.id !== id)
    notes.value = notes.value.filter((n) => n.documentId !== id)
  }
  async function saveNote(draft: Draft<DocumentNote>) {
    const saved = await repo.save('documentNotes', draft)
    upsert(notes.value, saved)
    return saved
  }
  async function removeNote(id: string) {
    await repo.remove('documentNotes', id)
    notes.value = notes.value.filter((n) => n.id !== id)
  }
  return { documents, notes, load, saveDocument, removeDocument, saveNote, removeNote }
})
