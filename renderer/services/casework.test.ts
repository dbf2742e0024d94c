import { beforeEach, describe, expect, it } from 'vitest'
import type { Clue, WorkingPaper } from '@shared/domain/types'
import { isSigned } from '@shared/casework/papers'
import { isSealed, SEALED_MESSAGE } from '@shared/casework/clues'
import type { Draft } from '../platform/db/repository'
import { sampleWorkspace, type TestWorkspace } from './testing'
import { CaseworkError, clueStep, mergePapers, returnToHandler, saveClue, savePaper, signoff, transferClue } from './casework'

let ws: TestWorkspace
beforeEach(async () => {
  ws = await sampleWorkspace()
})

const LONG = '经查，'.repeat(1100) // 3,300 characters
const roundId = () => ws.sample.round.id
const papers = () => ws.repo.list('workingPapers', roundId())
const clues = () => ws.repo.list('clues', roundId())
const audit = async (action: string) => (await ws.repo.auditEntries()).filter((e) => e.action === action)

function paperDraft(handlerId: string, number: string): Draft<WorkingPaper> {
  return {
    roundId: roundId(),
    number,
    date: '2026-11-21',
    title: '=SUM(A1) 虚列劳务费/会议费:问题',
    category: '',
    responsibleType: '',
    personIds: [],
    timePlace: '',
    summary: LONG,
    facts: '陈𠈌经手',
    learnedBy: '调阅资料',
    basis: '',
    analysis: '',
    amount: 120000,
    keyFocus: false,
    disposition: '写入报告',
    handlerId,
    evidence: [],
    signoffs: [],
    editedAfterSignoff: false,
    recommendation: '',
    accountability: [],
  }
}
function clueDraft(number: string): Draft<Clue> {
  return {
    roundId: roundId(),
    number,
    registeredOn: '2026-11-21',
    source: '巡视巡察中发现',
    reporter: '',
    subjectId: '',
    subjectName: '陈𠈌',
    subjectPost: '副局长',
    jurisdiction: '',
    summary: LONG,
    discipline: '',
    verifiability: '',
    preliminary: '',
    proposal: '',
    receiverUnit: '',
    leaderOpinion: '',
    transferredOn: '',
    transferNo: '',
    receiver: '',
    feedback: '',
    status: '草稿',
    evidence: [{ kind: 'petition', ref: 'p1' }],
    seal: null,
  }
}

