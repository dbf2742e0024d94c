import { describe, expect, it } from 'vitest'
import { usePersonFilter } from './usePersonFilter'

const people = [
  { name: '张卫东', post: '党委书记、局长' },
  { name: '单雪峰', post: '项目建设科科长' },
  { name: '何丽萍', post: '纪检组长' },
]

describe('usePersonFilter', () => {
  it('narrows the list by pinyin, characters or post, and lists everyone again when closed', () => {
    const pick = usePersonFilter(
      () => people,
      (p) => p.post,
    )
    pick.filter('zwd')
    expect(pick.list.map((p) => p.name)).toEqual(['张卫东'])
    pick.filter('shan')
    expect(pick.list.map((p) => p.name)).toEqual(['单雪峰'])
    pick.filter('纪检')
    expect(pick.list.map((p) => p.name)).toEqual(['何丽萍'])
    pick.filter('丽')
    expect(pick.list.map((p) => p.name)).toEqual(['何丽萍'])
    pick.reset(true)
    expect(pick.list).toHaveLength(1)
    pick.reset(false)
    expect(pick.list).toHaveLength(3)
  })
})
