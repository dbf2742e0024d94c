// The domain model of one 巡察 round. Every stored record carries RecordMeta;
// keys are UUID strings so records from several laptops never collide.

export type Id = string
/** Calendar date `YYYY-MM-DD`. */
export type IsoDate = string
/** Time of day `HH:mm`. */
export type ClockTime = string
/** Year and month `YYYY-MM` (cadre birth dates, 任现职时间). */
export type YearMonth = string

export interface RecordMeta {
  id: Id
  createdAt: string
  updatedAt: string
  /** Roster member id (or 'system' for set-up before a roster exists). */
  updatedBy: string
  deviceId: string
  /** Tombstone: deletions travel between laptops instead of vanishing. */
  deleted?: boolean
}

export interface RoundScoped extends RecordMeta {
  roundId: Id
}

export const ROUND_MODES = ['常规', '专项', '机动', '提级', '交叉', '延伸', '回头看'] as const
export type RoundMode = (typeof ROUND_MODES)[number]

export const MARKING_LEVELS = ['无', '内部', '内部事项 注意保管', '秘密', '机密'] as const
export type MarkingLevel = (typeof MARKING_LEVELS)[number]
export interface Marking {
  level: MarkingLevel
  /** 保密期限 in years, for 秘密 and 机密. */
  years?: number
}

export interface FrameworkNode {
  id: string
  title: string
  children: FrameworkNode[]
}
export interface Framework {
  key: 'four-implementations' | 'three-focuses' | 'four-focuses' | 'custom'
  name: string
  nodes: FrameworkNode[]
}

export interface Round extends RecordMeta {
  name: string
  /** 届次轮次, e.g. 十二届区委第三轮. */
  batch: string
  mode: RoundMode
  /** 被巡察党组织. */
  unitName: string
  entryDate: IsoDate
  exitDate: IsoDate
  petitionCutoff: IsoDate
  framework: Framework
  defaultMarking: Marking
  /** Marking per kind of export, where it differs from the default. */
  markings?: Partial<Record<ExportKind, Marking>>
  notes: string
  /** 巡言巡语 phrase library of this round; absent = the built-in defaults (shared/casework/phrases.ts). */
  phrases?: Phrase[]
  /** Interview coverage checks switched on or off for this round (absent = on). */
  interviewChecks?: Partial<Record<InterviewCheckKey, boolean>>
  /** 谈话提纲 templates by interviewee category, edited by the team (absent = built-in default). */
  outlineTemplates?: Partial<Record<CadreCategory, string>>
  /** "1+3" report templates edited by the team (absent = the guide §8 outlines, shared/reports/templates.ts). */
  reportTemplates?: Partial<Record<ReportKind, ReportTemplate>>
  /** 民主测评 and 问卷 results (shared/surveys). */
  surveys?: SurveyResults
  /** The highest 份号 drawn in this round (shared/export/copy-number.ts); absent = none yet. */
  copyCounter?: number
}

/** The switchable coverage checks of the interview schedule (guide §3). */
export const INTERVIEW_CHECK_KEYS = ['leadershipCovered', 'midLevelCovered', 'topLeaderFirst', 'topLeaderLastWeek'] as const
export type InterviewCheckKey = (typeof INTERVIEW_CHECK_KEYS)[number]

export const PHRASE_KINDS = ['问题表述', '整改建议'] as const
export interface Phrase {
  id: Id
  /** Framework node id ('' = any category). */
  category: string
  kind: (typeof PHRASE_KINDS)[number]
  text: string
}

/** Every kind of document the app exports; each has its own marking setting. */
export const EXPORT_KINDS = [
  '谈话安排表',
  '谈话记录',
  '调阅清单',
  '信访登记表',
  '底稿',
  '问题清单',
  '问题线索清单',
  '问题线索移交清单',
  '巡察报告',
  '专题报告',
  '审计日志',
  '清理证明',
  '审阅笔记',
  '追责问责清单',
  '点人点事清单',
  '整改台账',
  '清单汇总',
  '立行立改通知书',
] as const
export type ExportKind = (typeof EXPORT_KINDS)[number]

export const MEMBER_ROLES = ['组长', '副组长', '组员', '联络员'] as const
export type MemberRole = (typeof MEMBER_ROLES)[number]

export interface Recusal {
  /** Name of the relative or associate in the inspected unit. */
  name: string
  relation: string
  /** Registry entry when the person is in the unit's roster. */
  cadreId?: Id
}

export interface TeamMember extends RoundScoped {
  kind: 'member'
  name: string
  role: MemberRole
  /** 派出单位 (纪检监察, 组织, 审计…). */
  fromUnit: string
  phone: string
  recusals: Recusal[]
  confidentialitySigned: boolean
  /** Personal signing keys, newest last; old ones stay so old signatures still verify (shared/signing). */
  signingKeys?: MemberKey[]
}

