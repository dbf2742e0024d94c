// The "1+3" report templates as data (guide §8 outlines by default). The team edits them per
// round (Round.reportTemplates); section keys tell the draft generator what data goes where.
// Level 0 = paragraphs without a heading (the opening under the title).
import {
  REPORT_KINDS,
  type ReportKind,
  type ReportRoute,
  type ReportTemplate,
  type ReportTemplateSection,
  type Round,
} from '../domain/types'

const s = (key: string, level: number, heading: string, guidance: string): ReportTemplateSection => ({ key, level, heading, guidance })

/**
 * Sentence frames, by kind of evidence, the way a 组 writes: {text} is the point or fact without
 * its final stop, {n} a count, {name} the person, {number} a 底稿 number, {areas} section names.
 * The `…Verb` variants are used where the note already opens with a verb of speech (称、认为…),
 * so "有干部认为……" rather than "有干部反映，认为……".
 */
export const DEFAULT_FRAMES = {
  mentionOne: '有干部反映，{text}',
  mentionOneVerb: '有干部{text}',
  mentionMany: '在个别谈话中，{n}名干部反映，{text}',
  mentionManyVerb: '在个别谈话中，{n}名干部{text}',
  memberOwn: '有班子成员在谈话中表示，{text}',
  memberOwnVerb: '有班子成员在谈话中{text}',
  own: '本人在谈话中表示，{text}',
  ownVerb: '本人在谈话中{text}',
  mentionCount: '在个别谈话中，{n}名干部谈及{name}同志，反映的情况主要涉及{areas}等方面。',
  problem: '{summary}{facts}',
  facts: '经查，{text}',
  factsLong: '经查，{text}等。具体情况详见底稿{number}。',
} as const
export type FrameKey = keyof typeof DEFAULT_FRAMES
export const FRAME_KEYS = Object.keys(DEFAULT_FRAMES) as FrameKey[]

/** What each frame is for, as the 报告模板 editor names it. */
export const FRAME_LABELS: Record<FrameKey, string> = {
  mentionOne: '一名干部反映的问题',
  mentionOneVerb: '一名干部反映的问题（原话以“称”等开头）',
  mentionMany: '多名干部反映的同一问题',
  mentionManyVerb: '多名干部反映的同一问题（原话以“称”等开头）',
  memberOwn: '班子成员本人的说法（写入班子情况）',
  memberOwnVerb: '班子成员本人的说法（原话以“称”等开头）',
  own: '被反映人本人在谈话中的说法',
  ownVerb: '被反映人本人的说法（原话以“称”等开头）',
  mentionCount: '谈及某人的人数和方面',
  problem: '问题：概述加事实',
  facts: '底稿事实',
  factsLong: '较长的底稿事实（摘要并注明底稿编号）',
}

/** The placeholders a frame is filled with, as the editor explains them. */
export const FRAME_PLACEHOLDERS: Record<string, string> = {
  text: '要点或事实',
  n: '人数',
  name: '姓名',
  areas: '涉及的方面',
  summary: '问题概述',
  facts: '事实',
  number: '底稿编号',
}

const placeholdersOf = (f: string) => [...new Set([...f.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!))]
/** The placeholders the default frame has: each must stay in an edited frame. */
export const framePlaceholders = (key: FrameKey): string[] => placeholdersOf(DEFAULT_FRAMES[key])

/** Problems of one edited frame (empty: it may be saved). */
export function checkFrame(key: FrameKey, text: string): string[] {
  const label = `句式“${FRAME_LABELS[key]}”`
  if (!text.trim()) return [`${label}不能为空（可点“恢复默认”）`]
  const has = placeholdersOf(text)
  const need = framePlaceholders(key)
  const errors = need
    .filter((p) => !has.includes(p))
    .map((p) => `${label}缺少{${p}}（${FRAME_PLACEHOLDERS[p]}），它是填入数据的位置，不能删去`)
  for (const p of has.filter((x) => !need.includes(x)))
    errors.push(`${label}中的{${p}}无法填写，只能用 ${need.map((x) => `{${x}}`).join('、')}`)
  return errors
}

