// The rules every export follows, whatever its kind: the marking chosen for that kind, the
// next 份号 of the round, and a file name that says what and when.
import type { ExportKind, Marking, Round } from '../domain/types'
import { todayIso } from '../util/dates'

export function markingFor(round: Pick<Round, 'defaultMarking' | 'markings'>, kind: ExportKind): Marking {
  return round.markings?.[kind] ?? round.defaultMarking
}

/** `区农业农村局党委-审计日志-2026-11-21.xlsx`, with characters Windows refuses replaced. */
export function exportFileName(round: Pick<Round, 'unitName'>, kind: ExportKind, extension: string, now = new Date()): string {
  const safe = `${round.unitName}-${kind}-${todayIso(now)}`.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_')
  return `${safe}.${extension}`
}
