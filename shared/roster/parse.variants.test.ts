// Rosters in the other shapes personnel offices send, built in memory.
import { describe, expect, it } from 'vitest'
import { RosterImportError } from './errors'
import { parseRoster } from './parse'
import { xlsx } from './test-helpers'

const people = (rows: { name: string }[]) => rows.map((r) => r.name)

describe('header detection', () => {
  it('maps reordered, renamed columns with no title row', async () => {
    const bytes = await xlsx({
      rows: [
        ['所在部门', '现任职务', '姓 名', '工作分工', '任职时间', '出生日期', '性别', '干部类别'],
        ['局机关', '副局长', '林晓梅', '分管财务', '2020.09', '1975.11', '女', ''],
        ['办公室', '科员', '张伟', '', '2019年3月', '1992年03月', '男', ''],
      ],
    })
    const result = await parseRoster(bytes)
    expect(result.headerRow).toBe(1)
    expect(result.columns.map((c) => c.field)).toEqual([
      'department',
      'post',
      'name',
      'duties',
      'inPostSince',
      'birth',
      'gender',
      'category',
    ])
    expect(result.rows.map((r) => [r.name, r.post, r.duties, r.inPostSince, r.birth, r.gender, r.department, r.category])).toEqual([
      ['林晓梅', '副局长', '分管财务', '2020-09', '1975-11', '女', '局机关', '班子成员'],
      ['张伟', '科员', '', '2019-03', '1992-03', '男', '办公室', '一般干部'],
    ])
    expect(result.problems).toEqual([])
  })

  it('understands full-width spaces, line breaks and bracketed hints in header cells', async () => {
    const bytes = await xlsx({
      rows: [
        ['某某局干部花名册'],
        ['填报单位：某某局', undefined, undefined, '填报日期：2026年10月'],
        ['序　号', '姓\n名', '出生年月\n（年.月）', '职务（岗位）', '任现职务时间', '分管范围', '处　室', '备　注'],
        [1, '陈建国', '1968.03', '党组书记、局长', '2019.06', '主持全面工作', '', ''],
      ],
      merges: ['A1:H1'],
    })
    const result = await parseRoster(bytes)
    expect(result.headerRow).toBe(3)
    expect(result.columns.filter((c) => c.field).map((c) => [c.letter, c.field])).toEqual([
      ['B', 'name'],
      ['C', 'birth'],
      ['D', 'post'],
      ['E', 'inPostSince'],
      ['F', 'duties'],
      ['G', 'department'],
      ['H', 'notes'],
    ])
    expect(result.rows).toHaveLength(1)
    expect(result.rows[0]).toMatchObject({ name: '陈建国', birth: '1968-03', inPostSince: '2019-06', isTopLeader: true })
  })

  it('reads sub-headers of a two-row header', async () => {
    const bytes = await xlsx({
      rows: [
        ['姓名', '出生年月', '任职情况', undefined],
        [undefined, undefined, '职务', '任现职时间'],
        ['陈建国', '1968.03', '党组书记、局长', '2019.06'],
      ],
      merges: ['A1:A2', 'B1:B2', 'C1:D1'],
    })
    const result = await parseRoster(bytes)
    expect(result.headerRow).toBe(1)
    expect(result.rows.map((r) => [r.name, r.post, r.inPostSince])).toEqual([['陈建国', '党组书记、局长', '2019-06']])
    expect(result.skipped).toEqual([{ row: 2, reason: '表头（第二行）' }])
    expect(result.problems).toEqual([])
  })

  it('refuses a workbook with no 姓名 column in the first ten rows', async () => {
    const bytes = await xlsx({
      rows: [['会议室安排'], ['日期', '时段', '地点'], ['2026-11-21', '上午', '三楼会议室']],
    })
    const error = await parseRoster(bytes).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(RosterImportError)
    expect((error as RosterImportError).code).toBe('no-header')
    expect((error as Error).message).toMatch(/^未找到表头：需要包含“姓名”列/)
  })

  it('does not look for the header below row 10', async () => {
    const rows: (string | undefined)[][] = Array.from({ length: 10 }, (_, i) => [`说明第${i + 1}行`])
    rows.push(['姓名', '职务'], ['陈建国', '局长'])
    await expect(parseRoster(await xlsx({ rows }))).rejects.toThrow(/未找到表头/)
  })

  it('uses the sheet that has the roster when the first one does not', async () => {
    const bytes = await xlsx(
      { name: '说明', rows: [['本表由组织人事科填报']] },
      {
        name: '名册',
        rows: [
          ['姓名', '职务'],
          ['陈建国', '党组书记'],
        ],
      },
    )
    const result = await parseRoster(bytes)
    expect(result.sheetName).toBe('名册')
    expect(people(result.rows)).toEqual(['陈建国'])
  })
})

