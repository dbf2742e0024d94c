// 底稿, 线索 and the checklist of the active round; turning a piece of evidence into a draft of
// either (links both ways); sign-offs, returns, edits with reset, merges; the clue flow with
// its seal. Every rule lives in shared/casework, every workflow in services/casework.ts; this
// store holds the round's lists and the evidence sources.
import { defineStore } from 'pinia'
import { computed, shallowRef } from 'vue'
import type { Attachment, ChecklistItem, Clue, EvidenceLink, Phrase, WorkingPaper } from '@shared/domain/types'
import { nextNumber } from '@shared/round/numbering'
import { todayIso } from '@shared/util/dates'
import { sha256Hex } from '@shared/util/hash'
import { bytesToBase64 } from '@shared/security/base64'
import { verifySeal, type Transfer } from '@shared/casework/clues'
import { resolveEvidence, type EvidenceSources, type ResolvedEvidence } from '@shared/casework/evidence'
import { settleFallBack, signingRecord, signoffState, withStandingSignoffs, type SignoffState } from '@shared/casework/signing'
import { checkChecklistQuestion } from '@shared/casework/checklist'
import { bridge } from '../platform/bridge'
import { platform, repo } from '../platform/db/workbench'
import type { Draft } from '../platform/db/repository'
import type { SigningKey } from '@shared/signing/sign'
import * as service from '../services/casework'
import type { ClueStep } from '../services/casework'
import { useRoundStore } from './round'
import { createRoundCollection } from './collection'
import { useInterviewsStore } from './interviews'
import { useDocumentsStore } from './documents'
import { usePetitionsStore } from './petitions'
import { useVisitsStore } from './visits'

