// 底稿, 线索 and the checklist of the active round; turning a piece of evidence into a draft of
// either (links both ways); sign-offs, returns, edits with reset, merges; the clue flow with
// its seal. Every rule lives in shared/casework; this store gathers data, saves and audits.
import { defineStore } from 'pinia'
import { computed, ref, watch } from 'vue'
import type { Attachment, ChecklistItem, Clue, EvidenceLink, Phrase, WorkingPaper } from '@shared/domain/types'
import { nextNumber } from '@shared/round/numbering'
import { todayIso } from '@shared/util/dates'
import { sha256Hex } from '@shared/util/hash'
import { bytesToBase64 } from '@shared/security/base64'
import { applyPaperEdit, mergePapers, returnPaper, signPaper } from '@shared/casework/papers'
import {
  approveClue, assertClueEditable, recordFeedback, returnClue, submitClue, transferClue, verifySeal, withdrawClue, type Transfer,
} from '@shared/casework/clues'
import { resolveEvidence, type EvidenceSources, type ResolvedEvidence } from '@shared/casework/evidence'
import { settleFallBack, signingRecord, signoffState, withStandingSignoffs, type SignoffState } from '@shared/casework/signing'
import { checkChecklistQuestion } from '@shared/casework/checklist'
import { bridge } from '../bridge'
import { repo } from '../db/workbench'
import type { Draft } from '../db/repository'
import { useRoundStore } from './round'

/** How the matter was learned (四个准确), from the kind of evidence it came from. */
const LEARNED_BY: Record<EvidenceLink['kind'], string> = {
  interviewPoint: '个别谈话', documentNote: '调阅资料', petition: '信访举报', visit: '走访调研', attachment: '其他',
}
const MAX_ATTACHMENT = 20 * 1024 * 1024

export interface EvidenceSeed {
  link: EvidenceLink
  title: string
  text: string
  category?: string
  personIds?: string[]
  subject?: { id: string; name: string; post: string }
}

const emptySources = (): EvidenceSources => ({ interviews: [], notes: [], documents: [], petitions: [], visits: [], attachments: [], cadres: [] })