/** The frames a template keeps: only those that differ from the default (so later default changes still reach the rest). */
export function editedFrames(frames: Partial<Record<FrameKey, string>>): Partial<Record<FrameKey, string>> | undefined {
  const kept = Object.fromEntries(
    FRAME_KEYS.filter((k) => frames[k] !== undefined && frames[k] !== DEFAULT_FRAMES[k]).map((k) => [k, frames[k]!]),
  )
  return Object.keys(kept).length ? kept : undefined
}
/** Note openings that are already a verb of speech or judgement (frames' `…Verb` variants). */
export const SPEECH_VERBS = ['反映', '称', '认为', '表示', '谈及', '提出', '承认', '坦言', '介绍', '说明', '指出', '建议', '对']
/** Facts longer than this (characters) are summarised in the report, with the 底稿 number to consult. */
export const LONG_FACTS = 160

/** The fill of a frame: the round's template may override a frame, the defaults fill the rest. */
export function frame(template: Pick<ReportTemplate, 'frames'>, key: FrameKey, values: Record<string, string | number>): string {
  const f = template.frames?.[key] ?? DEFAULT_FRAMES[key]
  return f.replace(/\{(\w+)\}/g, (all, k: string) => (k in values ? String(values[k]) : all))
}

const r = (section: string, tags: string[], words: string[] = []): ReportRoute => ({ section, tags, ...(words.length ? { words } : {}) })
/** Interview points about the 一把手 by topic (framework titles of 四个落实、三个/四个聚焦). */
const TOP_LEADER_ROUTES: ReportRoute[] = [
  r('power', ['选人用人', '三重一大', '民主集中制', '领导班子建设'], ['三重一大', '末位表态', '选人用人', '提名']),
  r('integrity', ['八项规定', '廉洁', '作风', '群众身边腐败', '不正之风', '形式主义']),
  r('political', ['理论路线方针政策', '重大决策部署', '上级决策部署']),
  r('first-duty', []),
]
const DISCIPLINE_CHIEF_ROUTES: ReportRoute[] = [
  r('petitions-clues', [], ['信访', '举报', '线索']),
  r('discipline', [], ['问责', '处分', '函询', '立案', '初核', '执纪']),
  r('rectify', ['整改', '主体责任'], ['整改']),
  r('self', ['八项规定', '廉洁', '作风'], ['兼任', '自身']),
  r('supervision', []),
]
const TEAM_ROUTES: ReportRoute[] = [
  r('selection', ['选人用人'], ['选人用人', '提拔', '招聘']),
  r('team-overall', ['领导班子建设', '民主集中制'], ['民主生活会', '班子团结', '议事']),
]

