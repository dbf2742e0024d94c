// The second fixture round, and what a 组长 checks in the four drafts made from it.
import { describe, expect, it } from 'vitest'
import type { Cadre, Report } from '../domain/types'
import { REPORT_KINDS } from '../domain/types'
import { checkReport } from '../reports/check'
import { clueCountText, generateDraft, isSigned, type GenReport } from '../reports/draft'
import { newReport } from '../reports/report'
import { DEFAULT_TEMPLATES } from '../reports/templates'
import { buildHousingRound, CLUE_MARKER, EXT_B_NAME, EXT_B_PAPERS, HOUSING_UNIT } from '.'

const snap = buildHousingRound()
const cadres = snap.tables.people.filter((p): p is Cadre => p.kind === 'cadre')
const person = (name: string) => cadres.find((c) => c.name === name)!
const drafts = Object.fromEntries(REPORT_KINDS.map((k) => [k, generateDraft(k, DEFAULT_TEMPLATES[k], snap)])) as Record<
  (typeof REPORT_KINDS)[number],
  GenReport
>
const texts = (g: GenReport) => g.sections.flatMap((s) => s.paragraphs.map((p) => p.text))
const section = (g: GenReport, key: string) => g.sections.find((s) => s.key === key)!
const memberSection = (g: GenReport, name: string) =>
  g.sections.find((s) => s.key.startsWith('member/') && s.heading.startsWith(`${name}同志`))!

describe('the second fixture round (市住建局)', () => {
  it('is unlike the sample and as hostile as the brief asks', () => {
    expect(snap.round.unitName).toBe(HOUSING_UNIT)
    expect(snap.tables.interviews.length).toBeGreaterThanOrEqual(100)
    expect(Math.max(...snap.tables.workingPapers.map((p) => p.facts.length))).toBeGreaterThanOrEqual(3000)
    const chen = person(EXT_B_NAME)
    expect([...chen.name].some((ch) => ch.codePointAt(0)! >= 0x20000)).toBe(true)
    expect(snap.tables.workingPapers.filter((p) => p.personIds.includes(chen.id) && p.disposition !== '转为线索')).toHaveLength(
      EXT_B_PAPERS,
    )
    const points = snap.tables.interviews.flatMap((i) => i.record?.points.map((p) => p.text) ?? [])
    for (const lead of ['=', '+', '-', '@']) expect(points.some((t) => t.startsWith(lead))).toBe(true)
    expect(points.some((t) => t.includes(','))).toBe(true)
    expect(snap.tables.documents.some((d) => d.title.includes('/') && d.title.includes(':'))).toBe(true)
  })
  it('is deterministic and scales to ten times', () => {
    expect(buildHousingRound()).toEqual(snap)
    const big = buildHousingRound({ scale: 10 })
    expect(big.tables.interviews.length).toBeGreaterThanOrEqual(1000)
    expect(big.tables.documents).toHaveLength(800)
    const chen = big.tables.people.find((p) => p.name === EXT_B_NAME)!
    expect(big.tables.workingPapers.filter((p) => p.personIds.includes(chen.id) && p.disposition !== '转为线索')).toHaveLength(
      10 * EXT_B_PAPERS,
    )
    const team = generateDraft('领导班子情况汇总', DEFAULT_TEMPLATES.领导班子情况汇总, big)
    const row = section(team, 'team-members').table!.rows.find((r) => r[0] === EXT_B_NAME)!
    const signed = big.tables.workingPapers.filter((p) => p.personIds.includes(chen.id) && isSigned(p) && p.disposition !== '转为线索')
    // The cell gives the count and where to read them; his section lists every one, numbered.
    expect(row[4]).toBe(`${signed.length}个（逐项见“${EXT_B_NAME}同志”一节）`)
    const own = team.sections.find((s) => s.heading.startsWith(`${EXT_B_NAME}同志`))!
    expect(
      own.paragraphs
        .filter((p) => p.paperIds.length)
        .map((p) => p.paperIds[0])
        .sort(),
    ).toEqual(signed.map((p) => p.id).sort())
  }, 120_000)
})

