import { describe, expect, it } from 'vitest'
import { docExpectations, missingTexts, normaliseText } from './content-check'
import type { OfficialDoc } from './pdf-document'

const doc: OfficialDoc = {
  title: '关于某局的巡察报告',
  blocks: [
    { kind: 'heading', level: 1, text: '基本情况' },
    { kind: 'paragraph', text: '巡察组共谈话 120 人次。' },
    { kind: 'heading', level: 1, text: '班子成员' },
    {
      kind: 'table',
      columns: [{ header: '姓名' }, { header: '问题' }],
      rows: [
        ['张卫东', '作风强势，决策不民主'],
        ['何丽萍', '无'],
      ],
    },
    { kind: 'signature', fields: ['承办人', { label: '组长', value: '刘振华' }] },
  ],
}

describe('content check', () => {
  it('normalises layout whitespace and full-width forms only', () => {
    expect(normaliseText('巡察组 共谈话\n120　人次，A')).toBe('巡察组共谈话120人次,A')
  })

  it('finds paragraphs across line breaks and rows as cells in order', () => {
    const pieces = [
      '关于某局的巡察报告',
      '一、基本情况',
      '巡察组共谈话120',
      '人次。',
      '二、班子成员',
      '姓名',
      '问题',
      '张卫东',
      '作风强势，',
      '决策不民主',
      '何丽萍',
      '无',
      '承办人：',
      '　　　　　',
      '组长：',
      '刘振华',
    ].map((text) => ({ text, page: 1 }))
    expect(missingTexts(docExpectations(doc), pieces)).toEqual([])
  })

  it('names the place of a lost row and of a lost paragraph', () => {
    const pieces = [
      '关于某局的巡察报告',
      '一、基本情况',
      '二、班子成员',
      '姓名',
      '问题',
      '张卫东',
      '作风强势，决策不民主',
      '承办人：组长：刘振华',
    ].map((text) => ({ text, page: 1 }))
    expect(missingTexts(docExpectations(doc), pieces).map((m) => m.place)).toEqual([
      '《关于某局的巡察报告》“基本情况”第1段',
      '《关于某局的巡察报告》“班子成员”表格第2行',
    ])
  })

  it('finds a cell that runs over a page break, with the repeated header and the next cell between', () => {
    const pieces = [
      ['姓名', 1],
      ['问题', 1],
      ['张卫东', 1],
      ['作风强势，', 1],
      ['涉及线索一', 1],
      ['姓名', 2],
      ['问题', 2],
      ['决策不民主', 2],
      ['何丽萍', 2],
      ['无', 2],
    ].map(([text, page]) => ({ text: text as string, page: page as number }))
    const table = docExpectations(doc).filter((e) => e.place.includes('表格第'))
    expect(missingTexts(table, pieces)).toEqual([])
    // The same pieces without the second half of the cell: missing.
    expect(
      missingTexts(
        table,
        pieces.filter((p) => p.text !== '决策不民主'),
      ).map((m) => m.place),
    ).toEqual(['《关于某局的巡察报告》“班子成员”表格第1行'])
  })

  it('finds a 签字栏 value that wraps under its label, the next fields between (as the 清理证明 prints it)', () => {
    const sign: OfficialDoc = {
      title: '巡察数据清理证明',
      blocks: [
        { kind: 'signature', fields: [{ label: '清理人', value: '刘振华（组长）' }, '监督人', { label: '日期', value: '2026年12月3日' }] },
      ],
    }
    const lines = ['巡察数据清理证明', '清理人：刘振华', '', '监督人：', '', '日期：2026年12月', '（组长）', '', '3日'].map((text) => ({
      text,
      page: 1,
    }))
    expect(missingTexts(docExpectations(sign), lines)).toEqual([])
    // Without the wrapped second line of the name it is missing.
    expect(
      missingTexts(
        docExpectations(sign),
        lines.filter((l) => l.text !== '（组长）'),
      ).map((m) => m.place),
    ).toEqual(['《巡察数据清理证明》签字栏'])
  })
})
