import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import { buildSampleRound } from '../sample'
import type { Cadre, Report, RoundScoped, SurveyResults } from '../domain/types'
import { headingPrefixes } from '../export/numbering'
import { checkSurvey, parseSurveyXlsx, SurveyImportError, cadreSurveyPhrase } from '../surveys/surveys'
import { generateDraft, isSigned, openingText } from './draft'
import { keepMine, regenerate, takePending } from './merge'
import { sectionNumbers, traceability } from './outline'
import { compareVersions, newReport, statusDenial, withVersion } from './report'
import { checkTemplate, DEFAULT_TEMPLATES } from './templates'

const snap = buildSampleRound()
const cadres = snap.tables.people.filter((p): p is Cadre => p.kind === 'cadre')
let n = 0
const ids = () => `id-${++n}`
const meta = { id: 'r1', createdAt: '', updatedAt: '', updatedBy: '', deviceId: '' } satisfies Omit<RoundScoped, 'roundId'>
function newReportWith(kind: Report['kind'], s = snap) {
  return { ...meta, ...newReport(s.round.id, generateDraft(kind, DEFAULT_TEMPLATES[kind], s), 'T', ids) } as Report
}

describe('heading numbering', () => {
  it('numbers by level and restarts lower levels under a higher heading', () => {
    expect(headingPrefixes([1, 2, 2, 3, 3, 4, 2, 1, 2, 3])).toEqual([
      '一、',
      '（一）',
      '（二）',
      '1.',
      '2.',
      '（1）',
      '（三）',
      '二、',
      '（一）',
      '1.',
    ])
    expect(headingPrefixes(Array(12).fill(1)).at(-1)).toBe('十二、')
  })
  it('leaves level-0 sections (the opening) unnumbered', () => {
    expect(sectionNumbers([{ level: 0 }, { level: 1 }, { level: 2 }, { level: 1 }])).toEqual(['', '一、', '（一）', '二、'])
  })
})

