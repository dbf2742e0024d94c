// The "1+3" reports without the screen: drafting reads the whole round (as a snapshot, the same
// input the headless export uses), regeneration keeps the user's text and returns what changed
// for review. Writes go through the repository.
import { emptyTables, type RoundSnapshot } from '@shared/domain/snapshot'
import { ROUND_TABLES } from '@shared/domain/tables'
import type { Report, ReportKind, Round } from '@shared/domain/types'
import { generateDraft } from '@shared/reports/draft'
import { regenerate, type RegenChange } from '@shared/reports/merge'
import { newReport, withVersion } from '@shared/reports/report'
import { templateFor } from '@shared/reports/templates'
import type { Draft } from '../platform/db/repository'
import type { ServiceContext } from './context'
import { ServiceError } from './errors'

export class ReportError extends ServiceError<'exists' | 'no-round'> {}

const plain = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T

/** Everything the round holds now, read fresh from the database (live records only). */
export async function roundSnapshot(ctx: ServiceContext, round: Round | undefined): Promise<RoundSnapshot> {
  if (!round) throw new ReportError('no-round', '请先选择巡察轮次')
  const tables = emptyTables()
  await Promise.all(ROUND_TABLES.map(async (t) => ((tables as Record<string, unknown[]>)[t] = await ctx.repo.list(t, round.id))))
  return { round: plain(round), tables }
}

export const saveReport = (ctx: ServiceContext, draft: Draft<Report>): Promise<Report> => ctx.repo.save('reports', plain(draft))

/** Drafts a report of a kind the round does not have yet, from the round's data and its template. */
export async function generateReport(
  ctx: ServiceContext,
  round: Round | undefined,
  kind: ReportKind,
  existing: readonly Report[],
): Promise<Report> {
  if (existing.some((r) => r.kind === kind && !r.deleted)) throw new ReportError('exists', `本轮已有${kind}，请打开后“按最新数据重新生成”`)
  const snap = await roundSnapshot(ctx, round)
  return saveReport(ctx, newReport(snap.round.id, generateDraft(kind, templateFor(snap.round, kind), snap), new Date().toISOString()))
}

/** Regenerates from the current data; user text is kept, the version before is kept, changes are returned for review. */
export async function regenerateReport(
  ctx: ServiceContext,
  round: Round | undefined,
  stored: Report,
  userName: string,
): Promise<{ report: Report; changes: RegenChange[] }> {
  const report = plain(stored)
  const snap = await roundSnapshot(ctx, round)
  const { sections, changes } = regenerate(report, generateDraft(report.kind, templateFor(snap.round, report.kind), snap))
  const at = new Date().toISOString()
  const before = withVersion(report, userName, at, '重新生成前')
  const saved = await saveReport(ctx, { ...before, sections, generatedAt: at })
  return { report: saved, changes }
}
