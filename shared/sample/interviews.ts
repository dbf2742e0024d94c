// The interview schedule (谈话安排) and records (谈话记录), guide §3.
// Conventions used here: `history` holds the *previous* slots of an interview, newest last;
// 已谈/未到/取消 interviews lie before `today`, 待谈 and 改期 (moved, new slot pending) lie on
// or after it; the 一把手 is interviewed on the afternoon of entry day, after the 动员会, and
// again shortly before 撤点.
import type { Cadre, Interview, InterviewPoint, IsoDate, SlotChange } from '../domain/types'
import { addDays, daysBetween } from '../util/dates'
import { at, meta, workdays, type SampleContext } from './context'
import { CADRE_ROWS } from './people'
import { GENERIC_POINTS, groupOf, OUTLINES, STORY_POINTS, type PointSpec } from './texts'

interface Spec {
  key: string
  session: number
  status?: '未到' | '取消' | '改期'
  room?: string
  moved?: string
  notes?: string
}

const parse = (s: string): Spec => {
  const [head, room] = s.split('@') as [string, string | undefined]
  const [who, status] = head.split(':') as [string, Spec['status'] | undefined]
  const [key, n] = who.split('#') as [string, string | undefined]
  return { key, session: n ? Number(n) : 1, ...(status ? { status } : {}), ...(room ? { room } : {}) }
}

const PAST = [
  'hlp',
  'mj',
  'wzq',
  'xwb',
  'ljp',
  'fgd',
  'tl',
  'xh',
  'hdm',
  'dh',
  'czg',
  'sjh',
  'pt',
  'zyh',
  'gh',
  'hj',
  'lw',
  'wyt',
  'lhy',
  'qjm',
  'fxl',
  'xp',
  'syh:未到',
  'zgl:未到',
  'cyf',
  'fxy',
  'zq',
  'xjl',
  'zxj',
  'yf:取消',
  'syh',
  'zgl@周国良同志家中',
  'lsf',
  'lzg@青石村村委会会议室',
  'chj@青石村村委会会议室',
  'tl#2',
  'mj#2',
  'sjh#2',
  'xp#2',
  'dh#2',
  'cyf#2',
  'fxl#2',
  'lw#2',
  'xh#2',
].map(parse)

const FUTURE = [
  'hb:改期',
  'wxy:改期',
  'mql',
  'sl',
  'hdm#2',
  'wzq#2',
  'lhy#2',
  'czg#2',
  'qjm#2',
  'pt#2',
  'xwb#2',
  'lzg#2@青石村村委会会议室',
  'hlp#2',
].map(parse)

/** Earlier slot and reason for interviews that were moved once. */
const MOVED: Record<string, string> = {
  mj: '本人需参加区政府常务会议',
  dh: '本人赴市农业农村局参加项目评审',
  hdm: '本人参加市委组织部业务培训',
  hb: '本人下村开展秋冬种生产督导',
  wxy: '本人参加市里干部档案专项审核培训',
}

const NOTES: Record<string, string> = {
  'syh:未到': '本人称外出参加培训，未事先请假；已重新安排',
  'zgl:未到': '本人因身体原因未能到场，改为上门谈话',
  'yf:取消': '经研究改为走访门面时一并了解情况',
  syh: '前次未到，重新安排',
  zgl: '上门谈话',
}

const SLOTS: [string, string][] = [
  ['09:00', '10:30'],
  ['10:45', '12:00'],
  ['15:00', '16:30'],
  ['16:40', '17:50'],
]
const FINANCE = new Set(['tl', 'lhy', 'cyf', 'sjh', 'xp', 'mj', 'lsf'])
const PERSONNEL = new Set(['hdm', 'wxy', 'xjl', 'syh'])

