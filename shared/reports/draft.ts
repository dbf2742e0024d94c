// "Generate draft": fills a report template from the round's data (guide §8). The app drafts
// facts and figures, each paragraph tagged with where it came from (slot) and what supports it
// (底稿 ids or a basis); the judgements are left to people, under the template's guidance.
// What the 组 would check in a draft, and so what this file keeps to:
// - only 组长-signed 底稿 state problems; a 转为线索 底稿 gives neither facts nor recommendations,
//   and clues appear as counts only (their details travel in the 移交清单);
// - a point is credited to a person only where it names them or an alias the team confirmed;
//   what a person said in their own interview is "本人在谈话中…", never others' 评价 of them;
// - near-duplicate points are said once, with how many people said them;
// - interview points go to the topic papers' sections by the template's routes.
import { evidenceSourcesOf, resolveEvidence } from '../casework/evidence'
import { withStandingSignoffs } from '../casework/signing'
import { flattenFramework } from '../domain/frameworks'
import type { RoundSnapshot } from '../domain/snapshot'
import type {
  Cadre,
  Clue,
  Petition,
  ReportKind,
  ReportParagraph,
  ReportRoute,
  ReportSection,
  ReportTable,
  ReportTemplate,
  WorkingPaper,
} from '../domain/types'
import { headingPrefix, type HeadingLevel } from '../export/numbering'
import { workCounts, workCountsPhrase } from '../registers/visits'
import { cadreSurveyPhrase, checkSurvey, goodRate, percent, surveyWorkPhrase } from '../surveys/surveys'
import { formatDateCN } from '../util/dates'
import { isSigned } from '../casework/papers'
import { frame, LONG_FACTS, SPEECH_VERBS } from './templates'

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

/** The rule lives with the 底稿 (shared/casework/papers.ts); re-exported for the report code that reads it here. */
export { isSigned }
/** A signed 底稿 whose facts may be printed in a report: clue-bound ones travel only in the 移交清单. */
export const isReportable = (p: WorkingPaper) => isSigned(p) && p.disposition !== '转为线索'

const live = <T extends { deleted?: boolean }>(xs: T[]) => xs.filter((x) => !x.deleted)
const bare = (t: string) => t.trim().replace(/[。；，、,;.\s]+$/u, '')
const stop = (t: string) => (/[。！？]$/.test(t.trim()) ? t.trim() : `${bare(t)}。`)
const yearMonth = (ym: string) => ym.replace(/^(\d{4})-(\d{2})$/, (_, y: string, m: string) => `${y}年${Number(m)}月`)

/** An interview point the drafts may quote (clue-bound points never are). */
interface Point {
  ref: string
  text: string
  speakerId: string
  date: string
  /** Titles of the point's framework node and its ancestors. */
  tags: string[]
}

interface Ctx {
  snap: RoundSnapshot
  template: ReportTemplate
  /** Cadres in roster order: the 一把手 first, then as registered. */
  cadres: Cadre[]
  members: Cadre[]
  /** Signed 底稿 that may be printed, in framework order. */
  papers: WorkingPaper[]
  clues: Clue[]
  points: Point[]
  names: ReturnType<typeof nameMatcher>
  rootOf: (nodeId: string) => { id: string; title: string }
}

/** Roster order: the 一把手 first, then the order the roster was registered in. */
export function rosterOrder<T extends Pick<Cadre, 'isTopLeader' | 'createdAt'>>(cadres: T[]): T[] {
  return cadres
    .map((c, i) => ({ c, i }))
    .sort((a, b) => Number(b.c.isTopLeader) - Number(a.c.isTopLeader) || a.c.createdAt.localeCompare(b.c.createdAt) || a.i - b.i)
    .map(({ c }) => c)
}

