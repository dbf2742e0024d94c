// Every fate a roster row can have in the import preview, on the messy roster fixture
// (test/fixtures/干部名册-杂乱.xlsx, written by make-messy-roster.mjs).
import { readFileSync } from 'node:fs'
import { beforeAll, describe, expect, it } from 'vitest'
import type { Cadre } from '../domain/types'
import { parseRoster } from './parse'
import { DIFFERENT, planRosterImport, resolveRosterPlan, type RosterPlan, type RowDecision } from './plan'
import type { RosterParseResult } from './types'

const FIXTURE = new URL('../../test/fixtures/干部名册-杂乱.xlsx', import.meta.url)
const CONTEXT = { today: '2026-12-03', roundDate: '2026-11-20' }

function cadre(id: string, name: string, birth: string, extra: Partial<Cadre> = {}): Cadre {
  return {
    id,
    roundId: 'r1',
    kind: 'cadre',
    createdAt: '2026-11-01T00:00:00Z',
    updatedAt: '2026-11-01T00:00:00Z',
    updatedBy: 'system',
    deviceId: 'd1',
    name,
    birth,
    gender: '',
    post: '',
    duties: '',
    inPostSince: '',
    department: '',
    notes: '',
    category: '一般干部',
    isTopLeader: false,
    isDisciplineChief: false,
    isLeadershipMember: false,
    isMidLevelHead: false,
    ...extra,
  }
}

/** Row number → fate, for the rows the test names. */
const fates = (plan: RosterPlan, decisions = new Map<number, RowDecision>(), registry: Cadre[] = []) =>
  Object.fromEntries(resolveRosterPlan(plan, decisions, registry).rows.map((r) => [r.sourceRow, r.fate]))

