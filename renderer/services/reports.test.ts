import { beforeEach, describe, expect, it } from 'vitest'
import type { Report } from '@shared/domain/types'
import { sampleWorkspace, type TestWorkspace } from './testing'
import { generateReport, regenerateReport, ReportError, roundSnapshot } from './reports'

let ws: TestWorkspace
beforeEach(async () => {
  ws = await sampleWorkspace()
  // The sample round comes with its reports; these tests draft them afresh.
  for (const r of await ws.repo.list('reports', ws.sample.round.id)) await ws.repo.remove('reports', r.id)
})

const texts = (r: Report) => r.sections.flatMap((s) => s.paragraphs.map((p) => p.text))

describe('reports service', () => {
  it('drafts a report from the round’s live data, once per kind', async () => {
    const report = await generateReport(ws, ws.sample.round, '巡察报告', [])
    expect(await ws.repo.get('reports', report.id)).toMatchObject({ kind: '巡察报告', roundId: ws.sample.round.id })
    const paper = ws.sample.tables.workingPapers.find((p) => !p.deleted && !p.mergedInto && p.disposition === '写入报告')!
    expect(report.sections.flatMap((s) => s.paragraphs).some((p) => p.paperIds.includes(paper.id))).toBe(true)
    const again = generateReport(ws, ws.sample.round, '巡察报告', [report])
    await expect(again).rejects.toBeInstanceOf(ReportError)
    await expect(again).rejects.toMatchObject({ code: 'exists', message: '本轮已有巡察报告，请打开后“按最新数据重新生成”' })
    expect((await ws.repo.list('reports', ws.sample.round.id)).length).toBe(1)
  })

  it('regenerates from changed data, keeps the user’s edit, the version before, and says what changed', async () => {
    const report = await generateReport(ws, ws.sample.round, '巡察报告', [])
    const edited: Report = structuredClone(report)
    const mine = edited.sections.flatMap((s) => s.paragraphs).find((p) => p.slot)!
    mine.text = `${mine.text}（组长改：陈𠈌同志补充）`
    const saved = await ws.repo.save('reports', edited)
    const round = { ...ws.sample.round, name: `${ws.sample.round.name}（改名）` }
    await ws.repo.save('rounds', round)
    const { report: next, changes } = await regenerateReport(ws, round, saved, '刘洋')
    expect(texts(next)).toContain(mine.text)
    expect(next.versions?.at(-1)).toMatchObject({ by: '刘洋', note: '重新生成前' })
    expect(Array.isArray(changes)).toBe(true)
    expect((await ws.repo.get('reports', report.id))?.generatedAt).toBe(next.generatedAt)
  })

  it('refuses without a round, and writes nothing', async () => {
    await expect(roundSnapshot(ws, undefined)).rejects.toMatchObject({ code: 'no-round', message: '请先选择巡察轮次' })
    await expect(generateReport(ws, undefined, '巡察报告', [])).rejects.toBeInstanceOf(ReportError)
    expect(await ws.repo.list('reports', ws.sample.round.id)).toEqual([])
  })
})