describe('draft generation from the sample round', () => {
  it('opens with the counts from the records', () => {
    const talks = snap.tables.interviews.filter((i) => i.status === '已谈' && !i.deleted).length
    const text = openingText(snap)
    expect(text).toContain(`个别谈话${talks}人次`)
    expect(text).toContain(`受理信访${snap.tables.petitions.length}件`)
    expect(text).toContain(`调阅资料${snap.tables.documents.length}份`)
    expect(text).toContain('2026年10月19日')
  })
  it('groups signed 底稿 under the framework; unsigned ones and clue-bound ones stay out', () => {
    const gen = generateDraft('巡察报告', DEFAULT_TEMPLATES.巡察报告, snap)
    expect(gen.title).toBe('关于对区农业农村局党委巡察情况的报告')
    const groups = gen.sections.filter((s) => s.key.startsWith('problems/'))
    expect(groups.length).toBeGreaterThan(1)
    const cited = groups.flatMap((g) => g.paragraphs.flatMap((p) => p.paperIds))
    const signed = snap.tables.workingPapers.filter((p) => isSigned(p) && p.disposition !== '转为线索')
    expect(new Set(cited)).toEqual(new Set(signed.map((p) => p.id)))
    expect(snap.tables.workingPapers.some((p) => !isSigned(p))).toBe(true)
    // Groups follow the framework order and carry its root titles.
    const roots = snap.round.framework.nodes.map((n) => `${n.title}方面`)
    const order = groups.map((g) => roots.indexOf(g.heading))
    expect(order.every((x) => x >= 0)).toBe(true)
    expect([...order].sort()).toEqual(order)
    const clues = gen.sections.find((s) => s.key === 'clues')!.paragraphs[0]!.text
    expect(clues).toContain(`共发现问题线索${snap.tables.clues.filter((c) => c.status !== '已撤回').length}件`)
  })
  it('filters evidence by person for the 一把手 paper', () => {
    const top = cadres.find((c) => c.isTopLeader)!
    const gen = generateDraft('“一把手”情况反映', DEFAULT_TEMPLATES['“一把手”情况反映'], snap)
    expect(gen.title).toContain(top.name)
    expect(gen.sections.find((s) => s.key === 'person-basic')!.paragraphs[0]!.text).toContain(top.post)
    const problems = gen.sections.find((s) => s.key === 'person-problems')!.paragraphs
    for (const p of problems.filter((x) => x.paperIds.length))
      expect(snap.tables.workingPapers.find((w) => w.id === p.paperIds[0])!.personIds).toContain(top.id)
    const evaluation = gen.sections.find((s) => s.key === 'person-evaluation')!.paragraphs
    // What he said himself goes to the sections of its topic, never to others' 评价 of him.
    expect(evaluation.some((p) => p.text.includes('本人'))).toBe(false)
    const power = gen.sections.find((s) => s.key === 'power')!.paragraphs.map((p) => p.text)
    expect(power.some((t) => t.startsWith('本人在谈话中承认'))).toBe(true)
    // "主要负责人" is a title, not his name: points using it are not credited to him.
    const all = gen.sections.flatMap((s) => s.paragraphs)
    expect(all.filter((p) => p.slot.startsWith('mention:')).every((p) => p.text.includes(top.name))).toBe(true)
  })
  it('builds the member table of the 领导班子情况汇总 with one row per member', () => {
    const gen = generateDraft('领导班子情况汇总', DEFAULT_TEMPLATES.领导班子情况汇总, snap)
    const table = gen.sections.find((s) => s.key === 'team-members')!.table!
    const members = cadres.filter((c) => c.isLeadershipMember || c.isTopLeader)
    expect(new Set(table.rows.map((r) => r[0]))).toEqual(new Set(members.map((m) => m.name)))
    expect(table.rows[0]![0]).toBe(members.find((m) => m.isTopLeader)!.name)
    expect(table.rows.every((r) => r[3] === '未测评')).toBe(true)
    expect(table.rows.map((r) => r[2]).every((d) => /^\d{4}年\d{1,2}月$/.test(d ?? ''))).toBe(true)
  })
  it('quotes 测评 figures once they are entered', () => {
    const top = cadres.find((c) => c.isTopLeader)!
    const surveys: SurveyResults = {
      scale: ['好', '较好', '一般', '差'],
      ballots: { handedOut: 60, returned: 58 },
      cadres: [{ cadreId: top.id, name: top.name, post: top.post, counts: [30, 20, 6, 2] }],
      questionnaire: { handedOut: 0, returned: 0, questions: [] },
    }
    const s = { ...snap, round: { ...snap.round, surveys } }
    expect(cadreSurveyPhrase(surveys, top.id)).toContain('率86.2%')
    const gen = generateDraft('“一把手”情况反映', DEFAULT_TEMPLATES['“一把手”情况反映'], s)
    expect(gen.sections.find((x) => x.key === 'person-evaluation')!.paragraphs[0]!.text).toContain('“好”30票')
    expect(openingText(s)).toContain('收回测评票58份')
  })
})

