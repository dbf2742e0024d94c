// "Generate draft": fills a report template from the round's data (guide §8). The app drafts
// facts and figures, each paragraph tagged with where it came from (slot) and what supports it
// (底稿 ids or a basis); the judgements are left to people, under the template's guidance.
import { evidenceSourcesOf, resolveEvidence } from '../casework/evidence'
import { withStandingSignoffs } from '../casework/signing'
import { flattenFramework } from '../domain/frameworks'
import type { RoundSnapshot } from '../domain/snapshot'
import type {
  Cadre, Clue, Interview, ReportKind, ReportParagraph, ReportSection, ReportTable, ReportTemplate, WorkingPaper,
} from '../domain/types'
import { workCounts, workCountsPhrase } from '../registers/visits'
import { cadreSurveyPhrase, goodRate, percent, surveyWorkPhrase } from '../surveys/surveys'
import { formatDateCN } from '../util/dates'

/** A paragraph as the generator produces it, before ids. */
export interface GenParagraph {
  slot: string
  text: string
  paperIds: string[]
  basis?: string
}
export interface GenSection {
  key: string
  level: number
  heading: string
  guidance: string
  paragraphs: GenParagraph[]
  table?: ReportTable
}
export interface GenReport {
  kind: ReportKind
  title: string
  sections: GenSection[]
}

/** A 底稿 counts for the report once the 组长 has signed it (and it was not merged away or deleted). */
export function isSigned(p: Pick<WorkingPaper, 'signoffs' | 'deleted' | 'mergedInto'>): boolean {
  return !p.deleted && !p.mergedInto && p.signoffs.some((s) => s.step === '组长审签')
}

const live = <T extends { deleted?: boolean }>(xs: T[]) => xs.filter((x) => !x.deleted)
const stop = (t: string) => (/[。！？]$/.test(t.trim()) ? t.trim() : `${t.trim()}。`)

interface Ctx {
  snap: RoundSnapshot
  cadres: Cadre[]
  papers: WorkingPaper[]
  clues: Clue[]
  interviews: Interview[]
  rootOf: (nodeId: string) => { id: string; title: string }
}

function context(snap: RoundSnapshot): Ctx {
  const roots = new Map<string, { id: string; title: string }>()
  for (const root of snap.round.framework.nodes) {
    const walk = (n: typeof root) => {
      roots.set(n.id, { id: root.id, title: root.title })
      n.children.forEach(walk)
    }
    walk(root)
  }
  const order = new Map(flattenFramework(snap.round.framework).map((f, i) => [f.node.id, i]))
  // A 底稿 whose cited evidence changed after signing has fallen back: it is not signed.
  const sources = evidenceSourcesOf(snap)
  const papers = snap.tables.workingPapers.map((p) => withStandingSignoffs(p, (l) => resolveEvidence(l, sources))).filter(isSigned)
    .sort((a, b) => (order.get(a.category) ?? 999) - (order.get(b.category) ?? 999) || a.number.localeCompare(b.number))
  return {
    snap,
    cadres: live(snap.tables.people).filter((p): p is Cadre => p.kind === 'cadre'),
    papers,
    clues: live(snap.tables.clues).filter((c) => c.status !== '已撤回'),
    interviews: live(snap.tables.interviews),
    rootOf: (id) => roots.get(id) ?? { id: 'other', title: '其他' },
  }
}

/** The opening paragraph: authorisation, dates and the work done, counted from the records. */
export function openingText(snap: RoundSnapshot): string {
  const r = snap.round
  const talks = live(snap.tables.interviews).filter((i) => i.status === '已谈').length
  const counts = workCountsPhrase(workCounts(snap.tables.documents, snap.tables.petitions, snap.tables.visits))
  const survey = surveyWorkPhrase(r.surveys)
  return `根据${r.batch}巡察工作统一部署，巡察组于${formatDateCN(r.entryDate)}至${formatDateCN(r.exitDate)}对${r.unitName}开展了${r.mode}巡察。巡察期间，个别谈话${talks}人次，${counts}${survey ? `，${survey}` : ''}。现将巡察情况报告如下。`
}

const paperParagraph = (p: WorkingPaper): GenParagraph => ({
  slot: `paper:${p.id}`,
  text: `${stop(p.summary)}${p.facts.trim() ? `如，${stop(p.facts)}` : ''}`,
  paperIds: [p.id],
})

function problemSections(c: Ctx, papers: WorkingPaper[]): GenSection[] {
  const groups = new Map<string, { title: string; papers: WorkingPaper[] }>()
  for (const p of papers.filter((x) => x.disposition !== '转为线索')) {
    const root = c.rootOf(p.category)
    const g = groups.get(root.id) ?? { title: root.title, papers: [] }
    g.papers.push(p)
    groups.set(root.id, g)
  }
  return [...groups].map(([id, g]) => ({
    key: `problems/${id}`, level: 2, heading: `${g.title}方面`, guidance: '', paragraphs: g.papers.map(paperParagraph),
  }))
}

