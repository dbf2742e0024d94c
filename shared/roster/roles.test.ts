import { describe, expect, it } from 'vitest'
import { categoryFromRoles, parseCategory, rolesFromPost } from './roles'

const category = (post: string) => categoryFromRoles(rolesFromPost(post))

describe('roles guessed from the post', () => {
  it.each([
    ['党组书记、局长', '一把手'],
    ['党委书记', '一把手'],
    ['局党组书记', '一把手'],
    ['主要负责人', '一把手'],
    ['党组副书记、副局长', '班子成员'],
    ['党组成员、副局长', '班子成员'],
    ['副局长', '班子成员'],
    ['副主任', '班子成员'],
    ['常务副院长', '班子成员'],
    ['副校长', '班子成员'],
    ['局长', '班子成员'],
    ['总工程师', '班子成员'],
    ['总会计师', '班子成员'],
    ['党委委员、副总经理', '班子成员'],
    ['领导班子成员', '班子成员'],
    ['副局长兼办公室主任', '班子成员'],
    ['纪检组长', '班子成员'],
    ['驻局纪检监察组组长', '班子成员'],
    ['纪委书记', '班子成员'],
    ['办公室主任', '中层正职'],
    ['财务科科长', '中层正职'],
    ['规划处处长', '中层正职'],
    ['执法一队队长', '中层正职'],
    ['办公室负责人', '中层正职'],
    ['财务科副科长', '中层副职'],
    ['办公室副主任', '中层副职'],
    ['科员', '一般干部'],
    ['一级主任科员', '一般干部'],
    ['四级调研员', '一般干部'],
    ['', '一般干部'],
    ['退休干部（原副局长）', '退休干部'],
    ['已退休', '退休干部'],
    ['科员（原办公室主任）', '一般干部'],
    ['原副局长、二级调研员', '一般干部'],
    ['机关党委书记', '一般干部'],
    ['人事科科长、机关党委委员', '中层正职'],
  ])('%s → %s', (post, expected) => {
    expect(category(post)).toBe(expected)
  })

  it('sets the discipline-chief flag only for the chief, not a deputy or a branch', () => {
    expect(rolesFromPost('党组成员、驻局纪检监察组组长').disciplineChief).toBe(true)
    expect(rolesFromPost('纪委书记').disciplineChief).toBe(true)
    expect(rolesFromPost('纪检组副组长').disciplineChief).toBe(false)
    expect(rolesFromPost('纪委副书记').disciplineChief).toBe(false)
    expect(rolesFromPost('机关纪委书记').disciplineChief).toBe(false)
    expect(rolesFromPost('党组书记、局长').disciplineChief).toBe(false)
  })

  it('does not take 党委副书记 for the 一把手', () => {
    expect(rolesFromPost('党委副书记').topLeader).toBe(false)
    expect(rolesFromPost('党委副书记').leadershipMember).toBe(true)
  })
})

describe('对象类别 text', () => {
  it('accepts the categories and a few usual variants', () => {
    expect(parseCategory('班子成员')).toBe('班子成员')
    expect(parseCategory(' 中层正职 ')).toBe('中层正职')
    expect(parseCategory('领导班子成员')).toBe('班子成员')
    expect(parseCategory('主要负责人')).toBe('一把手')
    expect(parseCategory('服务对象/群众')).toBe('服务对象/群众')
    expect(parseCategory('科级')).toBeNull()
  })
})
