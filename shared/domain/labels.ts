// The Chinese name of every field, defined once. Forms, tables, Excel headers and PDFs
// all read their labels from here.
import type { BorrowedDocument, Cadre, Clue, DocumentNote, Interview, Petition, Round, SiteVisit, TeamMember, WorkingPaper } from './types'

import type { InterviewPoint, InterviewRecord, SlotChange } from './types'

type Labels<T> = { readonly [K in keyof T]?: string }

export const ROUND_LABELS = {
  name: '巡察名称',
  batch: '届次轮次',
  mode: '巡察方式',
  unitName: '被巡察党组织',
  entryDate: '进驻日期',
  exitDate: '撤点日期',
  petitionCutoff: '信访受理截止日',
  framework: '分类框架',
  defaultMarking: '默认密级标识',
  notes: '备注',
} as const satisfies Labels<Round>

export const MEMBER_LABELS = {
  name: '姓名',
  role: '组内职务',
  fromUnit: '派出单位',
  phone: '联系电话',
  recusals: '回避申报',
  confidentialitySigned: '已签保密承诺书',
} as const satisfies Labels<TeamMember>

export const CADRE_LABELS = {
  name: '姓名',
  gender: '性别',
  birth: '出生年月',
  post: '职务',
  duties: '分工',
  inPostSince: '任现职时间',
  department: '所在部门',
  politicalStatus: '政治面貌',
  ethnicity: '民族',
  education: '学历',
  nativePlace: '籍贯',
  category: '对象类别',
  isTopLeader: '一把手',
  isDisciplineChief: '纪检组长/纪委书记',
  isLeadershipMember: '班子成员',
  isMidLevelHead: '中层正职',
  notes: '备注',
  aliases: '谈话中的其他称呼',
} as const satisfies Labels<Cadre>

export const INTERVIEW_LABELS = {
  date: '日期',
  start: '开始时间',
  end: '结束时间',
  room: '地点',
  intervieweeId: '谈话对象',
  category: '对象类别',
  leadId: '主谈人',
  recorderId: '记录人',
  status: '状态',
  outline: '谈话提纲',
  followUpOf: '再次约谈',
  notes: '备注',
  history: '改期记录',
  record: '谈话记录',
  needsFollowUp: '是否需再次约谈',
} as const satisfies Labels<Interview>

/** Columns of the 谈话安排表 and register that are not stored fields. */
export const INTERVIEW_COLUMN_LABELS = {
  slot: '时段',
  intervieweePost: '单位及职务',
  pointCount: '要点数',
  clueCount: '涉及线索要点',
  verifyCount: '需核实要点',
  signatures: '签字情况',
  warnings: '提示',
} as const

export const INTERVIEW_RECORD_LABELS = {
  sessionNo: '第几次谈话',
  points: '谈话要点',
  interviewerSigned: '谈话人已签字',
  recorderSigned: '记录人已签字',
  intervieweeConfirmed: '谈话对象已阅确认',
} as const satisfies Labels<InterviewRecord>

export const INTERVIEW_POINT_LABELS = {
  text: '要点内容',
  category: '问题分类',
  involvesClue: '涉及线索',
  needsVerification: '需核实',
} as const satisfies Labels<InterviewPoint>

export const SLOT_CHANGE_LABELS = {
  date: '原日期',
  start: '原开始时间',
  end: '原结束时间',
  room: '原地点',
  changedAt: '改期时间',
  reason: '改期原因',
} as const satisfies Labels<SlotChange>

export const DOCUMENT_LABELS = {
  title: '资料名称',
  category: '类别',
  department: '提供部门',
  quantity: '数量',
  docDate: '资料日期',
  borrowedOn: '调阅资料日期',
  borrowerId: '调阅人',
  dueOn: '预计归还',
  returnedOn: '归还日期',
  receiverId: '收回人',
  receiverName: '收回人（手填）',
  notes: '备注',
} as const satisfies Labels<BorrowedDocument>

/** The two signature columns of the 调阅清单 (guide §4). */
export const LENDING_SIGN_LABELS = { borrowerSign: '调阅人签名', receiverSign: '收回人签名' } as const

export const NOTE_LABELS = {
  documentId: '资料名称',
  page: '页码/凭证号',
  excerpt: '摘录/发现',
  doubt: '疑点',
  reviewerId: '审阅人',
  date: '日期',
  category: '问题分类',
} as const satisfies Labels<DocumentNote>

export const PETITION_LABELS = {
  receivedOn: '收件日期',
  channel: '方式',
  reporterName: '反映人',
  reporterContact: '联系方式',
  subjectName: '被反映人',
  subjectPost: '单位职务',
  summary: '反映主要问题',
  discipline: '纪律类别',
  inScope: '是否属于受理范围',
  disposition: '处置',
} as const satisfies Labels<Petition>

export const VISIT_LABELS = {
  date: '日期',
  place: '走访地点/单位',
  kind: '形式',
  memberIds: '参加人员',
  peopleMet: '接触人员',
  notes: '情况记录',
  category: '问题分类',
} as const satisfies Labels<SiteVisit>

