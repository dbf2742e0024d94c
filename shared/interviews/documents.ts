// The interview export documents, composed from plain records (the renderer only gathers data
// and delivers): 谈话安排表 (Excel sheet and landscape PDF), one 谈话记录 (A4 PDF for signing) and
// the round's interview register (Excel: every interview, and counts per category).
import {
  INTERVIEW_COLUMN_LABELS as C,
  INTERVIEW_LABELS as L,
  INTERVIEW_POINT_LABELS as P,
  INTERVIEW_RECORD_LABELS as R,
} from '../domain/labels'
import { flattenFramework } from '../domain/frameworks'
import {
  CADRE_CATEGORIES,
  INTERVIEW_STATUSES,
  type Cadre,
  type Interview,
  type IsoDate,
  type Round,
  type TeamMember,
} from '../domain/types'
import type { LedgerColumn, LedgerSheet } from '../export/xlsx-ledger'
import type { OfficialDoc } from '../export/pdf-document'
import { formatDateCN } from '../util/dates'
import { rescheduleNotes, shownStatus } from './status'

export interface People {
  members: TeamMember[]
  cadres: Cadre[]
}

const CN_ORDINAL = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十']
export const sessionText = (n: number) => `第${n <= 10 ? CN_ORDINAL[n] : n}次`

/** 单位及职务: the post, led by the department when the post does not already name it. */
export function unitPost(c: Pick<Cadre, 'post' | 'department'> | undefined): string {
  if (!c) return ''
  const d = c.department.trim()
  return !d || c.post.includes(d) || d === '局领导' || d === '退休干部' ? c.post : `${d}${c.post}`
}

const name = (p: People, id: string) => p.members.find((m) => m.id === id)?.name ?? p.cadres.find((c) => c.id === id)?.name ?? ''

/** In range (inclusive) when given; the schedule in time order. */
export function inRange(interviews: Interview[], from?: IsoDate, to?: IsoDate): Interview[] {
  return interviews
    .filter((iv) => !iv.deleted && (!from || iv.date >= from) && (!to || iv.date <= to))
    .sort((a, b) => a.date.localeCompare(b.date) || a.start.localeCompare(b.start) || a.room.localeCompare(b.room, 'zh-CN'))
}

export function followUpText(iv: Interview, all: Interview[]): string {
  if (all.some((o) => !o.deleted && o.followUpOf === iv.id && o.status !== '取消')) return '是（已安排）'
  return iv.needsFollowUp ? '是' : ''
}

export interface ScheduleRow {
  date: IsoDate
  slot: string
  room: string
  interviewee: string
  post: string
  category: string
  lead: string
  recorder: string
  status: string
  followUp: string
  notes: string
}

/** One row per interview of the 谈话安排表 (guide §3 columns, 序号 added by the sheet). */
export function scheduleRows(interviews: Interview[], people: People, all: Interview[] = interviews): ScheduleRow[] {
  return interviews.map((iv) => {
    const movedNote = rescheduleNotes(iv).at(-1) ?? ''
    return {
      date: iv.date,
      slot: `${iv.start}—${iv.end}`,
      room: iv.room,
      interviewee: name(people, iv.intervieweeId),
      post: unitPost(people.cadres.find((c) => c.id === iv.intervieweeId)),
      category: iv.category,
      lead: name(people, iv.leadId),
      recorder: name(people, iv.recorderId),
      status: shownStatus(iv),
      followUp: followUpText(iv, all),
      notes: [movedNote, iv.notes].filter(Boolean).join('；'),
    }
  })
}

const SCHEDULE_COLUMNS: LedgerColumn[] = [
  { header: L.date, key: 'date', kind: 'date' },
  { header: C.slot, key: 'slot' },
  { header: L.room, key: 'room' },
  { header: L.intervieweeId, key: 'interviewee' },
  { header: C.intervieweePost, key: 'post', kind: 'wrap' },
  { header: L.category, key: 'category' },
  { header: L.leadId, key: 'lead' },
  { header: L.recorderId, key: 'recorder' },
  { header: L.status, key: 'status', list: [...INTERVIEW_STATUSES] },
  { header: L.needsFollowUp, key: 'followUp' },
  { header: L.notes, key: 'notes', kind: 'wrap' },
]
export const SCHEDULE_HEADERS = ['序号', ...SCHEDULE_COLUMNS.map((c) => c.header)]

