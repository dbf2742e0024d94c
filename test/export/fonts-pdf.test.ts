// The official PDF's typefaces, checked with poppler: each GB/T 9704 role is set in its configured
// font (pdffonts lists it embedded), a character the role's font lacks falls back per character
// (陈𠈌: 𠈌 is CJK Extension B, in no Noto SC face), and one that no font has stops the export.
import { execFileSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { fontUse, standInNote, type FontBytes } from '../../shared/export/fonts'
import { buildOfficialPdf, type OfficialDoc } from '../../shared/export/pdf-document'
import { debianFont, loadBundledFonts } from './fonts'

const dir = mkdtempSync(join(tmpdir(), 'xc-fonts-'))
const run = (cmd: string, args: string[]) => execFileSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })
const squash = (s: string) => s.replace(/\s+/g, '')

const DOC: OfficialDoc = {
  title: '关于陈𠈌同志履职情况的专题报告',
  blocks: [
    { kind: 'heading', level: 1, text: '基本情况' },
    { kind: 'paragraph', text: '陈𠈌同志任党组书记以来，注重班子团结。谈话中有干部反映其“一言堂”。' },
    { kind: 'heading', level: 2, text: '履职用权方面' },
    { kind: 'paragraph', text: '正文仿宋：选人用人、三重一大事项决策程序基本规范。' },
    { kind: 'table', columns: [{ header: '姓名' }, { header: '职务' }], rows: [['陈𠈌', '党组书记']] },
  ],
}
const OPTIONS = { marking: { level: '秘密' as const, years: 5 }, copyNumber: 3, watermark: { user: '陈𠈌', at: '2026-11-21T06:05:00Z' } }

/** pdffonts: the base names (without the subset tag) of the embedded fonts. */
function embedded(path: string): string[] {
  const rows = run('pdffonts', [path]).split('\n').slice(2).filter(Boolean)
  for (const r of rows) expect(r, r).toMatch(/\byes\s+yes\s+yes\b/) // embedded, subset, with ToUnicode
  return rows.map((r) => r.split(/\s+/)[0]!.replace(/^[A-Z]{6}\+/, ''))
}

/** PyMuPDF (Debian python3-fitz) would give the font per span; pdftotext -bbox does not. So: one role per document. */
async function pdf(name: string, doc: OfficialDoc, fonts: FontBytes) {
  const path = join(dir, name)
  writeFileSync(path, await buildOfficialPdf(doc, fonts, OPTIONS))
  return path
}

describe('official PDF typefaces', () => {
  it('sets each role in its bundled stand-in and says which roles used stand-ins', async () => {
    const path = await pdf('stand-ins.pdf', DOC, { ...loadBundledFonts(), extra: [{ name: 'HanaMinB', bytes: debianFont('hanaMinB') }] })
    const fonts = embedded(path)
    // body 仿宋 + page number 宋体 → Noto Serif SC Regular; title 小标宋 → Bold; 黑体 → Noto Sans SC Medium; 楷体 → LXGW WenKai
    expect(fonts).toEqual(
      expect.arrayContaining(['NotoSerifSC-Regular', 'NotoSerifSC-Bold', 'NotoSansSC-Medium', 'LXGWWenKai-Regular', 'HanaMinB']),
    )
    const text = squash(run('pdftotext', ['-raw', path, '-']))
    for (const s of [
      '关于陈𠈌同志履职情况的专题报告',
      '一、基本情况',
      '陈𠈌同志任党组书记以来',
      '（一）履职用权方面',
      '陈𠈌党组书记',
      '秘密★5年',
    ])
      expect(text).toContain(s)
    expect(text).not.toMatch(/[\ufffd\u25a1]/)
    const uses = fontUse(loadBundledFonts())
    expect(uses.every((u) => u.standIn)).toBe(true)
    expect(standInNote(uses)).toContain('楷体用内置替代字体 LXGW WenKai')
  }, 120_000)

  it('uses the office font given for a role, and only that role', async () => {
    // Debian's 花园明朝 A plays the office's 黑体 (simhei.ttf) here: a face no stand-in uses.
    const office = {
      ...loadBundledFonts(),
      roles: { hei: { name: '黑体', bytes: debianFont('hanaMinA') } },
      extra: [{ name: 'HanaMinB', bytes: debianFont('hanaMinB') }],
    }
    const uses = fontUse(office)
    expect(uses.filter((u) => !u.standIn).map((u) => u.role)).toEqual(['hei'])
    expect(standInNote(uses)).not.toContain('黑体')
    const path = await pdf('office-hei.pdf', DOC, office)
    const fonts = embedded(path)
    expect(fonts).toContain('HanaMinA')
    expect(fonts).not.toContain('NotoSansSC-Medium')
    expect(squash(run('pdftotext', ['-raw', path, '-']))).toContain('一、基本情况')
  }, 120_000)

  it('stops before writing anything when no font has a character, naming it and where it is', async () => {
    await expect(buildOfficialPdf(DOC, loadBundledFonts(), OPTIONS)).rejects.toThrow(
      /“𠈌”（U\+2020C，见标题、“基本情况”下第 1 段、“履职用权方面”下第 1 个表格第 1 行等 4 处）/,
    )
  })
})
