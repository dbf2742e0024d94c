// 信访 received during the round and site visits (走访/座谈/明察暗访/专项检查), guide §2–3.
import type { Discipline, IsoDate, Petition, SiteVisit } from '../domain/types'
import { addDays } from '../util/dates'
import { isWorkday, meta, minDate, type SampleContext } from './context'

type PetitionRow = [
  tag: string,
  day: number,
  channel: Petition['channel'],
  reporter: string,
  contact: string,
  subject: string,
  summary: string,
  discipline: Discipline | '',
  inScope: boolean,
  disposition: Petition['disposition'],
]

const PETITIONS: PetitionRow[] = [
  [
    'pet-road',
    0,
    '带件入巡',
    '',
    '',
    'dh',
    '反映青石村产业路硬化工程“缩水”，实际修建长度不足，工程款却全额支付',
    '廉洁纪律',
    true,
    '转为线索',
  ],
  [
    'pet-zwd',
    0,
    '带件入巡',
    '',
    '',
    'zwd',
    '反映张卫东插手工程项目定标，指定定标委员会成员，与个别施工企业负责人交往密切',
    '廉洁纪律',
    true,
    '转为线索',
  ],
  [
    'pet-hire',
    4,
    '来信',
    '王某（2023年区农机服务站招聘落选考生）',
    '信封地址：城关街道幸福路12号',
    'sjh',
    '反映2023年区农机服务站编外招聘“内定”，录用人员多为局机关干部子女亲属',
    '组织纪律',
    true,
    '纳入底稿',
  ],
  ['pet-rent', 6, '举报箱', '', '', 'xp', '反映区农机服务站门面租金收现金不入账，副站长夏鹏掌管“小金库”', '廉洁纪律', true, '转为线索'],
  [
    'pet-train',
    9,
    '网络',
    '',
    '',
    '',
    '反映农技培训班吃住都已安排，参训人员回单位还能报销伙食补助和交通补助',
    '廉洁纪律',
    true,
    '纳入底稿',
  ],
  [
    'pet-village',
    10,
    '来访',
    '刘某某（青石村村民）',
    '本人到巡察组驻地反映，留有电话',
    'lzg',
    '反映青石村村务不公开，很多开支打白条入账',
    '群众纪律',
    false,
    '转有关部门',
  ],
  ['pet-hlp', 12, '来电', '', '', 'hlp', '反映2024年向局纪检组举报的问题至今无人回复，纪检组“只转不办”', '工作纪律', true, '纳入底稿'],
  [
    'pet-retire',
    13,
    '来信',
    '赵某某（局退休职工）',
    '信封地址：农林小区3栋',
    '',
    '反映退休职工体检标准降低，要求恢复原标准',
    '',
    false,
    '转有关部门',
  ],
  ['pet-reception', 14, '网络', '', '', 'xh', '反映局办公室接待频繁，经常在城郊农家乐吃饭', '廉洁纪律', true, '纳入底稿'],
  ['pet-subsidy', 15, '来电', '孙某（养殖户）', '来电号码已登记', '', '反映动物防疫补助发放不及时', '群众纪律', true, '存档'],
  [
    'pet-rent2',
    16,
    '来访',
    '杨某（门面承租户）',
    '本人到巡察组驻地反映',
    'xp',
    '反映门面租金被要求交现金，且不开具收据',
    '廉洁纪律',
    true,
    '纳入底稿',
  ],
  ['pet-gh', 18, '举报箱', '', '', 'gh', '反映畜牧兽医科科长郭浩在兽药经营检查中“吃拿卡要”，无具体事实', '廉洁纪律', true, '存档'],
  [
    'pet-land',
    20,
    '来信',
    '周某某（白沙镇村民）',
    '信封地址：白沙镇石桥村',
    '',
    '反映土地承包经营权纠纷，要求重新确权',
    '',
    false,
    '转有关部门',
  ],
  ['pet-promo', 30, '网络', '', '', 'hdm', '反映2024年中层副职提拔存在“带病提拔”情况', '组织纪律', true, ''],
  ['pet-mj', 32, '来电', '', '', 'mj', '反映马俊分管的财务报销中有“打招呼”现象', '廉洁纪律', true, ''],
]