describe('casework service: 底稿', () => {
  it('signs in order 承办人 → 副组长 → 组长, audits each signature, and an edit afterwards resets the later ones', async () => {
    const handler = ws.member('组员')
    let paper = await savePaper(ws, await papers(), paperDraft(handler.id, '底稿-测试-001'), handler.id)
    paper = await signoff(ws, paper, handler, undefined, await ws.signer('组员'))
    paper = await signoff(ws, paper, ws.member('副组长'), undefined, await ws.signer('副组长'))
    // 当前用户 set to the 组长, but the key opened is the 副组长's: refused, nothing written.
    await expect(signoff(ws, paper, ws.member('组长'), undefined, await ws.signer('副组长'))).rejects.toThrow(
      '该操作须由本人输入签名密码签名',
    )
    await expect(signoff(ws, paper, ws.member('组长'), undefined, undefined)).rejects.toThrow('该操作须由本人输入签名密码签名')
    paper = await signoff(ws, paper, ws.member('组长'), undefined, await ws.signer('组长'))
    expect(paper.signoffs.map((s) => s.step)).toEqual(['承办人签字', '副组长审核', '组长审签'])
    expect(isSigned(paper)).toBe(true)
    expect(paper.signoffs.every((s) => s.signature?.sig)).toBe(true)
    expect((await audit('sign')).filter((e) => e.recordId === paper.id).map((e) => e.detail?.replace(/ [0-9a-f]{16}/, ''))).toEqual([
      '承办人签字（个人签名）',
      '副组长审核（个人签名）',
      '组长审签（个人签名）',
    ])
    const edited = await savePaper(ws, await papers(), { ...paper, facts: '陈𠈌经手，另有白条' }, handler.id)
    expect(edited.editedAfterSignoff).toBe(true)
    expect(edited.signoffs.map((s) => s.step)).toEqual(['承办人签字'])
    expect(isSigned(edited)).toBe(false)
  })

  it('refuses a signature out of turn or by the wrong role, a number taken, a merged or missing 底稿, and writes nothing', async () => {
    const handler = ws.member('组员')
    const paper = await savePaper(ws, await papers(), paperDraft(handler.id, '底稿-测试-002'), handler.id)
    await expect(signoff(ws, paper, ws.member('组长'), undefined, await ws.signer('组长'))).rejects.toThrow()
    const signed = await signoff(ws, paper, handler, undefined, await ws.signer('组员'))
    await expect(signoff(ws, signed, handler, undefined, await ws.signer('组员'))).rejects.toThrow()
    await expect(returnToHandler(ws, signed, handler, '请补充', await ws.signer('组员'))).rejects.toThrow()
    expect((await ws.repo.get('workingPapers', paper.id))?.signoffs).toHaveLength(1)
    const taken = savePaper(ws, await papers(), paperDraft(handler.id, '底稿-测试-002'), handler.id)
    await expect(taken).rejects.toBeInstanceOf(CaseworkError)
    await expect(taken).rejects.toMatchObject({ code: 'number-taken', message: '底稿编号 底稿-测试-002 已被使用' })
    await expect(mergePapers(ws, await papers(), paper.id, 'no-such-id', handler.id)).rejects.toMatchObject({ code: 'not-found' })
    const other = await savePaper(ws, await papers(), paperDraft(handler.id, '底稿-测试-003'), handler.id)
    const { merged } = await mergePapers(ws, await papers(), paper.id, other.id, handler.id)
    expect(merged.mergedInto).toBe(paper.id)
    await expect(savePaper(ws, await papers(), { ...merged, title: '改' }, handler.id)).rejects.toMatchObject({ code: 'merged' })
    expect((await ws.repo.get('workingPapers', other.id))?.title).toBe(other.title)
  })
})

describe('casework service: 线索', () => {
  it('goes 草稿 → 组长审核 → 定稿 → 移交 with a seal, audited, after which its content is refused', async () => {
    let clue = await saveClue(ws, await clues(), clueDraft('线索-测试-001'))
    expect(clue.status).toBe('草稿')
    clue = await clueStep(ws, clue, ws.member('组员'), '提交')
    await expect(clueStep(ws, clue, ws.member('副组长'), '通过', '同意', await ws.signer('副组长'))).rejects.toThrow(
      '只有组长可以审核问题线索',
    )
    await expect(clueStep(ws, clue, ws.member('组长'), '通过', '同意')).rejects.toThrow('该操作须由本人输入签名密码签名')
    clue = await clueStep(ws, clue, ws.member('组长'), '通过', '同意移交', await ws.signer('组长'))
    expect(clue.reviewLog!.at(-1)!.signature?.sig).toBeTruthy()
    const evidence = [{ kind: 'petition' as const, ref: 'p1', text: '反映陈𠈌虚列劳务费' }]
    clue = await transferClue(
      ws,
      clue,
      ws.member('组长'),
      { transferredOn: '2026-11-28', transferNo: '区巡〔2026〕3号', receiverUnit: '区纪委监委', receiver: '王某' },
      evidence,
      await ws.signer('组长'),
    )
    expect(isSealed(clue)).toBe(true)
    expect(clue.seal?.signature?.sig).toBeTruthy()
    expect(clue.seal?.sha256).toMatch(/^[0-9a-f]{64}$/)
    expect((await audit('seal')).at(-1)?.detail).toContain(`移交并封存 sha256:${clue.seal!.sha256}`)
    await expect(saveClue(ws, await clues(), { ...clue, summary: '改' })).rejects.toThrow(SEALED_MESSAGE)
    expect((await ws.repo.get('clues', clue.id))?.summary).toBe(LONG)
  })
})