export const useCaseworkStore = defineStore('casework', () => {
  const round = useRoundStore()
  /** All 底稿 of the round as stored, merged ones included (their numbers stay taken). */
  const allPapers = ref<WorkingPaper[]>([])
  const clues = ref<Clue[]>([])
  const checklist = ref<ChecklistItem[]>([])
  const sources = ref<EvidenceSources>(emptySources())
  /** The round whose evidence `sources` holds (reactive, unlike `sourcesFor`). */
  const sourcesRound = ref('')
  /**
   * The 底稿 as they stand: a review sign-off whose cited evidence changed after signing has
   * fallen back (derived from the evidence as it reads now, shared/casework/signing.ts). Until
   * the evidence is loaded, the stored sign-offs are shown.
   */
  const standingPapers = computed(() =>
    sourcesRound.value === round.activeRoundId ? allPapers.value.map((p) => withStandingSignoffs(p, resolve)) : allPapers.value,
  )
  const papers = computed(() => standingPapers.value.filter((p) => !p.mergedInto))

  /** Which round's evidence `sources` holds, as of which database revision. */
  let sourcesFor = { roundId: '', revision: -1 }

  async function load(roundId: string) {
    sourcesFor = { roundId: '', revision: -1 }
    sourcesRound.value = ''
    if (!roundId) {
      ;[allPapers.value, clues.value, checklist.value, sources.value] = [[], [], [], emptySources()]
      return
    }
    ;[allPapers.value, clues.value, checklist.value] = await Promise.all([repo.list('workingPapers', roundId), repo.list('clues', roundId), repo.list('checklist', roundId)])
    // Signed 底稿 need the evidence to tell whether their sign-offs still stand.
    void refreshStanding()
  }
  watch(() => round.activeRoundId, load, { immediate: true })

  /**
   * The records evidence points to, loaded on demand (interviews and notes are many: ≈30,000
   * records, ≈2 s at ten times a real round) and kept until the next write to the database.
   */
  async function loadSources() {
    const id = round.activeRoundId
    if (!id || (sourcesFor.roundId === id && sourcesFor.revision === repo.revision)) return
    const revision = repo.revision
    const [interviews, notes, documents, petitions, visits, attachments] = await Promise.all([
      repo.list('interviews', id), repo.list('documentNotes', id), repo.list('documents', id), repo.list('petitions', id), repo.list('visits', id), repo.list('attachments', id),
    ])
    sources.value = { interviews, notes, documents, petitions, visits, attachments: attachments.map(({ data: _d, ...a }) => a), cadres: round.cadres }
    sourcesFor = { roundId: id, revision }
    sourcesRound.value = id
  }

  const resolve = (link: EvidenceLink): ResolvedEvidence => resolveEvidence(link, { ...sources.value, cadres: round.cadres })
  /** Whether the 底稿's sign-offs still stand, and which cited evidence changed since signing. */
  const signoffStateOf = (p: WorkingPaper): SignoffState | undefined =>
    sourcesRound.value === round.activeRoundId ? signoffState(p, resolve) : undefined

  /** Signed 底稿 need the evidence as it reads now: read again when anything was written since. */
  function refreshStanding(): Promise<void> {
    return allPapers.value.some((p) => p.signoffs.some((s) => s.evidence)) ? loadSources() : Promise.resolve()
  }

  /** The stored 底稿 with any fall-back written in (evidence read fresh first). */
  async function settled(id: string): Promise<WorkingPaper | undefined> {
    const stored = allPapers.value.find((p) => p.id === id)
    if (!stored) return undefined
    await loadSources()
    return settleFallBack(stored, resolve, userId(), now())
  }
  const now = () => new Date().toISOString()
  const userId = () => round.currentUserId || 'system'

  function requireRound() {
    const r = round.activeRound
    if (!r) throw new Error('请先选择巡察轮次')
    return r
  }

  /** 底稿 and 线索 that cite this evidence ref. */
  function citing(ref: string): { papers: WorkingPaper[]; clues: Clue[] } {
    const cites = (e: EvidenceLink[]) => e.some((l) => l.ref === ref)
    return { papers: papers.value.filter((p) => cites(p.evidence)), clues: clues.value.filter((c) => cites(c.evidence)) }
  }

  function put<T extends { id: string }>(list: T[], saved: T) {
    const i = list.findIndex((x) => x.id === saved.id)
    if (i >= 0) list[i] = saved
    else list.push(saved)
  }

  function blankPaper(seed?: EvidenceSeed): Draft<WorkingPaper> {
    const r = requireRound()
    return {
      roundId: r.id, number: nextNumber(r, 'workingPaper', allPapers.value.map((p) => p.number)), date: todayIso(), title: seed?.title ?? '',
      category: seed?.category ?? '', responsibleType: '', personIds: seed?.personIds ?? [], timePlace: '', summary: seed?.text ?? '', facts: '',
      learnedBy: seed ? LEARNED_BY[seed.link.kind] : '', basis: '', analysis: '', amount: null, keyFocus: false, disposition: '写入报告',
      handlerId: round.currentUserId, evidence: seed ? [seed.link] : [], signoffs: [], editedAfterSignoff: false, recommendation: '', accountability: [],
    }
  }

  async function paperFrom(seed: EvidenceSeed): Promise<WorkingPaper> {
    const saved = await repo.save('workingPapers', blankPaper(seed))
    put(allPapers.value, saved)
    return saved
  }

  /** Saves a new 底稿, or an edit of one (sign-offs reset and the version kept when it was signed). */
  async function savePaper(draft: Draft<WorkingPaper>): Promise<WorkingPaper> {
    const before = draft.id ? await settled(draft.id) : undefined
    if (before?.mergedInto) throw new Error('该底稿已并入其他底稿，不能再修改')
    if (!before && allPapers.value.some((p) => p.number === draft.number)) throw new Error(`底稿编号 ${draft.number} 已被使用`)
    const next = before ? applyPaperEdit(before, { ...before, ...draft } as WorkingPaper, userId(), now()) : { ...draft, signoffs: [], editedAfterSignoff: false }
    const saved = await repo.save('workingPapers', next)
    put(allPapers.value, saved)
    return saved
  }

  /** Signs what the 底稿 and its evidence read now: the content hash and a hashed copy of each cited item. */
  async function signoff(paper: WorkingPaper): Promise<WorkingPaper> {
    const current = (await settled(paper.id)) ?? paper
    const record = await signingRecord(current, current.evidence.map((l) => resolve(l)).map(({ kind, ref, text }) => ({ kind, ref, text })))
    const signed = signPaper(current, round.currentUser, now(), record)
    const saved = await repo.save('workingPapers', signed)
    const step = signed.signoffs.at(-1)!.step
    await repo.record({ action: 'sign', table: 'workingPapers', recordId: saved.id, fields: ['signoffs'], detail: step })
    put(allPapers.value, saved)
    return saved
  }

  async function returnToHandler(paper: WorkingPaper, comment: string): Promise<WorkingPaper> {
    const current = (await settled(paper.id)) ?? paper
    const saved = await repo.save('workingPapers', returnPaper(current, round.currentUser, comment, now()))
    // The comment is free text: it stays in the (encrypted) review log, not in the audit log.
    await repo.record({ action: 'sign', table: 'workingPapers', recordId: saved.id, fields: ['reviewLog'], detail: '退回承办人' })
    put(allPapers.value, saved)
    return saved
  }

  async function merge(keepId: string, otherId: string): Promise<WorkingPaper> {
    const keep = papers.value.find((p) => p.id === keepId)
    const other = papers.value.find((p) => p.id === otherId)
    if (!keep || !other) throw new Error('找不到要合并的底稿')
    const { kept, merged } = mergePapers(keep, other, userId(), now())
    const savedKept = await repo.save('workingPapers', kept)
    put(allPapers.value, savedKept)
    put(allPapers.value, await repo.save('workingPapers', merged))
    return savedKept
  }

  /** Stores a file (SHA-256 recorded) and links it to the 底稿 as 支撑材料. */
  async function attachFile(paper: WorkingPaper): Promise<WorkingPaper | undefined> {
    const file = await bridge().openFile({ title: '选择支撑材料文件', filters: [{ name: '所有文件', extensions: ['*'] }] })
    if (!file) return undefined
    if (file.data.byteLength === 0) throw new Error('文件是空的')
    if (file.data.byteLength > MAX_ATTACHMENT) throw new Error('单个附件不能超过 20 MB')
    const draft: Draft<Attachment> = {
      roundId: requireRound().id, name: file.name, mime: '', size: file.data.byteLength, sha256: await sha256Hex(file.data), data: bytesToBase64(file.data),
    }
    const a = await repo.save('attachments', draft)
    sources.value.attachments.push({ id: a.id, name: a.name, size: a.size, sha256: a.sha256 })
    return savePaper({ ...paper, evidence: [...paper.evidence, { kind: 'attachment', ref: a.id }] })
  }

  // ── 线索 ──
  async function clueFrom(seed: EvidenceSeed): Promise<Clue> {
    const r = requireRound()
    const draft: Draft<Clue> = {
      roundId: r.id, number: nextNumber(r, 'clue', clues.value.map((c) => c.number)), registeredOn: todayIso(),
      source: seed.link.kind === 'petition' ? '信访举报' : '巡视巡察中发现', reporter: '',
      subjectId: seed.subject?.id ?? '', subjectName: seed.subject?.name ?? '', subjectPost: seed.subject?.post ?? '', jurisdiction: '',
      summary: seed.text, discipline: '', verifiability: '', preliminary: '', proposal: '', receiverUnit: '', leaderOpinion: '',
      transferredOn: '', transferNo: '', receiver: '', feedback: '', status: '草稿', evidence: [seed.link], seal: null,
    }
    const saved = await repo.save('clues', draft)
    clues.value.push(saved)
    return saved
  }

  function blankClue(): Draft<Clue> {
    const r = requireRound()
    return {
      roundId: r.id, number: nextNumber(r, 'clue', clues.value.map((c) => c.number)), registeredOn: todayIso(), source: '巡视巡察中发现', reporter: '',
      subjectId: '', subjectName: '', subjectPost: '', jurisdiction: '', summary: '', discipline: '', verifiability: '', preliminary: '', proposal: '',
      receiverUnit: '', leaderOpinion: '', transferredOn: '', transferNo: '', receiver: '', feedback: '', status: '草稿', evidence: [], seal: null,
    }
  }

  /** Saves the content of a clue; a sealed, withdrawn or settled clue is refused. Flow fields are kept as stored. */
  async function saveClue(draft: Draft<Clue>): Promise<Clue> {
    const before = draft.id ? clues.value.find((c) => c.id === draft.id) : undefined
    assertClueEditable(before)
    const next = before
      ? { ...draft, status: before.status, seal: before.seal, leaderOpinion: before.leaderOpinion, reviewLog: before.reviewLog, withdrawal: before.withdrawal, transferredOn: before.transferredOn, feedback: before.feedback }
      : { ...draft, status: '草稿' as const, seal: null }
    const saved = await repo.save('clues', next)
    put(clues.value, saved)
    return saved
  }

  async function clueStep(clue: Clue, step: '提交' | '通过' | '退回' | '撤回' | '反馈', text = ''): Promise<Clue> {
    const user = round.currentUser
    const at = now()
    const next = {
      提交: () => submitClue(clue, user, at), 通过: () => approveClue(clue, user, text, at), 退回: () => returnClue(clue, user, text, at),
      撤回: () => withdrawClue(clue, user, text, at), 反馈: () => recordFeedback(clue, user, text, at),
    }[step]()
    const saved = await repo.save('clues', next)
    put(clues.value, saved)
    return saved
  }

  /** 移交: freezes the cited evidence's text in the seal and records the SHA-256. */
  async function transfer(clue: Clue, t: Transfer): Promise<Clue> {
    await loadSources()
    const frozen = clue.evidence.map((l) => resolve(l)).map(({ kind, ref, text }) => ({ kind, ref, text }))
    const sealed = await transferClue(clue, round.currentUser, t, frozen, now())
    const saved = await repo.save('clues', sealed)
    await repo.record({ action: 'seal', table: 'clues', recordId: saved.id, fields: ['seal'], detail: `移交并封存 sha256:${saved.seal!.sha256}` })
    put(clues.value, saved)
    return saved
  }

  const verify = (clue: Clue) => verifySeal(clue)

  async function viewClue(clue: Clue) {
    await repo.record({ action: 'view', table: 'clues', recordId: clue.id, detail: '查看线索' })
  }

  // ── 检查清单 and 巡言巡语 ──
  async function saveChecklistItem(draft: Draft<ChecklistItem>): Promise<ChecklistItem> {
    const errors = checkChecklistQuestion(draft.question, draft.nodeId)
    if (errors.length) throw new Error(errors.join('；'))
    const saved = await repo.save('checklist', { ...draft, question: draft.question.trim() })
    put(checklist.value, saved)
    checklist.value.sort((a, b) => a.order - b.order)
    return saved
  }

  async function removeChecklistItem(id: string) {
    await repo.remove('checklist', id)
    checklist.value = checklist.value.filter((i) => i.id !== id)
  }

  async function savePhrases(phrases: Phrase[]) {
    const r = requireRound()
    if (phrases.some((p) => !p.text.trim())) throw new Error('短语内容不能为空')
    await round.saveRound({ ...r, phrases: phrases.map((p) => ({ ...p, text: p.text.trim() })) })
  }

  return {
    papers, allPapers, standingPapers, clues, checklist, sources, load, loadSources, refreshStanding, resolve, signoffStateOf, citing, blankPaper, paperFrom, savePaper, signoff, returnToHandler,
    merge, attachFile, clueFrom, blankClue, saveClue, clueStep, transfer, verify, viewClue, saveChecklistItem, removeChecklistItem, savePhrases,
  }
})
