import { describe, expect, it } from 'vitest'
import { personMatches, pinyinMatchesName, pinyinQuery } from './pinyin'

describe('pinyin matching of names', () => {
  it('finds 张卫东 by initials, surname, full pinyin and a mix, in any case', () => {
    for (const q of ['zwd', 'zhang', 'zhangweidong', 'zhangwd', 'zhwd', 'zhan', 'ZWD', 'zhang wei dong', 'z'])
      expect(pinyinMatchesName('张卫东', q), q).toBe(true)
  })
  it('matches from the surname on, without gaps, and never on other letters', () => {
    for (const q of ['weidong', 'wd', 'zd', 'zwdx', 'li', 'zhangweidongx']) expect(pinyinMatchesName('张卫东', q), q).toBe(false)
  })
  it('knows the surname readings of polyphonic characters', () => {
    expect(pinyinMatchesName('单雪峰', 'shanxuefeng')).toBe(true)
    expect(pinyinMatchesName('单雪峰', 'sxf')).toBe(true)
    expect(pinyinMatchesName('曾华', 'zenghua')).toBe(true)
    expect(pinyinMatchesName('解放', 'xief')).toBe(true)
    expect(pinyinMatchesName('朴正浩', 'piao')).toBe(true)
    expect(pinyinMatchesName('区志明', 'ouzm')).toBe(true)
    expect(pinyinMatchesName('吕建平', 'lvjp')).toBe(true)
    expect(pinyinMatchesName('吕建平', 'lujianping')).toBe(true)
  })
  it('reads the surname of a name with a rare character', () => {
    expect(pinyinMatchesName('陈𠈌', 'chen')).toBe(true)
    expect(pinyinMatchesName('陈𠈌', 'zhang')).toBe(false)
  })
  it('only takes letters as pinyin', () => {
    expect(pinyinQuery('Zhang Wei')).toBe('zhangwei')
    expect(pinyinQuery('张')).toBe('')
    expect(pinyinQuery('zhang3')).toBe('')
    expect(pinyinMatchesName('张卫东', '')).toBe(false)
  })
})

describe('personMatches, the rule of every person picker', () => {
  it('matches the characters typed anywhere in the name, or the pinyin', () => {
    expect(personMatches('张卫东', '卫东')).toBe(true)
    expect(personMatches('张卫东', 'zwd')).toBe(true)
    expect(personMatches('张卫东', '')).toBe(true)
    expect(personMatches('张卫东', '李')).toBe(false)
    expect(personMatches('Anna Li', 'anna')).toBe(true)
  })
})