/** A personal signature over an act's canonical text (shared/signing/acts.ts). */
export interface ActSignature {
  keyId: string
  /** ECDSA P-256 / SHA-256, base64. */
  sig: string
}

/** A statement of the 组长 about a member's key, signed with the 组长's key. */
export interface KeyStatement {
  at: string
  /** The 组长's member id and key id. */
  by: Id
  keyId: string
  sig: string
}

/** One public key of a member. It counts once the 组长 certified it; signatures dated after `revoked.at` do not. */
export interface MemberKey {
  keyId: string
  /** SPKI, base64. */
  publicKey: string
  createdAt: string
  cert?: KeyStatement
  revoked?: KeyStatement
}

export const CADRE_CATEGORIES = ['一把手', '班子成员', '中层正职', '中层副职', '一般干部', '退休干部', '服务对象/群众', '其他'] as const
export type CadreCategory = (typeof CADRE_CATEGORIES)[number]

export interface Cadre extends RoundScoped {
  kind: 'cadre'
  name: string
  gender: '' | '男' | '女'
  birth: YearMonth | ''
  post: string
  duties: string
  inPostSince: YearMonth | ''
  department: string
  /** 政治面貌, 民族, 学历, 籍贯: optional because records written before they existed lack them. */
  politicalStatus?: string
  ethnicity?: string
  education?: string
  nativePlace?: string
  category: CadreCategory
  isTopLeader: boolean
  isDisciplineChief: boolean
  isLeadershipMember: boolean
  isMidLevelHead: boolean
  notes: string
  /** Other names the team confirmed mean this person in interview notes (e.g. 老王); reports credit only the name and these. */
  aliases?: string[]
}

export type Person = TeamMember | Cadre

export const INTERVIEW_STATUSES = ['待谈', '已谈', '改期', '未到', '取消'] as const
export type InterviewStatus = (typeof INTERVIEW_STATUSES)[number]

export interface InterviewPoint {
  id: Id
  text: string
  /** Framework node id. */
  category: string
  involvesClue: boolean
  needsVerification: boolean
}

export interface InterviewRecord {
  /** 第几次谈话. */
  sessionNo: number
  points: InterviewPoint[]
  interviewerSigned: boolean
  recorderSigned: boolean
  intervieweeConfirmed: boolean
}

export interface SlotChange {
  date: IsoDate
  start: ClockTime
  end: ClockTime
  room: string
  changedAt: string
  reason: string
}

export interface Interview extends RoundScoped {
  intervieweeId: Id
  category: CadreCategory
  date: IsoDate
  start: ClockTime
  end: ClockTime
  room: string
  leadId: Id
  recorderId: Id
  outline: string
  status: InterviewStatus
  /** 再次约谈: the earlier interview this one follows up. */
  followUpOf?: Id
  history: SlotChange[]
  notes: string
  record: InterviewRecord | null
  /** 是否需再次约谈, marked by the team. */
  needsFollowUp?: boolean
}

export const DOCUMENT_CATEGORIES = [
  '党委(党组)会议记录',
  '三重一大决策材料',
  '中心组学习',
  '民主生活会/组织生活会',
  '三会一课',
  '财务账簿凭证',
  '工程招投标',
  '干部选拔任用档案',
  '制度汇编',
  '信访台账',
  '上轮巡视巡察及审计整改材料',
  '其他',
] as const

export interface BorrowedDocument extends RoundScoped {
  title: string
  category: string
  department: string
  quantity: string
  docDate: string
  borrowedOn: IsoDate
  borrowerId: Id
  dueOn: IsoDate | ''
  returnedOn: IsoDate | ''
  /** 收回人: a team member or a registry cadre (the unit's person who takes the documents back). */
  receiverId: Id | ''
  /** 收回人 typed by hand when neither on the roster nor in the registry. */
  receiverName?: string
  notes: string
}

export interface DocumentNote extends RoundScoped {
  documentId: Id
  page: string
  excerpt: string
  doubt: string
  reviewerId: Id
  date: IsoDate
  category: string
}

export const PETITION_CHANNELS = ['来信', '来电', '来访', '网络', '举报箱', '带件入巡'] as const
export const DISCIPLINES = ['政治纪律', '组织纪律', '廉洁纪律', '群众纪律', '工作纪律', '生活纪律'] as const
export type Discipline = (typeof DISCIPLINES)[number]

export interface Petition extends RoundScoped {
  receivedOn: IsoDate
  channel: (typeof PETITION_CHANNELS)[number]
  anonymous: boolean
  reporterName: string
  reporterContact: string
  subjectId: Id | ''
  subjectName: string
  subjectPost: string
  summary: string
  discipline: Discipline | ''
  inScope: boolean
  disposition: '' | '转为线索' | '纳入底稿' | '转有关部门' | '存档'
}

