// 底稿 and 线索 of the active round, and turning a piece of evidence (an interview point, a
// review note, a petition, a visit) into a draft of either, keeping the link both ways.
import { defineStore } from 'pinia'
import { ref, watch } from 'vue'
import type { Clue, EvidenceLink, WorkingPaper } from '@shared/domain/types'
import { nextNumber } from '@shared/round/numbering'
import { todayIso } from '@shared/util/dates'
import { repo } from '../db/workbench'
import type { Draft } from '../db/repository'
import { useRoundStore } from './round'

/** How the matter was learned (四个准确), from the kind of evidence it came from. */
const LEARNED_BY: Record<EvidenceLink['kind'], string> = {
  interviewPoint: '个别谈话', documentNote: '调阅资料', petition: '信访举报', visit: '走访调研', attachment: '其他',
}

export interface EvidenceSeed {
  link: EvidenceLink
  title: string
  text: string
  category?: string
  personIds?: string[]
  subject?: { id: string; name: string; post: string }
}

export const useCaseworkStore = defineStore('casework', () => {
  const round = useRoundStore()
  const papers = ref<WorkingPaper[]>([])
  const clues = ref<Clue[]>([])

  async function load(roundId: string) {
    ;[papers.value, clues.value] = roundId ? await Promise.all([repo.list('workingPapers', roundId), repo.list('clues', roundId)]) : [[], []]
  }
  watch(() => round.activeRoundId, load, { immediate: true })

  /** 底稿 and 线索 that cite this evidence ref. */
  function citing(ref: string): { papers: WorkingPaper[]; clues: Clue[] } {
    const cites = (e: EvidenceLink[]) => e.some((l) => l.ref === ref)
    return { papers: papers.value.filter((p) => cites(p.evidence)), clues: clues.value.filter((c) => cites(c.evidence)) }
  }

  async function paperFrom(seed: EvidenceSeed): Promise<WorkingPaper> {
    const r = round.activeRound
    if (!r) throw new Error('请先选择巡察轮次')
    const draft: Draft<WorkingPaper> = {
      roundId: r.id, number: nextNumber(r, 'workingPaper', papers.value.map((p) => p.number)), date: todayIso(), title: seed.title,
      category: seed.category ?? '', responsibleType: '', personIds: seed.personIds ?? [], timePlace: '', summary: seed.text, facts: '',
      learnedBy: LEARNED_BY[seed.link.kind], basis: '', analysis: '', amount: null, keyFocus: false, disposition: '写入报告',
      handlerId: round.currentUserId, evidence: [seed.link], signoffs: [], editedAfterSignoff: false,
    }
    const saved = await repo.save('workingPapers', draft)
    papers.value.push(saved)
    return saved
  }

  async function clueFrom(seed: EvidenceSeed): Promise<Clue> {
    const r = round.activeRound
    if (!r) throw new Error('请先选择巡察轮次')
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

  return { papers, clues, load, citing, paperFrom, clueFrom }
})
