// Long lists show one page at a time: a table renders every row it is given, so at ten times
// a real round (3,000 interviews, 5,000 documents) filtering and sorting must not redraw them all.
// Sorting applies to the whole list, before paging.
import { computed, ref, watch, type Ref } from 'vue'

export const PAGE_SIZES = [50, 100, 200]

export interface SortState {
  prop: string
  order: 'ascending' | 'descending' | null
}

export function usePaged<T>(rows: Ref<T[]>, compare?: (prop: string) => ((a: T, b: T) => number) | undefined) {
  const page = ref(1)
  const size = ref(100)
  const sort = ref<SortState>({ prop: '', order: null })

  const sorted = computed(() => {
    const by = sort.value.order && compare?.(sort.value.prop)
    if (!by) return rows.value
    const dir = sort.value.order === 'descending' ? -1 : 1
    return [...rows.value].sort((a, b) => dir * by(a, b))
  })
  const pageRows = computed(() => sorted.value.slice((page.value - 1) * size.value, page.value * size.value))
  // A new filter starts from the first page; a shrinking list never leaves an empty page.
  watch(rows, () => (page.value = 1))
  watch(size, () => (page.value = 1))

  function onSort({ prop, order }: { prop: string | null; order: string | null }) {
    sort.value = { prop: prop ?? '', order: order === 'ascending' || order === 'descending' ? order : null }
    page.value = 1
  }

  return { page, size, sort, pageRows, onSort }
}
