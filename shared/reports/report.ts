// Report records: a new draft from a generation, versions, status steps, comments.
import type { Report, ReportComment, ReportSection, ReportVersion } from '../domain/types'
import { REPORT_STATUSES } from '../domain/types'
import { draftToSections, type GenReport } from './draft'

export type ReportDraft = Omit<Report, 'id' | 'createdAt' | 'updatedAt' | 'updatedBy' | 'deviceId'> & { id?: string }

export function newReport(roundId: string, gen: GenReport, at: string, newId?: () => string): ReportDraft {
  return { roundId, kind: gen.kind, title: gen.title, status: '起草', sections: draftToSections(gen, newId), versions: [], generatedAt: at }
}

/** Keeps the report as it is now in its history (versions you can compare). */
export function withVersion<R extends Report | ReportDraft>(r: R, by: string, at: string, note: string): R {
  const v: ReportVersion = {
    at,
    by,
    note,
    status: r.status,
    title: r.title,
    sections: JSON.parse(JSON.stringify(r.sections)) as ReportSection[],
  }
  return { ...r, versions: [...(r.versions ?? []), v].slice(-30) }
}

/** The status can move one step forward, or back to any earlier step (returned for changes). */
export function statusDenial(from: Report['status'], to: Report['status']): string {
  const a = REPORT_STATUSES.indexOf(from)
  const b = REPORT_STATUSES.indexOf(to)
  if (b === a) return '状态未改变'
  if (b > a + 1) return `报告须依次经过${REPORT_STATUSES.slice(a + 1, b + 1).join('→')}，不能跳过`
  return ''
}

export function openComments(r: Report): ReportComment[] {
  return r.sections.flatMap((s) => (s.comments ?? []).filter((c) => !c.resolved))
}

/** A line-by-line comparison of two versions' text: paragraphs only in a (removed) or only in b (added). */
export function compareVersions(
  a: Pick<Report, 'sections' | 'title'>,
  b: Pick<Report, 'sections' | 'title'>,
): { removed: string[]; added: string[] } {
  const lines = (r: Pick<Report, 'sections' | 'title'>) =>
    [
      r.title,
      ...r.sections.flatMap((s) => [s.heading, ...s.paragraphs.map((p) => p.text), ...(s.table?.rows.map((x) => x.join(' | ')) ?? [])]),
    ].filter((t) => t.trim())
  const la = lines(a)
  const lb = lines(b)
  const sb = new Set(lb)
  const sa = new Set(la)
  return { removed: la.filter((t) => !sb.has(t)), added: lb.filter((t) => !sa.has(t)) }
}
