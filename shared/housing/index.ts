// A second fixture round, deliberately unlike the sample (shared/sample): 市委第二巡察组 at the
// 市住房和城乡建设局党组. Test data, and it says so in its notes. What it is built to catch:
// - a 班子成员 whose name has a CJK Extension B character (陈𠈌), named in 12 底稿 per scale;
// - 王建 (副局长) beside 王建国 (科长): 王建国's points must not be credited to 王建;
// - points that say "一把手"/"主要负责人" without a name (not credited to anyone);
// - the 一把手's own allegation about a colleague (not others' 评价 of him);
// - near-duplicate points from several people (said once, with their count);
// - three 转为线索 底稿 with facts and recommendations that must appear in no report;
// - a 底稿 whose facts run over 3,000 characters; text that begins with = + - @; half-width
//   punctuation; a document title with "/" and ":";
// - the 一把手 registered last, so roster order has to put him first.
// Deterministic (seeded PRNG, no clock); `scale` multiplies interviews, documents, 底稿 and petitions.
import { copyFramework, FOUR_IMPLEMENTATIONS } from '../domain/frameworks'
import { emptyTables, type RoundSnapshot } from '../domain/snapshot'
import type {
  BorrowedDocument,
  Cadre,
  Clue,
  Interview,
  InterviewPoint,
  IsoDate,
  Petition,
  Round,
  SiteVisit,
  TeamMember,
  WorkingPaper,
} from '../domain/types'
import { addDays } from '../util/dates'
import { createRng } from '../sample/prng'

export const HOUSING_UNIT = '市住房和城乡建设局党组'
/** The marker every clue-bound text carries: it must never appear in a report. */
export const CLUE_MARKER = '（线索事实）'
/** The 班子成员 with a CJK Extension B character in his name. */
export const EXT_B_NAME = '陈𠈌'
/** 底稿 naming 陈𠈌, per unit of scale. */
export const EXT_B_PAPERS = 12

interface Spec {
  key: string
  name: string
  gender: '男' | '女'
  birth: string
  post: string
  duties: string
  since: string
  dept: string
  top?: boolean
  chief?: boolean
  member?: boolean
}

const LEADERS: Spec[] = [
  {
    key: 'chief',
    name: '赵敏',
    gender: '女',
    birth: '1976-05',
    post: '党组成员、驻局纪检监察组组长',
    duties: '负责驻局纪检监察工作',
    since: '2021-03',
    dept: '驻局纪检监察组',
    chief: true,
    member: true,
  },
  {
    key: 'chen',
    name: EXT_B_NAME,
    gender: '男',
    birth: '1972-08',
    post: '党组成员、副局长',
    duties: '分管建筑市场监管处、城建计划处、市建设工程质量安全监督站',
    since: '2020-09',
    dept: '局领导',
    member: true,
  },
  {
    key: 'wj',
    name: '王建',
    gender: '男',
    birth: '1974-01',
    post: '党组成员、副局长',
    duties: '分管住房保障处、房地产市场监管处',
    since: '2022-01',
    dept: '局领导',
    member: true,
  },
  {
    key: 'slx',
    name: '孙立新',
    gender: '男',
    birth: '1970-11',
    post: '党组成员、总工程师',
    duties: '协助分管科技与标准定额工作',
    since: '2019-06',
    dept: '局领导',
    member: true,
  },
  {
    key: 'zt',
    name: '周婷',
    gender: '女',
    birth: '1978-03',
    post: '党组成员、副局长',
    duties: '分管人事教育处、办公室',
    since: '2023-04',
    dept: '局领导',
    member: true,
  },
]
const OTHERS: Spec[] = [
  {
    key: 'wjg',
    name: '王建国',
    gender: '男',
    birth: '1980-02',
    post: '建筑市场监管处处长',
    duties: '',
    since: '2018-07',
    dept: '建筑市场监管处',
  },
  { key: 'lh', name: '李华', gender: '女', birth: '1985-06', post: '住房保障处副处长', duties: '', since: '2021-05', dept: '住房保障处' },
]
/** The 一把手, registered last. */
const TOP: Spec = {
  key: 'top',
  name: '刘卫华',
  gender: '男',
  birth: '1968-12',
  post: '党组书记、局长',
  duties: '主持局党组和局行政全面工作',
  since: '2022-01',
  dept: '局领导',
  top: true,
  member: true,
}

