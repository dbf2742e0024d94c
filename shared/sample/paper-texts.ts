// Text of the sample's 底稿, 线索 and checklist. Evidence tags: p: interview point, n: review
// note, t: petition, v: site visit, a: attachment (tags are defined where those records are).
import type { Clue, Discipline, WorkingPaper } from '../domain/types'

export interface PaperSpec {
  key: string
  day: number
  title: string
  category: string
  responsible: WorkingPaper['responsibleType']
  persons: string[]
  timePlace: string
  summary: string
  facts: string
  learnedBy: string
  basis: string
  analysis: string
  amount: number | null
  keyFocus: boolean
  disposition: WorkingPaper['disposition']
  handler: string
  /** 副组长 who reviews when the handler is not one. */
  reviewer: string
  evidence: string[]
  /** How many of the three sign-offs are done. */
  signed: number
  edited?: boolean
}

const BASIS_8 = '《中国共产党纪律处分条例》第一百零二条、第一百一十三条；中央八项规定及其实施细则精神'

export const PAPERS: PaperSpec[] = [
  {
    key: 'mshh', day: 17, title: '领导班子民主生活会查摆问题年年相同，整改不实', category: 'L3.1', responsible: '班子', persons: ['zwd'],
    timePlace: '2023—2025年度，局党委领导班子民主生活会',
    summary: '连续三年民主生活会把“调查研究不够深入、联系基层不够紧密”列为首要问题，整改措施雷同，未见实效。',
    facts: '调阅2023—2025年度对照检查材料及会议记录，三年查摆的第一个问题表述基本相同，整改措施均为“每名班子成员每年开展调研不少于4次”，但调研报告仅有2篇；2024年度会议相互批评意见12条中9条为工作建议。',
    learnedBy: '调阅资料、个别谈话', basis: '《县以上党和国家机关党员领导干部民主生活会若干规定》',
    analysis: '班子对民主生活会重视不够，查摆问题“年年如此”，批评与自我批评辣味不足，整改缺乏刚性。',
    amount: null, keyFocus: false, disposition: '写入报告', handler: 'zy3', reviewer: 'fz1',
    evidence: ['n:note-mshh', 'n:note-mshh2', 'p:mshh-zwd', 'p:mshh-zgl', 'v:visit-retired'], signed: 3,
  },
  {
    key: 'sanzhong', day: 15, title: '农机购置补贴资金调剂300万元未经党委会集体研究', category: 'L2.1', responsible: '班子', persons: ['zwd', 'mj'],
    timePlace: '2024年8—9月，区农业农村局',
    summary: '300万元农机购置补贴资金调剂先拨付、后通报，未经党委会事前集体研究决定。',
    facts: '请示落款2024年8月20日，资金8月28日拨付，9月12日党委会仅作“通报”；“三重一大”台账未登记该事项。',
    learnedBy: '调阅资料、个别谈话', basis: '《关于进一步推进国有企业贯彻落实“三重一大”决策制度的意见》精神及本局“三重一大”决策制度实施办法第五条',
    analysis: '民主集中制执行不严，主要负责人和分管领导以通报代替集体决策。',
    amount: 3_000_000, keyFocus: true, disposition: '写入报告', handler: 'zy1', reviewer: 'fz2',
    evidence: ['n:note-sanzhong', 'n:note-sanzhong2', 'p:sanzhong'], signed: 3,
  },
  {
    key: 'invoice', day: 29, title: '虚开办公用品发票套取办公经费为编外人员缴纳住房公积金', category: 'L2.3', responsible: '个人', persons: ['mj', 'tl'],
    timePlace: '2023年4—12月，计划财务科',
    summary: '以“鸿达办公用品经营部”虚开发票23张套取办公经费86,400元，用于为4名编外人员缴纳住房公积金。',
    facts: '2023年取得该经营部发票23张计86,400元，集中于4、8、12月开具，办公用品入库登记无对应记录；同年为4名编外人员缴存公积金单位部分合计86,400元（月缴1,800元，12月补缴64,800元）。唐丽两次谈话中承认并称经马俊同意，马俊再次约谈时承认。',
    learnedBy: '调阅资料、个别谈话', basis: BASIS_8,
    analysis: '财务制度形同虚设，“科长初审、分管领导审批”失效；分管领导授意违规操作，属违反廉洁纪律问题。',
    amount: 86_400, keyFocus: true, disposition: '转为线索', handler: 'zy1', reviewer: 'fz2',
    evidence: ['n:note-invoice1', 'n:note-invoice2', 'n:note-stock', 'n:note-gjj', 'p:invoice-tl', 'p:invoice-tl2', 'p:gjj-tl2', 'p:gjj-mj2', 'p:invoice-lhy', 'n:note-audit'], signed: 3,
  },
  {
    key: 'training', day: 17, title: '会议培训已统一安排食宿，参训人员仍报销伙食补助和交通补助', category: 'L2.3', responsible: '部门', persons: ['lw'],
    timePlace: '2024年，区农业技术推广中心举办的4期农技推广培训班',
    summary: '培训班已统一安排食宿，6个镇农技站参训人员仍按出差标准报销伙食补助、交通补助合计28,600元。',
    facts: '会务合同载明统一安排食宿；镇农技站报销凭证显示按每人每天伙食补助100元、交通补助80元报销，合计28,600元。',
    learnedBy: '调阅资料、个别谈话、信访、座谈', basis: '《中央和国家机关培训费管理办法》第十条；《中央和国家机关差旅费管理办法》第十七条',
    analysis: '培训主办方未告知参训单位不得重复报销，参训单位审核把关不严，属重复报销。',
    amount: 28_600, keyFocus: false, disposition: '立行立改', handler: 'zy2', reviewer: 'fz2',
    evidence: ['n:note-training', 'p:training-lw', 'p:training-lw2', 'p:training-tl', 't:pet-train', 'v:visit-train'], signed: 2,
  },
  {
    key: 'rent', day: 26, title: '区农机服务站门面租金收取现金不入账，流向不清', category: 'L2.5', responsible: '个人', persons: ['sjh', 'xp'],
    timePlace: '2021年以来，区农机服务站',
    summary: '临街门面6间2024年应收租金12.6万元，入账7.2万元，5.4万元现金租金未入账，用于接待和职工福利。',
    facts: '租赁合同约定2024年租金12.6万元；收缴台账和会计账簿仅有转账7.2万元；夏鹏承认现金收取部分存放站内，站内另设收支登记本记载现金收支41笔；承租户反映交现金不开收据。',
    learnedBy: '调阅资料、个别谈话、信访、明察暗访', basis: '《中国共产党纪律处分条例》第一百零四条（私设“小金库”）',
    analysis: '站属资产出租无制度约束、收入不入账，局计划财务科和分管领导监管缺位。',
    amount: 54_000, keyFocus: true, disposition: '转为线索', handler: 'zy2', reviewer: 'fz2',
    evidence: ['n:note-rent1', 'n:note-rent2', 'n:note-rent3', 'p:rent-sjh', 'p:rent-sjh2', 'p:rent-xp', 'p:rent-xp2', 'p:rent-xp3', 'p:rent-cyf', 't:pet-rent', 't:pet-rent2', 'v:visit-rent', 'a:rent-csv'], signed: 3,
  },
  {
    key: 'road', day: 29, title: '青石村产业路实测长度少于验收资料，仍全额支付工程款', category: 'L2.5', responsible: '个人', persons: ['dh', 'wzq'],
    timePlace: '2022年12月验收、2023年1月付款，青石镇青石村',
    summary: '衔接资金项目产业路验收资料载明2.3公里，实测1.86公里，仍全额支付工程款138万元，多付约26.4万元。',
    facts: '竣工验收报告载明2.3公里，施工日志记载终点K1+860，无设计变更单；巡察组实测1.86公里；工程款138万元一次付清；邓辉承认验收未实地丈量、未扣减工程款，且与施工单位负责人系同学未申报回避。',
    learnedBy: '调阅资料、个别谈话、走访、信访', basis: '《中国共产党纪律处分条例》第一百二十一条；衔接推进乡村振兴补助资金管理办法',
    analysis: '项目验收走过场，资金支付不按实际工程量结算，存在利益输送风险。',
    amount: 264_000, keyFocus: true, disposition: '转为线索', handler: 'zy1', reviewer: 'fz2',
    evidence: ['n:note-road1', 'n:note-road2', 'n:note-road3', 'p:road-dh', 'p:road-pay', 'p:road-dh2', 'p:road-rel', 'p:road-lzg', 'p:road-chj', 'v:visit-road', 't:pet-road', 'a:road-txt'], signed: 3,
  },
  {
    key: 'dingbiao', day: 21, title: '评定分离制度不完善，定标委员会由主要负责人指定', category: 'L2.1', responsible: '班子', persons: ['zwd', 'wzq'],
    timePlace: '2023年以来，局工程建设项目定标',
    summary: '未建立评标定标分离制度，9个项目定标委员会成员均由局长签批指定。',
    facts: '定标会议记录显示2023年以来9个项目定标委员会均由局长签批指定；制度汇编中工程建设项目管理办法未作规定。',
    learnedBy: '调阅资料、个别谈话、信访', basis: '本省关于推行招标投标评定分离工作的实施意见',
    analysis: '权力运行缺乏制约，主要负责人对定标环节影响过大。',
    amount: null, keyFocus: true, disposition: '写入报告', handler: 'fz2', reviewer: 'fz1',
    evidence: ['n:note-dingbiao', 'p:dingbiao-wzq', 'p:dingbiao-dh', 'p:dingbiao-zwd', 't:pet-zwd'], signed: 1, edited: true,
  },
  {
    key: 'hire', day: 20, title: '编外招聘亲属集中进入下属单位，选人用人近亲繁殖', category: 'L3.2', responsible: '班子', persons: ['sjh', 'xh', 'mj'],
    timePlace: '2023年8月，区农机服务站编外人员招聘',
    summary: '录用5人中3人为局机关干部亲属，考官未回避，招聘方案未经党委会研究。',
    facts: '招聘公告发布5日即截止报名，报名7人录用5人，谢佳琳（谢红之侄女）、宋宇航（宋建华之子）、王某（马俊之外甥）被录用；宋建华任面试考官未回避。',
    learnedBy: '调阅资料、个别谈话、信访、专项检查', basis: '《事业单位公开招聘人员暂行规定》第二十九条；《事业单位人事管理回避规定》',
    analysis: '选人用人“圈子化”，回避制度执行不严，局党委把关不力。',
    amount: null, keyFocus: true, disposition: '写入报告', handler: 'fz1', reviewer: 'fz2',
    evidence: ['n:note-hire', 'n:note-hire2', 'p:hire-hdm', 'p:hire-hdm2', 'p:hire-xh', 'p:hire-sjh', 'p:hire-zgl', 't:pet-hire', 'v:visit-hire'], signed: 3,
  },
  {
    key: 'promo', day: 25, title: '干部选拔任用动议环节不规范', category: 'L3.2', responsible: '部门', persons: ['hdm'],
    timePlace: '2024年，局机关中层副职提拔', summary: '提拔2名中层副职，动议环节无会议记录，民主推荐与考察同日进行。',
    facts: '选任纪实材料2024年第2批无动议会议记录；民主推荐与考察同日完成。', learnedBy: '调阅资料、个别谈话',
    basis: '《党政领导干部选拔任用工作条例》第十三条', analysis: '组织人事部门对选任程序把关不严。',
    amount: null, keyFocus: false, disposition: '写入报告', handler: 'fz1', reviewer: 'fz2',
    evidence: ['n:note-promo'], signed: 1,
  },
  {
    key: 'baitiao', day: 27, title: '村级白条入账，农经部门监管不力', category: 'L2.5', responsible: '部门', persons: ['czg', 'fxl'],
    timePlace: '2024年，青石镇青石村', summary: '青石村2024年白条入账37笔52,300元，农经部门审计发现后未跟踪整改。',
    facts: '青石村会计凭证中收条、白条37笔，合计52,300元，其中误餐费14笔无用餐人员名单；村级财务审计报告指出后无跟踪记录。',
    learnedBy: '调阅资料、个别谈话', basis: '《农村集体经济组织财务制度》第二十八条',
    analysis: '农村“三资”监管停留在发现问题层面，未推动整改。',
    amount: 52_300, keyFocus: false, disposition: '写入报告', handler: 'zy2', reviewer: 'fz2',
    evidence: ['n:note-baitiao', 'n:note-auditcun', 'p:baitiao-czg', 'p:baitiao-fxl', 'p:baitiao-lzg'], signed: 0,
  },
  {
    key: 'gongche', day: 22, title: '上轮巡察反馈的公车管理问题整改不实', category: 'L4', responsible: '部门', persons: ['xh'],
    timePlace: '2022年以来，局办公室', summary: '整改台账标注“已完成”，但公车使用登记仍连续空白，属“纸上整改”。',
    facts: '整改台账第5项佐证材料仅为新制定的制度；2025年3—6月使用登记空白而加油12次。',
    learnedBy: '调阅资料、个别谈话', basis: '《中国共产党巡视工作条例》第三十八条',
    analysis: '整改主体责任落实不到位，满足于出台制度。',
    amount: null, keyFocus: false, disposition: '写入报告', handler: 'zy3', reviewer: 'fz1',
    evidence: ['n:note-gongche', 'n:note-car', 'p:gongche-zwd', 'p:gongche-xh'], signed: 2,
  },
  {
    key: 'ledger', day: 23, title: '纪检组监督首责履行不到位，信访件超期未办结', category: 'L2.2', responsible: '个人', persons: ['hlp'],
    timePlace: '2024年以来，局纪检组', summary: '2件信访件超期未办结，对同级班子成员监督以提醒为主。',
    facts: '信访台账显示2024年7月、2025年3月受理的2件信访件无办结记录；何丽萍谈话中承认监督存在顾虑；来电反映“只转不办”。',
    learnedBy: '调阅资料、个别谈话、信访', basis: '《纪检监察机关处理检举控告工作规则》第二十九条',
    analysis: '纪检组长兼任工会主席，精力分散，监督首责落实不力。',
    amount: null, keyFocus: false, disposition: '写入报告', handler: 'fz2', reviewer: 'fz1',
    evidence: ['n:note-ledger', 'p:ledger-hlp', 'p:supervise-hlp', 't:pet-hlp'], signed: 1,
  },
  {
    key: 'reception', day: 28, title: '公务接待无公函、陪餐人数超标准', category: 'L2.3', responsible: '部门', persons: ['xh'],
    timePlace: '2024年，局办公室', summary: '146批次接待中31批次无公函，12批次陪餐超标，超标准部分18,460元。',
    facts: '接待清单和审批单核对结果；农家乐挂账签单17张签单人多为局办公室人员。',
    learnedBy: '调阅资料、个别谈话、信访、明察暗访', basis: BASIS_8,
    analysis: '公务接待审批流于形式，超标准接待问题反复出现。',
    amount: 18_460, keyFocus: false, disposition: '立行立改', handler: 'zy3', reviewer: 'fz1',
    evidence: ['n:note-reception', 'p:reception-xh', 't:pet-reception', 'v:visit-reception'], signed: 0,
  },
  {
    key: 'farmland', day: 30, title: '高标准农田建设年度任务未完成，部分项目区撂荒', category: 'L1', responsible: '班子', persons: ['wzq'],
    timePlace: '2024年，白沙镇等项目区', summary: '2024年计划建设1.5万亩，完成1.3万亩；项目区约300亩撂荒。',
    facts: '项目汇总表和实地走访情况。', learnedBy: '调阅资料、个别谈话、走访',
    basis: '《高标准农田建设质量管理办法（试行）》', analysis: '贯彻落实粮食安全和耕地保护决策部署不够有力。',
    amount: null, keyFocus: false, disposition: '写入报告', handler: 'zy1', reviewer: 'fz2',
    evidence: ['n:note-farm', 'p:farmland-wzq', 'v:visit-farmland'], signed: 0,
  },
]

