// A round at ten times a real county round, for benchmarks: the sample round's people and
// texts remixed into thousands of records (deterministic, realistic Chinese, ~20 MB as JSON).
// It is test data and says so in its name; the app loads it only from the developer tools.
import type { RoundSnapshot } from '../domain/snapshot'
import type { BorrowedDocument, Cadre, Clue, DocumentNote, Interview, InterviewPoint, Petition, WorkingPaper } from '../domain/types'
import { CADRE_CATEGORIES, DOCUMENT_CATEGORIES, PETITION_CHANNELS, DISCIPLINES } from '../domain/types'
import { flattenFramework } from '../domain/frameworks'
import { addDays, daysBetween } from '../util/dates'
import { buildSampleRound } from '../sample'
import { createRng } from '../sample/prng'
import { generateDraft } from '../reports/draft'
import { newReport } from '../reports/report'
import { DEFAULT_TEMPLATES } from '../reports/templates'
import { REPORT_KINDS, type Report } from '../domain/types'

export interface ScaleCounts {
  cadres: number
  interviews: number
  documents: number
  notes: number
  papers: number
  clues: number
  petitions: number
}

/** Issue 9's "ten times a real round". */
export const LARGE_ROUND: ScaleCounts = {
  cadres: 400,
  interviews: 3000,
  documents: 5000,
  notes: 20000,
  papers: 2000,
  clues: 400,
  petitions: 800,
}

/** 底稿 signed by the 组长 (one in twenty), so the four report drafts have problems to state. */
const SIGNED_EVERY = 20

const SURNAMES = Array.from(
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤',
)
const GIVEN = Array.from(
  '建国华明伟芳军敏静丽强磊洋勇艳杰娟涛超秀霞平刚桂英红玉兰志海波宁斌宇鹏辉婷雪琳晨浩然文博子涵欣怡思远嘉俊凯旭东晓燕春梅立新家豪',
)
const POSTS = ['科员', '一级科员', '四级主任科员', '三级主任科员', '二级主任科员', '办事员', '技术员', '副科长', '科长', '副站长', '副主任']

