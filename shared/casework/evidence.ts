// The text behind an evidence link (支撑材料), read from the round's records, so a 底稿 or clue
// shows what it rests on and a clue's seal can freeze it.
import type {
  Attachment,
  BorrowedDocument,
  Cadre,
  DocumentNote,
  EvidenceLink,
  FrozenEvidence,
  Interview,
  Petition,
  SiteVisit,
} from '../domain/types'
import type { RoundSnapshot } from '../domain/snapshot'
import { formatDateCN } from '../util/dates'

export interface EvidenceSources {
  interviews: Interview[]
  notes: DocumentNote[]
  documents: BorrowedDocument[]
  petitions: Petition[]
  visits: SiteVisit[]
  attachments: Pick<Attachment, 'id' | 'name' | 'size' | 'sha256' | 'deleted'>[]
  cadres: Pick<Cadre, 'id' | 'name'>[]
}

/** The evidence sources of a whole round, from its snapshot (reports, the archive CLI). */
export function evidenceSourcesOf(snap: RoundSnapshot): EvidenceSources {
  const t = snap.tables
  return {
    interviews: t.interviews,
    notes: t.documentNotes,
    documents: t.documents,
    petitions: t.petitions,
    visits: t.visits,
    attachments: t.attachments,
    cadres: t.people.filter((p): p is Cadre => p.kind === 'cadre'),
  }
}

export const EVIDENCE_KIND_LABELS: Record<EvidenceLink['kind'], string> = {
  interviewPoint: '谈话要点',
  documentNote: '审阅笔记',
  petition: '信访件',
  visit: '走访记录',
  attachment: '附件',
}

export interface ResolvedEvidence extends FrozenEvidence {
  /** Where it comes from, e.g. "谈话 2026年10月20日 张卫东 第1次". */
  source: string
  found: boolean
}

// Records by id, built once per source list: every signed 底稿 resolves its evidence on each
// look (whether its sign-offs still stand), ≈4,000 look-ups over ≈30,000 records at ten times a round.
// A list that grew since (an attachment pushed on) is indexed again.
const indexes = new WeakMap<readonly { id: string }[], { size: number; map: Map<string, { id: string }> }>()
function byId<T extends { id: string }>(list: readonly T[], id: string | undefined): T | undefined {
  let index = indexes.get(list)
  if (!index || index.size !== list.length) indexes.set(list, (index = { size: list.length, map: new Map(list.map((x) => [x.id, x])) }))
  return id === undefined ? undefined : (index.map.get(id) as T | undefined)
}

/** Finds one link's record and describes it; a link whose record is gone says so. */
export function resolveEvidence(link: EvidenceLink, s: EvidenceSources): ResolvedEvidence {
  const missing = { ...link, source: EVIDENCE_KIND_LABELS[link.kind], text: '（原始记录不存在或已删除）', found: false }
  const name = (id: string) => byId(s.cadres, id)?.name ?? ''
  switch (link.kind) {
    case 'interviewPoint': {
      const [interviewId, pointId] = link.ref.split('#')
      const iv = byId(s.interviews, interviewId)
      if (iv?.deleted) return missing
      const point = iv?.record?.points.find((p) => p.id === pointId)
      if (!iv || !point) return missing
      return {
        ...link,
        text: point.text,
        found: true,
        source: `谈话 ${formatDateCN(iv.date)} ${name(iv.intervieweeId)} 第${iv.record?.sessionNo ?? 1}次`,
      }
    }
    case 'documentNote': {
      const note = byId(s.notes, link.ref)
      if (!note || note.deleted) return missing
      const doc = byId(s.documents, note.documentId)
      const text = [note.excerpt, note.doubt ? `疑点：${note.doubt}` : ''].filter(Boolean).join('；')
      return { ...link, text, found: true, source: `调阅《${doc?.title ?? '资料'}》${note.page ? ` ${note.page}` : ''}` }
    }
    case 'petition': {
      const p = byId(s.petitions, link.ref)
      if (!p || p.deleted) return missing
      return { ...link, text: p.summary, found: true, source: `信访 ${formatDateCN(p.receivedOn)} ${p.channel}` }
    }
    case 'visit': {
      const v = byId(s.visits, link.ref)
      if (!v || v.deleted) return missing
      return { ...link, text: v.notes, found: true, source: `${v.kind} ${formatDateCN(v.date)} ${v.place}` }
    }
    case 'attachment': {
      const a = byId(s.attachments, link.ref)
      if (!a || a.deleted) return missing
      return { ...link, text: `${a.name}（${a.size} 字节，SHA-256 ${a.sha256}）`, found: true, source: `附件 ${a.name}` }
    }
  }
}

/** Every interview point of the round, for picking evidence. */
export function interviewPoints(s: Pick<EvidenceSources, 'interviews' | 'cadres'>) {
  return s.interviews.flatMap((iv) =>
    iv.deleted || !iv.record
      ? []
      : iv.record.points.map((p) => ({
          link: { kind: 'interviewPoint' as const, ref: `${iv.id}#${p.id}` },
          text: p.text,
          category: p.category,
          personId: iv.intervieweeId,
          label: `${formatDateCN(iv.date)} ${s.cadres.find((c) => c.id === iv.intervieweeId)?.name ?? ''}：${p.text}`,
        })),
  )
}