export interface ClueSpec {
  day: number
  subject: string
  source: Clue['source']
  reporter: string
  jurisdiction: string
  summary: string
  discipline: Discipline
  verifiability: Clue['verifiability']
  preliminary: string
  proposal: string
  receiverUnit: string
  leaderOpinion: string
  status: Clue['status']
  evidence: string[]
}

export const CLUES: ClueSpec[] = [
  {
    day: 29, subject: 'mj', source: '巡视巡察中发现', reporter: '巡察组个别谈话和调阅资料中发现', jurisdiction: '区管干部',
    summary: '2023年，马俊同意计划财务科以虚开办公用品发票方式套取办公经费86,400元，用于为4名编外人员缴纳住房公积金。',
    discipline: '廉洁纪律', verifiability: '具体',
    preliminary: '经调阅2023年会计凭证、入库登记、住房公积金缴存明细，两次约谈唐丽、再次约谈马俊，基本事实清楚。',
    proposal: '移交区纪委监委', receiverUnit: '区纪委监委', leaderOpinion: '事实较为清楚，同意移交区纪委监委。',
    status: '已移交', evidence: ['p:invoice-tl2', 'p:gjj-tl2', 'p:gjj-mj2', 'n:note-invoice2', 'n:note-gjj'],
  },
  {
    day: 27, subject: 'dh', source: '信访举报', reporter: '匿名（带件入巡）', jurisdiction: '区农业农村局党委管理',
    summary: '邓辉在青石村产业路硬化工程验收中未实地丈量，按2.3公里验收、全额支付工程款138万元，实际长度1.86公里，且与施工单位负责人系同学未申报回避。',
    discipline: '廉洁纪律', verifiability: '具体',
    preliminary: '巡察组实地测量、调阅项目档案并两次约谈邓辉，工程量不实、未扣减工程款的事实基本清楚，利益关系尚待查证。',
    proposal: '移交区纪委监委', receiverUnit: '区纪委监委', leaderOpinion: '同意移交区纪委监委，随附实测记录。',
    status: '定稿', evidence: ['p:road-dh2', 'p:road-rel', 'n:note-road1', 'n:note-road3', 'v:visit-road', 't:pet-road', 'a:road-txt'],
  },
  {
    day: 28, subject: 'xp', source: '信访举报', reporter: '匿名（举报箱）', jurisdiction: '区农业农村局党委管理',
    summary: '夏鹏以现金方式收取门面租金不入账，2024年5.4万元用于接待和职工福利，私设“小金库”。',
    discipline: '廉洁纪律', verifiability: '较具体',
    preliminary: '本人谈话中承认部分事实，并提供站内收支登记本；2021—2023年数额尚待核实。',
    proposal: '移交区纪委监委', receiverUnit: '区纪委监委', leaderOpinion: '',
    status: '组长审核', evidence: ['p:rent-xp', 'p:rent-xp2', 'p:rent-xp3', 'n:note-rent2', 't:pet-rent', 'v:visit-rent'],
  },
  {
    day: 30, subject: 'zwd', source: '信访举报', reporter: '匿名（带件入巡）', jurisdiction: '区管干部',
    summary: '反映张卫东指定定标委员会成员，插手工程项目定标，与个别施工企业负责人交往密切。',
    discipline: '廉洁纪律', verifiability: '较具体',
    preliminary: '定标会议记录显示定标委员会成员均由其签批指定；与施工企业负责人交往情况尚未了解。',
    proposal: '移交区纪委监委', receiverUnit: '区纪委监委', leaderOpinion: '',
    status: '草稿', evidence: ['t:pet-zwd', 'n:note-dingbiao', 'p:dingbiao-wzq'],
  },
  {
    day: 31, subject: 'sjh', source: '巡视巡察中发现', reporter: '巡察组调阅资料中发现', jurisdiction: '区农业农村局党委管理',
    summary: '宋建华在2023年区农机服务站编外招聘中担任面试考官，未回避其子宋宇航的面试。',
    discipline: '组织纪律', verifiability: '具体',
    preliminary: '面试评分表显示宋建华为考官并为其子评分；本人称“符合招聘条件”。',
    proposal: '交被巡察党组织处理', receiverUnit: '区农业农村局党委', leaderOpinion: '',
    status: '草稿', evidence: ['n:note-hire2', 'p:hire-sjh', 't:pet-hire'],
  },
]

