// The sample roster a personnel office hands the team (a copy of the team's shared/fixtures/干部名册-示例.xlsx in test/fixtures, so a clone tests on its own).
import { readFileSync } from 'node:fs'
import { beforeAll, describe, expect, it } from 'vitest'
import { parseRoster } from './parse'
import type { RosterParseResult } from './types'

const FIXTURE = new URL('../../test/fixtures/干部名册-示例.xlsx', import.meta.url)

describe('the sample roster 干部名册-示例.xlsx', () => {
  let result: RosterParseResult
  beforeAll(async () => {
    result = await parseRoster(readFileSync(FIXTURE))
  })

  it('finds the header under the merged title row', () => {
    expect(result.sheetName).toBe('干部名册')
    expect(result.headerRow).toBe(2)
    expect(result.columns.map((c) => [c.letter, c.header, c.field])).toEqual([
      ['A', '序号', null],
      ['B', '姓名', 'name'],
      ['C', '性别', 'gender'],
      ['D', '出生年月', 'birth'],
      ['E', '民族', 'ethnicity'],
      ['F', '政治面貌', 'politicalStatus'],
      ['G', '职务', 'post'],
      ['H', '分工', 'duties'],
      ['I', '任现职时间', 'inPostSince'],
      ['J', '备注', 'notes'],
    ])
  })

  it('imports the twelve people with their rows, dates and posts', () => {
    expect(result.rows.map((r) => [r.sourceRow, r.name, r.gender, r.birth, r.post, r.inPostSince])).toEqual([
      [3, '陈建国', '男', '1968-03', '党组书记、局长', '2019-06'],
      [4, '林晓梅', '女', '1975-11', '党组成员、副局长', '2020-09'],
      [5, '黄志强', '男', '1972-07', '党组成员、副局长', '2018-12'],
      [6, '吴丽华', '女', '1979-02', '党组成员、驻局纪检监察组组长', '2021-04'],
      [7, '郑国平', '男', '1970-09', '党组成员、副局长', '2017-03'],
      [8, '许文杰', '男', '1983-05', '办公室主任', '2022-01'],
      [9, '蔡雅琴', '女', '1986-08', '财务科科长', '2020-05'],
      [10, '杨永福', '男', '1976-12', '项目建设科科长', '2016-08'],
      [11, '何晓东', '男', '1981-04', '人事科科长', '2019-11'],
      [12, '王秀英', '女', '1988-10', '财务科副科长', '2023-02'],
      [13, '李俊', '男', '1990-01', '办公室副主任', '2023-06'],
      [14, '刘德明', '男', '1965-06', '退休干部（原副局长）', '2010-03'],
    ])
    const chen = result.rows[0]!
    expect(chen.duties).toBe('主持全面工作')
    expect(chen.department).toBe('')
    expect(chen.notes).toBe('')
    expect(result.rows[1]!.duties).toBe('分管财务、机关后勤')
  })

  it('infers categories and flags from the posts', () => {
    const byName = Object.fromEntries(result.rows.map((r) => [r.name, r]))
    expect(result.rows.map((r) => [r.name, r.category])).toEqual([
      ['陈建国', '一把手'],
      ['林晓梅', '班子成员'],
      ['黄志强', '班子成员'],
      ['吴丽华', '班子成员'],
      ['郑国平', '班子成员'],
      ['许文杰', '中层正职'],
      ['蔡雅琴', '中层正职'],
      ['杨永福', '中层正职'],
      ['何晓东', '中层正职'],
      ['王秀英', '中层副职'],
      ['李俊', '中层副职'],
      ['刘德明', '退休干部'],
    ])
    expect(result.rows.filter((r) => r.isTopLeader).map((r) => r.name)).toEqual(['陈建国'])
    expect(result.rows.filter((r) => r.isDisciplineChief).map((r) => r.name)).toEqual(['吴丽华'])
    expect(result.rows.filter((r) => r.isLeadershipMember).map((r) => r.name)).toEqual(['陈建国', '林晓梅', '黄志强', '吴丽华', '郑国平'])
    expect(result.rows.filter((r) => r.isMidLevelHead).map((r) => r.name)).toEqual(['许文杰', '蔡雅琴', '杨永福', '何晓东'])
    // A retired former 副局长 is not in today's 班子.
    expect(byName['刘德明']).toMatchObject({ isLeadershipMember: false, isTopLeader: false, isMidLevelHead: false })
  })

  it('skips the blank row and the footnote, and reports nothing else', () => {
    expect(result.skipped).toEqual([
      { row: 15, reason: '空行', suspect: true },
      { row: 16, reason: expect.stringMatching(/^说明行：注：名册由被巡察单位组织人事科提供/), suspect: true },
    ])
    expect(result.problems).toEqual([])
  })

  it('reads the same from an ArrayBuffer', async () => {
    const bytes = readFileSync(FIXTURE)
    const copy = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength)
    const again = await parseRoster(copy)
    expect(again.rows).toEqual(result.rows)
  })
})