describe('the four drafts, as a 组长 checks them', () => {
  it('carry no clue material beyond counts, in any of the four', () => {
    const cluePapers = snap.tables.workingPapers.filter((p) => p.disposition === '转为线索')
    expect(cluePapers.length).toBe(3)
    for (const kind of REPORT_KINDS) {
      const all = [drafts[kind].title, ...texts(drafts[kind]), ...drafts[kind].sections.flatMap((s) => s.table?.rows.flat() ?? [])].join(
        '\n',
      )
      expect(all, kind).not.toContain(CLUE_MARKER)
      for (const p of cluePapers) expect(all, kind).not.toContain(p.title)
      const cited = drafts[kind].sections.flatMap((s) => s.paragraphs.flatMap((p) => p.paperIds))
      for (const p of cluePapers) expect(cited, kind).not.toContain(p.id)
    }
  })
  it('credit a point only to the person it names: no 王建国 for 王建, no "一把手" for 刘卫华', () => {
    const team = drafts.领导班子情况汇总
    expect(snap.tables.interviews.some((i) => i.record?.points.some((p) => p.text.includes('王建国')))).toBe(true)
    for (const t of memberSection(team, '王建').paragraphs.map((p) => p.text)) expect(t).not.toContain('王建国')
    const top = drafts['“一把手”情况反映']
    const mentions = top.sections.flatMap((s) => s.paragraphs).filter((p) => p.slot.startsWith('mention:'))
    expect(mentions.length).toBeGreaterThan(0)
    for (const m of mentions) expect(m.text).toContain('刘卫华')
    for (const t of texts(top)) expect(t).not.toMatch(/一把手抓党建|主要负责人对下属单位/)
    // The count is of the people who named him, not of every point that says "一把手".
    const namedHim = new Set(
      snap.tables.interviews.filter((i) => i.record?.points.some((p) => p.text.includes('刘卫华'))).map((i) => i.intervieweeId),
    )
    expect(
      section(top, 'person-evaluation')
        .paragraphs.map((p) => p.text)
        .join(),
    ).toContain(`${namedHim.size}名干部谈及刘卫华同志`)
    // 信访 about him: a count, no content.
    const about = snap.tables.petitions.filter((p) => p.subjectId === person('刘卫华').id)
    expect(about.length).toBeGreaterThan(0)
    expect(section(top, 'person-evaluation').paragraphs.map((p) => p.text)).toContain(
      `巡察期间受理反映刘卫华同志的信访举报${about.length}件。`,
    )
  })
  it('credit an alias only once the team confirmed it', () => {
    const withAlias = structuredClone(snap)
    const iv = withAlias.tables.interviews.find((i) => i.intervieweeId !== person('刘卫华').id)!
    iv.record!.points.push({
      id: 'alias-point',
      text: '反映老刘在项目审批中拍板过快',
      category: 'L2.1',
      involvesClue: false,
      needsVerification: false,
    })
    const said = (s: typeof snap) => texts(generateDraft('“一把手”情况反映', DEFAULT_TEMPLATES['“一把手”情况反映'], s)).join()
    expect(said(withAlias)).not.toContain('老刘')
    const top = withAlias.tables.people.find((p) => p.name === '刘卫华') as Cadre
    top.aliases = ['老刘']
    expect(said(withAlias)).toContain('反映老刘在项目审批中拍板过快')
  })
  it('keep what the 一把手 said himself apart from what others said of him', () => {
    const top = drafts['“一把手”情况反映']
    const evaluation = section(top, 'person-evaluation').paragraphs.map((p) => p.text)
    expect(evaluation.some((t) => t.includes('本人'))).toBe(false)
    // His allegation about a colleague is evidence about the colleague, not about him.
    expect(texts(top).join()).not.toContain(EXT_B_NAME)
    expect(
      memberSection(drafts.领导班子情况汇总, EXT_B_NAME)
        .paragraphs.map((p) => p.text)
        .join(),
    ).toContain('投诉处理不及时')
    expect(section(top, 'power').paragraphs.map((p) => p.text)).toContain('本人在谈话中承认局党组对保障房分配工作研究不够深入。')
  })
  it('say a point once with the number of people who made it, in the section of its topic', () => {
    const power = section(drafts['“一把手”情况反映'], 'power').paragraphs.map((p) => p.text)
    const dictated = power.filter((t) => t.includes('定调'))
    expect(dictated).toHaveLength(1)
    expect(dictated[0]).toMatch(/^在个别谈话中，\d+名干部反映刘卫华同志/)
    expect(
      section(drafts['“一把手”情况反映'], 'integrity')
        .paragraphs.map((p) => p.text)
        .join(),
    ).toContain('八项规定')
    for (const t of texts(drafts['“一把手”情况反映'])) expect(t).not.toMatch(/本人谈话中[^表称承坦介]|有干部反映，(谈及|反映)/)
  })
  it('put register counts where they belong: petitions and clues in the 纪检组长 paper', () => {
    const s = section(drafts['纪检组长（纪委书记）履职情况报告'], 'petitions-clues')
      .paragraphs.map((p) => p.text)
      .join()
    expect(s).toContain(`受理信访举报${snap.tables.petitions.length}件`)
    expect(s).toContain(`共发现问题线索${snap.tables.clues.length}件`)
    expect(s).not.toContain('未分类')
  })
  it('list the 班子 in roster order with a row per member and dates as 2022年1月', () => {
    const team = drafts.领导班子情况汇总
    const table = section(team, 'team-members').table!
    const members = cadres.filter((c) => c.isLeadershipMember || c.isTopLeader)
    expect(table.rows[0]![0]).toBe('刘卫华')
    expect(table.rows.map((r) => r[0]).sort()).toEqual(members.map((m) => m.name).sort())
    expect(table.columns).toHaveLength(6)
    for (const col of table.columns.keys())
      expect(
        table.rows.some((r) => r[col] && r[col] !== '无'),
        table.columns[col],
      ).toBe(true)
    expect(table.rows.find((r) => r[0] === '王建')![2]).toBe('2022年1月')
    const order = team.sections.filter((s) => s.key.startsWith('member/')).map((s) => s.heading.replace(/同志.*/, ''))
    expect(order).toEqual(table.rows.map((r) => r[0]))
  })
  it('number problems in house style and summarise long facts with the 底稿 to consult', () => {
    const main = drafts.巡察报告
    for (const g of main.sections.filter((s) => s.key.startsWith('problems/'))) {
      g.paragraphs.forEach((p, i) => expect(p.text.startsWith(`${i + 1}.`), p.text.slice(0, 20)).toBe(true))
    }
    const long = snap.tables.workingPapers.find((p) => p.facts.length >= 3000)!
    const para = main.sections.flatMap((s) => s.paragraphs).find((p) => p.paperIds.includes(long.id))!
    expect(para.text.length).toBeLessThan(400)
    expect(para.text).toContain(`详见底稿${long.number}`)
    expect(texts(main).join()).not.toMatch(/。如，/)
  })
  it('fill every section the round has data for; the 报告检查 lists the rest', () => {
    const at = '2027-05-10T00:00:00.000Z'
    for (const kind of REPORT_KINDS) {
      const report = {
        id: kind,
        createdAt: at,
        updatedAt: at,
        updatedBy: '',
        deviceId: '',
        ...newReport(snap.round.id, drafts[kind], at),
      } as Report
      const empty = checkReport(report, { papers: snap.tables.workingPapers, surveys: snap.round.surveys, attachments: [] })
        .filter((c) => c.kind === '空章节')
        .map((c) => c.where)
      // Only sections for the 组's own judgement (or with no data in this round) are left empty.
      for (const e of empty)
        expect(
          [
            '总体评价及建议',
            '评价及建议',
            '履行第一责任人职责情况',
            '执纪问责情况',
            '协助推进全面从严治党和督促整改情况',
            '自身建设情况',
            '存在的问题',
          ],
          `${kind} ${e}`,
        ).toContain(e)
    }
    expect(section(drafts.巡察报告, 'overview').paragraphs.length).toBeGreaterThan(0)
    expect(section(drafts.巡察报告, 'suggestions').paragraphs.length).toBeGreaterThan(0)
  })
  it('say the clue handling as it is: none left pending when all are handed over', () => {
    const clues = snap.tables.clues.map((c) => ({ ...c, status: '已移交' as const }))
    expect(clueCountText(clues)).toContain('均已按规定移交')
    expect(clueCountText(clues)).not.toContain('其余')
    expect(clueCountText(snap.tables.clues)).toContain(`其余${snap.tables.clues.length - 1}件正在审核办理`)
  })
})