type VisitRow = [
  tag: string,
  day: number,
  place: string,
  kind: SiteVisit['kind'],
  members: string[],
  met: string,
  notes: string,
  category: string,
]
const VISITS: VisitRow[] = [
  [
    'visit-road',
    10,
    '青石镇青石村产业路',
    '走访',
    ['zy1', 'fz2'],
    '村党支部书记刘志刚、村会计、村民代表5人',
    '实地察看产业路硬化工程，用测距轮实测道路长度1.86公里（验收资料载明2.3公里），路宽约4.5米，终点位于村民组口，未通至后山果园。',
    'L2.5',
  ],
  [
    'visit-rent',
    11,
    '区农机服务站临街门面',
    '明察暗访',
    ['zy2', 'lly'],
    '门面承租户3户',
    '6间门面均在营业。承租户称租金按年以现金交给副站长夏鹏，未开具正式票据。',
    'L2.5',
  ],
  [
    'visit-train',
    14,
    '区农业技术推广中心',
    '座谈',
    ['fz2', 'zy3'],
    '农技人员8人',
    '参加座谈人员反映培训班统一安排食宿，镇农技站人员返回后按出差报销补助是“老惯例”。',
    'L2.3',
  ],
  [
    'visit-hire',
    15,
    '局组织人事科',
    '专项检查',
    ['fz1', 'lly'],
    '组织人事科科长韩冬梅、科员王欣怡',
    '选人用人专项检查：查阅2023年以来干部选拔任用纪实材料和编外招聘档案，核对录用人员与局机关干部亲属关系。',
    'L3.2',
  ],
  [
    'visit-town',
    17,
    '青石镇人民政府',
    '走访',
    ['fz2', 'zy1'],
    '镇党委副书记、镇农业服务中心主任',
    '了解衔接资金项目实施和村级财务委托代理情况，镇里反映代理中心仅2名会计，负责全镇14个村账务。',
    'L2.5',
  ],
  [
    'visit-retired',
    18,
    '局机关三楼会议室',
    '座谈',
    ['zz', 'zy3'],
    '退休干部7人',
    '退休干部对局党委总体评价较好，多人反映民主生活会“年年一个样”，选人用人“圈子化”。',
    'L3.1',
  ],
  [
    'visit-farmland',
    22,
    '白沙镇高标准农田项目区',
    '走访',
    ['zy1', 'zy3'],
    '项目区农户6人、镇农业服务中心工作人员',
    '项目区约300亩地块撂荒，部分灌溉设施损坏未修复。',
    'L1',
  ],
  [
    'visit-reception',
    24,
    '城郊“绿野山庄”农家乐',
    '明察暗访',
    ['fz2', 'zy2'],
    '农家乐经营者',
    '向经营者了解公务接待消费情况，查看2024年挂账签单17张，签单人多为局办公室人员。',
    'L2.3',
  ],
]

function dayOf(ctx: SampleContext, offset: number): IsoDate {
  let d = addDays(ctx.entry, offset)
  while (!isWorkday(d)) d = addDays(d, 1)
  return minDate(d, addDays(ctx.today, -1))
}

export function buildIntake(
  ctx: SampleContext,
  subjects: Map<string, { name: string; post: string }>,
): {
  petitions: Petition[]
  visits: SiteVisit[]
  petitionRefs: Map<string, string>
  visitRefs: Map<string, string>
} {
  const { member: m, cadre: c } = ctx
  const petitionRefs = new Map<string, string>()
  const visitRefs = new Map<string, string>()
  const cutoff = minDate(addDays(ctx.exit, -10), addDays(ctx.today, -1))
  const petitions = PETITIONS.map(([tag, day, channel, reporter, contact, subject, summary, discipline, inScope, disposition]) => {
    const receivedOn = minDate(addDays(ctx.entry, day), cutoff)
    const s = subject ? subjects.get(subject)! : undefined
    const p: Petition = {
      ...meta(ctx, receivedOn, m.zy3!, '11:00', disposition ? 3 : 0),
      receivedOn,
      channel,
      anonymous: reporter === '',
      reporterName: reporter,
      reporterContact: contact,
      subjectId: subject ? c[subject]! : '',
      subjectName: s?.name ?? '',
      subjectPost: s?.post ?? '',
      summary,
      discipline,
      inScope,
      disposition,
    }
    petitionRefs.set(tag, p.id)
    return p
  })
  const visits = VISITS.map(([tag, day, place, kind, members, peopleMet, notes, category]) => {
    const date = dayOf(ctx, day)
    const v: SiteVisit = {
      ...meta(ctx, date, m[members[0]!]!, '17:30'),
      date,
      place,
      kind,
      memberIds: members.map((k) => m[k]!),
      peopleMet,
      notes,
      category,
    }
    visitRefs.set(tag, v.id)
    return v
  })
  return { petitions, visits, petitionRefs, visitRefs }
}
