// The interview PDFs rendered for real and read with poppler: the landscape 谈话安排表 of the whole
// sample round and one 谈话记录, with their Chinese text extracted intact.
import { execFileSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { buildOfficialPdf } from '../../shared/export/pdf-document'
import type { Cadre, TeamMember } from '../../shared/domain/types'
import { inRange, recordDoc, scheduleDoc, scheduleRows } from '../../shared/interviews/documents'
import { buildSampleRound } from '../../shared/sample'
import { loadBundledFonts } from './fonts'

const dir = mkdtempSync(join(tmpdir(), 'xc-interviews-'))
const sample = buildSampleRound({ today: '2026-11-21' })
const people = {
  members: sample.tables.people.filter((p): p is TeamMember => p.kind === 'member'),
  cadres: sample.tables.people.filter((p): p is Cadre => p.kind === 'cadre'),
}
const opts = { marking: { level: '内部' as const }, copyNumber: 3, watermark: { user: '刘振华', at: '2026-11-21T06:05:00Z' } }

async function render(name: string, doc: Parameters<typeof buildOfficialPdf>[0]) {
  const t0 = performance.now()
  const bytes = await buildOfficialPdf(doc, loadBundledFonts(), opts)
  const ms = Math.round(performance.now() - t0)
  const path = join(dir, name)
  writeFileSync(path, bytes)
  const info = execFileSync('pdfinfo', [path], { encoding: 'utf8' })
  const text = execFileSync('pdftotext', ['-raw', path, '-'], { encoding: 'utf8' }).replace(/\s+/g, '')
  const pages = Number(/Pages:\s+(\d+)/.exec(info)![1])
  console.log(`[interviews] ${name}: ${pages} pages, ${ms} ms, ${bytes.byteLength} bytes`)
  return { info, text, pages }
}

describe('interview PDFs', () => {
  it('lays the whole schedule out landscape with page numbers and every interviewee', async () => {
    const list = inRange(sample.tables.interviews)
    const { info, text, pages } = await render('schedule.pdf', scheduleDoc(scheduleRows(list, people, list), sample.round, '全轮次'))
    expect(info).toMatch(/Page size:\s+841\.89 x 595\.2/)
    expect(pages).toBeGreaterThan(1)
    expect(pages).toBeLessThan(list.length / 5)
    expect(text).toContain('谈话安排表')
    expect(text).toContain(`—${pages}—`)
    for (const c of people.cadres.filter((c) => list.some((iv) => iv.intervieweeId === c.id))) expect(text).toContain(c.name)
  }, 60_000)
  it('prints one record in A4 portrait with its points for signing', async () => {
    const iv = sample.tables.interviews.find((i) => i.record && i.record.points.length >= 4)!
    const { info, text } = await render('record.pdf', recordDoc(iv, sample.round, people))
    expect(info).toMatch(/Page size:\s+595\.2\d* x 841\.8/)
    expect(text).toContain('谈话记录')
    // A point may run over a page break: the page's foot (page number, watermark name and time) is not part of it.
    const body = text.replace(/—\d+—\D*\d{4}-\d\d-\d\d\d\d:\d\d/g, '')
    for (const p of iv.record!.points) expect(body).toContain(p.text.replace(/\s+/g, ''))
    expect(text).toContain('以上记录已阅，属实')
  }, 60_000)
})
