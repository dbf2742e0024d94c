import { describe, expect, it } from 'vitest'
import { fromExcelSerial, parseYearMonth, parseYearMonthText } from './year-month'

describe('出生年月 / 任现职时间 written as text', () => {
  it.each([
    ['1968.03', '1968-03'],
    ['1968.3', '1968-03'],
    ['1968.12', '1968-12'],
    ['1968-03', '1968-03'],
    ['1968/3', '1968-03'],
    ['1968年3月', '1968-03'],
    ['1968年03月', '1968-03'],
    ['1968 年 3 月', '1968-03'],
    ['１９６８．０３', '1968-03'],
    ['196803', '1968-03'],
    ['2019.03.15', '2019-03'],
    ['2019-3-15', '2019-03'],
    ['2019/03/15 00:00:00', '2019-03'],
    ['2019年3月15日', '2019-03'],
    ['20190315', '2019-03'],
    ['2024.02.29', '2024-02'],
    ['', ''],
  ])('%s → %s', (text, expected) => {
    expect(parseYearMonthText(text)).toEqual({ ok: true, value: expected })
  })

  it.each([
    ['1968.13', '不是有效日期（月份应在1–12之间）'],
    ['1968.0', '不是有效日期（月份应在1–12之间）'],
    ['196813', '不是有效日期（月份应在1–12之间）'],
    ['1899.12', '不是有效日期（年份应在1900–2100之间）'],
    ['2101.01', '不是有效日期（年份应在1900–2100之间）'],
    ['2023.02.29', '不是有效日期（2023年2月没有29日）'],
    ['1968', '只有年份，缺少月份'],
    ['68.03', '不是有效日期'],
    ['三月', '不是有效日期'],
  ])('refuses %s', (text, reason) => {
    expect(parseYearMonthText(text)).toEqual({ ok: false, reason })
  })
})

describe('dates as Excel stores them', () => {
  it('reads serial day numbers in both date systems', () => {
    expect(fromExcelSerial(25_263)).toEqual({ ok: true, value: '1969-03' })
    expect(fromExcelSerial(43_466)).toEqual({ ok: true, value: '2019-01' })
    expect(fromExcelSerial(43_466 - 1462, true)).toEqual({ ok: true, value: '2019-01' })
  })

  it('reads Date cells in UTC, to the nearest day', () => {
    expect(parseYearMonth({ kind: 'date', date: new Date('1968-03-01T00:00:00Z') })).toEqual({ ok: true, value: '1968-03' })
    expect(parseYearMonth({ kind: 'date', date: new Date('1968-02-29T16:00:00Z') })).toEqual({ ok: true, value: '1968-03' })
    expect(parseYearMonth({ kind: 'date', date: new Date('1968-03-31T05:00:00Z') })).toEqual({ ok: true, value: '1968-03' })
  })

  it('reads numbers typed as 1968.03, 196803 or a year alone', () => {
    expect(parseYearMonth({ kind: 'number', value: 1968.03, numFmt: '' })).toEqual({ ok: true, value: '1968-03' })
    expect(parseYearMonth({ kind: 'number', value: 1968.1, numFmt: '0.00' })).toEqual({ ok: true, value: '1968-10' })
    expect(parseYearMonth({ kind: 'number', value: 196_803, numFmt: 'General' })).toEqual({ ok: true, value: '1968-03' })
    expect(parseYearMonth({ kind: 'number', value: 1968.13, numFmt: '' })).toEqual({
      ok: false,
      reason: '不是有效日期（月份应在1–12之间）',
    })
    expect(parseYearMonth({ kind: 'number', value: 1968, numFmt: '' })).toEqual({ ok: false, reason: '只有年份，缺少月份' })
    const ambiguous = parseYearMonth({ kind: 'number', value: 1968.1, numFmt: 'General' })
    expect(ambiguous).toMatchObject({ ok: true, value: '1968-10', warning: expect.stringContaining('可能是1968年1月') })
  })
})
