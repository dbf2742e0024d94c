// 作为新轮次导入（重新编号）: when an archive's record ids already belong to another round on
// this laptop, the round can come in as a new round instead. Every record (the round included)
// gets a new id, and every reference inside the round follows: roster members and cadres named
// by id, evidence citations (`<interview id>#<point id>` for an interview point), clue↔底稿
// links, merged 底稿, checklist and report sources (paper ids and generated slots such as
// `paper:<id>`), the survey's cadres. Ids the archive does not hold (dangling references, point,
// section and framework node ids) stay as they are.
//
// A seal or sign-off hashes the refs it covers; one that verified before is hashed again over
// the new refs (the same content, renumbered), one that did not stays broken, so re-keying never
// repairs or forges anything.
import type { RoundSnapshot } from '../domain/snapshot'
import { ROUND_TABLES } from '../domain/tables'
import type { Clue, EvidenceLink, ReportSection, Signoff, WorkingPaper } from '../domain/types'
import { evidenceHash, paperContentHash, signoffIntact } from '../casework/signing'
import { sealPayload, verifySeal } from '../casework/clues'
import { sha256Hex } from '../util/hash'

type Row = Record<string, unknown>
type Ids = Map<string, string>

const one = (ids: Ids, v: unknown) => (typeof v === 'string' ? (ids.get(v) ?? v) : v)
const many = (ids: Ids, v: unknown) => (Array.isArray(v) ? v.map((x) => one(ids, x)) : v)
/** An evidence ref: a record id, or `<interview id>#<point id>`. */
const ref = (ids: Ids, r: string) => {
  const hash = r.indexOf('#')
  return hash < 0 ? (ids.get(r) ?? r) : `${ids.get(r.slice(0, hash)) ?? r.slice(0, hash)}${r.slice(hash)}`
}
/** A generated paragraph's slot: `kind:<id>` or `kind:<ref>` segments. */
const slot = (ids: Ids, s: string) =>
  s
    .split(':')
    .map((part) => ref(ids, part))
    .join(':')
const links = <L extends Pick<EvidenceLink, 'ref'>>(ids: Ids, list: L[] | undefined) => list?.map((l) => ({ ...l, ref: ref(ids, l.ref) }))
const withMember = <E extends { memberId: string }>(ids: Ids, list: E[] | undefined) =>
  list?.map((e) => ({ ...e, memberId: one(ids, e.memberId) as string }))

/** The fields of a 底稿 (or of a version's content) that name records. */
function paperRefs(ids: Ids, p: Row): Row {
  const out: Row = { ...p }
  if ('personIds' in p) out.personIds = many(ids, p.personIds)
  if ('handlerId' in p) out.handlerId = one(ids, p.handlerId)
  if (Array.isArray(p.evidence)) out.evidence = links(ids, p.evidence as EvidenceLink[])
  if (Array.isArray(p.accountability))
    out.accountability = (p.accountability as { personId: string }[]).map((a) => ({ ...a, personId: one(ids, a.personId) }))
  return out
}

async function signoffs(ids: Ids, before: WorkingPaper, after: WorkingPaper, list: Signoff[]): Promise<Signoff[]> {
  const contentWas = await paperContentHash(before)
  const contentNow = await paperContentHash(after)
  return Promise.all(
    list.map(async (s) => {
      const next: Signoff = { ...s, memberId: one(ids, s.memberId) as string }
      if (s.contentSha256 === contentWas) next.contentSha256 = contentNow
      if (s.evidence) {
        const intact = await signoffIntact(s)
        next.evidence = await Promise.all(
          s.evidence.map(async (e) => {
            const moved = { ...e, ref: ref(ids, e.ref) }
            return intact ? { ...moved, sha256: await evidenceHash(moved) } : moved
          }),
        )
      }
      return next
    }),
  )
}

async function paper(ids: Ids, p: WorkingPaper): Promise<WorkingPaper> {
  const next = paperRefs(ids, p as unknown as Row) as unknown as WorkingPaper
  next.signoffs = await signoffs(ids, p, next, p.signoffs)
  if (p.reviewLog) next.reviewLog = withMember(ids, p.reviewLog)
  if (p.mergedInto !== undefined) next.mergedInto = one(ids, p.mergedInto) as string
  if (p.mergedFrom) next.mergedFrom = many(ids, p.mergedFrom) as string[]
  if (p.versions)
    next.versions = await Promise.all(
      p.versions.map(async (v) => {
        const content = paperRefs(ids, v.content)
        const was = { ...p, ...v.content } as WorkingPaper
        const now = { ...next, ...content } as WorkingPaper
        return { ...v, by: one(ids, v.by) as string, content, signoffs: await signoffs(ids, was, now, v.signoffs) }
      }),
    )
  return next
}