function clueCountText(clues: Clue[]): string {
  if (clues.length === 0) return '巡察期间未发现问题线索。'
  const by = new Map<string, number>()
  for (const c of clues) by.set(c.discipline || '未分类', (by.get(c.discipline || '未分类') ?? 0) + 1)
  const mix = [...by].map(([d, n]) => `${d}${n}件`).join('、')
  const sent = clues.filter((c) => c.status === '已移交').length
  return `巡察期间共发现问题线索${clues.length}件，其中${mix}；已按规定移交${sent}件，其余正在审核办理。线索具体情况随问题线索移交清单另行报送。`
}

/** Interview evidence about one person: their own interview points and others' points naming them. */
export function personEvidence(c: Ctx, person: Cadre): { own: GenParagraph[]; mentions: GenParagraph[]; mentionPeople: number } {
  const aliases = [person.name, ...(person.isTopLeader ? ['主要负责人', '一把手'] : [])]
  const own: GenParagraph[] = []
  const mentions: GenParagraph[] = []
  const people = new Set<string>()
  for (const iv of c.interviews) {
    for (const pt of iv.record?.points ?? []) {
      const ref = `${iv.id}#${pt.id}`
      if (iv.intervieweeId === person.id) own.push({ slot: `point:${ref}`, text: `本人谈话中${stop(pt.text)}`, paperIds: [], basis: `谈话 ${formatDateCN(iv.date)}` })
      else if (aliases.some((a) => pt.text.includes(a))) {
        people.add(iv.intervieweeId)
        const who = c.cadres.find((x) => x.id === iv.intervieweeId)
        mentions.push({ slot: `point:${ref}`, text: `有干部反映，${stop(pt.text)}`, paperIds: [], basis: `谈话 ${formatDateCN(iv.date)} ${who?.name ?? ''}`.trim() })
      }
    }
  }
  return { own, mentions, mentionPeople: people.size }
}

const namesPerson = (p: WorkingPaper, id: string) => p.personIds.includes(id)
const clueNames = (cl: Clue, person: Cadre) => cl.subjectId === person.id || (!cl.subjectId && cl.subjectName === person.name)

function basicText(p: Cadre): string {
  const birth = p.birth ? `，${p.birth.replace(/^(\d{4})-(\d{2})$/, (_, y, m) => `${y}年${Number(m)}月`)}出生` : ''
  const since = p.inPostSince ? `，${p.inPostSince.replace(/^(\d{4})-(\d{2})$/, (_, y, m) => `${y}年${Number(m)}月`)}起任现职` : ''
  return `${p.name}${p.gender ? `，${p.gender}` : ''}${birth}，现任${p.post}${since}${p.duties ? `，${p.duties}` : ''}。`
}

function personSection(c: Ctx, key: string, person: Cadre): GenParagraph[] {
  const survey = c.snap.round.surveys
  switch (key) {
    case 'person-basic':
      return [{ slot: `basic:${person.id}`, text: basicText(person), paperIds: [], basis: '干部名册' }]
    case 'person-evaluation': {
      const { own, mentions, mentionPeople } = personEvidence(c, person)
      const out: GenParagraph[] = []
      const s = cadreSurveyPhrase(survey, person.id)
      if (s) out.push({ slot: `survey:${person.id}`, text: s, paperIds: [], basis: '民主测评' })
      if (mentions.length) out.push({ slot: `mentions:${person.id}`, text: `个别谈话中，${mentionPeople}人次谈及${person.name}同志，涉及${mentions.length}条谈话要点。`, paperIds: [], basis: '个别谈话' })
      return [...out, ...mentions, ...own]
    }
    case 'person-problems': {
      const papers = c.papers.filter((p) => namesPerson(p, person.id))
      const clues = c.clues.filter((cl) => clueNames(cl, person))
      const out = papers.map(paperParagraph)
      if (clues.length) out.push({ slot: `clues:${person.id}`, text: `涉及${person.name}同志的问题线索${clues.length}件（编号${clues.map((x) => x.number).join('、')}），已按程序办理。`, paperIds: [], basis: '问题线索登记' })
      return out
    }
    default:
      return []
  }
}

function memberTable(c: Ctx, members: Cadre[]): ReportTable {
  const survey = c.snap.round.surveys
  return {
    columns: MEMBER_TABLE_COLUMNS.slice(),
    rows: members.map((m) => {
      const rated = survey?.cadres.find((x) => x.cadreId === m.id)
      const problems = c.papers.filter((p) => namesPerson(p, m.id)).map((p) => `${p.title}（${p.number}）`)
      const clues = c.clues.filter((cl) => clueNames(cl, m))
      return [
        m.name, m.post, m.duties, m.inPostSince,
        rated ? `好和较好率${percent(goodRate(rated.counts))}` : '未测评',
        '', problems.join('；') || '无', clues.length ? `有（${clues.map((x) => x.number).join('、')}）` : '无', '', '',
      ]
    }),
  }
}
export const MEMBER_TABLE_COLUMNS = ['姓名', '职务', '分工', '任现职时间', '测评结果', '优点', '问题', '涉及线索', '综合评价', '建议']
/** Columns of the member table the team writes by hand; regeneration keeps them. */
export const MEMBER_TABLE_HAND_COLUMNS = [5, 8, 9]

