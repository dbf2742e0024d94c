// The "1+3" report templates as data (guide §8 outlines by default). The team edits them per
// round (Round.reportTemplates); section keys tell the draft generator what data goes where.
// Level 0 = paragraphs without a heading (the opening under the title).
import { REPORT_KINDS, type ReportKind, type ReportTemplate, type ReportTemplateSection, type Round } from '../domain/types'

const s = (key: string, level: number, heading: string, guidance: string): ReportTemplateSection => ({ key, level, heading, guidance })

export const DEFAULT_TEMPLATES: Record<ReportKind, ReportTemplate> = {
  巡察报告: {
    title: '关于对{unit}巡察情况的报告',
    sections: [
      s('opening', 0, '', '授权依据、进驻和撤点时间，以及个别谈话、受理信访、调阅资料、问卷、走访等工作量（由系统统计）'),
      s('overview', 1, '基本情况和总体评价', '被巡察党组织基本情况；政治生态（好转/持平/恶化）；贯彻落实情况（好/较好/一般/较差）的总体判断'),
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
  },
  领导班子情况汇总: {
    title: '关于{unit}领导班子情况的汇总',
    sections: [
      s('team-overall', 1, '班子整体情况', '班子结构、民主集中制执行、团结协作、民主生活会质量、测评结果'),
      s('team-members', 1, '班子成员情况', '每名成员：姓名、职务、分工、任现职时间、测评结果、优点、问题、涉及线索、综合评价、建议'),
      s('selection', 1, '选人用人情况', '干部选拔任用、编外招聘等'),
      s('suggestions', 1, '意见建议', '对班子建设和干部调整的建议'),
    ],
  },
}

/** The template the round uses for a kind: the team's edit, or the default. */
export function templateFor(round: Pick<Round, 'reportTemplates'>, kind: ReportKind): ReportTemplate {
  // A JSON copy: the round may be a reactive proxy, which structuredClone refuses.
  return JSON.parse(JSON.stringify(round.reportTemplates?.[kind] ?? DEFAULT_TEMPLATES[kind])) as ReportTemplate
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
  return errors
}

export const ALL_REPORT_KINDS: readonly ReportKind[] = REPORT_KINDS
