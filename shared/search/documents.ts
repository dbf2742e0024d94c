// What search sees of a round: one entry per interview, interview point, document, review
// note, petition (never the reporter's contact), visit, 底稿, clue and report paragraph.
import type { RoundSnapshot } from '../domain/snapshot'
import { TABLE_LABELS } from '../domain/labels'
import type { SearchDoc } from './corpus'

/** The section's route with the record's id as a query value, encoded: ids may hold `/ ? & #`. */
const recordRoute = (path: string, id: string) => `${path}?id=${encodeURIComponent(id)}`

export const SEARCH_KINDS = {
  interviews: TABLE_LABELS.interviews,
  interviewPoints: '谈话要点',
  documents: TABLE_LABELS.documents,
  documentNotes: TABLE_LABELS.documentNotes,
  petitions: TABLE_LABELS.petitions,
  visits: TABLE_LABELS.visits,
  workingPapers: TABLE_LABELS.workingPapers,
  clues: TABLE_LABELS.clues,
  reports: TABLE_LABELS.reports,
} as const
export type SearchKind = keyof typeof SEARCH_KINDS

const join = (...parts: (string | undefined | null)[]) => parts.filter(Boolean).join('\n')

export function* searchDocs(snapshot: Pick<RoundSnapshot, 'tables'>): Generator<SearchDoc> {
  const t = snapshot.tables
  const live = <R extends { deleted?: boolean }>(rows: R[]) => rows.filter((r) => !r.deleted)
  const name = new Map(t.people.map((p) => [p.id, p.name]))
  for (const iv of live(t.interviews)) {
    const who = name.get(iv.intervieweeId) ?? ''
    yield {
      key: `interviews:${iv.id}`,
      kind: 'interviews',
      title: `与${who}谈话（${iv.date}）`,
      text: join(iv.outline, iv.notes),
      date: iv.date,
      personIds: [iv.intervieweeId],
      category: '',
      route: recordRoute('/interviews', iv.id),
    }
    for (const p of iv.record?.points ?? [])
      yield {
        key: `interviews:${iv.id}#${p.id}`,
        kind: 'interviewPoints',
        title: `与${who}谈话要点`,
        text: p.text,
        date: iv.date,
        personIds: [iv.intervieweeId],
        category: p.category,
        route: recordRoute('/interviews', iv.id),
      }
  }
  const docTitle = new Map(t.documents.map((d) => [d.id, d.title]))
  for (const d of live(t.documents))
    yield {
      key: `documents:${d.id}`,
      kind: 'documents',
      title: d.title,
      text: join(d.category, d.department, d.notes),
      date: d.borrowedOn,
      personIds: [],
      category: '',
      route: recordRoute('/documents', d.id),
    }
  for (const n of live(t.documentNotes))
    yield {
      key: `documentNotes:${n.id}`,
      kind: 'documentNotes',
      title: `${docTitle.get(n.documentId) ?? ''} ${n.page}`.trim(),
      text: join(n.excerpt, n.doubt),
      date: n.date,
      personIds: [],
      category: n.category,
      route: recordRoute('/documents', n.documentId),
    }
  for (const p of live(t.petitions))
    yield {
      key: `petitions:${p.id}`,
      kind: 'petitions',
      title: `${p.channel}：反映${p.subjectName || '（未具名）'}`,
      text: join(p.summary, p.subjectPost),
      date: p.receivedOn,
      personIds: p.subjectId ? [p.subjectId] : [],
      category: '',
      route: recordRoute('/petitions', p.id),
    }
  for (const v of live(t.visits))
    yield {
      key: `visits:${v.id}`,
      kind: 'visits',
      title: `${v.kind}：${v.place}`,
      text: join(v.peopleMet, v.notes),
      date: v.date,
      personIds: [],
      category: v.category,
      route: recordRoute('/visits', v.id),
    }
  for (const w of live(t.workingPapers))
    yield {
      key: `workingPapers:${w.id}`,
      kind: 'workingPapers',
      title: `${w.number} ${w.title}`,
      text: join(w.summary, w.facts, w.analysis, w.basis, w.timePlace),
      date: w.date,
      personIds: w.personIds,
      category: w.category,
      route: recordRoute('/papers', w.id),
    }
  for (const c of live(t.clues))
    yield {
      key: `clues:${c.id}`,
      kind: 'clues',
      title: `${c.number} 反映${c.subjectName}`,
      text: join(c.summary, c.preliminary, c.proposal),
      date: c.registeredOn,
      personIds: c.subjectId ? [c.subjectId] : [],
      category: '',
      route: recordRoute('/clues', c.id),
    }
  for (const r of live(t.reports))
    for (const s of r.sections)
      for (const p of s.paragraphs)
        yield {
          key: `reports:${r.id}#${p.id}`,
          kind: 'reports',
          title: `${r.title} · ${s.heading}`,
          text: p.text,
          date: r.updatedAt.slice(0, 10),
          personIds: [],
          category: '',
          route: recordRoute('/reports', r.id),
        }
}