describe('regeneration keeps what the user wrote', () => {
  it('updates unedited text, parks new text for edited paragraphs, keeps hand-written ones', () => {
    const report = newReportWith('巡察报告')
    const opening = report.sections[0]!.paragraphs[0]!
    const problem = report.sections.find((s) => s.key?.startsWith('problems/'))!
    const edited = problem.paragraphs[0]!
    edited.text = '我改写的问题表述。'
    problem.paragraphs.push({ id: 'hand', text: '手写的补充段落。', paperIds: [] })
    // The data changes: one more petition, and the edited paragraph's 底稿 is reworded.
    const paperId = edited.paperIds[0]!
    const changed = structuredClone(snap)
    changed.tables.petitions.push({ ...changed.tables.petitions[0]!, id: 'new-petition' })
    changed.tables.workingPapers.find((p) => p.id === paperId)!.summary = '新的概括句'
    const { sections, changes } = regenerate(report, generateDraft('巡察报告', DEFAULT_TEMPLATES.巡察报告, changed), ids)
    const after = (id: string) => sections.flatMap((s) => s.paragraphs).find((p) => p.id === id)!
    expect(after(opening.id).text).toContain(`受理信访${snap.tables.petitions.length + 1}件`)
    expect(after(edited.id).text).toBe('我改写的问题表述。')
    expect(after(edited.id).pendingText).toMatch(/^1\.新的概括句。/)
    expect(after('hand').text).toBe('手写的补充段落。')
    expect(changes.map((c) => c.kind).sort()).toEqual(['已更新', '待确认'])
    expect(takePending(after(edited.id)).text).toMatch(/^1\.新的概括句。/)
    const kept = keepMine(after(edited.id))
    expect(kept.text).toBe('我改写的问题表述。')
    // Kept: the next regeneration with the same data asks nothing.
    const again = regenerate(
      { ...report, sections: sections.map((s) => ({ ...s, paragraphs: s.paragraphs.map((p) => (p.id === edited.id ? kept : p)) })) },
      generateDraft('巡察报告', DEFAULT_TEMPLATES.巡察报告, changed),
      ids,
    )
    expect(again.changes).toEqual([])
  })
  it('keeps an edited paragraph whose 底稿 lost its sign-off, and drops an unedited one', () => {
    const report = newReportWith('巡察报告')
    const problems = report.sections.filter((s) => s.key?.startsWith('problems/')).flatMap((s) => s.paragraphs)
    const [a, b] = problems
    a!.text = '用户改过的。'
    const changed = structuredClone(snap)
    for (const id of [a!.paperIds[0], b!.paperIds[0]]) changed.tables.workingPapers.find((p) => p.id === id)!.signoffs = []
    const { sections, changes } = regenerate(report, generateDraft('巡察报告', DEFAULT_TEMPLATES.巡察报告, changed), ids)
    const all = sections.flatMap((s) => s.paragraphs.map((p) => p.id))
    expect(all).toContain(a!.id)
    expect(all).not.toContain(b!.id)
    expect(changes.find((c) => c.paragraphId === a!.id)!.kind).toBe('数据已不支持')
  })
  it("keeps what was written in the old table's hand columns, in the member's own section", () => {
    const report = newReportWith('领导班子情况汇总')
    const table = report.sections.find((s) => s.key === 'team-members')!.table!
    // A report drafted with the earlier ten-column table, 优点 written by hand.
    table.columns = ['姓名', '职务', '分工', '任现职时间', '测评结果', '优点', '问题', '涉及线索', '综合评价', '建议']
    table.rows = table.rows.map((r) => [r[0]!, r[1]!, '', '', '未测评', r === table.rows[0] ? '政治站位高' : '', '无', '无', '', ''])
    const first = table.rows[0]![0]!
    const { sections } = regenerate(report, generateDraft('领导班子情况汇总', DEFAULT_TEMPLATES.领导班子情况汇总, snap), ids)
    const own = sections.find((s) => s.key?.startsWith('member/') && s.heading.startsWith(`${first}同志`))!
    expect(own.paragraphs.map((p) => p.text)).toContain('优点：政治站位高')
    expect(sections.find((s) => s.key === 'team-members')!.table!.columns).not.toContain('优点')
  })
})

describe('traceability check', () => {
  it('lists paragraphs with no support, empty sections and signed 底稿 used nowhere', () => {
    const report = newReportWith('巡察报告')
    const r0 = traceability(report, [report], snap.tables.workingPapers)
    expect(r0.unsupported).toEqual([])
    expect(r0.unusedPapers).toEqual([])
    expect(r0.empty.map((e) => e.heading)).toContain('意见建议')
    const group = report.sections.find((s) => s.key?.startsWith('problems/'))!
    const dropped = group.paragraphs.shift()!
    group.paragraphs.push({ id: 'x', text: '没有依据的判断。', paperIds: [] })
    const r1 = traceability(report, [report], snap.tables.workingPapers)
    expect(r1.unsupported.map((u) => u.paragraphId)).toEqual(['x'])
    expect(r1.unusedPapers.map((p) => p.id)).toEqual(dropped.paperIds)
    const unsigned = snap.tables.workingPapers.find((p) => !isSigned(p))!
    group.paragraphs[0]!.paperIds.push(unsigned.id)
    expect(traceability(report, [report], snap.tables.workingPapers).badCitations[0]!.text).toContain('尚未完成组长审签')
  })
})

