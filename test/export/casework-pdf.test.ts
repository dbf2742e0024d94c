// The 底稿 form stays on one page and the 立行立改通知书 prints what the 底稿 says (poppler).
import { execFileSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { buildOfficialPdf } from '../../shared/export/pdf-document'
import { immediateNoticeDoc, paperFormDoc, teamNameOf } from '../../shared/casework/pdf'
import { buildSampleRound } from '../../shared/sample'
import type { Cadre, TeamMember } from '../../shared/domain/types'
import { loadBundledFonts } from './fonts'

const s = buildSampleRound()
const ctx = {
  round: s.round,
  members: s.tables.people.filter((p): p is TeamMember => p.kind === 'member'),
  cadres: s.tables.people.filter((p): p is Cadre => p.kind === 'cadre'),
}
const dir = mkdtempSync(join(tmpdir(), 'xc-casework-'))
const squash = (x: string) => x.replace(/\s+/g, '')

async function pdf(name: string, doc: Parameters<typeof buildOfficialPdf>[0]) {
  const path = join(dir, name)
  writeFileSync(path, await buildOfficialPdf(doc, loadBundledFonts(), { marking: { level: '内部' } }))
  const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [path], { encoding: 'utf8' }))![1])
  return { pages, text: squash(execFileSync('pdftotext', ['-raw', path, '-'], { encoding: 'utf8' })) }
}

describe('底稿 PDFs', () => {
  it('prints the longest sample 底稿 and a very long one on one page with the sign-off block', async () => {
    const size = (p: (typeof s.tables.workingPapers)[number]) => JSON.stringify(p).length
    const longest = [...s.tables.workingPapers].sort((a, b) => size(b) - size(a))[0]!
    const out = await pdf('paper.pdf', paperFormDoc(longest, ctx))
    expect(out.pages).toBe(1)
    for (const x of [longest.number, '承办人签字', '副组长审核', '组长审签', '巡察工作底稿']) expect(out.text).toContain(squash(x))
    const huge = { ...longest, facts: longest.facts.repeat(4), analysis: longest.analysis.repeat(3) }
    expect((await pdf('huge.pdf', paperFormDoc(huge, ctx))).pages).toBe(1)
  }, 60_000)
  it('issues a 立行立改通知书 only for a 底稿 marked 立行立改', async () => {
    const p = { ...s.tables.workingPapers[0]!, disposition: '立行立改' as const, recommendation: '立即清退多报销的伙食补助。' }
    const out = await pdf('notice.pdf', immediateNoticeDoc(p, { ...ctx, teamName: teamNameOf(s.round) }, '2026-11-21'))
    expect(out.text).toContain('立行立改通知书')
    expect(out.text).toContain(squash('区委第三巡察组'))
    expect(out.text).toContain('2026年12月6日前完成整改')
    expect(out.text).toContain(squash(p.recommendation))
    expect(() => immediateNoticeDoc({ ...p, disposition: '写入报告' }, { ...ctx, teamName: 'x' }, '2026-11-21')).toThrow('立行立改')
  }, 60_000)
})
