// The rules every export follows, whatever its kind: the marking chosen for that kind, the
// next 份号 of the round, and a file name that says what and when.
import type { ExportKind, Marking, Round } from '../domain/types'
import { todayIso } from '../util/dates'
import { safeFileName } from '../util/filename'

export function markingFor(round: Pick<Round, 'defaultMarking' | 'markings'>, kind: ExportKind): Marking {
  return round.markings?.[kind] ?? round.defaultMarking
}

/** `区农业农村局党委-审计日志-2026-11-21.xlsx`, made safe by the one sanitiser (util/filename). */
export function exportFileName(round: Pick<Round, 'unitName'>, kind: ExportKind, extension: string, now = new Date()): string {
  return safeFileName(`${round.unitName}-${kind}-${todayIso(now)}`, extension)
}

/**
 * Reads a finished PDF back: it must start with the PDF header and end with %%EOF, and its
 * page objects are counted (pdfkit writes page dictionaries uncompressed).
 */
export function pdfPageCount(bytes: Uint8Array): number {
  const text = new TextDecoder('latin1').decode(bytes)
  if (!text.startsWith('%PDF-') || !/%%EOF\s*$/.test(text)) throw new Error('PDF 文件不完整')
  const pages = text.match(/\/Type\s*\/Page(?![a-zA-Z])/g)?.length ?? 0
  if (pages === 0) throw new Error('PDF 文件没有页面')
  return pages
}