export const PAPER_LABELS = {
  number: '底稿编号',
  date: '编制日期',
  title: '问题标题',
  category: '问题分类',
  responsibleType: '责任主体',
  personIds: '涉及人员',
  timePlace: '发生时间和地点',
  summary: '问题概述',
  facts: '查证事实',
  learnedBy: '了解方式',
  basis: '定性依据',
  analysis: '问题剖析',
  amount: '金额（元）',
  keyFocus: '重点关注',
  disposition: '处置建议',
  handlerId: '承办人',
  evidence: '支撑材料',
  signoffs: '签字',
  editedAfterSignoff: '改动于签字后',
  recommendation: '整改建议',
  accountability: '追责问责',
  reviewLog: '审核记录',
  versions: '历史版本',
  mergedInto: '已并入',
  mergedFrom: '合并自',
} as const satisfies Labels<WorkingPaper>

/** Columns of the 清单 (guide §6–§7) that are not stored fields under the same name. */
export const LIST_COLUMN_LABELS = {
  problemStatement: '问题表述',
  typicalCase: '典型事例',
  immediate: '是否立行立改',
  signState: '审签状态',
  problem: '问题',
  responsiblePerson: '责任人',
  post: '职务',
  responsibilityType: '责任类型',
  measure: '建议问责方式',
  basis: '依据',
  name: '姓名',
  matter: '具体事项',
  time: '时间',
  amount: '金额（元）',
  source: '来源',
  proposal: '建议处理',
  problemSummary: '主要问题摘要',
  attachments: '附件（件）',
  sealHash: '封存校验值（SHA-256）',
  feedbackDue: '反馈期限',
  feedbackProblem: '反馈问题',
  target: '整改目标',
  measures: '整改措施',
  leader: '责任领导',
  leadDepartment: '牵头部门',
  owner: '责任人',
  deadline: '完成时限',
  rectifyType: '整改类型',
  progress: '进展',
  proof: '佐证材料',
  closed: '销号',
} as const

export const CLUE_LABELS = {
  number: '线索编号',
  registeredOn: '登记日期',
  source: '来源',
  reporter: '反映人',
  subjectName: '被反映人',
  subjectPost: '单位职务',
  jurisdiction: '干部管理权限',
  summary: '反映主要问题',
  discipline: '纪律类别',
  verifiability: '可查性',
  preliminary: '初步了解情况',
  proposal: '处置建议',
  receiverUnit: '拟移交单位',
  leaderOpinion: '组长审核意见',
  transferredOn: '移交日期',
  transferNo: '移交编号',
  receiver: '接收人',
  feedback: '办理结果反馈',
  status: '状态',
  evidence: '支撑材料',
  seal: '封存',
  reviewLog: '审核记录',
  withdrawal: '撤回',
} as const satisfies Labels<Clue>

/** Names of the record kinds, as the users say them. */
export const TABLE_LABELS = {
  rounds: '巡察轮次',
  people: '人员',
  interviews: '谈话',
  documents: '调阅资料',
  documentNotes: '审阅笔记',
  petitions: '信访',
  visits: '走访座谈',
  workingPapers: '底稿',
  clues: '问题线索',
  checklist: '检查清单',
  reports: '报告',
  attachments: '附件',
} as const

/** 检查清单 items (guide §6). */
export const CHECKLIST_LABELS = {
  nodeId: '检查事项',
  question: '检查问题',
  order: '顺序',
  paperIds: '关联底稿',
} as const

/** Stored files (scans, photos) attached to records. */
export const ATTACHMENT_LABELS = {
  name: '文件名',
  mime: '文件类型',
  size: '大小',
  sha256: '校验值',
  data: '文件内容',
} as const

/** Fields every round record has, and links to the registry kept beside a typed name. */
const RECORD_FIELD_LABELS = {
  roundId: '所属轮次',
  kind: '人员类别',
  subjectId: '被反映人（名册）',
  anonymous: '匿名',
} as const

const FIELD_LABELS: Record<string, Record<string, string>> = {
  rounds: ROUND_LABELS,
  interviews: INTERVIEW_LABELS,
  documents: DOCUMENT_LABELS,
  documentNotes: NOTE_LABELS,
  petitions: PETITION_LABELS,
  visits: VISIT_LABELS,
  workingPapers: PAPER_LABELS,
  clues: CLUE_LABELS,
  people: { ...CADRE_LABELS, ...MEMBER_LABELS },
  checklist: CHECKLIST_LABELS,
  attachments: ATTACHMENT_LABELS,
}

/** The Chinese name of a record field, for the audit log ('post' in people → 职务). */
export function fieldLabel(table: string, field: string): string {
  const own = table === 'reports' ? (REPORT_LABELS as Record<string, string>)[field] : FIELD_LABELS[table]?.[field]
  return own ?? (RECORD_FIELD_LABELS as Record<string, string>)[field] ?? field
}

/** "1+3" reports (guide §8). */
export const REPORT_LABELS = {
  kind: '报告类型',
  title: '标题',
  status: '状态',
  sections: '正文',
  heading: '标题',
  level: '层级',
  guidance: '撰写提示',
  paperIds: '引用底稿',
  comments: '会商意见',
  versions: '历史版本',
  generatedAt: '生成时间',
} as const

/** 民主测评 and 问卷调查 (测评统计). */
export const SURVEY_LABELS = {
  scale: '评价等次',
  handedOut: '发放',
  returned: '收回',
  name: '姓名',
  post: '职务',
  votes: '票数',
  goodRate: '好和较好率',
  question: '题目',
  option: '选项',
  count: '人数',
  share: '占比',
} as const