export const VISIT_KINDS = ['走访', '座谈', '明察暗访', '专项检查'] as const
export interface SiteVisit extends RoundScoped {
  date: IsoDate
  place: string
  kind: (typeof VISIT_KINDS)[number]
  memberIds: Id[]
  peopleMet: string
  notes: string
  category: string
}

/** A link from a 底稿 or clue to the evidence it rests on. */
export interface EvidenceLink {
  kind: 'interviewPoint' | 'documentNote' | 'petition' | 'visit' | 'attachment'
  /** Record id; for an interview point `interviewId#pointId`. */
  ref: string
}

export const SIGNOFF_STEPS = ['承办人签字', '副组长审核', '组长审签'] as const
export type SignoffStep = (typeof SIGNOFF_STEPS)[number]
export interface Signoff {
  step: SignoffStep
  memberId: Id
  at: string
  /**
   * What was signed (absent on sign-offs recorded before it was kept): the SHA-256 of the
   * 底稿's canonical content, and a copy of every cited evidence item with its SHA-256 — the
   * hashes a personal signature will cover (shared/casework/signing.ts).
   */
  contentSha256?: string
  evidence?: SignedEvidence[]
  /** The signer's personal signature over the act (absent on sign-offs made before signatures). */
  signature?: ActSignature
}

/** One cited evidence item as it read at a sign-off. */
export interface SignedEvidence {
  kind: EvidenceLink['kind']
  ref: string
  text: string
  sha256: string
}

/** One line of a 底稿's or clue's review history (签字, 退回 with comments, 移交, 撤回…). */
export interface ReviewEntry {
  action: string
  memberId: Id
  at: string
  comment?: string
  /** For a return or an approval: the actor's personal signature. */
  signature?: ActSignature
}

/** The content of a 底稿 as it was before an edit, with the sign-offs it then had. */
export interface PaperVersion {
  at: string
  by: Id
  content: Record<string, unknown>
  signoffs: Signoff[]
}

export const RESPONSIBILITY_TYPES = ['主体责任', '监督责任', '直接责任', '领导责任'] as const
/** A person the 底稿 proposes to hold accountable (追责问责清单). */
export interface Accountability {
  personId: Id
  type: (typeof RESPONSIBILITY_TYPES)[number]
  /** 建议问责方式. */
  measure: string
}

export const PAPER_DISPOSITIONS = ['写入报告', '立行立改', '转为线索'] as const
export interface WorkingPaper extends RoundScoped {
  number: string
  date: IsoDate
  title: string
  category: string
  responsibleType: '' | '班子' | '个人' | '部门'
  personIds: Id[]
  timePlace: string
  summary: string
  facts: string
  learnedBy: string
  basis: string
  analysis: string
  amount: number | null
  keyFocus: boolean
  disposition: (typeof PAPER_DISPOSITIONS)[number]
  handlerId: Id
  evidence: EvidenceLink[]
  signoffs: Signoff[]
  editedAfterSignoff: boolean
  /** 整改建议 (问题清单, 整改台账). */
  recommendation?: string
  accountability?: Accountability[]
  reviewLog?: ReviewEntry[]
  versions?: PaperVersion[]
  /** Set on a 底稿 merged into another (it is hidden, never deleted, so its number stays taken). */
  mergedInto?: Id
  mergedFrom?: string[]
}

export const CLUE_STATUSES = ['草稿', '组长审核', '定稿', '已移交', '已撤回'] as const
export type ClueStatus = (typeof CLUE_STATUSES)[number]
export const CLUE_SOURCES = [
  '信访举报',
  '上级交办',
  '公检法机关移交',
  '监督检查中发现',
  '审查调查中发现',
  '审计中发现',
  '巡视巡察中发现',
  '其他',
] as const

export interface Clue extends RoundScoped {
  number: string
  registeredOn: IsoDate
  source: (typeof CLUE_SOURCES)[number]
  reporter: string
  subjectId: Id | ''
  subjectName: string
  subjectPost: string
  jurisdiction: string
  summary: string
  discipline: Discipline | ''
  verifiability: '' | '具体' | '较具体' | '笼统'
  preliminary: string
  proposal: string
  receiverUnit: string
  leaderOpinion: string
  transferredOn: IsoDate | ''
  transferNo: string
  receiver: string
  feedback: string
  status: ClueStatus
  evidence: EvidenceLink[]
  seal: ClueSeal | null
  reviewLog?: ReviewEntry[]
  withdrawal?: { reason: string; at: string; by: Id; signature?: ActSignature }
}