export function rangeText(from?: IsoDate, to?: IsoDate): string {
  if (!from && !to) return '全轮次'
  if (from && from === to) return formatDateCN(from)
  return `${from ? formatDateCN(from) : '开始'}至${to ? formatDateCN(to) : '结束'}`
}

export function scheduleSheet(rows: ScheduleRow[], range: string): LedgerSheet {
  return {
    name: '谈话安排表',
    title: `谈话安排表（${range}）`,
    serial: true,
    landscape: true,
    columns: SCHEDULE_COLUMNS,
    rows: rows as unknown as Record<string, unknown>[],
  }
}

export function scheduleDoc(rows: ScheduleRow[], round: Pick<Round, 'unitName' | 'name'>, range: string): OfficialDoc {
  return {
    title: '谈话安排表',
    subtitle: `${round.unitName}　${range}　共${rows.length}人次`,
    orientation: 'landscape',
    blocks: [
      {
        kind: 'table',
        fontSize: 9,
        columns: [
          // Short fields fit their content on one line; the two long ones share what is left.
          // (再次约谈 is the short header here: the landscape page has no room for 是否需再次约谈.)
          { header: '序号', width: 'auto', align: 'center' },
          { header: L.date, width: 'auto' },
          { header: C.slot, width: 'auto' },
          { header: L.room, width: 'auto' },
          { header: L.intervieweeId, width: 'auto' },
          { header: C.intervieweePost, width: 1.4 },
          { header: L.category, width: 'auto' },
          { header: L.leadId, width: 'auto' },
          { header: L.recorderId, width: 'auto' },
          { header: L.status, width: 'auto' },
          { header: L.followUpOf, width: 'auto' },
          { header: L.notes, width: 1 },
        ],
        rows: rows.map((r, i) => [
          i + 1,
          formatDateCN(r.date),
          r.slot,
          r.room,
          r.interviewee,
          r.post,
          r.category,
          r.lead,
          r.recorder,
          r.status,
          r.followUp,
          r.notes,
        ]),
      },
    ],
  }
}

/** The 谈话记录 for signing (guide §3: header, key points with category and flags, signatures). */
export function recordDoc(iv: Interview, round: Pick<Round, 'name' | 'unitName' | 'framework'>, people: People): OfficialDoc {
  const rec = iv.record
  const cadre = people.cadres.find((c) => c.id === iv.intervieweeId)
  const titles = new Map(flattenFramework(round.framework).map(({ node }) => [node.id, node.title]))
  const line = (label: string, value: string) => ({
    kind: 'paragraph' as const,
    text: `${label}：${value}`,
    indent: false,
    align: 'left' as const,
  })
  const points = rec?.points.filter((p) => p.text.trim()) ?? []
  const yes = (b: boolean | undefined, s: string) => (b ? `${s}已签字` : `${s}未签字`)
  return {
    title: '谈话记录',
    blocks: [
      line('巡察', round.name),
      line('被巡察单位', round.unitName),
      line('谈话时间', `${formatDateCN(iv.date)} ${iv.start}至${iv.end}`),
      line(L.room, iv.room),
      line('谈话人', name(people, iv.leadId)),
      line(L.recorderId, name(people, iv.recorderId)),
      line(L.intervieweeId, `${cadre?.name ?? ''}${cadre ? `（${unitPost(cadre)}）` : ''}`),
      line(R.sessionNo, sessionText(rec?.sessionNo ?? 1)),
      { kind: 'heading', level: 1, text: R.points },
      ...(points.length
        ? points.map((p, i) => {
            const flags = [p.involvesClue && P.involvesClue, p.needsVerification && P.needsVerification].filter(Boolean).join('、')
            const cat = titles.get(p.category) ?? (p.category || '未分类')
            return { kind: 'paragraph' as const, text: `${i + 1}.【${cat}】${p.text.trim()}${flags ? `（${flags}）` : ''}` }
          })
        : [{ kind: 'paragraph' as const, text: '（尚无谈话要点）' }]),
      { kind: 'spacer', lines: 1 },
      line(
        '签字情况',
        `${yes(rec?.interviewerSigned, '谈话人')}；${yes(rec?.recorderSigned, '记录人')}；谈话对象${rec?.intervieweeConfirmed ? '已阅确认' : '未确认'}`,
      ),
      { kind: 'signature', fields: ['谈话人', '记录人'] },
      { kind: 'paragraph', text: '谈话对象意见：以上记录已阅，属实。', indent: false },
      { kind: 'signature', fields: ['谈话对象', '日期'] },
    ],
  }
}

