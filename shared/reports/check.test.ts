// 报告检查 and the 公文 furniture: what a 组长 sees before export, and what the last page carries.
import { describe, expect, it } from 'vitest'
import type { Report, SurveyResults } from '../domain/types'
import { checkLines, checkReport, needsConfirmation } from './check'
import { attachmentLines, highestMarking, signOff, teamName } from './furniture'

const at = '2027-05-10T00:00:00.000Z'
const report = (sections: Report['sections']): Report => ({
  id: 'r',
  roundId: 'x',
  createdAt: at,
  updatedAt: at,
  updatedBy: '',
  deviceId: '',
  kind: '巡察报告',
  title: 't',
  status: '起草',
  sections,
})
const para = (id: string, text: string, extra: Partial<Report['sections'][number]['paragraphs'][number]> = {}) => ({
  id,
  text,
  paperIds: [],
  basis: '工作统计',
  ...extra,
})
const survey: SurveyResults = {
  scale: ['好', '较好', '一般', '差'],
  ballots: { handedOut: 60, returned: 58 },
  cadres: [{ cadreId: 'c1', name: '陈𠈌', post: '副局长', counts: [50, 10, 0, 0] }],
  questionnaire: { handedOut: 0, returned: 0, questions: [] },
}

describe('报告检查', () => {
  const r = report([
    {
      id: 's0',
      level: 1,
      heading: '基本情况',
      paragraphs: [para('p0', '详见附件3。'), para('p1', '测评情况良好。', { basis: '民主测评' })],
    },
    { id: 's1', level: 1, heading: '意见建议', paragraphs: [para('p2', '  ')] },
    {
      id: 's2',
      level: 1,
      heading: '存在的问题',
      paragraphs: [para('p3', '没有依据的判断。', { basis: undefined }), para('p4', '见附件《整改台账》。')],
    },
  ])
  const items = checkReport(r, { papers: [], surveys: survey, attachments: ['问题清单', '个别谈话登记表'] })
  it('lists empty sections, unsupported paragraphs, figures that do not add up and missing attachments', () => {
    expect(items.map((i) => [i.kind, i.where])).toEqual([
      ['空章节', '意见建议'],
      ['无依据段落', '存在的问题'],
      ['测评数字不符', '民主测评'],
      ['附件缺失', '基本情况'],
      ['附件缺失', '存在的问题'],
    ])
    expect(items.find((i) => i.kind === '测评数字不符')!.text).toContain('“陈𠈌”共 60 票，多于收回的 58 份测评票')
    expect(items.find((i) => i.where === '基本情况')!.text).toContain('只有 2 件')
    expect(checkLines(items)[0]).toBe('巡察报告 · 意见建议：空章节：本节还没有内容，导出后将只有标题')
  })
  it('asks for a confirmation only when a section is empty', () => {
    expect(needsConfirmation(items)).toBe(true)
    expect(needsConfirmation(items.filter((i) => i.kind !== '空章节'))).toBe(false)
  })
  it('finds nothing to say about a complete report', () => {
    const ok = report([{ id: 's', level: 1, heading: '基本情况', paragraphs: [para('p', '详见附件2。')] }])
    expect(checkReport(ok, { papers: [], attachments: ['问题清单', '测评统计'] })).toEqual([])
  })
})

describe('the 公文 furniture', () => {
  it('signs with the 巡察组 of the round', () => {
    expect(teamName({ name: '市委第二巡察组对市住房和城乡建设局党组的常规巡察' })).toBe('市委第二巡察组')
    expect(teamName({ name: '常规巡察' })).toBe('巡察组')
  })
  it('numbers the 附件说明 from 1 with the later items under the first number', () => {
    expect(attachmentLines(['问题清单', '测评统计'])).toEqual([
      { text: '附件：1.问题清单', indent: 2 },
      { text: '2.测评统计', indent: 5 },
    ])
    expect(attachmentLines(['问题清单'])).toEqual([{ text: '附件：问题清单', indent: 2 }])
    expect(attachmentLines([])).toEqual([])
  })
  it("places the 落款: signer two characters in, the date two characters right of the signer's start", () => {
    // 区委第三巡察组 = 7 characters; 2026年11月21日 = 3 + 8 half-width digits = 7 characters.
    expect(signOff({ signer: '区委第三巡察组', date: '2026-11-21' })).toEqual({
      signer: { text: '区委第三巡察组', right: 2 },
      date: { text: '2026年11月21日', right: 0 },
    })
    // A short signer: the date keeps two characters from the right and the signer moves left.
    expect(signOff({ signer: '巡察组', date: '2026-11-21' })).toEqual({
      signer: { text: '巡察组', right: 8 },
      date: { text: '2026年11月21日', right: 2 },
    })
  })
  it('marks a whole by its most protected part', () => {
    expect(highestMarking([{ level: '秘密', years: 5 }, { level: '机密', years: 10 }, { level: '内部' }])).toEqual({
      level: '机密',
      years: 10,
    })
    expect(
      highestMarking([
        { level: '秘密', years: 1 },
        { level: '秘密', years: 5 },
      ]),
    ).toEqual({ level: '秘密', years: 5 })
    expect(highestMarking([])).toEqual({ level: '无' })
  })
})