export function buildLargeRound(counts: ScaleCounts = LARGE_ROUND, seed = 9): RoundSnapshot {
  const base = buildSampleRound()
  const rng = createRng(seed)
  const { round } = base
  const roundId = rng.uuid()
  const days = daysBetween(round.entryDate, round.exitDate)
  const date = () => addDays(round.entryDate, rng.int(0, days))
  const meta = () => ({
    id: rng.uuid(),
    roundId,
    createdAt: `${date()}T01:00:00.000Z`,
    updatedAt: `${date()}T09:00:00.000Z`,
    updatedBy: '',
    deviceId: 'scale-fixture',
  })

  // Sentences from the sample's own records, remixed: realistic text without repeating whole records.
  const texts = [
    ...base.tables.interviews.flatMap((i) => i.record?.points.map((p) => p.text) ?? []),
    ...base.tables.documentNotes.flatMap((n) => [n.excerpt, n.doubt]),
    ...base.tables.workingPapers.flatMap((p) => [p.summary, p.facts, p.analysis]),
    ...base.tables.petitions.map((p) => p.summary),
  ]
  const sentences = texts
    .flatMap((t) => t.split(/(?<=[。；！？])/))
    .map((s) => s.trim())
    .filter((s) => s.length > 6)
  const prose = (min: number, max: number) => Array.from({ length: rng.int(min, max) }, () => rng.pick(sentences)).join('')

  const members = base.tables.people.filter((p) => p.kind === 'member').map((m) => ({ ...m, roundId }))
  const memberIds = members.map((m) => m.id)
  const sampleCadres = base.tables.people.filter((p): p is Cadre => p.kind === 'cadre').map((c) => ({ ...c, roundId }))
  const cadres: Cadre[] = [...sampleCadres]
  const names = new Set(cadres.map((c) => c.name))
  while (cadres.length < counts.cadres) {
    const name = rng.pick(SURNAMES) + rng.pick(GIVEN) + (rng.chance(0.6) ? rng.pick(GIVEN) : '')
    if (names.has(name)) continue
    names.add(name)
    const template = rng.pick(sampleCadres.filter((c) => !c.isLeadershipMember))
    cadres.push({
      ...template,
      ...meta(),
      name,
      post: `${template.department}${rng.pick(POSTS)}`,
      birth: `${rng.int(1965, 1998)}-${String(rng.int(1, 12)).padStart(2, '0')}`,
      isTopLeader: false,
      isDisciplineChief: false,
      isLeadershipMember: false,
      isMidLevelHead: false,
      category: rng.pick(CADRE_CATEGORIES.slice(3, 6)),
    })
  }
  const categories = flattenFramework(round.framework).map((n) => n.node.id)
  const rooms = ['巡察组谈话室1', '巡察组谈话室2', '巡察组谈话室3', '局三楼小会议室']

  const interviews: Interview[] = Array.from({ length: counts.interviews }, () => {
    const who = rng.pick(cadres)
    const d = date()
    const hour = rng.int(8, 17)
    const done = d <= '2026-11-21' && rng.chance(0.85)
    const points: InterviewPoint[] = done
      ? Array.from({ length: rng.int(3, 6) }, () => ({
          id: rng.uuid(),
          text: prose(1, 3),
          category: rng.pick(categories),
          involvesClue: rng.chance(0.1),
          needsVerification: rng.chance(0.3),
        }))
      : []
    return {
      ...meta(),
      intervieweeId: who.id,
      category: who.category,
      date: d,
      start: `${String(hour).padStart(2, '0')}:00`,
      end: `${String(hour).padStart(2, '0')}:50`,
      room: rng.pick(rooms),
      leadId: rng.pick(memberIds),
      recorderId: rng.pick(memberIds),
      outline: prose(2, 4),
      status: done ? '已谈' : '待谈',
      history: [],
      notes: '',
      record: done ? { sessionNo: 1, points, interviewerSigned: true, recorderSigned: true, intervieweeConfirmed: rng.chance(0.5) } : null,
    }
  })
  const documents: BorrowedDocument[] = Array.from({ length: counts.documents }, (_, i) => {
    const borrowed = date()
    const returned = rng.chance(0.7) ? addDays(borrowed, rng.int(1, 10)) : ''
    const category = rng.pick(DOCUMENT_CATEGORIES)
    return {
      ...meta(),
      title: `${category}（第${i + 1}卷）`,
      category,
      department: rng.pick(['办公室', '计划财务科', '组织人事科', '农田建设管理科']),
      quantity: `${rng.int(1, 12)}册`,
      docDate: `${rng.int(2021, 2026)}年`,
      borrowedOn: borrowed,
      borrowerId: rng.pick(memberIds),
      dueOn: addDays(borrowed, 14),
      returnedOn: returned > round.exitDate ? '' : returned,
      receiverId: '',
      notes: '',
    }
  })
  const notes: DocumentNote[] = Array.from({ length: counts.notes }, () => ({
    ...meta(),
    documentId: rng.pick(documents).id,
    page: `第${rng.int(1, 300)}页`,
    excerpt: prose(1, 3),
    doubt: rng.chance(0.4) ? prose(1, 2) : '',
    reviewerId: rng.pick(memberIds),
    date: date(),
    category: rng.pick(categories),
  }))
  const petitions: Petition[] = Array.from({ length: counts.petitions }, () => {
    const subject = rng.pick(cadres)
    const anonymous = rng.chance(0.6)
    return {
      ...meta(),
      receivedOn: date(),
      channel: rng.pick(PETITION_CHANNELS),
      anonymous,
      reporterName: anonymous ? '' : rng.pick(SURNAMES) + rng.pick(GIVEN),
      reporterContact: anonymous ? '' : `13${rng.int(100000000, 999999999)}`,
      subjectId: subject.id,
      subjectName: subject.name,
      subjectPost: subject.post,
      summary: prose(2, 4),
      discipline: rng.pick(DISCIPLINES),
      inScope: rng.chance(0.8),
      disposition: '',
    }
  })
  const points = interviews.flatMap((i) => (i.record?.points ?? []).map((p) => `${i.id}#${p.id}`))
  const papers: WorkingPaper[] = Array.from({ length: counts.papers }, (_, i) => ({
    ...meta(),
    number: `2026-03-DG-${String(i + 1).padStart(4, '0')}`,
    date: date(),
    title: prose(1, 1).slice(0, 30),
    category: rng.pick(categories),
    responsibleType: rng.pick(['班子', '个人', '部门'] as const),
    personIds: [rng.pick(cadres).id],
    timePlace: '',
    summary: prose(2, 3),
    facts: prose(3, 6),
    learnedBy: '个别谈话',
    basis: '',
    analysis: prose(1, 3),
    amount: rng.chance(0.3) ? rng.int(1000, 900000) : null,
    keyFocus: rng.chance(0.1),
    disposition: '写入报告',
    handlerId: rng.pick(memberIds),
    evidence: [
      { kind: 'interviewPoint', ref: rng.pick(points) },
      { kind: 'documentNote', ref: rng.pick(notes).id },
    ],
    signoffs: [],
    editedAfterSignoff: false,
  }))
  const clues: Clue[] = Array.from({ length: counts.clues }, (_, i) => {
    const subject = rng.pick(cadres)
    return {
      ...meta(),
      number: `2026-03-XS-${String(i + 1).padStart(4, '0')}`,
      registeredOn: date(),
      source: '巡视巡察中发现',
      reporter: '',
      subjectId: subject.id,
      subjectName: subject.name,
      subjectPost: subject.post,
      jurisdiction: '区管',
      summary: prose(2, 4),
      discipline: rng.pick(DISCIPLINES),
      verifiability: '较具体',
      preliminary: prose(1, 2),
      proposal: '移交区纪委监委',
      receiverUnit: '区纪委监委',
      leaderOpinion: '',
      transferredOn: '',
      transferNo: '',
      receiver: '',
      feedback: '',
      status: '草稿',
      evidence: [{ kind: 'petition', ref: rng.pick(petitions).id }],
      seal: null,
    }
  })
  const snap: RoundSnapshot = {
    round: { ...round, id: roundId, name: '性能测试轮次（十倍规模，非真实数据）' },
    tables: {
      ...base.tables,
      people: [...members, ...cadres],
      interviews,
      documents,
      documentNotes: notes,
      petitions,
      workingPapers: papers,
      clues,
      visits: base.tables.visits.map((v) => ({ ...v, id: rng.uuid(), roundId })),
      checklist: [],
      reports: [],
      attachments: [],
    },
  }
  // By report time the 组长 has signed part of the 底稿, and the "1+3" drafts are generated from
  // them. Done after every random draw above, so the other records are what they were before.
  const leader = members.find((m) => m.role === '组长') ?? members[0]!
  const deputy = members.find((m) => m.role === '副组长') ?? leader
  papers.forEach((p, i) => {
    if (i % SIGNED_EVERY === 0) {
      p.signoffs = [
        { step: '承办人签字', memberId: p.handlerId, at: `${p.date}T08:00:00.000Z` },
        { step: '副组长审核', memberId: deputy.id, at: `${addDays(p.date, 1)}T02:00:00.000Z` },
        { step: '组长审签', memberId: leader.id, at: `${addDays(p.date, 2)}T03:00:00.000Z` },
      ]
    }
  })
  const at = `${round.exitDate}T09:00:00.000Z`
  snap.tables.reports = REPORT_KINDS.map(
    (k) =>
      ({
        ...newReport(roundId, generateDraft(k, DEFAULT_TEMPLATES[k], snap), at, () => rng.uuid()),
        ...meta(),
        createdAt: at,
        updatedAt: at,
      }) as Report,
  )
  return snap
}
