import { describe, expect, it } from 'vitest'
import { REPORT_KINDS } from '../domain/types'
import { buildHousingRound } from '../housing'
import { generateDraft } from './draft'
import { checkFrame, checkTemplate, DEFAULT_FRAMES, DEFAULT_TEMPLATES, editedFrames, FRAME_KEYS, FRAME_LABELS } from './templates'

const textOf = (d: ReturnType<typeof generateDraft>) => d.sections.flatMap((s) => s.paragraphs.map((p) => p.text)).join('\n')

describe('sentence frames edited in 报告模板', () => {
  it('every frame has a label, and the defaults pass their own check', () => {
    for (const k of FRAME_KEYS) {
      expect(FRAME_LABELS[k]).toBeTruthy()
      expect(checkFrame(k, DEFAULT_FRAMES[k])).toEqual([])
    }
  })

  it('refuses a frame that drops a placeholder, adds one that cannot be filled, or is empty, saying which', () => {
    expect(checkFrame('mentionMany', '在个别谈话中，多名干部反映，{text}')).toEqual([
      '句式“多名干部反映的同一问题”缺少{n}（人数），它是填入数据的位置，不能删去',
    ])
    expect(checkFrame('own', '本人{who}表示，{text}')).toEqual(['句式“被反映人本人在谈话中的说法”中的{who}无法填写，只能用 {text}'])
    expect(checkFrame('facts', '  ')).toEqual(['句式“底稿事实”不能为空（可点“恢复默认”）'])
    const t = { ...DEFAULT_TEMPLATES.巡察报告, frames: { mentionMany: '{n}名干部说' } }
    expect(checkTemplate(t)).toContain('句式“多名干部反映的同一问题”缺少{text}（要点或事实），它是填入数据的位置，不能删去')
  })

  it('keeps only the frames that differ from the default', () => {
    expect(editedFrames({ own: DEFAULT_FRAMES.own })).toBeUndefined()
    expect(editedFrames({ own: '本人坦言，{text}', facts: DEFAULT_FRAMES.facts })).toEqual({ own: '本人坦言，{text}' })
  })

  it('the draft is written with the edited frames', () => {
    const snap = buildHousingRound()
    const kind = REPORT_KINDS.find((k) => textOf(generateDraft(k, DEFAULT_TEMPLATES[k], snap)).includes('在个别谈话中，'))!
    expect(kind).toBeDefined()
    const edited = { ...DEFAULT_TEMPLATES[kind], frames: { mentionMany: '据{n}名干部反映：{text}', mentionManyVerb: '据{n}名干部{text}' } }
    expect(checkTemplate(edited)).toEqual([])
    const before = textOf(generateDraft(kind, DEFAULT_TEMPLATES[kind], snap))
    const after = textOf(generateDraft(kind, edited, snap))
    expect(before).toMatch(/在个别谈话中，\d+名干部/)
    expect(after).toMatch(/据\d+名干部/)
    expect(after).not.toMatch(/在个别谈话中，\d+名干部(反映|称|认为)/)
  })
})
