// The "1+3" reports of the active round. Drafting reads the whole round (as a snapshot, the same
// input the headless export uses); writes go through the repository.
import { defineStore } from 'pinia'
import type { Report, ReportKind, ReportTemplate, SurveyResults } from '@shared/domain/types'
import { platform } from '../platform/db/workbench'
import type { Draft } from '../platform/db/repository'
import { generateReport, regenerateReport as regenerateWith, roundSnapshot } from '../services/reports'
import { useRoundStore } from './round'
import { createRoundCollection } from './collection'

export const useReportsStore = defineStore('reports', () => {
  const round = useRoundStore()
  const collection = createRoundCollection('reports')
  const reports = collection.items
  const load = (roundId: string) => collection.load(roundId)

  /** Everything the round holds now, read fresh from the database. */
  const snapshot = () => roundSnapshot(platform, round.activeRound)

  const save = (draft: Draft<Report>): Promise<Report> => collection.save(JSON.parse(JSON.stringify(draft)) as Draft<Report>)

  const generate = async (kind: ReportKind): Promise<Report> =>
    collection.put(await generateReport(platform, round.activeRound, kind, reports.value))

  /** Regenerates from the current data; user text is kept, changes are returned for review. */
  async function regenerateReport(stored: Report) {
    const out = await regenerateWith(platform, round.activeRound, stored, round.currentUser?.name ?? '')
    collection.put(out.report)
    return out
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