describe('cell values', () => {
  it('reads real Excel date cells, serial numbers and numeric 1968.03', async () => {
    const bytes = await xlsx({
      rows: [
        ['姓名', '出生年月', '任现职时间'],
        ['甲一', new Date(Date.UTC(1968, 2, 1)), new Date(Date.UTC(2019, 5, 15))],
        // Local midnight written by a JavaScript tool in China: 16:00 UTC on the day before.
        ['甲二', new Date(Date.UTC(1975, 10, 30, 16)), new Date(Date.UTC(2021, 2, 31, 16))],
        ['甲三', 25_263, 43_466], // serials without a date format: 1969-03-01, 2019-01-01
        ['甲四', 1968.03, 2019.12],
        ['甲五', 196_803, 20_190_315],
      ],
      setup(sheet) {
        sheet.getCell('B2').numFmt = 'yyyy"年"m"月"'
      },
    })
    const result = await parseRoster(bytes)
    expect(result.rows.map((r) => [r.name, r.birth, r.inPostSince])).toEqual([
      ['甲一', '1968-03', '2019-06'],
      ['甲二', '1975-12', '2021-04'],
      ['甲三', '1969-03', '2019-01'],
      ['甲四', '1968-03', '2019-12'],
      ['甲五', '1968-03', '2019-03'],
    ])
    expect(result.problems).toEqual([])
  })

  it('flags numeric 1968.1 as possibly October, unless the format shows 1968.10', async () => {
    const bytes = await xlsx({
      rows: [
        ['姓名', '出生年月'],
        ['乙一', 1968.1],
        ['乙二', 1968.1],
        ['乙三', '1968.1'],
      ],
      setup(sheet) {
        sheet.getCell('B3').numFmt = '0.00'
      },
    })
    const result = await parseRoster(bytes)
    expect(result.rows.map((r) => [r.name, r.birth])).toEqual([
      ['乙一', '1968-10'],
      ['乙二', '1968-10'],
      ['乙三', '1968-01'],
    ])
    expect(result.problems.map((p) => p.message)).toEqual([
      '第2行：出生年月“1968.1”可能是1968年1月，也可能是1968年10月（Excel 会把 1968.10 存成 1968.1），已按10月导入，请核对',
    ])
  })

  it('tidies stray and full-width spaces, rich text, formulas and hyperlinks', async () => {
    const bytes = await xlsx({
      rows: [
        ['姓名', '性别', '职务', '所在部门', '分工', '备注'],
        ['张  三', ' 男 ', '  财务科科长 ', '财务科', '  负责预算\n\n  负责决算  ', ''],
        ['李\u3000四', '女性', '党组成员\n副局长', { text: '办公室', hyperlink: 'https://example.org' }, '', ''],
        [
          { richText: [{ text: '王' }, { text: ' 五', font: { bold: true } }] },
          '男',
          { formula: '"一级主任"&"科员"', result: '一级主任科员' },
          '',
          '',
          '借调',
        ],
        ['阿依古丽・买买提', '女', '科员', '', '', ''],
      ],
    })
    const result = await parseRoster(bytes)
    expect(result.rows.map((r) => [r.name, r.gender, r.post, r.department, r.duties, r.notes])).toEqual([
      ['张三', '男', '财务科科长', '财务科', '负责预算\n负责决算', ''],
      ['李四', '女', '党组成员、副局长', '办公室', '', ''],
      ['王五', '男', '一级主任科员', '', '', '借调'],
      ['阿依古丽·买买提', '女', '科员', '', '', ''],
    ])
    expect(result.rows.map((r) => r.category)).toEqual(['中层正职', '班子成员', '一般干部', '一般干部'])
  })

  it('takes a valid 对象类别 column over the post, and reports one it cannot read', async () => {
    const bytes = await xlsx({
      rows: [
        ['姓名', '职务', '对象类别'],
        ['陈建国', '局长', '一把手'],
        ['林晓梅', '副局长', ''],
        ['许文杰', '办公室主任（主持工作）', '中层副职'],
        ['蔡雅琴', '财务科科长', '科级'],
      ],
    })
    const result = await parseRoster(bytes)
    expect(result.rows.map((r) => [r.name, r.category, r.isTopLeader, r.isLeadershipMember, r.isMidLevelHead])).toEqual([
      ['陈建国', '一把手', true, true, false],
      ['林晓梅', '班子成员', false, true, false],
      ['许文杰', '中层副职', false, false, false],
      ['蔡雅琴', '中层正职', false, false, true],
    ])
    expect(result.problems).toEqual([
      { row: 5, field: 'category', rowImported: true, message: '第5行：对象类别“科级”无法识别，已按职务推断' },
    ])
  })

  it('keeps a single 一把手 and says so when a second post looks like one', async () => {
    const bytes = await xlsx({
      rows: [
        ['姓名', '职务'],
        ['陈建国', '党组书记、局长'],
        ['周海', '党委书记'],
      ],
    })
    const result = await parseRoster(bytes)
    expect(result.rows.map((r) => [r.name, r.category, r.isTopLeader, r.isLeadershipMember])).toEqual([
      ['陈建国', '一把手', true, true],
      ['周海', '班子成员', false, true],
    ])
    expect(result.problems.map((p) => p.message)).toEqual([
      '第3行：职务“党委书记”也像一把手，但已将第2行陈建国认定为一把手，本行按班子成员导入，请核对',
    ])
  })
})

