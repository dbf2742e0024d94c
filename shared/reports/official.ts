// A report as an official-format document (GB/T 9704, shared/export/pdf-document.ts), alone or
// combined into the package PDF with a cover, contents and bookmarks.
import type { Report, Round } from '../domain/types'
import type { Block, HeadingLevel, OfficialDoc } from '../export/pdf-document'
import { formatDateCN } from '../util/dates'
import { attachmentLines, signOff, type Furniture } from './furniture'

const level = (n: number) => Math.min(4, Math.max(1, Math.round(n))) as HeadingLevel

/** The body blocks of a report: headings (numbered by level when printed), paragraphs, tables. Unwritten paragraphs are left out. */
export function reportBlocks(report: Report, bookmarkParent?: string): Block[] {
  const blocks: Block[] = []
  for (const s of report.sections) {
    if (s.level > 0)
      blocks.push({
        kind: 'heading',
        level: level(s.level),
        text: s.heading,
        ...(bookmarkParent && s.level === 1 ? { bookmark: { parentId: bookmarkParent } } : {}),
      })
    for (const p of s.paragraphs) if (p.text.trim()) blocks.push({ kind: 'paragraph', text: p.text.trim() })
    if (s.table && s.table.rows.length) {
      blocks.push({ kind: 'table', fontSize: 9, columns: s.table.columns.map((header) => ({ header })), rows: s.table.rows })
    }
  }
  return blocks
}

/** After the body: one empty line, the 附件说明, one empty line, then the 落款 (signer, date). */
export function furnitureBlocks(f: Furniture): Block[] {
  const blocks: Block[] = []
  const attachments = attachmentLines(f.attachments)
  if (attachments.length)
    blocks.push(
      { kind: 'spacer' },
      ...attachments.map((a): Block => ({ kind: 'paragraph', text: a.text, indent: a.indent, align: 'left' })),
    )
  const { signer, date } = signOff(f)
  blocks.push(
    { kind: 'spacer' },
    { kind: 'paragraph', text: signer.text, indent: false, align: 'right', right: signer.right },
    { kind: 'paragraph', text: date.text, indent: false, align: 'right', right: date.right },
  )
  return blocks
}

export function reportDoc(report: Report, furniture?: Furniture): OfficialDoc {
  return { title: report.title, blocks: [...reportBlocks(report), ...(furniture ? furnitureBlocks(furniture) : [])] }
}

/** The package's combined PDF: cover with contents, then each report from a new page, bookmarked, each with its furniture. */
export function combinedDoc(
  round: Pick<Round, 'unitName' | 'name'>,
  reports: Report[],
  today: string,
  furniture?: (r: Report) => Furniture,
): OfficialDoc {
  const blocks: Block[] = [
    { kind: 'paragraph', text: round.name, indent: false, align: 'center' },
    { kind: 'paragraph', text: formatDateCN(today), indent: false, align: 'center' },
    { kind: 'spacer', lines: 2 },
    { kind: 'paragraph', text: '目　　录', indent: false, align: 'center', bold: true },
    ...reports.map((r, i): Block => ({ kind: 'paragraph', text: `${i + 1}．${r.title}`, indent: false, align: 'left' })),
  ]
  reports.forEach((r, i) => {
    blocks.push(
      { kind: 'pageBreak' },
      { kind: 'title', text: r.title, bookmark: { id: `report-${i + 1}` } },
      ...reportBlocks(r, `report-${i + 1}`),
    )
    if (furniture) blocks.push(...furnitureBlocks(furniture(r)))
  })
  return { title: `${round.unitName}巡察“1+3”报告`, blocks }
}