const SURNAMES = Array.from(
  '张王李赵刘陈杨黄吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁沈姚卢姜崔钟谭陆汪范金',
)
const GIVEN = Array.from('明静丽强磊洋勇艳杰娟涛超秀霞平刚桂英红玉兰志海波宁斌宇鹏辉婷雪琳晨浩')
const DEPTS = [
  '办公室',
  '人事教育处',
  '住房保障处',
  '房地产市场监管处',
  '建筑市场监管处',
  '城建计划处',
  '市建设工程质量安全监督站',
  '市住房公积金管理中心',
]

/** Points about the 一把手 naming him, in near-duplicate wordings (said by several people). */
const ABOUT_TOP = [
  '反映刘卫华同志在党组会上习惯先定调子，其他班子成员很少发表不同意见',
  '反映刘卫华同志在党组会上常常先定调子，班子成员很少发表不同意见',
  '认为刘卫华同志在党组会上习惯先表态定调，其他成员很少提出不同意见',
  '反映刘卫华同志对公务接待把关严格，带头执行八项规定精神',
  '反映刘卫华同志在2023年保障房分配方案研究中未末位表态',
]
/** Points that say "一把手" or "主要负责人" without a name: credited to nobody. */
const UNNAMED = ['反映单位一把手抓党建工作的力度不够', '认为主要负责人对下属单位监督不够', '@反映一把手很少到基层站所调研,情况掌握不全']
const GENERIC: [string, string][] = [
  ['反映局机关加班较多，调休难以落实', 'L3.1'],
  ['反映局机关加班多，调休难以兑现', 'L3.1'],
  ['认为局党组民主生活会相互批评不够，辣味不足', 'L3.1'],
  ['反映干部交流轮岗少，个别岗位一干十几年', 'L3.2'],
  ['反映2023年选调的3名干部中2人未经考察谈话', 'L3.2'],
  ['-反映物业专项维修资金使用审批慢,群众有意见', 'L2.5'],
  ['+建议加快老旧小区改造进度,回应群众关切', 'L1'],
  ['=反映工程质量监督抽查比例偏低(约5%),覆盖面不足', 'L2.4'],
  ['反映公积金中心窗口服务态度有改进,办事效率提高', 'L2.5'],
  ['反映保障房租金收缴台账不全,欠缴底数不清', 'L2.5'],
]

const meta = (rng: ReturnType<typeof createRng>, roundId: string, date: IsoDate, by: string) => ({
  id: rng.uuid(),
  roundId,
  createdAt: `${date}T01:00:00.000Z`,
  updatedAt: `${date}T09:00:00.000Z`,
  updatedBy: by,
  deviceId: 'housing-fixture',
})

/** The 3,000+ character facts of one 底稿: a long, dated account of a tender. */
function longFacts(): string {
  const parts: string[] = []
  for (let i = 1; i <= 30; i++) {
    parts.push(
      `第${i}标段于2023年${(i % 12) + 1}月${(i % 27) + 1}日开标，招标文件设置“近三年同类工程业绩不少于${i + 2}项”的条件，投标单位${(i % 5) + 3}家，其中${(i % 3) + 1}家因业绩条件被否决，中标单位与评标专家库中的${(i % 4) + 1}名专家存在业务往来，合同金额${(120 + i * 7.5).toFixed(1)}万元，结算金额较合同价增加${(i % 9) + 2}.${i % 10}%，增加部分未经局党组研究`,
    )
  }
  return `${parts.join('；')}。`
}

export interface HousingOptions {
  seed?: number
  /** 1 = a real round (≥100 interviews); 10 = ten times. */
  scale?: number
}

