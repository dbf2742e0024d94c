// The interviews of the active round, their schedule warnings and coverage, and the round's
// interview settings (coverage switches, outline templates). Writes go through the repository.
import { defineStore } from 'pinia'
import { computed, ref, watch } from 'vue'
import type { ChecklistItem, Interview, Round } from '@shared/domain/types'
import { coverageChecks, scheduleWarnings, type Directory } from '@shared/interviews/checks'
import { repo } from '../../db/workbench'
import type { Draft } from '../../db/repository'
import { useRoundStore } from '../../stores/round'

export type Slot = Pick<Interview, 'date' | 'start' | 'end' | 'room'>

export const useInterviewsStore = defineStore('interviews', () => {
  const round = useRoundStore()
  const interviews = ref<Interview[]>([])
  const checklist = ref<ChecklistItem[]>([])

  async function load(roundId: string) {
    ;[interviews.value, checklist.value] = roundId ? await Promise.all([repo.list('interviews', roundId), repo.list('checklist', roundId)]) : [[], []]
  }
  watch(() => round.activeRoundId, load, { immediate: true })

  const dir = computed<Directory>(() => ({ members: round.members, cadres: round.cadres }))
  const warnings = computed(() => (round.activeRound ? scheduleWarnings(interviews.value, dir.value, round.activeRound) : new Map<string, string[]>()))
  const coverage = computed(() => (round.activeRound ? coverageChecks(round.activeRound, interviews.value, round.cadres) : []))
  const rooms = computed(() => [...new Set(interviews.value.map((iv) => iv.room.trim()).filter(Boolean))].sort((a, b) => a.localeCompare(b, 'zh-CN')))

  function byId(id: string | undefined): Interview | undefined {
    return id ? interviews.value.find((iv) => iv.id === id) : undefined
  }

  async function save(draft: Draft<Interview>): Promise<Interview> {
    const saved = await repo.save('interviews', draft)
    const i = interviews.value.findIndex((iv) => iv.id === saved.id)
    if (i >= 0) interviews.value[i] = saved
    else interviews.value.push(saved)
    return saved
  }

  /** 改期: the new slot replaces the old one, which is kept in `history` with the reason. */
  async function reschedule(iv: Interview, slot: Slot, reason: string): Promise<Interview> {
    if (iv.status === '已谈') throw new Error('已谈的谈话不能改期；如需再谈，请安排再次约谈')
    if (iv.status === '取消') throw new Error('已取消的谈话不能改期，请重新安排')
    const old = { date: iv.date, start: iv.start, end: iv.end, room: iv.room, changedAt: new Date().toISOString(), reason: reason.trim() }
    return save({ ...iv, ...slot, status: '改期', history: [...iv.history, old] })
  }

  async function remove(iv: Interview) {
    await repo.remove('interviews', iv.id)
    interviews.value = interviews.value.filter((x) => x.id !== iv.id)
  }

  /** 第几次谈话: one more than the earlier 已谈 interviews of the same person. */
  function sessionNoFor(iv: Interview): number {
    return 1 + interviews.value.filter((o) => o.id !== iv.id && o.intervieweeId === iv.intervieweeId && o.status === '已谈' && `${o.date}${o.start}` < `${iv.date}${iv.start}`).length
  }

  async function saveRoundSettings(patch: Partial<Pick<Round, 'interviewChecks' | 'outlineTemplates'>>) {
    const r = round.activeRound
    if (!r) throw new Error('请先选择巡察轮次')
    await round.saveRound({ ...r, ...patch })
  }

  return { interviews, checklist, dir, warnings, coverage, rooms, load, byId, save, reschedule, remove, sessionNoFor, saveRoundSettings }
})
