import { describe, expect, it } from 'vitest'
import { nextTick, ref } from 'vue'
import { columnsFitting, nextSort, useListSort, zhRanks, type LongColumn } from './useListSort'

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

describe('columns in a narrow window', () => {
  // The 调阅 list's shape: the title, two dates, the status and the actions always stay.
  const columns: LongColumn[] = [
    { key: 'title', title: '资料名称', width: 240, minWidth: 150 },
    { key: 'department', title: '提供部门', width: 120, minWidth: 76, drop: 2 },
    { key: 'quantity', title: '数量', width: 70, minWidth: 56, drop: 1 },
    { key: 'borrowedOn', title: '调阅资料日期', width: 132, minWidth: 124 },
    { key: 'dueOn', title: '预计归还', width: 132, minWidth: 124 },
    { key: 'status', title: '状态', width: 80, minWidth: 72 },
    { key: 'actions', title: '操作', width: 230 },
  ]
  const titles = (room: number) => columnsFitting(columns, room).map((c) => c.title)

  it('keeps every column while their minimums fit, then leaves out the droppable ones, lowest first', () => {
    expect(titles(832)).toHaveLength(7)
    expect(titles(831)).toEqual(['资料名称', '提供部门', '调阅资料日期', '预计归还', '状态', '操作'])
    expect(titles(700)).toEqual(['资料名称', '调阅资料日期', '预计归还', '状态', '操作'])
    expect(titles(300)).toEqual(['资料名称', '调阅资料日期', '预计归还', '状态', '操作']) // nothing more may go: it scrolls
  })
})
