import { beforeEach, describe, expect, it, vi } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'

// A repository double that counts what it decrypts: the register must not open 20,000 notes to count them.
const fake = vi.hoisted(() => {
  const docs = [
    { id: 'd1', title: '党委会议记录' },
    { id: 'd2', title: '财务凭证' },
  ]
  const notes = [
    { id: 'n1', documentId: 'd1', excerpt: '甲' },
    { id: 'n2', documentId: 'd1', excerpt: '乙' },
    { id: 'n3', documentId: 'd2', excerpt: '丙' },
  ]
  const opened: string[] = []
  const listeners = new Set<(c: unknown) => void>()
  const changes = {
    on: (fn: (c: unknown) => void) => (listeners.add(fn), () => listeners.delete(fn)),
    emit: (c: unknown) => listeners.forEach((fn) => fn(c)),
  }
  // Like the repository, every write tells `changed` before it returns.
  const wrote = (table: string, id: string) => changes.emit({ roundId: 'r1', tables: [table], ids: [id], revision: 0 })
  const repo = {
    changes,
    list: vi.fn(async (table: string) => (table === 'documents' ? docs : (opened.push(...notes.map((n) => n.id)), notes))),
    listRounds: vi.fn(async () => []),
    listIndex: vi.fn(async () => notes.map(({ id, documentId }) => ({ id, documentId }))),
    getMany: vi.fn(async (_t: string, ids: string[]) => (opened.push(...ids), notes.filter((n) => ids.includes(n.id)))),
    save: vi.fn(async (t: string, d: Record<string, unknown>) => (wrote(t, d.id as string), { ...d })),
    remove: vi.fn(async (t: string, id: string) => wrote(t, id)),
  }
  return { repo, opened, listeners }
})
vi.mock('../platform/db/workbench', () => ({ repo: fake.repo }))

import { useDocumentsStore } from './documents'

beforeEach(() => {
  setActivePinia(createPinia())
  fake.opened.length = 0
  fake.listeners.clear() // the stores of earlier tests (another Pinia) no longer listen
  vi.clearAllMocks()
})

describe('调阅 store at scale', () => {
  it('counts each document’s notes from the clear index without decrypting any, once per round', async () => {
    const store = useDocumentsStore()
    await store.load('r1')
    await store.load('r1')
    await store.refresh('r1')
    expect(fake.repo.list).toHaveBeenCalledTimes(1)
    expect(store.documents.map((d) => d.id)).toEqual(['d1', 'd2'])
    expect([store.noteCount.get('d1'), store.noteCount.get('d2')]).toEqual([2, 1])
    expect(fake.opened).toEqual([])
  })

  it('decrypts one document’s notes when asked, all of them for the round’s export', async () => {
    const store = useDocumentsStore()
    await store.load('r1')
    await store.loadNotes('d1')
    expect(fake.opened).toEqual(['n1', 'n2'])
    expect(store.notes.map((n) => n.id)).toEqual(['n1', 'n2'])
    await store.loadNotes()
    expect(store.notes).toHaveLength(3)
  })

  it('keeps counts and notes in step with its own writes, and reloads after writes behind its back', async () => {
    const store = useDocumentsStore()
    await store.load('r1')
    await store.saveNote({
      roundId: 'r1',
      documentId: 'd2',
      page: '',
      excerpt: '丁',
      doubt: '',
      reviewerId: '',
      date: '2026-11-21',
      category: '',
    })
    expect(store.noteCount.get('d2')).toBe(2)
    await store.removeDocument('d1')
    expect(store.noteCount.get('d1')).toBeUndefined()
    expect(fake.repo.remove).toHaveBeenCalledTimes(3)
    await store.refresh('r1')
    expect(fake.repo.list).toHaveBeenCalledTimes(1)
    fake.repo.changes.emit({ roundId: 'r1', tables: ['rounds', 'documents', 'documentNotes'], revision: 9 }) // e.g. an archive import of the same round
    await store.refresh('r1')
    expect(fake.repo.list).toHaveBeenCalledTimes(2)
    fake.repo.changes.emit({ roundId: 'r2', tables: ['documents'], revision: 10 }) // another round: nothing to do
    await store.refresh('r1')
    expect(fake.repo.list).toHaveBeenCalledTimes(2)
  })
})