export function buildHousingRound(options: HousingOptions = {}): RoundSnapshot {
  const scale = Math.max(1, Math.round(options.scale ?? 1))
  const rng = createRng(options.seed ?? 20270315)
  const roundId = rng.uuid()
  const entry: IsoDate = '2027-03-15'
  const exit = addDays(entry, 56)
  const day = (n: number) => addDays(entry, n % 50)

  const team: TeamMember[] = [
    ['组长', '黄志远'],
    ['副组长', '林晓燕'],
    ['组员', '马可'],
    ['组员', '郑一鸣'],
    ['联络员', '何佳'],
  ].map(([role, name]) => ({
    ...meta(rng, roundId, entry, 'system'),
    kind: 'member',
    name: name!,
    role: role as TeamMember['role'],
    fromUnit: '市纪委监委',
    phone: '',
    recusals: [],
    confidentialitySigned: true,
  }))
  const [leader, deputy, handler] = team as [TeamMember, TeamMember, TeamMember]

  const cadreOf = (s: Spec, i: number): Cadre => ({
    ...meta(rng, roundId, entry, 'system'),
    createdAt: `${entry}T01:${String(i).padStart(2, '0')}:00.000Z`,
    kind: 'cadre',
    name: s.name,
    gender: s.gender,
    birth: s.birth,
    post: s.post,
    duties: s.duties,
    inPostSince: s.since,
    department: s.dept,
    category: s.top ? '一把手' : s.member ? '班子成员' : '中层正职',
    isTopLeader: !!s.top,
    isDisciplineChief: !!s.chief,
    isLeadershipMember: !!s.member,
    isMidLevelHead: !s.member,
    notes: '',
  })
  const named = [...LEADERS, ...OTHERS, TOP].map(cadreOf)
  const by = (key: string) => named[[...LEADERS, ...OTHERS, TOP].findIndex((s) => s.key === key)]!
  const generic: Cadre[] = []
  for (let i = 0; i < 110 * scale; i++) {
    const name = `${SURNAMES[i % SURNAMES.length]}${GIVEN[(i * 7) % GIVEN.length]}${i >= SURNAMES.length ? GIVEN[(i * 3) % GIVEN.length] : ''}`
    generic.push({
      ...cadreOf(
        {
          key: `g${i}`,
          name,
          gender: i % 2 ? '女' : '男',
          birth: `${1970 + (i % 25)}-0${(i % 9) + 1}`,
          post: i % 4 ? '科员' : '副处长',
          duties: '',
          since: `20${10 + (i % 14)}-0${(i % 9) + 1}`,
          dept: DEPTS[i % DEPTS.length]!,
        },
        20 + i,
      ),
      category: i % 4 ? '一般干部' : '中层副职',
      isMidLevelHead: false,
    })
  }
  const cadres = [...named.filter((c) => !c.isTopLeader), ...generic, by('top')]

  // Interviews: every named cadre, then the generic ones; the 一把手 first in time.
  const interviews: Interview[] = []
  let seq = 0
  const point = (text: string, category: string, clue = false): InterviewPoint => ({
    id: rng.uuid(),
    text,
    category,
    involvesClue: clue,
    needsVerification: clue,
  })
  const interview = (who: Cadre, points: InterviewPoint[]) => {
    const date = day(seq++)
    interviews.push({
      ...meta(rng, roundId, date, handler.id),
      intervieweeId: who.id,
      category: who.category,
      date,
      start: '09:00',
      end: '10:30',
      room: '巡察组谈话室',
      leadId: leader.id,
      recorderId: handler.id,
      outline: '',
      status: '已谈',
      history: [],
      notes: '',
      record: { sessionNo: 1, points, interviewerSigned: true, recorderSigned: true, intervieweeConfirmed: true },
    })
  }
  interview(by('top'), [
    point('介绍本局基本情况：内设处室12个，直属单位6个，在职干部职工318人', 'L1'),
    point('承认局党组对保障房分配工作研究不够深入', 'L3.1'),
    // His allegation about a colleague: evidence about 陈𠈌, not about himself.
    point(`反映${EXT_B_NAME}同志分管的建筑市场监管处对招投标投诉处理不及时`, 'L2.4'),
    point(`称有人反映${EXT_B_NAME}同志与中标单位负责人往来密切${CLUE_MARKER}`, 'L2.3', true),
  ])
  interview(by('chief'), [
    point('介绍驻局纪检监察组近三年受理信访举报26件，办结24件', 'L2.2'),
    point('坦言对同级党组成员的日常监督以提醒为主', 'L2.2'),
  ])
  interview(by('chen'), [point('称建筑市场监管处人手紧张，投诉积压较多', 'L2.4')])
  interview(by('wj'), [point('表示住房保障处将完善租金收缴台账', 'L2.5')])
  interview(by('slx'), [point('介绍科技与标准定额工作开展情况', 'L1')])
  interview(by('zt'), [point('称人事教育处严格执行干部选拔任用程序', 'L3.2')])
  interview(by('wjg'), [point('称本处2023年办理招投标投诉41件', 'L2.4')])
  interview(by('lh'), [point(`反映王建国同志在招投标投诉处理中推诿扯皮`, 'L2.4')])
  for (const [i, c] of generic.entries()) {
    const pts = [point(GENERIC[i % GENERIC.length]![0], GENERIC[i % GENERIC.length]![1])]
    if (i % 12 < ABOUT_TOP.length && i < 60) pts.push(point(ABOUT_TOP[i % 12]!, i % 12 === 3 ? 'L2.3' : 'L3.1'))
    if (i % 15 === 7) pts.push(point(UNNAMED[((i / 15) | 0) % UNNAMED.length]!, 'L2.1'))
    if (i % 10 === 4) pts.push(point(`反映${EXT_B_NAME}同志分管工作中对质量安全监督站的督促不够`, 'L2.4'))
    if (i % 20 === 9) pts.push(point(`反映王建国同志工作作风简单粗暴`, 'L2.4'))
    if (i % 25 === 11) pts.push(point(`反映${EXT_B_NAME}同志插手工程分包${CLUE_MARKER}`, 'L2.3', true))
    interview(c, pts)
  }

  // 底稿: 12 per scale naming 陈𠈌 (one with 3,000+ characters of facts), some unsigned; three clue-bound.
  const signed = (date: IsoDate) => [
    { step: '承办人签字' as const, memberId: handler.id, at: `${date}T02:00:00.000Z` },
    { step: '副组长审核' as const, memberId: deputy.id, at: `${date}T03:00:00.000Z` },
    { step: '组长审签' as const, memberId: leader.id, at: `${date}T04:00:00.000Z` },
  ]
  const papers: WorkingPaper[] = []
  const paper = (title: string, category: string, personIds: string[], facts: string, o: Partial<WorkingPaper> = {}) => {
    const n = papers.length + 1
    const date = day(10 + n)
    papers.push({
      ...meta(rng, roundId, date, handler.id),
      number: `2027-02-DG-${String(n).padStart(3, '0')}`,
      date,
      title,
      category,
      responsibleType: personIds.length ? '个人' : '部门',
      personIds,
      timePlace: '2023年至2026年，市住房和城乡建设局',
      summary: title,
      facts,
      learnedBy: '调阅',
      basis: '《中国共产党纪律处分条例》',
      analysis: '',
      amount: null,
      keyFocus: false,
      disposition: '写入报告',
      handlerId: handler.id,
      evidence: [],
      signoffs: signed(date),
      editedAfterSignoff: false,
      recommendation: `针对“${title}”，督促责任处室限期整改，健全相关制度`,
      ...o,
    })
  }
  const chen = by('chen').id
  for (let k = 0; k < scale; k++) {
    paper('房建工程招标设置不合理业绩条件，排斥潜在投标人', 'L2.4', [chen], longFacts())
    for (let i = 2; i <= EXT_B_PAPERS; i++) {
      paper(
        `建筑市场监管处第${i + k * EXT_B_PAPERS}项监管事项督办不力，投诉办理超期`,
        i % 2 ? 'L2.4' : 'L2.1',
        [chen],
        `调阅2024年投诉台账，第${i}批投诉${i + 3}件中${i}件超过法定期限办结,最长超期${i * 4}天。`,
        i === 5 ? { signoffs: [] } : {},
      )
    }
    paper('保障房租金收缴台账不全，欠缴底数不清', 'L2.5', [by('wj').id], '调阅2023—2025年租金台账，欠缴租金112.6万元无催缴记录。')
    paper('2023年选调干部未经考察谈话', 'L3.2', [by('zt').id], '调阅选调档案，3名选调干部中2人无考察谈话记录。')
    paper(
      '党组会“三重一大”事项末位表态制度执行不严',
      'L2.1',
      [by('top').id],
      '调阅2023—2025年党组会记录，研究“三重一大”事项48项，主要负责人先表态的21项。',
    )
    paper('物业专项维修资金审批时限过长', 'L2.5', [], '抽查维修资金申请60件，平均审批时长47个工作日，超过承诺时限。', {
      signoffs: signed(day(30)).slice(0, 2),
    })
    for (let i = 1; i <= 3; i++) {
      paper(`涉嫌违规干预工程分包（线索${i}）`, 'L2.3', [chen], `据反映在第${i}标段分包中打招呼${CLUE_MARKER}`, {
        disposition: '转为线索',
        recommendation: `移交市纪委监委${CLUE_MARKER}`,
      })
    }
    for (let i = 1; i <= 5; i++)
      paper(
        `公积金中心第${i + k * 5}项内控制度执行不到位`,
        'L2.5',
        [],
        `抽查第${i}批凭证,发现审批手续不全${i + 1}笔。`,
        i % 2 ? {} : { signoffs: [] },
      )
  }

  const documents: BorrowedDocument[] = []
  for (let i = 0; i < 80 * scale; i++) {
    const date = day(i)
    documents.push({
      ...meta(rng, roundId, date, handler.id),
      title: i === 0 ? '党组会议记录 2023/2024: 第1—24次' : `${DEPTS[i % DEPTS.length]}档案资料第${i + 1}卷`,
      category: '其他',
      department: DEPTS[i % DEPTS.length]!,
      quantity: '1册',
      docDate: '2024',
      borrowedOn: date,
      borrowerId: handler.id,
      dueOn: addDays(date, 7),
      returnedOn: '',
      receiverId: '',
      notes: '',
    })
  }
  const petitions: Petition[] = []
  for (let i = 0; i < 20 * scale; i++) {
    petitions.push({
      ...meta(rng, roundId, day(i), handler.id),
      receivedOn: day(i),
      channel: (['来信', '来电', '来访', '举报箱'] as const)[i % 4]!,
      anonymous: i % 3 === 0,
      reporterName: '',
      reporterContact: '',
      subjectId: i % 7 === 3 ? by('top').id : '',
      subjectName: i % 7 === 3 ? '刘卫华' : '',
      subjectPost: i % 7 === 3 ? '党组书记、局长' : '',
      summary: `反映物业服务问题第${i + 1}件`,
      discipline: '',
      inScope: i % 5 !== 0,
      disposition: (['纳入底稿', '转有关部门', '存档', '转为线索', ''] as const)[i % 5]!,
    })
  }
  const clues: Clue[] = []
  for (let i = 0; i < 6 * scale; i++) {
    clues.push({
      ...meta(rng, roundId, day(i + 5), handler.id),
      number: `2027-02-XS-${String(i + 1).padStart(3, '0')}`,
      registeredOn: day(i + 5),
      source: '信访举报',
      reporter: '匿名',
      subjectId: i % 2 ? chen : by('wj').id,
      subjectName: i % 2 ? EXT_B_NAME : '王建',
      subjectPost: '副局长',
      jurisdiction: '市管',
      summary: `线索摘要${i + 1}${CLUE_MARKER}`,
      discipline: i % 3 === 0 ? '' : '廉洁纪律',
      verifiability: '较具体',
      preliminary: `初步了解${CLUE_MARKER}`,
      proposal: '移交市纪委监委',
      receiverUnit: '市纪委监委',
      leaderOpinion: '',
      transferredOn: i === 0 ? day(30) : '',
      transferNo: '',
      receiver: '',
      feedback: '',
      status: i === 0 ? '已移交' : '定稿',
      evidence: [],
      seal: null,
    })
  }
  const visits: SiteVisit[] = [0, 1, 2].map((i) => ({
    ...meta(rng, roundId, day(i * 9), handler.id),
    date: day(i * 9),
    place: `保障房小区${i + 1}`,
    kind: '走访',
    memberIds: [handler.id],
    peopleMet: '住户',
    notes: '',
    category: 'L2.5',
  }))

  const members = [...LEADERS, TOP].map((s) => by(s.key))
  const round: Round = {
    id: roundId,
    createdAt: `${entry}T00:00:00.000Z`,
    updatedAt: `${entry}T00:00:00.000Z`,
    updatedBy: leader.id,
    deviceId: 'housing-fixture',
    name: `市委第二巡察组对${HOUSING_UNIT}的常规巡察（测试轮次${scale > 1 ? `，${scale}倍规模` : ''}，非真实数据）`,
    batch: '十三届市委第二轮',
    mode: '常规',
    unitName: HOUSING_UNIT,
    entryDate: entry,
    exitDate: exit,
    petitionCutoff: addDays(exit, -10),
    framework: copyFramework(FOUR_IMPLEMENTATIONS),
    defaultMarking: { level: '内部' },
    markings: { 巡察报告: { level: '秘密', years: 5 }, 专题报告: { level: '机密', years: 10 } },
    notes: '测试用轮次（第二套样例数据，非真实数据）',
    surveys: {
      scale: ['好', '较好', '一般', '差'],
      ballots: { handedOut: 120 * scale, returned: 115 * scale },
      cadres: members.map((m, i) => ({
        cadreId: m.id,
        name: m.name,
        post: m.post,
        counts: [60 * scale - i * 3, 40 * scale, 10 * scale + i, 2 * scale],
      })),
      questionnaire: {
        handedOut: 100 * scale,
        returned: 96 * scale,
        questions: [
          { text: '对本单位政治生态的总体评价', options: ['好', '较好', '一般', '差'], counts: [50, 30, 12, 4].map((n) => n * scale) },
        ],
      },
    },
  }
  const tables = emptyTables()
  Object.assign(tables, { people: [...team, ...cadres], interviews, documents, petitions, visits, workingPapers: papers, clues })
  return { round, tables }
}