/** The evidence of a sealed clue as it was at 移交 (its text is frozen with the seal). */
export interface FrozenEvidence extends EvidenceLink {
  text: string
}
export interface ClueSeal {
  sha256: string
  at: string
  by: Id
  /** Copies of the cited evidence, covered by the hash (absent on seals recorded before they were kept). */
  evidence?: FrozenEvidence[]
  /** The 组长's personal signature over the seal. */
  signature?: ActSignature
}

export interface ChecklistItem extends RoundScoped {
  nodeId: string
  question: string
  order: number
  paperIds: Id[]
}

export const REPORT_KINDS = ['巡察报告', '“一把手”情况反映', '纪检组长（纪委书记）履职情况报告', '领导班子情况汇总'] as const
export type ReportKind = (typeof REPORT_KINDS)[number]
export const REPORT_STATUSES = ['起草', '组内审核', '报巡察办', '定稿'] as const
export interface ReportParagraph {
  id: Id
  text: string
  paperIds: Id[]
  /** Where a generated paragraph came from (stable across regenerations, e.g. `problem:<paperId>`); absent = written by hand. */
  slot?: string
  /** The text the generator last produced for this slot: text ≠ generatedText means the user edited it. */
  generatedText?: string
  /** A regeneration produced different text for an edited paragraph: the user takes it or keeps theirs. */
  pendingText?: string
  /** The data behind a paragraph that cites no 底稿 (e.g. 工作统计, 民主测评), for the traceability check. */
  basis?: string
}
export interface ReportComment {
  id: Id
  /** 办组会商 comment from the 巡察办 (or the team), per section. */
  text: string
  by: string
  at: string
  resolved: boolean
}
/** A table under a section (the per-member table of the 领导班子情况汇总). */
export interface ReportTable {
  columns: string[]
  rows: string[][]
}
export interface ReportSection {
  id: Id
  level: number
  heading: string
  paragraphs: ReportParagraph[]
  /** Template section key, so regeneration finds the section again. */
  key?: string
  /** 撰写提示 from the template (not printed). */
  guidance?: string
  table?: ReportTable
  comments?: ReportComment[]
}
export interface ReportVersion {
  at: string
  by: string
  note: string
  status: Report['status']
  title: string
  sections: ReportSection[]
}
export interface Report extends RoundScoped {
  kind: (typeof REPORT_KINDS)[number]
  title: string
  status: '起草' | '组内审核' | '报巡察办' | '定稿'
  sections: ReportSection[]
  versions?: ReportVersion[]
  /** When the draft was last generated from the round's data. */
  generatedAt?: string
}

/** An editable report template: sections with guidance, the guide §8 outlines by default. */
export interface ReportTemplateSection {
  key: string
  level: number
  heading: string
  guidance: string
}
/**
 * Where the topic papers put interview points: a point goes to `section` when its category's
 * framework title (or an ancestor's) contains one of `tags`, or its text one of `words`. A route
 * with neither catches the points no earlier route took.
 */
export interface ReportRoute {
  section: string
  tags?: string[]
  words?: string[]
}
export interface ReportTemplate {
  title: string
  sections: ReportTemplateSection[]
  /** Interview-point routing into this template's sections (absent = the default template's). */
  routes?: ReportRoute[]
  /** Sentence frames by kind of evidence, overriding the defaults (shared/reports/templates.ts). */
  frames?: Record<string, string>
}

/** 民主测评 and 问卷调查 results of the round. */
export interface SurveyResults {
  /** The grades of the round's scale, best first (default 好/较好/一般/差). */
  scale: string[]
  ballots: { handedOut: number; returned: number }
  /** Votes per cadre, one count per grade of the scale. */
  cadres: { cadreId: Id | ''; name: string; post: string; counts: number[] }[]
  questionnaire: { handedOut: number; returned: number; questions: { text: string; options: string[]; counts: number[] }[] }
  updatedAt?: string
}

export interface Attachment extends RoundScoped {
  name: string
  mime: string
  size: number
  sha256: string
  /** Base64 of the file's bytes. */
  data: string
}

export interface AuditEntry {
  seq: number
  at: string
  /**
   * Who acted: the roster member id (the view resolves the name after unlock). Entries
   * written before v2 hold the name and role here, in clear.
   */
  actor: string
  /** Roster member id, or 'system' before a user is chosen. */
  actorId: string
  deviceId: string
  action: string
  table: string
  recordId: string
  /** Field names, never their values. */
  fields: string[]
  /** A fixed phrase, counts, hashes or ids: never a name or free text (docs/security.md). */
  detail: string
  prevHash: string
  /** v2: HMAC-SHA-256 under the vault-held audit key; absent (v1): plain SHA-256. */
  v?: 2
  hash: string
}

export interface Setting {
  key: string
  value: unknown
}
