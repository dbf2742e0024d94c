// The search index of the active round, held in memory only (gone at lock), rebuilt when
// the round changed since it was built. Built in slices so the UI keeps responding.
import { ref, shallowRef } from 'vue'
import { SearchIndex } from '@shared/search/search-index'
import { searchDocs } from '@shared/search/documents'
import { repo } from '../../db/workbench'

const SLICE = 400
const index = shallowRef<SearchIndex>()
const progress = ref(0)
let builtFor = { roundId: '', revision: -1 }
let building: Promise<SearchIndex> | undefined

async function build(roundId: string): Promise<SearchIndex> {
  const revision = repo.revision
  const docs = [...searchDocs(await repo.snapshot(roundId))]
  const next = new SearchIndex()
  for (let i = 0; i < docs.length; i += SLICE) {
    for (const d of docs.slice(i, i + SLICE)) next.add(d)
    progress.value = Math.round(((i + SLICE) / docs.length) * 100)
    await new Promise((r) => setTimeout(r))
  }
  progress.value = 100
  builtFor = { roundId, revision }
  index.value = next
  return next
}

export function useSearchIndex() {
  function ensure(roundId: string): Promise<SearchIndex> {
    if (index.value && builtFor.roundId === roundId && builtFor.revision === repo.revision) return Promise.resolve(index.value)
    building ??= build(roundId).finally(() => (building = undefined))
    return building
  }
  return { index, progress, ensure }
}