export interface CategoryCount {
  category: string
  registry: number
  planned: number
  done: number
  donePeople: number
  pending: number
  moved: number
  absent: number
  cancelled: number
}

/** Counts per interviewee category; 计划 excludes 取消, 已谈人数 counts distinct people. */
export function countsByCategory(interviews: Interview[], cadres: Cadre[]): CategoryCount[] {
  const live = interviews.filter((iv) => !iv.deleted)
  const rows = CADRE_CATEGORIES.map((category) => {
    const own = live.filter((iv) => iv.category === category)
    const n = (s: Interview['status']) => own.filter((iv) => shownStatus(iv) === s).length
    return {
      category,
      registry: cadres.filter((c) => !c.deleted && c.category === category).length,
      planned: own.length - n('取消'),
      done: n('已谈'),
      donePeople: new Set(own.filter((iv) => iv.status === '已谈').map((iv) => iv.intervieweeId)).size,
      pending: n('待谈'),
      moved: own.filter((iv) => iv.history.length > 0 || iv.status === '改期').length,
      absent: n('未到'),
      cancelled: n('取消'),
    }
  })
  const sum = (k: keyof Omit<CategoryCount, 'category'>) => rows.reduce((a, r) => a + r[k], 0)
  return [
    ...rows,
    {
      category: '合计',
      registry: sum('registry'),
      planned: sum('planned'),
      done: sum('done'),
      donePeople: new Set(live.filter((iv) => iv.status === '已谈').map((iv) => iv.intervieweeId)).size,
      pending: sum('pending'),
      moved: sum('moved'),
      absent: sum('absent'),
      cancelled: sum('cancelled'),
    },
  ]
}

/** The register workbook's two sheets: every interview, and counts per category. */
export function registerSheets(interviews: Interview[], people: People): LedgerSheet[] {
  const all = inRange(interviews)
  const rows = scheduleRows(all, people, all).map((r, i) => {
    const rec = all[i]!.record
    const pts = rec?.points ?? []
    return {
      ...r,
      session: rec ? sessionText(rec.sessionNo) : '',
      points: pts.length,
      clues: pts.filter((p) => p.involvesClue).length,
      verify: pts.filter((p) => p.needsVerification).length,
      signed: rec ? [rec.interviewerSigned ? '谈话人已签' : '谈话人未签', rec.recorderSigned ? '记录人已签' : '记录人未签'].join('、') : '',
    }
  })
  const counts = countsByCategory(interviews, people.cadres)
  return [
    {
      name: '谈话登记',
      title: '个别谈话登记表',
      serial: true,
      rows,
      columns: [
        { header: L.date, key: 'date', kind: 'date' },
        { header: C.slot, key: 'slot' },
        { header: L.intervieweeId, key: 'interviewee' },
        { header: C.intervieweePost, key: 'post', kind: 'wrap' },
        { header: L.category, key: 'category' },
        { header: R.sessionNo, key: 'session' },
        { header: L.leadId, key: 'lead' },
        { header: L.recorderId, key: 'recorder' },
        { header: L.status, key: 'status', list: [...INTERVIEW_STATUSES] },
        { header: C.pointCount, key: 'points', kind: 'number' },
        { header: C.clueCount, key: 'clues', kind: 'number' },
        { header: C.verifyCount, key: 'verify', kind: 'number' },
        { header: C.signatures, key: 'signed' },
        { header: L.needsFollowUp, key: 'followUp' },
      ],
    },
    {
      name: '分类统计',
      title: '个别谈话分类统计',
      rows: counts as unknown as Record<string, unknown>[],
      columns: [
        { header: L.category, key: 'category' },
        { header: '名册人数', key: 'registry', kind: 'number' },
        { header: '计划人次', key: 'planned', kind: 'number' },
        { header: '已谈人次', key: 'done', kind: 'number' },
        { header: '已谈人数', key: 'donePeople', kind: 'number' },
        { header: '待谈', key: 'pending', kind: 'number' },
        { header: '改期', key: 'moved', kind: 'number' },
        { header: '未到', key: 'absent', kind: 'number' },
        { header: '取消', key: 'cancelled', kind: 'number' },
      ],
    },
  ]
}