async function clue(ids: Ids, c: Clue): Promise<Clue> {
  const next: Clue = { ...c, subjectId: one(ids, c.subjectId) as string, evidence: links(ids, c.evidence) ?? c.evidence }
  if (c.reviewLog) next.reviewLog = withMember(ids, c.reviewLog)
  if (c.withdrawal) next.withdrawal = { ...c.withdrawal, by: one(ids, c.withdrawal.by) as string }
  if (c.seal) {
    const evidence = links(ids, c.seal.evidence)
    const seal = { ...c.seal, by: one(ids, c.seal.by) as string, ...(evidence ? { evidence } : {}) }
    if (!c.deleted && (await verifySeal(c))) seal.sha256 = await sha256Hex(sealPayload(next, evidence ?? []))
    next.seal = seal
  }
  return next
}

const sections = (ids: Ids, list: ReportSection[]): ReportSection[] =>
  list.map((s) => ({
    ...s,
    paragraphs: s.paragraphs.map((p) => ({
      ...p,
      paperIds: many(ids, p.paperIds) as string[],
      ...(p.slot !== undefined ? { slot: slot(ids, p.slot) } : {}),
    })),
  }))

/** The table-specific references of one record (the metadata and roundId are done by the caller). */
async function references(ids: Ids, table: string, r: Row): Promise<Row> {
  if (r.deleted === true) return r // a tombstone's content is never read
  switch (table) {
    case 'people':
      return Array.isArray(r.recusals) ? { ...r, recusals: (r.recusals as Row[]).map((x) => ({ ...x, cadreId: one(ids, x.cadreId) })) } : r
    case 'interviews':
      return {
        ...r,
        intervieweeId: one(ids, r.intervieweeId),
        leadId: one(ids, r.leadId),
        recorderId: one(ids, r.recorderId),
        ...(r.followUpOf !== undefined ? { followUpOf: one(ids, r.followUpOf) } : {}),
      }
    case 'documents':
      return { ...r, borrowerId: one(ids, r.borrowerId), receiverId: one(ids, r.receiverId) }
    case 'documentNotes':
      return { ...r, documentId: one(ids, r.documentId), reviewerId: one(ids, r.reviewerId) }
    case 'petitions':
      return { ...r, subjectId: one(ids, r.subjectId) }
    case 'visits':
      return { ...r, memberIds: many(ids, r.memberIds) }
    case 'workingPapers':
      return (await paper(ids, r as unknown as WorkingPaper)) as unknown as Row
    case 'clues':
      return (await clue(ids, r as unknown as Clue)) as unknown as Row
    case 'checklist':
      return { ...r, paperIds: many(ids, r.paperIds) }
    case 'reports': {
      const out: Row = { ...r, sections: sections(ids, r.sections as ReportSection[]) }
      if (Array.isArray(r.versions))
        out.versions = (r.versions as { sections: ReportSection[] }[]).map((v) => ({ ...v, sections: sections(ids, v.sections) }))
      return out
    }
    default:
      return r
  }
}

/** Drops undefined members the spreads above may add, so the record reads as it did. */
const clean = (r: Row): Row => Object.fromEntries(Object.entries(r).filter(([, v]) => v !== undefined))

/**
 * The round under new ids (`newId` gives one per call), every internal reference following.
 * `name` renames the round (e.g. to tell it from the round it collided with).
 */
export async function rekeySnapshot(snapshot: RoundSnapshot, newId: () => string, name?: string): Promise<RoundSnapshot> {
  const ids: Ids = new Map([[snapshot.round.id, newId()]])
  for (const t of ROUND_TABLES) for (const r of snapshot.tables[t]) if (!ids.has(r.id)) ids.set(r.id, newId())
  const roundId = ids.get(snapshot.round.id)!
  const meta = (r: Row): Row => ({ ...r, id: ids.get(r.id as string), updatedBy: one(ids, r.updatedBy) })

  const round = { ...meta(snapshot.round as unknown as Row), ...(name !== undefined ? { name } : {}) } as Row
  const surveys = snapshot.round.surveys
  if (surveys?.cadres) round.surveys = { ...surveys, cadres: surveys.cadres.map((c) => ({ ...c, cadreId: one(ids, c.cadreId) as string })) }

  const tables = {} as Record<string, Row[]>
  for (const t of ROUND_TABLES) {
    tables[t] = await Promise.all(
      (snapshot.tables[t] as unknown as Row[]).map(async (r) => clean(await references(ids, t, { ...meta(r), roundId }))),
    )
  }
  return { round: clean(round), tables } as unknown as RoundSnapshot
}