/** [framework node, question, 底稿 keys]. */
export const CHECKLIST: [string, string, string[]][] = [
  ['L1', '是否及时传达学习党中央和省市区委关于“三农”工作的决策部署并结合实际抓落实', []],
  ['L1', '是否完成粮食生产和高标准农田建设年度目标任务', ['farmland']],
  ['L1', '衔接资金项目调整是否履行报批程序', []],
  ['L2.1', '是否严格执行“三重一大”集体决策制度', ['sanzhong']],
  ['L2.1', '是否建立评标定标分离制度并有效执行', ['dingbiao']],
  ['L2.1', '主要负责人是否落实“末位表态”制度', []],
  ['L2.2', '纪检组长是否聚焦监督首责，是否分管与纪检无关的工作', ['ledger']],
  ['L2.2', '信访举报是否按期办结并及时回复', ['ledger']],
  ['L2.3', '是否存在虚列支出、套取资金违规发放津补贴或福利', ['invoice']],
  ['L2.3', '会议培训费是否按标准列支，是否重复报销伙食补助和交通补助', ['training']],
  ['L2.3', '公务接待是否有公函、是否超标准超范围', ['reception']],
  ['L2.4', '是否存在文山会海、督查检查考核过多过频', []],
  ['L2.5', '惠农资金和衔接项目是否存在工程量不实、虚报冒领', ['road']],
  ['L2.5', '下属单位资产出租收入是否全部纳入单位账务统一核算', ['rent']],
  ['L2.5', '农村集体“三资”监管是否到位，村级财务是否规范', ['baitiao']],
  ['L3.1', '领导班子民主生活会是否查摆问题具体、整改到位', ['mshh']],
  ['L3.2', '干部选拔任用是否严格履行动议、民主推荐和考察程序', ['promo']],
  ['L3.2', '编外人员招聘是否公开公平，是否严格执行回避制度', ['hire']],
  ['L3.3', '基层党支部“三会一课”是否规范开展，是否存在补记现象', []],
  ['L4', '上轮巡察反馈问题是否真改实改，是否存在“纸上整改”', ['gongche']],
  ['L4', '审计发现问题是否整改到位', []],
]