describe('planRosterImport on the messy roster', () => {
  let parsed: RosterParseResult
  let plan: RosterPlan
  beforeAll(async () => {
    parsed = await parseRoster(readFileSync(FIXTURE))
    plan = planRosterImport(parsed, [], CONTEXT)
  })

  it('lists every row under the header, blank and junk rows included', () => {
    expect(plan.rows.map((r) => r.sourceRow)).toEqual([3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15])
  })

  it('marks the repeated header, the blank rows, the footnote and the “x” row as 疑似非数据行, unticked', () => {
    const suspects = plan.rows.filter((r) => r.suspect)
    expect(suspects.map((r) => [r.sourceRow, r.ticked])).toEqual([
      [6, false],
      [8, false],
      [10, false],
      [14, false],
      [15, false],
    ])
    expect(plan.rows.find((r) => r.sourceRow === 8)!.reason).toBe('重复的表头行')
    expect(plan.rows.find((r) => r.sourceRow === 10)!.reason).toBe('姓名只有一个字符“x”')
    expect(plan.rows.find((r) => r.sourceRow === 15)!.reason).toMatch(/^说明行：注：本名册由组织人事科提供/)
    const f = fates(
      plan,
      new Map([
        [3, { ticked: true }],
        [11, { ticked: true, choice: DIFFERENT }],
      ]),
    )
    expect([f[6], f[8], f[10], f[14], f[15]]).toEqual(['junk', 'junk', 'junk', 'junk', 'junk'])
  })

  it('keeps names with full-width spaces and rare characters, and every optional column', () => {
    const people = plan.rows.flatMap((r) => (r.person ? [r.person] : []))
    expect(people.map((p) => p.name)).toEqual(['张卫东', '林晓梅', '陈𠈌', '单雪峰', '许文杰', 'x', '张卫东', '王秀英', '李俊'])
    expect(people[2]).toMatchObject({
      ethnicity: '回族',
      politicalStatus: '中共党员',
      education: '大学本科',
      nativePlace: '福建漳州',
      department: '局领导',
    })
    expect(people[4]).toMatchObject({ ethnicity: '畲族', department: '办公室', birth: '1983-05' })
  })

  it('reads the mixed date formats: 1968.03, 1968年3月, an Excel date, 1968-03', () => {
    const birth = Object.fromEntries(plan.rows.flatMap((r) => (r.person ? [[r.sourceRow, r.person.birth]] : [])))
    expect([birth[3], birth[4], birth[5], birth[7]]).toEqual(['1968-03', '1975-11', '1972-07', '1979-02'])
  })

  it('refuses a 任现职时间 in the future and a birth date under 18, cell by cell, keeping the row', () => {
    const shan = plan.rows.find((r) => r.sourceRow === 7)!
    expect(shan.person).toMatchObject({ name: '单雪峰', inPostSince: '', birth: '1979-02' })
    expect(shan.problems).toEqual(['第7行：任现职时间“2030年5月”晚于今天，不可能，该项未导入'])
    const wang = plan.rows.find((r) => r.sourceRow === 12)!
    expect(wang.person).toMatchObject({ birth: '', inPostSince: '2023-02' })
    expect(wang.problems).toEqual(['第12行：出生年月“2012年5月”表示巡察时未满18岁，不可能，该项未导入'])
    expect(fates(plan, new Map([[11, { ticked: true, choice: DIFFERENT }]]))[12]).toBe('new')
  })

  it('refuses a birth date that makes the person over 80', () => {
    const old = planRosterImport({ ...parsed, rows: [{ ...parsed.rows[0]!, birth: '1940-01' }], problems: [], skipped: [] }, [], CONTEXT)
    expect(old.rows[0]!.problems).toEqual(['第3行：出生年月“1940年1月”表示巡察时已超过80岁，不可能，该项未导入'])
  })

  it('flags a name twice in the file and waits for a choice', () => {
    const second = plan.rows.find((r) => r.sourceRow === 11)!
    expect(second.options!.map((o) => o.label)).toEqual(['与第3行同一人（本行不导入）', '不同人（新增）'])
    expect(plan.rows.find((r) => r.sourceRow === 3)!.notes).toEqual(['文件中第11行同名'])
    const pending = resolveRosterPlan(plan, new Map(), [])
    expect(pending.rows.find((r) => r.sourceRow === 11)).toMatchObject({ fate: 'choose' })
    expect(pending.counts.choose).toBe(1)
    expect(fates(plan, new Map([[11, { ticked: true, choice: 'row:3' }]]))[11]).toBe('skip')
    expect(fates(plan, new Map([[11, { ticked: true, choice: DIFFERENT }]]))[11]).toBe('new')
  })

  it('imports into an empty registry: 7 new people, nothing else written', () => {
    const resolved = resolveRosterPlan(plan, new Map([[11, { ticked: true, choice: 'row:3' }]]), [])
    expect(resolved.counts).toEqual({ new: 7, update: 0, unchanged: 0, skip: 1, junk: 5, choose: 0 })
    expect(resolved.writes.map((w) => w.name)).toEqual(['张卫东', '林晓梅', '陈𠈌', '单雪峰', '许文杰', '王秀英', '李俊'])
  })

  it('an unticked person row is 跳过 and not written', () => {
    const resolved = resolveRosterPlan(
      plan,
      new Map([
        [4, { ticked: false }],
        [11, { ticked: true, choice: 'row:3' }],
      ]),
      [],
    )
    expect(resolved.rows.find((r) => r.sourceRow === 4)).toMatchObject({ fate: 'skip', reason: '未勾选' })
    expect(resolved.writes.map((w) => w.name)).not.toContain('林晓梅')
  })
})