describe('rows that are not people, and rows with problems', () => {
  const bytes = xlsx({
    rows: [
      ['某某局干部名册'],
      ['序号', '姓名', '性别', '出生年月', '职务', '任现职时间'],
      [1, '陈建国', '男', '1968.03', '党组书记、局长', '2019.06'], // 3
      [], // 4 blank in the middle
      ['一、中层干部'], // 5 section heading
      [2, '许文杰', '男', '1983.05', '办公室主任', '2022.01'], // 6
      [3, '蔡雅琴', '女', '1968.13', '财务科科长', '2020.05'], // 7 impossible month
      [4, '杨永福', '男', '1850.03', '项目建设科科长', '2016年2月30日'], // 8 year out of range, no 30 Feb
      [5, '', '男', '1981.04', '人事科科长', '2019.11'], // 9 no name
      [6, '许 文杰', '男', '1983-05', '办公室副主任', '2023.06'], // 10 same person as row 6
      [7, '李俊', '未知', '1990', '科员', '近期'], // 11 bad gender, year only, unreadable
      [8], // 12 numbered template row
      ['姓名', '姓名'], // 13 header repeated on a printed page break
      [], // 14
      ['注：信息截至2026年10月。'], // 15
      ['填表人：王芳', undefined, undefined, '联系电话：0592-1234567'], // 16
      [], // 17 trailing blank rows are not reported
      [],
    ],
    merges: ['A1:F1', 'A5:F5'],
    setup(sheet) {
      sheet.getCell('A18').value = null
      sheet.getRow(18).height = 20
    },
  })

  it('imports the real people, with bad fields left empty', async () => {
    const result = await parseRoster(await bytes)
    expect(result.headerRow).toBe(2)
    expect(result.rows.map((r) => [r.sourceRow, r.name, r.gender, r.birth, r.inPostSince])).toEqual([
      [3, '陈建国', '男', '1968-03', '2019-06'],
      [6, '许文杰', '男', '1983-05', '2022-01'],
      [7, '蔡雅琴', '女', '', '2020-05'],
      [8, '杨永福', '男', '', ''],
      // A second 许文杰 stays in: the import preview flags it and asks (shared/roster/plan.ts).
      [10, '许文杰', '男', '1983-05', '2023-06'],
      [11, '李俊', '', '', ''],
    ])
  })

  it('reports each problem with its row number', async () => {
    const result = await parseRoster(await bytes)
    expect(result.problems.map((p) => [p.message, p.rowImported])).toEqual([
      ['第7行：出生年月“1968.13”不是有效日期（月份应在1–12之间），该项已留空', true],
      ['第8行：出生年月“1850.03”不是有效日期（年份应在1900–2100之间），该项已留空', true],
      ['第8行：任现职时间“2016年2月30日”不是有效日期（2016年2月没有30日），该项已留空', true],
      ['第9行：缺少姓名，该行未导入', false],
      ['第11行：性别“未知”无法识别，该项已留空', true],
      ['第11行：出生年月“1990”只有年份，缺少月份，该项已留空', true],
      ['第11行：任现职时间“近期”不是有效日期，该项已留空', true],
    ])
  })

  it('lists the skipped rows with the reason', async () => {
    const result = await parseRoster(await bytes)
    expect(result.skipped).toEqual([
      { row: 4, reason: '空行', suspect: true },
      { row: 5, reason: '分组标题行：一、中层干部' },
      { row: 12, reason: '空行（只有序号）', suspect: true },
      { row: 13, reason: '重复的表头行', suspect: true },
      { row: 14, reason: '空行', suspect: true },
      { row: 15, reason: '说明行：注：信息截至2026年10月。', suspect: true },
      { row: 16, reason: '说明行：填表人：王芳', suspect: true },
    ])
  })
})