export function buildInterviews(ctx: SampleContext, cadres: Cadre[]): { interviews: Interview[]; pointRefs: Map<string, string> } {
  const { rng, member: m } = ctx
  const byKey = new Map(CADRE_ROWS.map((r, i) => [r[0], cadres[i]!]))
  const pointRefs = new Map<string, string>()
  const interviews: Interview[] = []
  const firstOf = new Map<string, string>()
  const pastDays = workdays(ctx.entry, addDays(ctx.today, -1))
  const futureDays = workdays(ctx.today, addDays(ctx.exit, -2))

  const pair = (key: string, lead?: string): [string, string] => {
    const cat = byKey.get(key)!.category
    const leads = lead
      ? [lead]
      : cat === '班子成员'
        ? ['zz', 'fz1', 'fz2']
        : FINANCE.has(key)
          ? ['zy1', 'zy2', 'fz2']
          : PERSONNEL.has(key)
            ? ['fz1']
            : ['fz1', 'fz2', 'zy1', 'zy2', 'zy3']
    const banned = key === 'zxj' ? 'zy2' : '' // 孙海涛 declared 回避 for 郑小军
    const l = rng.pick(leads.filter((x) => x !== banned))
    const r = rng.pick(['zy1', 'zy2', 'zy3', 'lly'].filter((x) => x !== l && x !== banned))
    return [m[l]!, m[r]!]
  }

  const make = (spec: Spec, date: IsoDate, slot: [string, string], room: string, lead?: string): Interview => {
    const cadre = byKey.get(spec.key)!
    const group = groupOf(cadre.category)
    const [leadId, recorderId] = pair(spec.key, lead)
    const past = date < ctx.today
    const status = spec.status ?? (past ? '已谈' : '待谈')
    const history: SlotChange[] = []
    const movedReason = spec.session === 1 && !spec.status?.match(/未到|取消/) ? MOVED[spec.key] : undefined
    let created = maxDate(ctx.entry, addDays(date, -rng.int(2, 5)))
    if (movedReason) {
      const old = past
        ? workdays(addDays(date, -5), addDays(date, -1)).at(-1)!
        : workdays(addDays(ctx.today, -6), addDays(ctx.today, -1)).at(-1)!
      created = maxDate(ctx.entry, addDays(old, -3))
      history.push({ date: old, start: slot[0], end: slot[1], room, changedAt: at(addDays(old, -1), '17:20'), reason: movedReason })
    }
    if (created > ctx.today) created = ctx.today
    const done = status === '已谈'
    const iv: Interview = {
      ...meta(ctx, created, m.lly!, '16:30', daysBetween(created, date)),
      intervieweeId: cadre.id,
      category: cadre.category,
      date,
      start: slot[0],
      end: slot[1],
      room,
      leadId,
      recorderId,
      outline: spec.session > 1 ? `再次约谈：就第一次谈话反映的有关情况进一步核实。${OUTLINES[group]}` : OUTLINES[group],
      status: movedReason && !past ? '待谈' : status,
      history,
      notes: spec.session === 1 ? (NOTES[spec.status ? `${spec.key}:${spec.status}` : spec.key] ?? '') : '',
      record: null,
    }
    if (spec.session > 1) iv.followUpOf = firstOf.get(spec.key)
    else if (status !== '未到' && status !== '取消') firstOf.set(spec.key, iv.id)
    if (done) {
      iv.updatedBy = recorderId
      const story = STORY_POINTS[spec.key]?.[spec.session - 1] ?? []
      const pool = rng.sample(GENERIC_POINTS[group], 6)
      const target = Math.min(6, Math.max(3, story.length + rng.int(0, 2)))
      const specs: PointSpec[] = [...story, ...pool].slice(0, Math.max(target, story.length))
      const points: InterviewPoint[] = specs.map((s) => {
        const id = rng.uuid()
        if (s.tag) pointRefs.set(s.tag, `${iv.id}#${id}`)
        return { id, text: s.text, category: s.cat, involvesClue: !!s.clue, needsVerification: !!s.verify }
      })
      const recent = daysBetween(date, ctx.today) <= 2
      iv.record = {
        sessionNo: spec.session,
        points,
        interviewerSigned: true,
        recorderSigned: !recent,
        intervieweeConfirmed: rng.chance(0.7),
      }
    }
    interviews.push(iv)
    return iv
  }

  // Entry day: 动员会 in the morning, the 一把手 in the afternoon.
  make({ key: 'zwd', session: 1 }, ctx.entry, ['15:00', '16:30'], '巡察组谈话室1', 'zz')
  let q = 0
  const rest = pastDays.filter((d) => d > ctx.entry)
  rest.forEach((day, i) => {
    const left = PAST.length - q
    const cap = i < 8 ? 3 : Math.ceil(left / (rest.length - i))
    const slots = rng.sample([0, 1, 2, 3], Math.min(cap, left)).sort()
    for (const s of slots) {
      const spec = PAST[q++]!
      make(spec, day, SLOTS[s]!, spec.room ?? `巡察组谈话室${(s % 2) + 1}`)
    }
  })
  const last = futureDays.slice(0, -1)
  let f = 0
  last.forEach((day, i) => {
    const left = FUTURE.length - f
    const slots = rng.sample([0, 1, 2, 3], Math.min(left, Math.ceil(left / (last.length - i)) + (i < 4 ? 1 : 0))).sort()
    for (const s of slots) {
      const spec = FUTURE[f++]!
      make(spec, day, SLOTS[s]!, spec.room ?? `巡察组谈话室${(s % 2) + 1}`)
    }
  })
  // The 一把手 again before 撤点.
  const final = futureDays.at(-1) ?? addDays(ctx.exit, -2)
  make({ key: 'zwd', session: 2 }, final, ['09:00', '10:30'], '巡察组谈话室1', 'zz')
  return { interviews, pointRefs }
}

function maxDate(a: IsoDate, b: IsoDate): IsoDate {
  return a > b ? a : b
}
