// 巡言巡语: built-in problem statements and recommendations by category of the 四个落实 framework
// (node ids L1…L4.x of shared/domain/frameworks.ts; '' = any category). A round copies them the
// first time the team edits its library (Round.phrases).
import type { Phrase } from '../domain/types'

const P = (id: string, category: string, kind: Phrase['kind'], text: string): Phrase => ({ id: `builtin-${id}`, category, kind, text })

export const DEFAULT_PHRASES: readonly Phrase[] = [
  P('l1-1', 'L1', '问题表述', '贯彻落实上级决策部署不够坚决，存在“上热中温下冷”现象，部分任务推进迟缓。'),
  P('l1-2', 'L1', '问题表述', '学习贯彻停留在传达层面，结合实际研究落实不够，以会议落实会议、以文件落实文件。'),
  P('l1-r', 'L1', '整改建议', '建立重大决策部署落实台账，明确责任领导、时间节点，定期调度、跟踪问效。'),
  P('l21-1', 'L2.1', '问题表述', '落实“三重一大”集体决策制度不严格，以通报代替集体研究，先执行后补程序。'),
  P('l21-2', 'L2.1', '问题表述', '主体责任压力传导层层递减，对下属单位管党治党督促指导不够。'),
  P('l21-r', 'L2.1', '整改建议', '修订“三重一大”决策制度实施办法，明确事项范围和议事程序，决策事项全程留痕、台账管理。'),
  P('l22-1', 'L2.2', '问题表述', '纪检组织监督首责履行不到位，对“一把手”和领导班子监督乏力，信访举报处置不及时。'),
  P('l22-r', 'L2.2', '整改建议', '聚焦监督首责，建立对“一把手”和班子成员的日常监督台账，按期办结信访举报并反馈。'),
  P('l23-1', 'L2.3', '问题表述', '违反中央八项规定精神问题仍有发生，会议培训已安排食宿仍报销伙食补助和交通补助。'),
  P('l23-2', 'L2.3', '问题表述', '虚列支出套取资金，违规发放津补贴或福利。'),
  P('l23-r', 'L2.3', '整改建议', '对违规发放、重复报销款项全额清退，完善财务报销审核制度，严格执行公务支出标准。'),
  P('l24-1', 'L2.4', '问题表述', '形式主义、官僚主义问题依然存在，督查检查考核过多过频，基层负担较重。'),
  P('l24-r', 'L2.4', '整改建议', '精简会议文件和督查检查事项，建立基层减负监测点，定期听取基层意见。'),
  P('l25-1', 'L2.5', '问题表述', '惠民惠农项目监管不严，存在工程量不实、验收走过场仍全额付款问题。'),
  P('l25-2', 'L2.5', '问题表述', '下属单位资产出租管理混乱，租金收入未全部纳入单位账务统一核算。'),
  P('l25-r', 'L2.5', '整改建议', '开展项目资金专项清理，对多付款项依法追回；资产出租一律公开招租、合同管理、收入统一入账。'),
  P('l31-1', 'L3.1', '问题表述', '民主生活会查摆问题年年相同，批评与自我批评辣味不足，整改不实。'),
  P('l31-r', 'L3.1', '整改建议', '高质量召开专题民主生活会，问题查摆具体到人到事，整改措施可检验、有时限。'),
  P('l32-1', 'L3.2', '问题表述', '选人用人程序不规范，动议、民主推荐环节把关不严，存在“近亲繁殖”现象。'),
  P('l32-r', 'L3.2', '整改建议', '严格执行干部选拔任用工作条例，全程纪实，落实回避制度，编外人员招聘一律公开。'),
  P('l33-1', 'L3.3', '问题表述', '基层党组织建设薄弱，“三会一课”不规范，存在补记、代记现象。'),
  P('l33-r', 'L3.3', '整改建议', '开展基层党支部标准化规范化建设，定期抽查“三会一课”记录，纳入书记抓党建述职评议。'),
  P('l4-1', 'L4', '问题表述', '上轮巡察反馈问题整改不彻底，存在“纸上整改”“虚假销号”现象。'),
  P('l4-r', 'L4', '整改建议', '对上轮巡察和审计发现问题逐项“回头看”，未整改到位的重新制定措施、限期销号。'),
  P('any-r', '', '整改建议', '举一反三，建立健全长效机制，防止类似问题反弹回潮。'),
]

/** The round's library: its own copy once edited, the built-in one until then. */
export function phrasesOf(round: { phrases?: Phrase[] }): Phrase[] {
  return round.phrases ?? DEFAULT_PHRASES.map((p) => ({ ...p }))
}

/** Phrases that fit a category: its own, its parent's (L2.3 → L2) and the general ones. */
export function phrasesFor(all: Phrase[], category: string, kind?: Phrase['kind']): Phrase[] {
  const parent = category.includes('.') ? category.split('.')[0]! : category
  return all.filter((p) => (!kind || p.kind === kind) && (p.category === '' || p.category === category || p.category === parent))
}
