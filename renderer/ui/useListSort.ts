// Sorting for long lists (LongTable). A header click cycles ascending → descending → the list's
// own order, like el-table. The sorted list is kept until the data or the sort changes, so a view
// filters the sorted list (cheap: one pass) instead of sorting again on every filter change.
import { computed, ref, type Ref } from 'vue'

export type SortOrder = 'asc' | 'desc'
export interface SortState {
  key: string
  order: SortOrder
}

/** One column of a LongTable: `width` is its natural width, `minWidth` how far it may shrink, `grow` its share of spare room. */
export interface LongColumn {
  key: string
  title: string
  width: number
  minWidth?: number
  grow?: number
  sortable?: boolean
}

export type Compare<T> = (a: T, b: T) => number

/** Chinese text in 拼音 order; one collator for the whole app (creating one per comparison is slow). */
/** Compares ISO dates (or any strings) so that the later one comes first. */
export const laterFirst = (a: string, b: string): number => (a < b ? 1 : a > b ? -1 : 0)

export const zhCollator = new Intl.Collator('zh-CN')

/**
 * Each distinct text's place in 拼音 order: sorting 3,000 rows by a name then compares numbers,
 * and the collator runs over the few hundred distinct names only.
 */
export function zhRanks(texts: Iterable<string>): Map<string, number> {
  return new Map([...new Set(texts)].sort(zhCollator.compare).map((t, i) => [t, i]))
}

export function nextSort(current: SortState | null, key: string): SortState | null {
  if (current?.key !== key) return { key, order: 'asc' }
  return current.order === 'asc' ? { key, order: 'desc' } : null
}

/** `rows` in the chosen column's order (ties keep the list's own order), or as given when unsorted. */
export function useListSort<T>(rows: Ref<readonly T[]>, compare: (key: string) => Compare<T> | undefined) {
  const sort = ref<SortState | null>(null)
  const sorted = computed<readonly T[]>(() => {
    const by = sort.value && compare(sort.value.key)
    if (!by) return rows.value
    const dir = sort.value!.order === 'desc' ? -1 : 1
    return [...rows.value].sort((a, b) => dir * by(a, b))
  })
  return { sort, sorted }
}
