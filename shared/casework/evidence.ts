// The text behind an evidence link (支撑材料), read from the round's records, so a 底稿 or clue
// shows what it rests on and a clue's seal can freeze it.
import type {
  Attachment, BorrowedDocument, Cadre, DocumentNote, EvidenceLink, FrozenEvidence, Interview, Petition, SiteVisit,
} from '../domain/types'
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

export const EVIDENCE_KIND_LABELS: Record<EvidenceLink['kind'], string> = {
  interviewPoint: '谈话要点', documentNote: '审阅笔记', petition: '信访件', visit: '走访记录', attachment: '附件',
}

export interface ResolvedEvidence extends FrozenEvidence {
  /** Where it comes from, e.g. "谈话 2026年10月20日 张卫东 第1次". */
  source: string
  found: boolean
}

/** Finds one link's record and describes it; a link whose record is gone says so. */
export function resolveEvidence(link: EvidenceLink, s: EvidenceSources): ResolvedEvidence {
  const missing = { ...link, source: EVIDENCE_KIND_LABELS[link.kind], text: '（原始记录不存在或已删除）', found: false }
  const name = (id: string) => s.cadres.find((c) => c.id === id)?.name ?? ''
  switch (link.kind) {
    case 'interviewPoint': {
      const [interviewId, pointId] = link.ref.split('#')
      const iv = s.interviews.find((i) => i.id === interviewId && !i.deleted)
      const point = iv?.record?.points.find((p) => p.id === pointId)
      if (!iv || !point) return missing
      return { ...link, text: point.text, found: true, source: `谈话 ${formatDateCN(iv.date)} ${name(iv.intervieweeId)} 第${iv.record?.sessionNo ?? 1}次` }
    }
    case 'documentNote': {
      const note = s.notes.find((n) => n.id === link.ref && !n.deleted)
      if (!note) return missing
      const doc = s.documents.find((d) => d.id === note.documentId)
      const text = [note.excerpt, note.doubt ? `疑点：${note.doubt}` : ''].filter(Boolean).join('；')
      return { ...link, text, found: true, source: `调阅《${doc?.title ?? '资料'}》${note.page ? ` ${note.page}` : ''}` }
    }
    case 'petition': {
      const p = s.petitions.find((x) => x.id === link.ref && !x.deleted)
      if (!p) return missing
      return { ...link, text: p.summary, found: true, source: `信访 ${formatDateCN(p.receivedOn)} ${p.channel}` }
    }
    case 'visit': {
      const v = s.visits.find((x) => x.id === link.ref && !x.deleted)
      if (!v) return missing
      return { ...link, text: v.notes, found: true, source: `${v.kind} ${formatDateCN(v.date)} ${v.place}` }
    }
    case 'attachment': {
      const a = s.attachments.find((x) => x.id === link.ref && !x.deleted)
      if (!a) return missing
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