describe('planRosterImport against the registry', () => {
  let parsed: RosterParseResult
  beforeAll(async () => {
    parsed = await parseRoster(readFileSync(FIXTURE))
  })
  const decisions = new Map<number, RowDecision>([[11, { ticked: true, choice: 'row:3' }]])

  it('re-importing the same file reports 无变化 for everyone and writes nothing', () => {
    const first = resolveRosterPlan(planRosterImport(parsed, [], CONTEXT), decisions, [])
    const registry = first.writes.map((w, i) => cadre(`c${i}`, w.name, w.birth, w))
    const again = planRosterImport(parsed, registry, CONTEXT)
    const resolved = resolveRosterPlan(again, decisions, registry)
    expect(resolved.counts).toMatchObject({ new: 0, update: 0, unchanged: 7 })
    expect(resolved.writes).toEqual([])
  })

  it('更新 lists exactly the changed fields, and an empty cell never clears a registered value', () => {
    const registry = [
      cadre('c1', '许文杰', '1983-05', {
        post: '办公室副主任',
        ethnicity: '汉族',
        nativePlace: '福建龙岩',
        notes: '手工登记',
        inPostSince: '2018-01',
      }),
    ]
    const plan = planRosterImport(parsed, registry, CONTEXT)
    expect(plan.rows.find((r) => r.sourceRow === 9)!.match?.id).toBe('c1')
    const row = resolveRosterPlan(plan, decisions, registry).rows.find((r) => r.sourceRow === 9)!
    expect(row.fate).toBe('update')
    expect(row.changes).toEqual(['性别', '职务', '任现职时间', '所在部门', '政治面貌', '民族', '学历', '对象类别', '中层正职'])
    expect(row.write).toMatchObject({ id: 'c1', notes: '手工登记', post: '办公室主任', ethnicity: '畲族' })
  })

  it('a registered cadre of the same name but another birth date needs a choice: 同一人 updates, 不同人 adds', () => {
    const registry = [cadre('c1', '李俊', '1991-02', { post: '科员' })]
    const plan = planRosterImport(parsed, registry, CONTEXT)
    const li = plan.rows.find((r) => r.sourceRow === 13)!
    expect(li.match).toBeUndefined()
    expect(li.options!.map((o) => o.value)).toEqual(['c1', DIFFERENT])
    expect(li.options![0]!.label).toBe('同一人：名册中的李俊，1991年2月，科员（更新）')
    const choose = (choice: string) =>
      resolveRosterPlan(plan, new Map([...decisions, [13, { ticked: true, choice }]]), registry).rows.find((r) => r.sourceRow === 13)!
    expect(resolveRosterPlan(plan, decisions, registry).rows.find((r) => r.sourceRow === 13)!.fate).toBe('choose')
    expect(choose('c1')).toMatchObject({ fate: 'update', write: { id: 'c1', birth: '1990-01' } })
    expect(choose(DIFFERENT)).toMatchObject({ fate: 'new' })
  })

  it('a row matching a deleted cadre is not brought back unless ticked', () => {
    const registry = [cadre('c1', '王秀英', '', { deleted: true })]
    const plan = planRosterImport(parsed, registry, CONTEXT)
    const wang = plan.rows.find((r) => r.sourceRow === 12)!
    expect(wang.ticked).toBe(false)
    expect(wang.notes).toEqual(['名册中曾删除同名干部（王秀英，无出生年月），默认不导入；勾选则重新登记'])
    expect(fates(plan, decisions, registry)[12]).toBe('skip')
    expect(fates(plan, new Map([...decisions, [12, { ticked: true }]]), registry)[12]).toBe('new')
  })

  it('two rows cannot both update the same cadre', () => {
    const registry = [cadre('c1', '张卫东', '1968-03')]
    const plan = planRosterImport(parsed, registry, CONTEXT)
    expect(plan.rows.find((r) => r.sourceRow === 3)!.match?.id).toBe('c1')
    // Row 11 is offered row 3 and “different”: the registry cadre is already row 3's.
    expect(plan.rows.find((r) => r.sourceRow === 11)!.options!.map((o) => o.value)).toEqual(['row:3', DIFFERENT])
  })

  it('a row without a name is 跳过 with the reason', async () => {
    const withGap = {
      ...parsed,
      problems: [{ row: 20, message: '第20行：缺少姓名，该行未导入', field: 'name' as const, rowImported: false }],
    }
    const row = resolveRosterPlan(planRosterImport(withGap, [], CONTEXT), decisions, []).rows.find((r) => r.sourceRow === 20)!
    expect(row).toMatchObject({ fate: 'skip', reason: '缺少姓名，该行未导入' })
  })
})
