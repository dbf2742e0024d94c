// The built-in sample round: 十二届区委第三轮巡察, 区委第三巡察组 at 区农业农村局党委.
// Deterministic: the same seed and today give a deep-equal snapshot (seeded PRNG, ids drawn
// from it, no clock). The round is placed so that `today` is its 34th day (default today
// 2026-11-21 → entry 2026-10-19, exit 2026-12-18, 信访 intake closing 2026-12-08).
import { copyFramework, FOUR_IMPLEMENTATIONS } from '../domain/frameworks'
import { emptyTables, type RoundSnapshot } from '../domain/snapshot'
import type { Cadre, IsoDate, Round, TeamMember } from '../domain/types'
import { addDays, isIsoDate } from '../util/dates'
import { buildAttachments } from './attachments'
import { meta, type SampleContext } from './context'
import { buildDocuments } from './documents'
import { buildIntake } from './intake'
import { buildInterviews } from './interviews'
import { buildChecklist, buildClues, buildPapers } from './papers'
import { buildPeople } from './people'
import { createRng } from './prng'

export { SAMPLE_DEVICE_ID } from './context'
export const SAMPLE_DEFAULT_SEED = 20261019
export const SAMPLE_DEFAULT_TODAY: IsoDate = '2026-11-21'

export interface SampleOptions {
  seed?: number
  /** The day the sample pretends it is (`YYYY-MM-DD`). */
  today?: IsoDate
}

export function buildSampleRound(options: SampleOptions = {}): RoundSnapshot {
  const seed = options.seed ?? SAMPLE_DEFAULT_SEED
  const today = options.today ?? SAMPLE_DEFAULT_TODAY
  if (!isIsoDate(today)) throw new RangeError(`不是有效日期：${today}`)
  const rng = createRng(seed)
  // Entry on the Monday 33–39 days before today (a Monday 动员会), two months on site.
  let entry = addDays(today, -33)
  while (new Date(`${entry}T00:00:00Z`).getUTCDay() !== 1) entry = addDays(entry, -1)
  const exit = addDays(entry, 60)
  const ctx: SampleContext = { rng, roundId: rng.uuid(), today, entry, exit, member: {}, cadre: {} }

  const people = buildPeople(ctx)
  const cadres = people.filter((p): p is Cadre => p.kind === 'cadre')
  const subjects = new Map(
    Object.entries(ctx.cadre).map(([k, id]) => {
      const c = cadres.find((x) => x.id === id)!
      return [k, { name: c.name, post: /^(区|青石)/.test(c.post) ? c.post : `区农业农村局${c.post}` }]
    }),
  )
  const { interviews, pointRefs } = buildInterviews(ctx, cadres)
  const { documents, notes, noteRefs } = buildDocuments(ctx)
  const { petitions, visits, petitionRefs, visitRefs } = buildIntake(ctx, subjects)
  const visitDate = (id: string) => visits.find((v) => v.id === id)!.date
  const { attachments, refs: attachmentRefs } = buildAttachments(
    ctx,
    visitDate(visitRefs.get('visit-road')!),
    visitDate(visitRefs.get('visit-rent')!),
  )
  const refs = { point: pointRefs, note: noteRefs, petition: petitionRefs, visit: visitRefs, attachment: attachmentRefs }
  const { papers, paperIds } = buildPapers(ctx, refs)
  const clues = buildClues(ctx, refs, subjects)
  const checklist = buildChecklist(ctx, paperIds)

  const leader = (people as TeamMember[]).find((p) => p.kind === 'member' && p.role === '组长')!
  const { roundId: _roundId, ...roundMeta } = meta(ctx, entry, leader.id, '08:00')
  const round: Round = {
    ...roundMeta,
    id: ctx.roundId,
    name: '区委第三巡察组对区农业农村局党委的常规巡察',
    batch: '十二届区委第三轮',
    mode: '常规',
    unitName: '区农业农村局党委',
    entryDate: entry,
    exitDate: exit,
    petitionCutoff: addDays(exit, -10),
    framework: copyFramework(FOUR_IMPLEMENTATIONS),
    defaultMarking: { level: '内部' },
    notes: '进驻当日上午召开巡察工作动员会。驻点地址：区农业农村局办公楼三楼；举报电话、邮箱和举报箱已公布。',
  }
  const tables = emptyTables()
  Object.assign(tables, {
    people,
    interviews,
    documents,
    documentNotes: notes,
    petitions,
    visits,
    workingPapers: papers,
    clues,
    checklist,
    reports: [],
    attachments,
  })
  return { round, tables }
}