describe('templates, status and versions', () => {
  it('rejects a template without title or with duplicate keys', () => {
    expect(checkTemplate(DEFAULT_TEMPLATES.巡察报告)).toEqual([])
    expect(checkTemplate({ title: '', sections: [] })).toHaveLength(2)
    const dup = structuredClone(DEFAULT_TEMPLATES.巡察报告)
    dup.sections[1]!.key = 'opening'
    expect(checkTemplate(dup)).toContain('章节标识“opening”重复')
  })
  it('moves status one step forward only', () => {
    expect(statusDenial('起草', '组内审核')).toBe('')
    expect(statusDenial('起草', '定稿')).toContain('不能跳过')
    expect(statusDenial('报巡察办', '起草')).toBe('')
  })
  it('compares versions', () => {
    const r = newReportWith('巡察报告')
    const v = withVersion(r, 'u', 'T', '报巡察办前')
    const changed = structuredClone(v)
    changed.sections[0]!.paragraphs[0]!.text = '新的开头。'
    const diff = compareVersions(v.versions![0]!, changed)
    expect(diff.added).toEqual(['新的开头。'])
    expect(diff.removed).toHaveLength(1)
  })
})

describe('测评 import', () => {
  async function workbook(withOverview = true, votes = [30, 20, 5, 1]) {
    const wb = new ExcelJS.Workbook()
    const a = wb.addWorksheet('民主测评')
    a.addRow(['序号', '姓名', '职务', '好', '较好', '一般', '差'])
    a.addRow([1, cadres[0]!.name, '', ...votes])
    a.addRow([2, '名册外人员', '科员', 10, 10, 10, 10])
    const q = wb.addWorksheet('问卷')
    q.addRow(['题目', '选项', '人数'])
    q.addRow(['对本单位政治生态的总体评价', '好', 40])
    q.addRow(['', '较好', 12])
    if (withOverview) {
      const o = wb.addWorksheet('概况')
      o.addRow(['项目', '发放', '收回'])
      o.addRow(['民主测评', 60, 58])
      o.addRow(['问卷调查', 60, 55])
    }
    return new Uint8Array(await wb.xlsx.writeBuffer())
  }
  it('reads votes, questions and counts and matches cadres by name', async () => {
    const s = await parseSurveyXlsx(await workbook(), cadres)
    expect(s.scale).toEqual(['好', '较好', '一般', '差'])
    expect(s.cadres[0]).toMatchObject({ cadreId: cadres[0]!.id, counts: [30, 20, 5, 1], post: cadres[0]!.post })
    expect(s.questionnaire.questions[0]).toEqual({ text: '对本单位政治生态的总体评价', options: ['好', '较好'], counts: [40, 12] })
    expect(s.ballots).toEqual({ handedOut: 60, returned: 58 })
    const v = checkSurvey(s)
    expect(v.errors).toEqual([])
    expect(v.warnings.join()).toContain('名册外人员')
  })
  it('refuses a workbook without 概况 or a non-xlsx file, and bad counts', async () => {
    await expect(parseSurveyXlsx(await workbook(false), cadres)).rejects.toThrow('概况')
    await expect(parseSurveyXlsx(new TextEncoder().encode('姓名,好'), cadres)).rejects.toBeInstanceOf(SurveyImportError)
    const s = await parseSurveyXlsx(await workbook(), cadres)
    s.cadres[0]!.counts = [50, 20, 5, 1]
    expect(checkSurvey(s).errors.join()).toContain('多于收回的 58 份')
    // Votes above the ballots returned: the import refuses, naming the cadre.
    await expect(parseSurveyXlsx(await workbook(true, [50, 20, 5, 1]), cadres)).rejects.toThrow(
      `“${cadres[0]!.name}”共 76 票，多于收回的 58 份测评票`,
    )
  })
})
