// Regenerating a draft after the data changed never destroys what people wrote. Per paragraph
// (matched by slot, i.e. what data it came from):
// - unedited (text = generatedText): takes the new text;
// - edited, and the generator now says something else: keeps the user's text and parks the new
//   text in pendingText, for the user to take or keep (a change to review);
// - hand-written paragraphs and edited paragraphs whose data is gone: kept (the latter listed);
// - unedited paragraphs whose data is gone: removed (listed); new data: added.
// Sections from the template or from the data (problem groups, members) are matched by key.
import type { Report, ReportParagraph, ReportSection } from '../domain/types'
import { MEMBER_TABLE_HAND_COLUMNS, type GenReport, type GenSection } from './draft'

export type ChangeKind = '已更新' | '待确认' | '新增' | '已移除' | '数据已不支持'
export interface RegenChange {
  kind: ChangeKind
  section: string
  paragraphId: string
  before: string
  after: string
}

export const isEdited = (p: ReportParagraph) => p.generatedText !== undefined && p.text !== p.generatedText

function mergeParagraphs(
  old: ReportParagraph[],
  gen: GenSection['paragraphs'],
  section: string,
  newId: () => string,
  changes: RegenChange[],
): ReportParagraph[] {
  const bySlot = new Map(old.filter((p) => p.slot).map((p) => [p.slot!, p]))
  const fresh = new Map(gen.map((g) => [g.slot, g]))
  const out: ReportParagraph[] = []
  // Keep the user's order; paragraphs of new data go after the last kept one of the section.
  for (const p of old) {
    if (!p.slot) {
      out.push(p)
      continue
    }
    const g = fresh.get(p.slot)
    if (!g) {
      if (isEdited(p)) {
        out.push({ ...p, pendingText: undefined })
        changes.push({ kind: '数据已不支持', section, paragraphId: p.id, before: p.text, after: '' })
      } else changes.push({ kind: '已移除', section, paragraphId: p.id, before: p.text, after: '' })
      continue
    }
    const base = { ...p, paperIds: [...new Set([...g.paperIds, ...p.paperIds])], ...(g.basis ? { basis: g.basis } : {}) }
    if (!isEdited(p)) {
      if (p.text !== g.text) changes.push({ kind: '已更新', section, paragraphId: p.id, before: p.text, after: g.text })
      out.push({ ...base, text: g.text, generatedText: g.text, pendingText: undefined })
    } else if (g.text !== p.generatedText) {
      changes.push({ kind: '待确认', section, paragraphId: p.id, before: p.text, after: g.text })
      out.push({ ...base, pendingText: g.text })
    } else out.push(base)
  }
  for (const g of gen) {
    if (bySlot.has(g.slot)) continue
    const p: ReportParagraph = { id: newId(), ...g, paperIds: [...g.paperIds], generatedText: g.text }
    changes.push({ kind: '新增', section, paragraphId: p.id, before: '', after: g.text })
    out.push(p)
  }
  return out
}

function mergeTable(old: ReportSection['table'], gen: GenSection['table']): ReportSection['table'] {
  if (!gen) return old
  if (!old) return structuredClone(gen)
  // Data columns come from the data; the hand columns of the same person (by name) are kept.
  return {
    columns: [...gen.columns],
    rows: gen.rows.map((r) => {
      const prev = old.rows.find((o) => o[0] === r[0])
      return r.map((cell, i) => (prev && MEMBER_TABLE_HAND_COLUMNS.includes(i) && prev[i] ? prev[i]! : cell))
    }),
  }
}

/**
 * What the team wrote in member-table columns the table no longer has (优点, 综合评价, 建议 of the
 * ten-column table): "列名：内容" per member name, to be kept as hand-written paragraphs in that
 * member's section instead of being lost.
 */
function droppedHandCells(old: ReportSection['table'], gen: GenSection['table']): Map<string, string[]> {
  const out = new Map<string, string[]>()
  if (!old || !gen) return out
  const dataColumns = new Set(gen.columns)
  const generated = new Set(['姓名', '职务', '分工', '任现职时间', '测评结果', '问题', '涉及线索'])
  old.columns.forEach((col, i) => {
    if (dataColumns.has(col) || generated.has(col)) return
    for (const row of old.rows) {
      const text = row[i]?.trim()
      if (text && row[0]) out.set(row[0], [...(out.get(row[0]) ?? []), `${col}：${text}`])
    }
  })
  return out
}

export function regenerate(
  report: Report,
  gen: GenReport,
  newId: () => string = () => crypto.randomUUID(),
): { sections: ReportSection[]; changes: RegenChange[] } {
  const changes: RegenChange[] = []
  const byKey = new Map(report.sections.filter((s) => s.key).map((s) => [s.key!, s]))
  const genKeys = new Set(gen.sections.map((s) => s.key))
  const sections: ReportSection[] = []
  const handCells = new Map<string, string[]>()
  for (const g of gen.sections) {
    const old = byKey.get(g.key)
    const name = g.heading || '开头'
    if (!old) {
      const paragraphs = mergeParagraphs([], g.paragraphs, name, newId, changes)
      sections.push({
        id: newId(),
        key: g.key,
        level: g.level,
        heading: g.heading,
        guidance: g.guidance,
        paragraphs,
        ...(g.table ? { table: structuredClone(g.table) } : {}),
      })
      continue
    }
    const table = mergeTable(old.table, g.table)
    for (const [member, texts] of droppedHandCells(old.table, g.table)) handCells.set(member, texts)
    sections.push({
      ...old,
      paragraphs: mergeParagraphs(old.paragraphs, g.paragraphs, old.heading || name, newId, changes),
      ...(table ? { table } : {}),
    })
  }
  for (const [member, texts] of handCells) {
    const sec = sections.find((s) => s.key?.startsWith('member/') && s.heading.startsWith(`${member}同志`))
    for (const text of texts)
      if (sec && !sec.paragraphs.some((p) => p.text === text)) sec.paragraphs.push({ id: newId(), text, paperIds: [], basis: '巡察组填写' })
  }
  // Sections the user added by hand, or data sections that now have no data but hold edits, stay.
  for (const old of report.sections) {
    if (old.key && genKeys.has(old.key)) continue
    const kept = old.paragraphs.filter((p) => !p.slot || isEdited(p))
    if (!old.key || kept.length || old.comments?.length) {
      const at = report.sections.indexOf(old)
      const before = report.sections
        .slice(0, at)
        .reverse()
        .find((s) => sections.some((x) => x.id === s.id))
      const index = before ? sections.findIndex((x) => x.id === before.id) + 1 : 0
      sections.splice(index, 0, { ...old, paragraphs: old.key ? kept : old.paragraphs })
    }
    for (const p of old.paragraphs.filter((p) => p.slot && old.key && !genKeys.has(old.key)))
      changes.push({ kind: isEdited(p) ? '数据已不支持' : '已移除', section: old.heading, paragraphId: p.id, before: p.text, after: '' })
  }
  return { sections, changes }
}

/** The user takes the regenerated text of a paragraph. */
export function takePending(p: ReportParagraph): ReportParagraph {
  if (p.pendingText === undefined) return p
  return { ...p, text: p.pendingText, generatedText: p.pendingText, pendingText: undefined }
}

/** The user keeps their own text: the new generated text becomes the reference, so it is not asked again. */
export function keepMine(p: ReportParagraph): ReportParagraph {
  if (p.pendingText === undefined) return p
  return { ...p, generatedText: p.pendingText, pendingText: undefined }
}