function context(snap: RoundSnapshot, template: ReportTemplate): Ctx {
  const roots = new Map<string, { id: string; title: string }>()
  const tags = new Map<string, string[]>()
  for (const root of snap.round.framework.nodes) {
    const walk = (n: typeof root, above: string[]) => {
      roots.set(n.id, { id: root.id, title: root.title })
      tags.set(n.id, [n.title, ...above])
      n.children.forEach((ch) => walk(ch, [n.title, ...above]))
    }
    walk(root, [])
  }
  const order = new Map(flattenFramework(snap.round.framework).map((f, i) => [f.node.id, i]))
  // A 底稿 whose cited evidence changed after signing has fallen back: it is not signed.
  const sources = evidenceSourcesOf(snap)
  const papers = snap.tables.workingPapers
    .map((p) => withStandingSignoffs(p, (l) => resolveEvidence(l, sources)))
    .filter(isReportable)
    .sort((a, b) => (order.get(a.category) ?? 999) - (order.get(b.category) ?? 999) || a.number.localeCompare(b.number))
  // Points a clue or a clue-bound 底稿 rests on are clue material, whatever their flag says.
  const clueBound = new Set(
    [
      ...live(snap.tables.clues).flatMap((c) => c.evidence),
      ...snap.tables.workingPapers.filter((p) => !p.deleted && p.disposition === '转为线索').flatMap((p) => p.evidence),
    ]
      .filter((e) => e.kind === 'interviewPoint')
      .map((e) => e.ref),
  )
  const points: Point[] = []
  for (const iv of live(snap.tables.interviews)) {
    for (const pt of iv.record?.points ?? []) {
      const ref = `${iv.id}#${pt.id}`
      if (pt.involvesClue || clueBound.has(ref) || !pt.text.trim()) continue
      points.push({ ref, text: pt.text.trim(), speakerId: iv.intervieweeId, date: iv.date, tags: tags.get(pt.category) ?? [] })
    }
  }
  const cadres = rosterOrder(live(snap.tables.people).filter((p): p is Cadre => p.kind === 'cadre'))
  return {
    snap,
    template,
    cadres,
    papers,
    points,
    names: nameMatcher(cadres),
    members: cadres.filter((x) => x.isLeadershipMember || x.isTopLeader),
    clues: live(snap.tables.clues).filter((c) => c.status !== '已撤回'),
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

// ── attribution ─────────────────────────────────────────────────────────────

/**
 * Whether a text names the person: their full name (not as part of a longer name in the roster,
 * so 马俊 is not credited with 马俊杰's points) or an alias the team confirmed. Titles such as
 * "一把手" or "主要负责人" are not names: only a confirmed alias makes them one.
 */
export function nameMatcher(roster: Pick<Cadre, 'name'>[]): (text: string, person: Pick<Cadre, 'name' | 'aliases'>) => boolean {
  const all = [...new Set(roster.map((c) => c.name).filter((n) => n))]
  const longer = new Map<string, string[]>()
  const longerThan = (name: string) => {
    let l = longer.get(name)
    if (!l) longer.set(name, (l = all.filter((n) => n !== name && n.includes(name))))
    return l
  }
  return (text, person) => {
    const inLonger = longerThan(person.name)
    for (let at = text.indexOf(person.name); person.name && at >= 0; at = text.indexOf(person.name, at + 1)) {
      if (!inLonger.some((n) => text.startsWith(n, at - n.indexOf(person.name)))) return true
    }
    return (person.aliases ?? []).some((a) => a.trim() && text.includes(a.trim()))
  }
}

// ── near-duplicates ─────────────────────────────────────────────────────────

const bigrams = (t: string) => {
  const s = t.replace(/[\p{P}\p{S}\s]/gu, '')
  const out = new Set<string>()
  for (let i = 0; i < s.length - 1; i++) out.add(s.slice(i, i + 2))
  return out
}
/** Near-duplicates: Dice similarity of character bigrams ≥ 0.55, or the shorter nearly contained in the longer. */
const similar = (common: number, a: number, b: number) =>
  a > 0 && b > 0 && ((2 * common) / (a + b) >= 0.55 || common / Math.min(a, b) >= 0.8)

interface PointGroup {
  /** The stable slot of the group: its earliest point. */
  ref: string
  text: string
  speakers: Set<string>
  refs: string[]
}
/** Near-duplicate points merged: the fullest wording kept, the number of people who said it counted. */
export function mergePoints(points: Pick<Point, 'ref' | 'text' | 'speakerId'>[]): PointGroup[] {
  const groups: (PointGroup & { size: number })[] = []
  // Which groups hold a bigram (of their first wording), so a point is compared only with groups it shares one with.
  const index = new Map<string, number[]>()
  for (const p of [...points].sort((a, b) => a.ref.localeCompare(b.ref))) {
    const grams = bigrams(p.text)
    const common = new Map<number, number>()
    for (const g of grams) for (const k of index.get(g) ?? []) common.set(k, (common.get(k) ?? 0) + 1)
    let match = -1
    for (const [k, n] of common) if (similar(n, groups[k]!.size, grams.size) && (match < 0 || k < match)) match = k
    if (match < 0) {
      const k = groups.push({ ref: p.ref, text: p.text, speakers: new Set([p.speakerId]), refs: [p.ref], size: grams.size }) - 1
      for (const g of grams) {
        const at = index.get(g)
        if (at) at.push(k)
        else index.set(g, [k])
      }
      continue
    }
    const g = groups[match]!
    g.speakers.add(p.speakerId)
    g.refs.push(p.ref)
    if (p.text.length > g.text.length) g.text = p.text
  }
  return groups.sort((a, b) => b.speakers.size - a.speakers.size || a.ref.localeCompare(b.ref)).map(({ size: _s, ...g }) => g)
}

const opensWithVerb = (t: string) => SPEECH_VERBS.some((v) => t.startsWith(v))

function mentionParagraph(c: Ctx, g: PointGroup, slot: string): GenParagraph {
  const text = bare(g.text)
  const verb = opensWithVerb(text)
  const n = g.speakers.size
  // A 班子成员 speaking of the 班子 speaks of himself too: not "有干部承认……".
  const byMember = n === 1 && c.members.some((m) => g.speakers.has(m.id))
  const sentence = byMember
    ? frame(c.template, verb ? 'memberOwnVerb' : 'memberOwn', { text })
    : n > 1
      ? frame(c.template, verb ? 'mentionManyVerb' : 'mentionMany', { n, text })
      : frame(c.template, verb ? 'mentionOneVerb' : 'mentionOne', { text })
  return { slot: `${slot}:${g.ref}`, text: stop(sentence), paperIds: [], basis: `个别谈话${n > 1 ? `（${n}人）` : ''}` }
}
function ownParagraph(c: Ctx, p: Point): GenParagraph {
  const text = bare(p.text)
  const sentence = frame(c.template, opensWithVerb(text) ? 'ownVerb' : 'own', { text })
  return { slot: `own:${p.ref}`, text: stop(sentence), paperIds: [], basis: `本人谈话 ${formatDateCN(p.date)}` }
}

/** The section a point goes to under the template's routes ('' = none). */
export function routeOf(routes: ReportRoute[], p: Pick<Point, 'tags' | 'text'>): string {
  for (const r of routes) {
    const catchAll = !r.tags?.length && !r.words?.length
    if (catchAll || r.tags?.some((t) => p.tags.some((x) => x.includes(t))) || r.words?.some((w) => p.text.includes(w))) return r.section
  }
  return ''
}

// ── 底稿 as problems ────────────────────────────────────────────────────────

/** Facts as printed: whole when short; summarised to the first sentences with the 底稿 number when long. */
export function factsText(c: Pick<Ctx, 'template'>, p: Pick<WorkingPaper, 'facts' | 'number'>): string {
  const facts = p.facts.trim().replace(/\s*\n+\s*/g, '')
  if (!facts) return ''
  if (facts.length <= LONG_FACTS)
    return stop(/^(经查|经核|经核实|调阅|巡察组|据)/.test(facts) ? facts : frame(c.template, 'facts', { text: bare(facts) }))
  const sentences = facts.match(/[^。；！？]+[。；！？]?/gu) ?? [facts]
  let head = ''
  for (const s of sentences) {
    if (head && head.length + s.length > LONG_FACTS * 0.75) break
    head += s
  }
  if (head.length > LONG_FACTS)
    head = head.slice(0, head.lastIndexOf('，', LONG_FACTS * 0.75) > 20 ? head.lastIndexOf('，', LONG_FACTS * 0.75) : LONG_FACTS * 0.75)
  return frame(c.template, 'factsLong', { text: bare(head.replace(/^(经查|经核实)[，,]?/, '')), number: p.number })
}

/** A problem's number under a heading of `level`: the next level's style (一、 → （一）, （一） → 1.). */
const numberAt = (level: number, i: number) => headingPrefix(Math.min(4, Math.max(2, level + 1)) as HeadingLevel, i)

/** A problem in house style: its number, the topic sentence, then the facts (summarised when long). */
function problemParagraph(c: Ctx, p: WorkingPaper, index: number, level: number): GenParagraph {
  const body = frame(c.template, 'problem', { summary: stop(p.summary || p.title), facts: factsText(c, p) })
  return { slot: `paper:${p.id}`, text: `${numberAt(level, index + 1)}${body}`, paperIds: [p.id] }
}
const problems = (c: Ctx, papers: WorkingPaper[], level: number) => papers.map((p, i) => problemParagraph(c, p, i, level))

function problemSections(c: Ctx): GenSection[] {
  const groups = new Map<string, { title: string; papers: WorkingPaper[] }>()
  for (const p of c.papers) {
    const root = c.rootOf(p.category)
    const g = groups.get(root.id) ?? { title: root.title, papers: [] }
    g.papers.push(p)
    groups.set(root.id, g)
  }
  return [...groups].map(([id, g]) => ({
    key: `problems/${id}`,
    level: 2,
    heading: `${g.title}方面`,
    guidance: '',
    paragraphs: problems(c, g.papers, 2),
  }))
}

// ── registers as counts ─────────────────────────────────────────────────────

const countMix = (items: string[]) => {
  const by = new Map<string, number>()
  for (const x of items) by.set(x, (by.get(x) ?? 0) + 1)
  return [...by].map(([k, n]) => `${k}${n}件`).join('、')
}

/** Clues as counts only: the mix of disciplines that are classified, how many were handed over. */
export function clueCountText(clues: Clue[]): string {
  if (clues.length === 0) return '巡察期间未发现问题线索。'
  const mix = countMix(clues.map((c) => c.discipline).filter((d) => !!d))
  const sent = clues.filter((c) => c.status === '已移交').length
  const rest = clues.length - sent
  const handled = sent === 0 ? '均在审核办理中' : rest === 0 ? `均已按规定移交` : `已按规定移交${sent}件，其余${rest}件正在审核办理`
  return `巡察期间共发现问题线索${clues.length}件${mix ? `，其中${mix}` : ''}；${handled}。线索具体情况随问题线索移交清单另行报送。`
}

/** Petitions as counts: how many, how many in scope, how they were disposed of. */
export function petitionCountText(petitions: Petition[]): string {
  const ps = live(petitions)
  if (ps.length === 0) return '巡察期间未收到信访举报。'
  const inScope = ps.filter((p) => p.inScope).length
  const disposed = countMix(ps.filter((p) => p.disposition).map((p) => p.disposition))
  const open = ps.filter((p) => !p.disposition).length
  return `巡察期间受理信访举报${ps.length}件，其中属于巡察范围的${inScope}件${disposed ? `；已处置${disposed}` : ''}${open ? `，尚待处置${open}件` : ''}。`
}

// ── people ──────────────────────────────────────────────────────────────────

function basicText(p: Cadre): string {
  const birth = p.birth ? `，${yearMonth(p.birth)}出生` : ''
  const since = p.inPostSince ? `，${yearMonth(p.inPostSince)}起任现职` : ''
  return `${p.name}${p.gender ? `，${p.gender}` : ''}${birth}，现任${p.post}${since}${p.duties ? `，${bare(p.duties)}` : ''}。`
}

/** What others said naming the person, merged; and what the person said of their own work (not naming a colleague). */
export function personPoints(c: Pick<Ctx, 'points' | 'cadres' | 'names'>, person: Cadre): { own: Point[]; mentions: Point[] } {
  const own: Point[] = []
  const mentions: Point[] = []
  for (const p of c.points) {
    if (p.speakerId === person.id) {
      // An allegation about a colleague is evidence about the colleague.
      if (!c.cadres.some((x) => x.id !== person.id && c.names(p.text, x))) own.push(p)
    } else if (c.names(p.text, person)) mentions.push(p)
  }
  return { own, mentions }
}

const clueCountFor = (c: Ctx, person: Cadre) =>
  c.clues.filter((cl) => cl.subjectId === person.id || (!cl.subjectId && cl.subjectName === person.name)).length
const papersOf = (c: Ctx, person: Cadre) => c.papers.filter((p) => p.personIds.includes(person.id))

function surveyParagraph(c: Ctx, person: Cadre): GenParagraph[] {
  const s = c.snap.round.surveys
  if (!s || checkSurvey(s).errors.length) return []
  const text = cadreSurveyPhrase(s, person.id)
  return text ? [{ slot: `survey:${person.id}`, text, paperIds: [], basis: '民主测评' }] : []
}

/** A topic paper's sections filled for its subject: own points and others' points by route, evaluation, problems. */
function fillPersonSections(c: Ctx, sections: GenSection[], person: Cadre): void {
  const routes = c.template.routes ?? []
  const { own, mentions } = personPoints(c, person)
  const at = (key: string) => sections.find((s) => s.key === key)
  const groups = mergePoints(mentions)
  const areas = new Map<string, number>()
  for (const g of groups) {
    const first = mentions.find((m) => m.ref === g.ref)!
    const key = routeOf(routes, { tags: first.tags, text: g.text })
    const sec = at(key)
    if (sec) {
      sec.paragraphs.push(mentionParagraph(c, g, 'mention'))
      const area = sec.heading.replace(/情况$/, '')
      areas.set(area, (areas.get(area) ?? 0) + 1)
    }
  }
  for (const p of own) at(routeOf(routes, p))?.paragraphs.push(ownParagraph(c, p))
  for (const sec of sections) {
    switch (sec.key) {
      case 'person-basic':
        sec.paragraphs.unshift({ slot: `basic:${person.id}`, text: basicText(person), paperIds: [], basis: '干部名册' })
        break
      case 'person-evaluation': {
        const speakers = new Set(mentions.map((m) => m.speakerId))
        const count: GenParagraph[] = speakers.size
          ? [
              {
                slot: `mentions:${person.id}`,
                text: frame(c.template, 'mentionCount', {
                  n: speakers.size,
                  name: person.name,
                  areas: [...areas.keys()].join('、') || '其他',
                }),
                paperIds: [],
                basis: '个别谈话',
              },
            ]
          : []
        const petitions = live(c.snap.tables.petitions).filter(
          (p) => p.subjectId === person.id || (!p.subjectId && p.subjectName === person.name),
        ).length
        const petitionLine: GenParagraph[] = petitions
          ? [
              {
                slot: `petitions:${person.id}`,
                text: `巡察期间受理反映${person.name}同志的信访举报${petitions}件。`,
                paperIds: [],
                basis: '信访登记',
              },
            ]
          : []
        sec.paragraphs.unshift(...surveyParagraph(c, person), ...count, ...petitionLine)
        break
      }
      case 'person-problems': {
        sec.paragraphs.push(...problems(c, papersOf(c, person), sec.level))
        const n = clueCountFor(c, person)
        if (n)
          sec.paragraphs.push({
            slot: `clues:${person.id}`,
            text: `巡察期间发现涉及${person.name}同志的问题线索${n}件，已按程序办理，具体情况另行报送。`,
            paperIds: [],
            basis: '问题线索登记',
          })
        break
      }
    }
  }
}

// ── 领导班子情况汇总 ────────────────────────────────────────────────────────

export const MEMBER_TABLE_COLUMNS = ['姓名', '职务', '任现职时间', '测评结果', '涉及问题（底稿）', '涉及线索']
/** Columns of the member table the team writes by hand; regeneration keeps them (none now: 优点、评价、建议 are written in each member's section). */
export const MEMBER_TABLE_HAND_COLUMNS: number[] = []

/** Numbers listed in a member-table cell at most; beyond, the cell says where the list is (the member's own section). */
export const MEMBER_TABLE_MAX_NUMBERS = 6
const papersCell = (papers: WorkingPaper[], m: Cadre) =>
  papers.length === 0
    ? '无'
    : papers.length <= MEMBER_TABLE_MAX_NUMBERS
      ? `${papers.length}个（${papers.map((p) => p.number).join('、')}）`
      : `${papers.length}个（逐项见“${m.name}同志”一节）`

function memberTable(c: Ctx): ReportTable {
  const survey = c.snap.round.surveys
  const usable = survey && !checkSurvey(survey).errors.length
  return {
    columns: MEMBER_TABLE_COLUMNS.slice(),
    rows: c.members.map((m) => {
      const rated = usable ? survey.cadres.find((x) => x.cadreId === m.id) : undefined
      const papers = papersOf(c, m)
      const clues = clueCountFor(c, m)
      return [
        m.name,
        m.post,
        m.inPostSince ? yearMonth(m.inPostSince) : '—',
        rated ? `好和较好率${percent(goodRate(rated.counts))}` : '未测评',
        papersCell(papers, m),
        clues ? `${clues}件` : '无',
      ]
    }),
  }
}

function memberSection(c: Ctx, m: Cadre): GenSection {
  const basic: GenParagraph = { slot: `basic:${m.id}`, text: basicText(m), paperIds: [], basis: '干部名册' }
  const papers = problems(c, papersOf(c, m), 2)
  const clues = clueCountFor(c, m)
  const clueLine: GenParagraph[] = clues
    ? [
        {
          slot: `clues:${m.id}`,
          text: `涉及${m.name}同志的问题线索${clues}件，已按程序办理，具体情况另行报送。`,
          paperIds: [],
          basis: '问题线索登记',
        },
      ]
    : []
  const mentions = mergePoints(personPoints(c, m).mentions).map((g) => mentionParagraph(c, g, 'mention'))
  return {
    key: `member/${m.id}`,
    level: 2,
    heading: `${m.name}同志（${m.post}）`,
    guidance: '优点、问题、综合评价和建议由巡察组研究填写',
    paragraphs: [basic, ...surveyParagraph(c, m), ...papers, ...clueLine, ...mentions],
  }
}

/** The person a topic paper is about: the 一把手 or the 纪检组长 from the registry. */
export function subjectOf(kind: ReportKind, cadres: Cadre[]): Cadre | undefined {
  if (kind === '“一把手”情况反映') return cadres.find((c) => c.isTopLeader)
  if (kind === '纪检组长（纪委书记）履职情况报告') return cadres.find((c) => c.isDisciplineChief)
  return undefined
}

export function generateDraft(kind: ReportKind, template: ReportTemplate, snap: RoundSnapshot): GenReport {
  const c = context(snap, template)
  const subject = subjectOf(kind, c.cadres)
  const title = template.title.replaceAll('{unit}', snap.round.unitName).replaceAll('{name}', subject?.name ?? '（未在干部名册中标注）')
  const sections: GenSection[] = []
  for (const t of template.sections) {
    const sec: GenSection = { key: t.key, level: t.level, heading: t.heading, guidance: t.guidance, paragraphs: [] }
    sections.push(sec)
    switch (t.key) {
      case 'opening':
        sec.paragraphs.push({ slot: 'opening', text: openingText(snap), paperIds: [], basis: '工作统计' })
        break
      case 'overview':
        sec.paragraphs.push(...overview(c))
        break
      case 'problems':
        sections.push(...problemSections(c))
        break
      case 'clues':
        sec.paragraphs.push({ slot: 'clue-counts', text: clueCountText(c.clues), paperIds: [], basis: '问题线索登记' })
        break
      case 'petitions-clues':
        sec.paragraphs.push(
          { slot: 'petition-counts', text: petitionCountText(snap.tables.petitions), paperIds: [], basis: '信访登记' },
          { slot: 'clue-counts', text: clueCountText(c.clues), paperIds: [], basis: '问题线索登记' },
        )
        break
      case 'suggestions': {
        const recs = c.papers.filter(
          (p) => p.recommendation?.trim() && (kind === '巡察报告' || p.personIds.some((id) => c.members.some((m) => m.id === id))),
        )
        sec.paragraphs.push(
          ...recs.map((p, i) => ({
            slot: `rec:${p.id}`,
            text: `${numberAt(sec.level, i + 1)}${stop(p.recommendation!)}`,
            paperIds: [p.id],
          })),
        )
        break
      }
      case 'team-overall': {
        const s = snap.round.surveys
        const rates =
          s && !checkSurvey(s).errors.length ? c.members.map((m) => s.cadres.find((x) => x.cadreId === m.id)).filter((x) => !!x) : []
        const votes = rates.reduce((a, r) => a.map((n, i) => n + (r.counts[i] ?? 0)), s?.scale.map(() => 0) ?? [])
        sec.paragraphs.push({
          slot: 'team-structure',
          text: `${snap.round.unitName}领导班子现有成员${c.members.length}名：${c.members.map((m) => `${m.name}（${m.post}）`).join('、')}。`,
          paperIds: [],
          basis: '干部名册',
        })
        if (rates.length)
          sec.paragraphs.push({
            slot: 'team-survey',
            text: `民主测评中，班子成员总体评价“好”和“较好”率为${percent(goodRate(votes))}。`,
            paperIds: [],
            basis: '民主测评',
          })
        break
      }
      case 'team-members':
        sec.table = memberTable(c)
        sections.push(...c.members.map((m) => memberSection(c, m)))
        break
      case 'selection': {
        const nodes = flattenFramework(snap.round.framework)
          .filter((f) => /选人用人/.test(f.node.title))
          .map((f) => f.node.id)
        sec.paragraphs.push(
          ...problems(
            c,
            c.papers.filter((p) => nodes.includes(p.category)),
            sec.level,
          ),
        )
        break
      }
    }
  }
  if (subject) fillPersonSections(c, sections, subject)
  else if (kind === '领导班子情况汇总') routeTeamPoints(c, sections)
  return { kind, title, sections }
}

/** The 巡察报告's 基本情况: the 班子 from the roster and where the problems lie; the judgements are left to the 组. */
function overview(c: Ctx): GenParagraph[] {
  const out: GenParagraph[] = []
  const top = c.members.find((m) => m.isTopLeader)
  if (c.members.length)
    out.push({
      slot: 'overview-team',
      text: `${c.snap.round.unitName}领导班子现有成员${c.members.length}名${top ? `，${top.name}同志任${top.post}` : ''}。`,
      paperIds: [],
      basis: '干部名册',
    })
  const all = c.snap.tables.workingPapers.filter((p) => !p.deleted && !p.mergedInto)
  const signed = all.filter(isSigned)
  if (all.length) {
    const roots = [...new Set(c.papers.map((p) => c.rootOf(p.category).title))]
    out.push({
      slot: 'overview-papers',
      text: `巡察组共形成问题底稿${all.length}份，经组长审签${signed.length}份${roots.length ? `，发现的问题主要集中在${roots.map((t) => `${t}方面`).join('、')}` : ''}。`,
      paperIds: [],
      basis: '底稿登记',
    })
  }
  return out
}

/** 领导班子情况汇总: points on 班子建设 and 选人用人 from every interview, merged, into their sections. */
function routeTeamPoints(c: Ctx, sections: GenSection[]): void {
  const routes = c.template.routes ?? []
  const bySection = new Map<string, Point[]>()
  for (const p of c.points) {
    const key = routeOf(routes, p)
    if (!key) continue
    const list = bySection.get(key)
    if (list) list.push(p)
    else bySection.set(key, [p])
  }
  for (const [key, pts] of bySection) {
    const sec = sections.find((s) => s.key === key)
    if (sec) sec.paragraphs.push(...mergePoints(pts).map((g) => mentionParagraph(c, g, 'point')))
  }
}

/** A new report record's content from a generated draft (ids fresh; every paragraph remembers its generated text). */
export function draftToSections(gen: GenReport, newId: () => string = () => crypto.randomUUID()): ReportSection[] {
  return gen.sections.map((s) => ({
    id: newId(),
    key: s.key,
    level: s.level,
    heading: s.heading,
    guidance: s.guidance,
    ...(s.table ? { table: structuredClone(s.table) } : {}),
    paragraphs: s.paragraphs.map((p): ReportParagraph => ({ id: newId(), ...p, paperIds: [...p.paperIds], generatedText: p.text })),
  }))
}
