import { describe, expect, it } from 'vitest'
import { nextTick, ref } from 'vue'
import { nextSort, useListSort, zhRanks } from './useListSort'

describe('long list sorting', () => {
  it('cycles a column ascending, descending, then back to the list order; another column starts ascending', () => {
    const asc = nextSort(null, 'name')
    expect(asc).toEqual({ key: 'name', order: 'asc' })
    const desc = nextSort(asc, 'name')
    expect(desc).toEqual({ key: 'name', order: 'desc' })
    expect(nextSort(desc, 'name')).toBeNull()
    expect(nextSort(desc, 'date')).toEqual({ key: 'date', order: 'asc' })
  })

  it('ranks Chinese names in 拼音 order, each distinct name once', () => {
    const ranks = zhRanks(['张伟', '李娜', '王芳', '安然', '李娜'])
    expect(ranks.size).toBe(4)
    expect([...ranks].sort((a, b) => a[1] - b[1]).map(([name]) => name)).toEqual(['安然', '李娜', '王芳', '张伟'])
  })

  it('sorts the whole list by the chosen column, keeps ties in list order, and follows new data', async () => {
    const rows = ref([
      { id: 1, n: 2 },
      { id: 2, n: 1 },
      { id: 3, n: 2 },
      { id: 4, n: 0 },
    ])
    const { sort, sorted } = useListSort(rows, (key) => (key === 'n' ? (a, b) => a.n - b.n : undefined))
    expect(sorted.value).toBe(rows.value)
    sort.value = { key: 'n', order: 'asc' }
    expect(sorted.value.map((r) => r.id)).toEqual([4, 2, 1, 3])
    sort.value = { key: 'n', order: 'desc' }
    expect(sorted.value.map((r) => r.id)).toEqual([1, 3, 2, 4])
    rows.value = [...rows.value, { id: 5, n: 9 }]
    await nextTick()
    expect(sorted.value[0]!.id).toBe(5)
    sort.value = { key: 'unknown', order: 'asc' }
    expect(sorted.value).toBe(rows.value)
  })
})