/** The person a topic paper is about: the 一把手 or the 纪检组长 from the registry. */
export function subjectOf(kind: ReportKind, cadres: Cadre[]): Cadre | undefined {
  if (kind === '“一把手”情况反映') return cadres.find((c) => c.isTopLeader)
  if (kind === '纪检组长（纪委书记）履职情况报告') return cadres.find((c) => c.isDisciplineChief)
  return undefined
}

export function generateDraft(kind: ReportKind, template: ReportTemplate, snap: RoundSnapshot): GenReport {
  const c = context(snap)
  const subject = subjectOf(kind, c.cadres)
  const title = template.title.replaceAll('{unit}', snap.round.unitName).replaceAll('{name}', subject?.name ?? '（未在干部名册中标注）')
  const members = c.cadres.filter((x) => x.isLeadershipMember || x.isTopLeader)
  const sections: GenSection[] = []
  for (const t of template.sections) {
    const sec: GenSection = { key: t.key, level: t.level, heading: t.heading, guidance: t.guidance, paragraphs: [] }
    sections.push(sec)
    switch (t.key) {
      case 'opening':
        sec.paragraphs.push({ slot: 'opening', text: openingText(snap), paperIds: [], basis: '工作统计' })
        break
      case 'problems':
        sections.push(...problemSections(c, c.papers))
        break
      case 'clues':
        sec.paragraphs.push({ slot: 'clue-counts', text: clueCountText(c.clues), paperIds: [], basis: '问题线索登记' })
        break
      case 'suggestions': {
        const recs = c.papers.filter((p) => p.recommendation?.trim() && (kind === '巡察报告' || p.personIds.some((id) => members.some((m) => m.id === id))))
        sec.paragraphs.push(...recs.map((p) => ({ slot: `rec:${p.id}`, text: stop(p.recommendation!), paperIds: [p.id] })))
        break
      }
      case 'team-overall': {
        const rates = members.map((m) => snap.round.surveys?.cadres.find((x) => x.cadreId === m.id)).filter((x) => !!x)
        const votes = rates.reduce((a, r) => a.map((n, i) => n + (r.counts[i] ?? 0)), snap.round.surveys?.scale.map(() => 0) ?? [])
        sec.paragraphs.push({ slot: 'team-structure', text: `${snap.round.unitName}领导班子现有成员${members.length}名：${members.map((m) => `${m.name}（${m.post}）`).join('、')}。`, paperIds: [], basis: '干部名册' })
        if (rates.length) sec.paragraphs.push({ slot: 'team-survey', text: `民主测评中，班子成员总体评价“好”和“较好”率为${percent(goodRate(votes))}。`, paperIds: [], basis: '民主测评' })
        break
      }
      case 'team-members':
        sec.table = memberTable(c, members)
        for (const m of members) {
          const { mentions } = personEvidence(c, m)
          const papers = c.papers.filter((p) => namesPerson(p, m.id)).map(paperParagraph)
          const survey = cadreSurveyPhrase(snap.round.surveys, m.id)
          sections.push({
            key: `member/${m.id}`, level: 2, heading: `${m.name}同志（${m.post}）`, guidance: '优点、问题、综合评价和建议',
            paragraphs: [...(survey ? [{ slot: `survey:${m.id}`, text: survey, paperIds: [], basis: '民主测评' }] : []), ...papers, ...mentions],
          })
        }
        break
      case 'selection': {
        const nodes = flattenFramework(snap.round.framework).filter((f) => /选人用人/.test(f.node.title)).map((f) => f.node.id)
        sec.paragraphs.push(...c.papers.filter((p) => nodes.includes(p.category)).map(paperParagraph))
        break
      }
      default:
        if (subject) sec.paragraphs.push(...personSection(c, t.key, subject))
    }
  }
  return { kind, title, sections }
}

/** A new report record's content from a generated draft (ids fresh; every paragraph remembers its generated text). */
export function draftToSections(gen: GenReport, newId: () => string = () => crypto.randomUUID()): ReportSection[] {
  return gen.sections.map((s) => ({
    id: newId(), key: s.key, level: s.level, heading: s.heading, guidance: s.guidance,
    ...(s.table ? { table: structuredClone(s.table) } : {}),
    paragraphs: s.paragraphs.map((p): ReportParagraph => ({ id: newId(), ...p, paperIds: [...p.paperIds], generatedText: p.text })),
  }))
}
