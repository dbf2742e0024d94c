import { describe, expect, it } from 'vitest'
import { kinsokuRuns, kinsokuUnits, kinsokuViolations, NO_LINE_END, NO_LINE_START } from './kinsoku'

const TEXT =
  '巡察发现，该局党组在落实“第一议题”制度方面仍有差距：一是学习不深（流于形式）；二是《党组会议记录》不全！三是……其他问题——有待整改？阿卜杜·热合曼说：‘好。’资金到位率不足60%，温度30℃。'

/** Every position where a line could break under the prepared units. */
function breakable(units: string[]) {
  return units.slice(0, -1).map((u, i) => [u, units[i + 1]!] as const)
}

describe('kinsokuUnits', () => {
  it('keeps the text unchanged and adds nothing invisible', () => {
    expect(kinsokuUnits(TEXT).join('')).toBe(TEXT)
    expect(
      kinsokuRuns(TEXT)
        .map((r) => r.text)
        .join(''),
    ).toBe(TEXT)
    expect(kinsokuRuns(TEXT).some((r) => /[\u2060\u200b\ufeff]/.test(r.text))).toBe(false)
  })

  it('never lets a unit start with a closing mark or end with an opening mark', () => {
    for (const [a, b] of breakable(kinsokuUnits(TEXT))) {
      expect(NO_LINE_END.has(Array.from(a).pop()!), `${a}|${b}`).toBe(false)
      expect(NO_LINE_START.has(Array.from(b)[0]!), `${a}|${b}`).toBe(false)
    }
  })

  it('glues closing marks back and opening marks forward', () => {
    const units = kinsokuUnits('差距：一是学习不深（流于形式）；二是')
    expect(units).toContain('距：')
    expect(units).toContain('（流')
    expect(units).toContain('式）；')
    expect(kinsokuUnits('他说：“好。”')).toEqual(['他', '说：', '“好。”'])
  })

  it('keeps ——, ……, middle dots, numbers with units and Latin words together', () => {
    const units = kinsokuUnits('三是……其他——阿卜杜·热合曼，60%，GDP增长3.5个百分点')
    expect(units).toContain('是……')
    expect(units).toContain('——')
    expect(units).toContain('杜·热')
    expect(units).toContain('60%，')
    expect(units).toContain('GDP')
    expect(units).toContain('3.5')
  })

  it('handles edge cases: empty, leading closing mark, trailing opening mark, new lines', () => {
    expect(kinsokuUnits('')).toEqual([])
    expect(kinsokuUnits('。好')).toEqual(['。', '好'])
    expect(kinsokuUnits('好（')).toEqual(['好', '（'])
    expect(kinsokuUnits('甲\n乙').join('')).toBe('甲\n乙')
  })
})

describe('kinsokuRuns', () => {
  it('marks glued units noWrap and merges the rest into plain runs', () => {
    expect(kinsokuRuns('我们认为，这是对的。')).toEqual([
      { text: '我们认' },
      { text: '为，', noWrap: true },
      { text: '这是对' },
      { text: '的。', noWrap: true },
    ])
    expect(kinsokuRuns('')).toEqual([{ text: '' }])
  })
})

describe('kinsokuViolations', () => {
  it('finds lines that break the rules', () => {
    expect(kinsokuViolations(['好的', '，不好', '也不好（', '  》不好  ', '“不好'])).toEqual([
      { line: 2, text: '，不好', rule: '避头' },
      { line: 3, text: '也不好（', rule: '避尾' },
      { line: 4, text: '》不好', rule: '避头' },
    ])
  })
})
