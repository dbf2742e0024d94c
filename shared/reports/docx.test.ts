// The Word file's typefaces: one style per GB/T 9704 role, naming the office's fonts for East Asian
// text (w:eastAsia), and every paragraph taking its font from its role's style.
import { strFromU8, unzipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import type { Report } from '../domain/types'
import { cellLines, reportDocx, rowPitches } from './docx'

const report = {
  id: 'r1',
  roundId: 'x',
  kind: '巡察报告',
  title: '关于巡察某局党组的情况报告',
  status: '起草',
  versions: [],
  generatedAt: '2026-11-21',
  createdAt: '',
  updatedAt: '',
  updatedBy: '',
  deviceId: '',
  sections: [
    { id: 's1', level: 1, heading: '基本情况', paragraphs: [{ id: 'p1', text: '陈𠈌同志任党组书记以来。' }] },
    {
      id: 's2',
      level: 2,
      heading: '履职用权方面',
      paragraphs: [{ id: 'p2', text: '正文。' }],
      table: { columns: ['姓名', '职务'], rows: [['陈𠈌', '书记']] },
    },
    { id: 's3', level: 3, heading: '三级', paragraphs: [] },
  ],
} as unknown as Report

async function parts(fonts?: Parameters<typeof reportDocx>[1]['fonts']) {
  const files = unzipSync(await reportDocx(report, { marking: { level: '秘密', years: 5 }, copyNumber: 2, ...(fonts ? { fonts } : {}) }))
  return {
    styles: strFromU8(files['word/styles.xml']!),
    doc: strFromU8(files['word/document.xml']!),
    footers: Object.keys(files)
      .filter((f) => /footer/.test(f))
      .map((f) => strFromU8(files[f]!)),
  }
}

/** The East Asian font of a style (by w:styleId), or of the document defaults. */
function eastAsia(styles: string, styleId?: string): string | undefined {
  const block = styleId
    ? new RegExp(`<w:style [^>]*w:styleId="${styleId}"[\\s\\S]*?</w:style>`).exec(styles)?.[0]
    : /<w:docDefaults>[\s\S]*?<\/w:docDefaults>/.exec(styles)?.[0]
  return block && /w:eastAsia="([^"]+)"/.exec(block)?.[1]
}

describe('Word typefaces by role', () => {
  it('has a style per role naming the office fonts, East Asian text included', async () => {
    const { styles } = await parts()
    expect(eastAsia(styles)).toBe('仿宋_GB2312') // 正文
    expect(eastAsia(styles, 'Title')).toBe('方正小标宋简体')
    expect(eastAsia(styles, 'Heading1')).toBe('黑体')
    expect(eastAsia(styles, 'Heading2')).toBe('楷体_GB2312')
    expect(eastAsia(styles, 'Heading3')).toBe('仿宋_GB2312')
    expect(eastAsia(styles, 'XcSong')).toBe('宋体') // 页码、份号
    expect(eastAsia(styles, 'XcHei')).toBe('黑体') // 密级、表头
    expect(/<w:style [^>]*w:styleId="Heading3"[\s\S]*?<\/w:style>/.exec(styles)![0]).toMatch(/<w:b\/>|<w:b w:val="true"\/>/)
  })

  it('sets each paragraph by its style, not by fonts on the runs', async () => {
    const { doc, footers } = await parts()
    expect(doc).not.toContain('w:rFonts') // a style change in Word changes every paragraph of the role
    expect(doc).toContain('<w:pStyle w:val="Title"/>')
    expect(doc).toContain('<w:pStyle w:val="Heading1"/>')
    expect(doc).toContain('<w:pStyle w:val="Heading2"/>')
    expect(doc).toMatch(/<w:rStyle w:val="XcHei"\/>[\s\S]*秘密★5年/)
    expect(doc).toMatch(/<w:rStyle w:val="XcSong"\/>[\s\S]*000002/)
    expect(footers.join('')).toContain('<w:rStyle w:val="XcSong"/>')
    expect(doc).toContain('陈𠈌')
  })

  it('names the office’s own fonts where the export knows them', async () => {
    const { styles } = await parts({ fangsong: '仿宋', kai: '楷体' })
    expect(eastAsia(styles)).toBe('仿宋')
    expect(eastAsia(styles, 'Heading2')).toBe('楷体')
    expect(eastAsia(styles, 'Heading1')).toBe('黑体')
  })
})

describe('Word table rows on the grid', () => {
  it('reckons the lines of a cell as a word processor breaks them: 底稿 numbers only at their hyphens', () => {
    // 9 characters a line (a 2,300-twip column): "2026-03-DG-002" does not break inside "002".
    expect(cellLines('2个（2026-03-DG-002、2026-03-DG-001）', 2300)).toBe(3)
    expect(cellLines('党组成员、副局长', 2300)).toBe(1)
    expect(cellLines('党组成员、驻局纪检监察组组长', 2300)).toBe(2)
    expect(cellLines('第一行\n第二行', 2300)).toBe(2)
  })
  it('makes each row whole grid lines high, 12 pt lines with one to spare', () => {
    expect(rowPitches(['张卫东', '党组成员、副局长'], [2300, 2300])).toBe(1)
    expect(rowPitches(['张卫东', '党组成员、驻局纪检监察组组长'], [2300, 2300])).toBe(2)
    expect(rowPitches(['2个（2026-03-DG-002、2026-03-DG-001）'], [2300])).toBe(2)
  })
})
