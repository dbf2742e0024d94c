// Outline helpers shared by the editor, the PDF and the Word file: heading numbers follow the
// level (一、（一）1.（1）) and restart under a higher heading; the traceability check.
import type { Report, ReportSection, WorkingPaper } from '../domain/types'
import { headingPrefixes, type HeadingLevel } from '../export/numbering'
import { isSigned } from './draft'

const clampLevel = (n: number) => Math.min(4, Math.max(1, Math.round(n))) as HeadingLevel

/** The printed number of each section's heading ('' for level-0 sections, which have no heading). */
export function sectionNumbers(sections: Pick<ReportSection, 'level'>[]): string[] {
  const headed = sections.map((s, i) => ({ s, i })).filter(({ s }) => s.level > 0)
  const prefixes = headingPrefixes(headed.map(({ s }) => clampLevel(s.level)))
  const out = sections.map(() => '')
  headed.forEach(({ i }, k) => (out[i] = prefixes[k]!))
  return out
}

export interface TraceIssue {
  sectionId: string
  paragraphId?: string
  heading: string
  text: string
}
export interface TraceResult {
  /** Paragraphs that cite no 底稿 and rest on no other recorded data. */
  unsupported: TraceIssue[]
  /** Headed sections with nothing written yet. */
  empty: TraceIssue[]
  /** Signed 底稿 (写入报告 or 立行立改) cited by no paragraph of any report given. */
  unusedPapers: Pick<WorkingPaper, 'id' | 'number' | 'title'>[]
  /** Citations of 底稿 that are no longer signed or no longer exist. */
  badCitations: TraceIssue[]
}

export function traceability(report: Report, allReports: Report[], papers: WorkingPaper[]): TraceResult {
  const byId = new Map(papers.map((p) => [p.id, p]))
  const unsupported: TraceIssue[] = []
  const empty: TraceIssue[] = []
  const badCitations: TraceIssue[] = []
  report.sections.forEach((s, i) => {
    const written = s.paragraphs.filter((p) => p.text.trim())
    const hasSub = (report.sections[i + 1]?.level ?? 0) > s.level // a parent heading of subsections
    if (s.level > 0 && written.length === 0 && !s.table && !hasSub) empty.push({ sectionId: s.id, heading: s.heading, text: '' })
    for (const p of written) {
      if (p.paperIds.length === 0 && !p.basis) unsupported.push({ sectionId: s.id, paragraphId: p.id, heading: s.heading, text: p.text })
      for (const id of p.paperIds) {
        const paper = byId.get(id)
        if (!paper || !isSigned(paper))
          badCitations.push({
            sectionId: s.id,
            paragraphId: p.id,
            heading: s.heading,
            text: paper ? `${paper.number} 尚未完成组长审签` : '引用的底稿不存在或已删除',
          })
      }
    }
  })
  const used = new Set(
    allReports.filter((r) => !r.deleted).flatMap((r) => r.sections.flatMap((s) => s.paragraphs.flatMap((p) => p.paperIds))),
  )
  const unusedPapers = papers
    .filter((p) => isSigned(p) && p.disposition !== '转为线索' && !used.has(p.id))
    .map(({ id, number, title }) => ({ id, number, title }))
  return { unsupported, empty, unusedPapers, badCitations }
}