/** How the matter was learned (四个准确), from the kind of evidence it came from. */
const LEARNED_BY: Record<EvidenceLink['kind'], string> = {
  interviewPoint: '个别谈话',
  documentNote: '调阅资料',
  petition: '信访举报',
  visit: '走访调研',
  attachment: '其他',
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

const emptySources = (): EvidenceSources => ({
  interviews: [],
  notes: [],
  documents: [],
  petitions: [],
  visits: [],
  attachments: [],
  cadres: [],
})

export const useCaseworkStore = defineStore('casework', () => {
  const round = useRoundStore()
  /** All 底稿 of the round as stored, merged ones included (their numbers stay taken). */
  const paperCollection = createRoundCollection('workingPapers')
  const clueCollection = createRoundCollection('clues')
  const checklistCollection = createRoundCollection<'checklist', ChecklistItem>('checklist', { sort: (a, b) => a.order - b.order })
  const allPapers = paperCollection.items
  const clues = clueCollection.items
  const checklist = checklistCollection.items
  const load = async (roundId: string) => {
    await Promise.all([paperCollection.load(roundId), clueCollection.load(roundId), checklistCollection.load(roundId)])
    // Signed 底稿 need the evidence to tell whether their sign-offs still stand.
    void refreshStanding()
  }

  /** Attachments without their bytes (evidence shows name, size and fingerprint only); read when evidence is first needed. */
  const attachments = createRoundCollection<'attachments', Omit<Attachment, 'data'>>('attachments', {
    lazy: true,
    read: async (roundId) => (await repo.list('attachments', roundId)).map(({ data: _d, ...a }) => a),
    toItem: ({ data: _d, ...a }) => a,
  })
  /** The stores whose records evidence points to: the same copies the registers show, not a second one. */
  const sourceStores = shallowRef<{
    interviews: ReturnType<typeof useInterviewsStore>
    documents: ReturnType<typeof useDocumentsStore>
    petitions: ReturnType<typeof usePetitionsStore>
    visits: ReturnType<typeof useVisitsStore>
  }>()

  /**
   * The records evidence points to, loaded on demand (interviews and notes are many: ≈30,000
   * records, ≈2 s at ten times a real round) and kept current by the change events.
   */
  async function loadSources() {
    const id = round.activeRoundId
    if (!id) return
    const s = (sourceStores.value ??= {
      interviews: useInterviewsStore(),
      documents: useDocumentsStore(),
      petitions: usePetitionsStore(),
      visits: useVisitsStore(),
    })
    await Promise.all([
      s.interviews.load(id),
      s.documents.load(id).then(() => s.documents.loadNotes()),
      s.petitions.load(id),
      s.visits.load(id),
      attachments.load(id),
    ])
  }
  const sources = computed<EvidenceSources>(() => {
    const s = sourceStores.value
    if (!s) return emptySources()
    const { interviews, documents, notes } = {
      interviews: s.interviews.interviews,
      documents: s.documents.documents,
      notes: s.documents.notes,
    }
    return {
      interviews,
      notes,
      documents,
      petitions: s.petitions.petitions,
      visits: s.visits.visits,
      attachments: attachments.items.value,
      cadres: round.cadres,
    }
  })

  const resolve = (link: EvidenceLink): ResolvedEvidence => resolveEvidence(link, { ...sources.value, cadres: round.cadres })

  /**
   * The 底稿 as they stand: a review sign-off whose cited evidence changed after signing has
   * fallen back (derived from the evidence as it reads now, shared/casework/signing.ts). Until
   * the evidence is loaded, the stored sign-offs are shown.
   */
  const standingPapers = computed(() =>
    sourceStores.value ? allPapers.value.map((p) => withStandingSignoffs(p, resolve)) : allPapers.value,
  )
  const papers = computed(() => standingPapers.value.filter((p) => !p.mergedInto))

  /** Whether the 底稿's sign-offs still stand, and which cited evidence changed since signing. */
  const signoffStateOf = (p: WorkingPaper): SignoffState | undefined => (sourceStores.value ? signoffState(p, resolve) : undefined)

  /** Signed 底稿 need the evidence as it reads now: load it when any 底稿 was signed over evidence. */
  function refreshStanding(): Promise<void> {
    return allPapers.value.some((p) => p.signoffs.some((s) => s.evidence)) ? loadSources() : Promise.resolve()
  }

  /** The stored 底稿 with any fall-back written in (evidence loaded first). */
  async function settled(id: string): Promise<WorkingPaper | undefined> {
    const stored = allPapers.value.find((p) => p.id === id)
    if (!stored) return undefined
    await loadSources()
    return settleFallBack(stored, resolve, userId(), new Date().toISOString())
  }
  /** The round's 底稿 with this one settled, for a workflow that edits it. */
  const withSettled = (p: WorkingPaper | undefined) => (p ? allPapers.value.map((x) => (x.id === p.id ? p : x)) : allPapers.value)
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

  function blankPaper(seed?: EvidenceSeed): Draft<WorkingPaper> {
    const r = requireRound()
    return {
      roundId: r.id,
      number: nextNumber(
        r,
        'workingPaper',
        allPapers.value.map((p) => p.number),
      ),
      date: todayIso(),
      title: seed?.title ?? '',
      category: seed?.category ?? '',
      responsibleType: '',
      personIds: seed?.personIds ?? [],
      timePlace: '',
      summary: seed?.text ?? '',
      facts: '',
      learnedBy: seed ? LEARNED_BY[seed.link.kind] : '',
      basis: '',
      analysis: '',
      amount: null,
      keyFocus: false,
      disposition: '写入报告',
      handlerId: round.currentUserId,
      evidence: seed ? [seed.link] : [],
      signoffs: [],
      editedAfterSignoff: false,
      recommendation: '',
      accountability: [],
    }
  }

  async function paperFrom(seed: EvidenceSeed): Promise<WorkingPaper> {
    return paperCollection.save(blankPaper(seed))
  }

  /** Saves a new 底稿, or an edit of one (sign-offs reset and the version kept when it was signed). */
  async function savePaper(draft: Draft<WorkingPaper>): Promise<WorkingPaper> {
    const before = draft.id ? await settled(draft.id) : undefined
    return paperCollection.put(await service.savePaper(platform, withSettled(before), draft, userId()))
  }
  /** Signs what the 底稿 and its evidence read now: the content hash and a hashed copy of each cited item. */
  async function signoff(paper: WorkingPaper, signer: SigningKey | undefined): Promise<WorkingPaper> {
    const current = (await settled(paper.id)) ?? paper
    const record = await signingRecord(
      current,
      current.evidence.map((l) => resolve(l)).map(({ kind, ref, text }) => ({ kind, ref, text })),
    )
    return paperCollection.put(await service.signoff(platform, current, round.currentUser, record, signer))
  }
  async function returnToHandler(paper: WorkingPaper, comment: string, signer: SigningKey | undefined): Promise<WorkingPaper> {
    const current = (await settled(paper.id)) ?? paper
    return paperCollection.put(await service.returnToHandler(platform, current, round.currentUser, comment, signer))
  }

  async function merge(keepId: string, otherId: string): Promise<WorkingPaper> {
    const { kept, merged } = await service.mergePapers(platform, allPapers.value, keepId, otherId, userId())
    paperCollection.put(merged)
    return paperCollection.put(kept)
  }

  /** Stores a file (SHA-256 recorded) and links it to the 底稿 as 支撑材料. */
  async function attachFile(paper: WorkingPaper): Promise<WorkingPaper | undefined> {
    const file = await bridge().openFile({ title: '选择支撑材料文件', filters: [{ name: '所有文件', extensions: ['*'] }] })
    if (!file) return undefined
    if (file.data.byteLength === 0) throw new Error('文件是空的')
    if (file.data.byteLength > MAX_ATTACHMENT) throw new Error('单个附件不能超过 20 MB')
    const draft: Draft<Attachment> = {
      roundId: requireRound().id,
      name: file.name,
      mime: '',
      size: file.data.byteLength,
      sha256: await sha256Hex(file.data),
      data: bytesToBase64(file.data),
    }
    const a = await attachments.save(draft)
    return savePaper({ ...paper, evidence: [...paper.evidence, { kind: 'attachment', ref: a.id }] })
  }

  // ── 线索 ──
  /** A new clue from a piece of evidence: its text, its person and where it came from. */
  async function clueFrom(seed: EvidenceSeed): Promise<Clue> {
    return clueCollection.save({
      ...blankClue(),
      source: seed.link.kind === 'petition' ? '信访举报' : '巡视巡察中发现',
      subjectId: seed.subject?.id ?? '',
      subjectName: seed.subject?.name ?? '',
      subjectPost: seed.subject?.post ?? '',
      summary: seed.text,
      evidence: [seed.link],
    })
  }

  function blankClue(): Draft<Clue> {
    const r = requireRound()
    return {
      roundId: r.id,
      number: nextNumber(
        r,
        'clue',
        clues.value.map((c) => c.number),
      ),
      registeredOn: todayIso(),
      source: '巡视巡察中发现',
      reporter: '',
      subjectId: '',
      subjectName: '',
      subjectPost: '',
      jurisdiction: '',
      summary: '',
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
      evidence: [],
      seal: null,
    }
  }

  /** Saves the content of a clue; a sealed, withdrawn or settled clue is refused. Flow fields are kept as stored. */
  const saveClue = async (draft: Draft<Clue>): Promise<Clue> => clueCollection.put(await service.saveClue(platform, clues.value, draft))
  const clueStep = async (clue: Clue, step: ClueStep, text = '', signer?: SigningKey): Promise<Clue> =>
    clueCollection.put(await service.clueStep(platform, clue, round.currentUser, step, text, signer))

  /** 移交: freezes the cited evidence's text in the seal and records the SHA-256. */
  async function transfer(clue: Clue, t: Transfer, signer: SigningKey | undefined): Promise<Clue> {
    await loadSources()
    const frozen = clue.evidence.map((l) => resolve(l)).map(({ kind, ref, text }) => ({ kind, ref, text }))
    return clueCollection.put(await service.transferClue(platform, clue, round.currentUser, t, frozen, signer))
  }

  const verify = (clue: Clue) => verifySeal(clue)

  async function viewClue(clue: Clue) {
    await repo.record({ action: 'view', table: 'clues', recordId: clue.id, detail: '查看线索' })
  }

  // ── 检查清单 and 巡言巡语 ──
  async function saveChecklistItem(draft: Draft<ChecklistItem>): Promise<ChecklistItem> {
    const errors = checkChecklistQuestion(draft.question, draft.nodeId)
    if (errors.length) throw new Error(errors.join('；'))
    return checklistCollection.save({ ...draft, question: draft.question.trim() })
  }

  async function removeChecklistItem(id: string) {
    await checklistCollection.remove(id)
  }

  async function savePhrases(phrases: Phrase[]) {
    const r = requireRound()
    if (phrases.some((p) => !p.text.trim())) throw new Error('短语内容不能为空')
    await round.saveRound({ ...r, phrases: phrases.map((p) => ({ ...p, text: p.text.trim() })) })
  }

  return {
    papers,
    allPapers,
    standingPapers,
    clues,
    checklist,
    sources,
    load,
    loadSources,
    refreshStanding,
    resolve,
    signoffStateOf,
    citing,
    blankPaper,
    paperFrom,
    savePaper,
    signoff,
    returnToHandler,
    merge,
    attachFile,
    clueFrom,
    blankClue,
    saveClue,
    clueStep,
    transfer,
    verify,
    viewClue,
    saveChecklistItem,
    removeChecklistItem,
    savePhrases,
  }
})
