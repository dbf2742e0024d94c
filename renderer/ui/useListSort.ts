// Sorting for long lists (LongTable). A header click cycles ascending → descending → the list's
// own order, like el-table. The sorted list is kept until the data or the sort changes, so a view
// filters the sorted list (cheap: one pass) instead of sorting again on every filter change.
import { computed, ref, type Ref } from 'vue'

export type SortOrder = 'asc' | 'desc'
export interface SortState {
  key: string
  order: SortOrder
}

/**
 * One column of a LongTable: `width` is its natural width, `minWidth` how far it may shrink, `grow`
 * its share of spare room. `drop`: the column may be left out of a window too narrow for every
 * column's minimum (a laptop at 125% scaling); lower numbers go first, the table says which went.
 */
export interface LongColumn {
  key: string
  title: string
  width: number
  minWidth?: number
  grow?: number
  sortable?: boolean
  drop?: number
}

/** The columns that fit `room` pixels: `drop` columns are left out, lowest first, until the rest fit (or none is left to drop). */
export function columnsFitting(columns: readonly LongColumn[], room: number): LongColumn[] {
  const least = (cols: readonly LongColumn[]) => cols.reduce((sum, c) => sum + (c.minWidth ?? c.width), 0)
  const droppable = columns.filter((c) => c.drop !== undefined).sort((a, b) => a.drop! - b.drop!)
  let shown = [...columns]
  for (const c of droppable) {
    if (least(shown) <= room) break
    shown = shown.filter((x) => x !== c)
  }
  return shown
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
