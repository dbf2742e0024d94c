// 底稿 (working papers), 问题线索 and the round's checklist, guide §5–6 and §9.
//
// Numbering: 底稿 `YYYY-03-DG-NNN` and 线索 `YYYY-03-XS-NNN` — year of entry, round number
// within the 届 (第三轮 → 03), DG 底稿 / XS 线索, then a three-digit sequence.
import type { ChecklistItem, Clue, EvidenceLink, IsoDate, Signoff, WorkingPaper } from '../domain/types'
import { addDays } from '../util/dates'
import { at, isWorkday, meta, minDate, type SampleContext } from './context'
import { CHECKLIST, CLUES, PAPERS } from './paper-texts'

export interface Refs {
  point: Map<string, string>
  note: Map<string, string>
  petition: Map<string, string>
  visit: Map<string, string>
  attachment: Map<string, string>
}

const KIND = { p: 'interviewPoint', n: 'documentNote', t: 'petition', v: 'visit', a: 'attachment' } as const

export function evidence(refs: Refs, tags: readonly string[]): EvidenceLink[] {
  return tags.map((t) => {
    const [k, tag] = t.split(':') as [keyof typeof KIND, string]
    const map = { p: refs.point, n: refs.note, t: refs.petition, v: refs.visit, a: refs.attachment }[k]
    const ref = map.get(tag)
    if (!ref) throw new Error(`sample: unknown evidence tag ${t}`)
    return { kind: KIND[k], ref }
  })
}

function workdayFrom(ctx: SampleContext, offset: number): IsoDate {
  let d = addDays(ctx.entry, offset)
  while (!isWorkday(d)) d = addDays(d, 1)
  return minDate(d, addDays(ctx.today, -1))
}

/** Working days after `date`, capped at the day before today (sign-offs happen in the past). */
function nextDays(ctx: SampleContext, date: IsoDate, n: number): IsoDate[] {
  const out: IsoDate[] = []
  let d = date
  while (out.length < n) {
    d = addDays(d, 1)
    if (isWorkday(d)) out.push(minDate(d, addDays(ctx.today, -1)))
  }
  return out.map((x) => (x < date ? date : x))
}

export function buildPapers(ctx: SampleContext, refs: Refs): { papers: WorkingPaper[]; paperIds: Map<string, string> } {
  const { member: m, cadre: c } = ctx
  const year = ctx.entry.slice(0, 4)
  const paperIds = new Map<string, string>()
  const papers = PAPERS.map((s, i) => {
    const date = workdayFrom(ctx, s.day)
    const reviewer = s.handler === 'fz2' ? 'fz1' : s.handler === 'fz1' ? 'fz2' : s.reviewer
    const steps: [Signoff['step'], string][] = [
      ['承办人签字', s.handler],
      ['副组长审核', reviewer],
      ['组长审签', 'zz'],
    ]
    const days = nextDays(ctx, date, 3)
    const signoffs: Signoff[] = steps
      .slice(0, s.signed)
      .map(([step, who], k) => ({ step, memberId: m[who]!, at: at(days[k]!, `${10 + k}:${15 + k * 10}`) }))
    const last = signoffs.at(-1)
    const p: WorkingPaper = {
      ...meta(ctx, date, m[s.handler]!, '16:00'),
      number: `${year}-03-DG-${String(i + 1).padStart(3, '0')}`,
      date,
      title: s.title,
      category: s.category,
      responsibleType: s.responsible,
      personIds: s.persons.map((k) => c[k]!),
      timePlace: s.timePlace,
      summary: s.summary,
      facts: s.facts,
      learnedBy: s.learnedBy,
      basis: s.basis,
      analysis: s.analysis,
      amount: s.amount,
      keyFocus: s.keyFocus,
      disposition: s.disposition,
      handlerId: m[s.handler]!,
      evidence: evidence(refs, s.evidence),
      signoffs,
      editedAfterSignoff: s.edited ?? false,
    }
    if (last) {
      p.updatedAt = last.at
      p.updatedBy = last.memberId
    }
    if (s.edited) {
      p.updatedAt = at(nextDays(ctx, date, 4)[3]!, '17:40')
      p.updatedBy = m[s.handler]!
    }
    paperIds.set(s.key, p.id)
    return p
  })
  return { papers, paperIds }
}

export function buildClues(ctx: SampleContext, refs: Refs, subjects: Map<string, { name: string; post: string }>): Clue[] {
  const { member: m, cadre: c } = ctx
  const year = ctx.entry.slice(0, 4)
  return CLUES.map((s, i) => {
    const registeredOn = workdayFrom(ctx, s.day)
    const subject = subjects.get(s.subject)!
    const transferredOn = s.status === '已移交' ? nextDays(ctx, registeredOn, 3)[2]! : ''
    const clue: Clue = {
      ...meta(ctx, registeredOn, m.fz2!, '15:30', s.status === '草稿' ? 1 : 3),
      number: `${year}-03-XS-${String(i + 1).padStart(3, '0')}`,
      registeredOn,
      source: s.source,
      reporter: s.reporter,
      subjectId: c[s.subject]!,
      subjectName: subject.name,
      subjectPost: subject.post,
      jurisdiction: s.jurisdiction,
      summary: s.summary,
      discipline: s.discipline,
      verifiability: s.verifiability,
      preliminary: s.preliminary,
      proposal: s.proposal,
      receiverUnit: s.receiverUnit,
      leaderOpinion: s.status === '定稿' || s.status === '已移交' ? s.leaderOpinion : '',
      transferredOn,
      transferNo: transferredOn ? `区委巡察三组移〔${year}〕1号` : '',
      receiver: transferredOn ? '区纪委监委案件监督管理室 周文杰' : '',
      feedback: '',
      status: s.status,
      evidence: evidence(refs, s.evidence),
      seal: null,
    }
    if (transferredOn) {
      clue.updatedAt = at(transferredOn, '16:10')
      clue.updatedBy = m.zz!
    }
    return clue
  })
}

export function buildChecklist(ctx: SampleContext, paperIds: Map<string, string>): ChecklistItem[] {
  return CHECKLIST.map(([nodeId, question, papers], i) => ({
    ...meta(ctx, ctx.entry, ctx.member.lly!, '08:50'),
    nodeId,
    question,
    order: i + 1,
    paperIds: papers.map((k) => paperIds.get(k)!),
  }))
}
