// The "1+3" reports of the active round. Drafting reads the whole round (as a snapshot, the same
// input the headless export uses); writes go through the repository.
import { defineStore } from 'pinia'
import { emptyTables, type RoundSnapshot } from '@shared/domain/snapshot'
import { ROUND_TABLES } from '@shared/domain/tables'
import type { Report, ReportKind, ReportTemplate, SurveyResults } from '@shared/domain/types'
import { generateDraft } from '@shared/reports/draft'
import { regenerate, type RegenChange } from '@shared/reports/merge'
import { newReport, withVersion } from '@shared/reports/report'
import { templateFor } from '@shared/reports/templates'
import { repo } from '../platform/db/workbench'
import type { Draft } from '../platform/db/repository'
import { useRoundStore } from './round'
import { createRoundCollection } from './collection'

export const useReportsStore = defineStore('reports', () => {
  const round = useRoundStore()
  const collection = createRoundCollection('reports')
  const reports = collection.items
  const load = (roundId: string) => collection.load(roundId)

  /** Everything the round holds now, read fresh from the database. */
  async function snapshot(): Promise<RoundSnapshot> {
    const r = round.activeRound
    if (!r) throw new Error('请先选择巡察轮次')
    const tables = emptyTables()
    await Promise.all(ROUND_TABLES.map(async (t) => ((tables as Record<string, unknown[]>)[t] = await repo.list(t, r.id))))
    return { round: JSON.parse(JSON.stringify(r)), tables }
  }

  const save = (draft: Draft<Report>): Promise<Report> => collection.save(JSON.parse(JSON.stringify(draft)) as Draft<Report>)

  async function generate(kind: ReportKind): Promise<Report> {
    if (reports.value.some((r) => r.kind === kind)) throw new Error(`本轮已有${kind}，请打开后“按最新数据重新生成”`)
    const snap = await snapshot()
    return save(newReport(snap.round.id, generateDraft(kind, templateFor(snap.round, kind), snap), new Date().toISOString()))
  }

  /** Regenerates from the current data; user text is kept, changes are returned for review. */
  async function regenerateReport(stored: Report): Promise<{ report: Report; changes: RegenChange[] }> {
    const report = JSON.parse(JSON.stringify(stored)) as Report
    const snap = await snapshot()
    const { sections, changes } = regenerate(report, generateDraft(report.kind, templateFor(snap.round, report.kind), snap))
    const at = new Date().toISOString()
    const before = withVersion(report, round.currentUser?.name ?? '', at, '重新生成前')
    const saved = await save({ ...before, sections, generatedAt: at })
    return { report: saved, changes }
  }

  async function saveTemplate(kind: ReportKind, template: ReportTemplate | undefined) {
    const r = round.activeRound
    if (!r) throw new Error('请先选择巡察轮次')
    const templates = { ...(r.reportTemplates ?? {}) }
    if (template) templates[kind] = template
    else delete templates[kind]
    await round.saveRound(JSON.parse(JSON.stringify({ ...r, reportTemplates: templates })))
  }

  async function saveSurveys(surveys: SurveyResults) {
    const r = round.activeRound
    if (!r) throw new Error('请先选择巡察轮次')
    await round.saveRound(JSON.parse(JSON.stringify({ ...r, surveys: { ...surveys, updatedAt: new Date().toISOString() } })))
  }

  return { reports, load, snapshot, save, generate, regenerateReport, saveTemplate, saveSurveys }
})