describe('files that are not rosters', () => {
  it('refuses bytes that are not an xlsx file', async () => {
    const text = new TextEncoder().encode('姓名,职务\n陈建国,局长\n')
    await expect(parseRoster(text)).rejects.toMatchObject({ name: 'RosterImportError', code: 'not-xlsx' })
    await expect(parseRoster(text)).rejects.toThrow(/^文件不是有效的 Excel（\.xlsx）文件/)
  })

  it('refuses a damaged zip', async () => {
    const good = await xlsx({ rows: [['姓名'], ['陈建国']] })
    const damaged = good.slice(0, 200)
    await expect(parseRoster(damaged)).rejects.toThrow(/^文件不是有效的 Excel（\.xlsx）文件/)
  })

  it('explains old .xls files', async () => {
    const ole = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0])
    await expect(parseRoster(ole)).rejects.toThrow(/旧版 Excel（\.xls）文件.*另存为” \.xlsx/)
  })

  it('refuses an empty file', async () => {
    await expect(parseRoster(new Uint8Array())).rejects.toThrow('文件是空的')
  })
})

describe('duplicates and merged rows', () => {
  it('keeps every row of a repeated name, for the preview to ask about', async () => {
    const bytes = await xlsx({
      rows: [
        ['姓名', '出生年月', '职务', '任现职时间'],
        ['张伟', '', '科员', ''],
        ['张伟', '1985.06', '科员', ''],
        ['张 伟', '', '副科长', '2030.13'],
        ['张伟', '1985-06', '科员', ''],
      ],
    })
    const result = await parseRoster(bytes)
    expect(result.rows.map((r) => [r.sourceRow, r.name, r.birth, r.post])).toEqual([
      [2, '张伟', '', '科员'],
      [3, '张伟', '1985-06', '科员'],
      [4, '张伟', '', '副科长'],
      [5, '张伟', '1985-06', '科员'],
    ])
    expect(result.problems.map((p) => p.message)).toEqual(['第4行：任现职时间“2030.13”不是有效日期（月份应在1–12之间），该项已留空'])
  })

  it('joins a person whose cells are merged over two rows', async () => {
    const bytes = await xlsx({
      rows: [
        ['姓名', '职务', '分工'],
        ['林晓梅', '党组成员、副局长', '分管财务'],
        [undefined, undefined, '联系机关后勤'],
        ['许文杰', '办公室主任', ''],
      ],
      merges: ['A2:A3', 'B2:B3'],
    })
    const result = await parseRoster(bytes)
    expect(result.rows.map((r) => [r.name, r.post, r.duties])).toEqual([
      ['林晓梅', '党组成员、副局长', '分管财务\n联系机关后勤'],
      ['许文杰', '办公室主任', ''],
    ])
    expect(result.skipped).toEqual([{ row: 3, reason: '与上一行合并（姓名单元格合并）' }])
    expect(result.problems).toEqual([])
  })

  it('reads the sheet the user names', async () => {
    const bytes = await xlsx(
      {
        name: '班子',
        rows: [
          ['姓名', '职务'],
          ['陈建国', '党组书记'],
        ],
      },
      {
        name: '中层',
        rows: [
          ['姓名', '职务'],
          ['许文杰', '办公室主任'],
        ],
      },
    )
    expect(people((await parseRoster(bytes, { sheetName: '中层' })).rows)).toEqual(['许文杰'])
    await expect(parseRoster(bytes, { sheetName: '退休' })).rejects.toThrow('文件中没有名为“退休”的工作表')
  })
})