export const DEFAULT_TEMPLATES: Record<ReportKind, ReportTemplate> = {
  巡察报告: {
    title: '关于对{unit}巡察情况的报告',
    sections: [
      s('opening', 0, '', '授权依据、进驻和撤点时间，以及个别谈话、受理信访、调阅资料、问卷、走访等工作量（由系统统计）'),
      s(
        'overview',
        1,
        '基本情况和总体评价',
        '被巡察党组织基本情况；政治生态（好转/持平/恶化）；贯彻落实情况（好/较好/一般/较差）的总体判断',
      ),
      s('problems', 1, '发现的主要问题', '按本轮分类框架分组；每个问题先写概括句，再写典型事例和数据，每一事例都要有已审签的底稿支撑'),
      s('clues', 1, '问题线索情况', '只写件数和纪律类别分布，线索内容随移交清单单独报送'),
      s('suggestions', 1, '意见建议', '针对发现的问题提出整改和制度建设建议'),
    ],
  },
  '“一把手”情况反映': {
    title: '关于{unit}主要负责人{name}同志有关情况的反映',
    sections: [
      s('person-basic', 1, '基本情况', '姓名、出生年月、任职时间、职务、分工'),
      s('political', 1, '政治表现', '贯彻落实上级决策部署、政治站位等'),
      s('power', 1, '履职用权情况', '民主集中制、“三重一大”决策、末位表态、选人用人'),
      s('first-duty', 1, '履行第一责任人职责情况', '管党治党、对班子成员和下级“一把手”的监督'),
      s('integrity', 1, '作风和廉洁自律情况', '八项规定精神执行、廉洁自律'),
      s('person-evaluation', 1, '干部群众评价', '民主测评结果；个别谈话中“N人次反映…”'),
      s('person-problems', 1, '存在的主要问题', '引用涉及本人的已审签底稿和问题线索'),
      s('conclusion', 1, '总体评价及建议', '由巡察组研究提出'),
    ],
    routes: TOP_LEADER_ROUTES,
  },
  '纪检组长（纪委书记）履职情况报告': {
    title: '关于{unit}纪检组长（纪委书记）{name}同志履职情况的报告',
    sections: [
      s('person-basic', 1, '基本情况', '含是否分管与纪检监察无关的工作'),
      s('supervision', 1, '履行监督首责情况', '政治监督，对“一把手”和领导班子的监督'),
      s('petitions-clues', 1, '信访举报和问题线索处置情况', '受理件数、办结情况、处置方式构成'),
      s('discipline', 1, '执纪问责情况', '谈话函询、初核、立案、问责情况'),
      s('rectify', 1, '协助推进全面从严治党和督促整改情况', '协助党组织推进全面从严治党、督促巡察审计整改'),
      s('self', 1, '自身建设情况', '纪检干部队伍和自身廉洁'),
      s('person-evaluation', 1, '干部群众评价', '民主测评结果；个别谈话中的反映'),
      s('person-problems', 1, '存在的问题', '引用涉及本人的已审签底稿和问题线索'),
      s('conclusion', 1, '评价及建议', '由巡察组研究提出'),
    ],
    routes: DISCIPLINE_CHIEF_ROUTES,
  },
  领导班子情况汇总: {
    title: '关于{unit}领导班子情况的汇总',
    sections: [
      s('team-overall', 1, '班子整体情况', '班子结构、民主集中制执行、团结协作、民主生活会质量、测评结果'),
      s('team-members', 1, '班子成员情况', '每名成员：姓名、职务、分工、任现职时间、测评结果、优点、问题、涉及线索、综合评价、建议'),
      s('selection', 1, '选人用人情况', '干部选拔任用、编外招聘等'),
      s('suggestions', 1, '意见建议', '对班子建设和干部调整的建议'),
    ],
    routes: TEAM_ROUTES,
  },
}

/** The template the round uses for a kind: the team's edit, or the default. */
export function templateFor(round: Pick<Round, 'reportTemplates'>, kind: ReportKind): ReportTemplate {
  // A JSON copy: the round may be a reactive proxy, which structuredClone refuses.
  const t = JSON.parse(JSON.stringify(round.reportTemplates?.[kind] ?? DEFAULT_TEMPLATES[kind])) as ReportTemplate
  // A template edited before routing existed routes as the default does.
  if (!t.routes && DEFAULT_TEMPLATES[kind].routes) t.routes = structuredClone(DEFAULT_TEMPLATES[kind].routes)
  return t
}

/** Checks an edited template: errors block saving. */
export function checkTemplate(t: ReportTemplate): string[] {
  const errors: string[] = []
  if (!t.title.trim()) errors.push('模板标题不能为空')
  if (t.sections.length === 0) errors.push('模板至少要有一个章节')
  const keys = new Set<string>()
  t.sections.forEach((sec, i) => {
    if (!Number.isInteger(sec.level) || sec.level < 0 || sec.level > 4) errors.push(`第 ${i + 1} 节的层级应为 0–4`)
    if (sec.level > 0 && !sec.heading.trim()) errors.push(`第 ${i + 1} 节缺少标题`)
    if (!sec.key.trim()) errors.push(`第 ${i + 1} 节缺少标识`)
    if (keys.has(sec.key)) errors.push(`章节标识“${sec.key}”重复`)
    keys.add(sec.key)
  })
  for (const route of t.routes ?? []) if (!keys.has(route.section)) errors.push(`谈话要点归类指向的章节“${route.section}”不在模板中`)
  for (const [k, text] of Object.entries(t.frames ?? {})) {
    if (!(k in DEFAULT_FRAMES)) errors.push(`未知的句式“${k}”`)
    else errors.push(...checkFrame(k as FrameKey, String(text)))
  }
  return errors
}

export const ALL_REPORT_KINDS: readonly ReportKind[] = REPORT_KINDS
