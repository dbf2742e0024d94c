// The interviews of the active round, their schedule warnings and coverage, and the round's
// interview settings (coverage switches, outline templates). Writes go through the repository.
// The interviews are held raw (shallowRef, replaced on every write, never changed in place): the
// checks read every field of 3,000 records, and through Vue's reactive proxies that took 1.7 s.
import { defineStore } from 'pinia'
import { computed, ref, shallowRef, toRaw, watch } from 'vue'
import type { ChecklistItem, Interview, Round } from '@shared/domain/types'
import { coverageChecks, scheduleWarnings, type Directory } from '@shared/interviews/checks'
import { repo } from '../../db/workbench'
import type { Draft } from '../../db/repository'
import { useRoundStore } from '../../stores/round'

export type Slot = Pick<Interview, 'date' | 'start' | 'end' | 'room'>

export const useInterviewsStore = defineStore('interviews', () => {
  const round = useRoundStore()
  const interviews = shallowRef<Interview[]>([])
  const checklist = ref<ChecklistItem[]>([])

  /** True while the round's interviews are being read. */
  const loading = ref(false)
  let token = 0
  async function load(roundId: string) {
    const mine = ++token
    loading.value = true
    try {
      const [ivs, items] = roundId ? await Promise.all([repo.list('interviews', roundId), repo.list('checklist', roundId)]) : [[], []]
      if (mine === token) [interviews.value, checklist.value] = [ivs, items]
    } finally {
      if (mine === token) loading.value = false
    }
  }
  watch(() => round.activeRoundId, load, { immediate: true })

  // Raw copies of the people and the round's dates: the computed still reruns when they change.
  const dir = computed<Directory>(() => ({ members: round.members.map(toRaw), cadres: round.cadres.map(toRaw) }))
  const span = computed(() => round.activeRound && { entryDate: round.activeRound.entryDate, exitDate: round.activeRound.exitDate, interviewChecks: toRaw(round.activeRound.interviewChecks) })
  const warnings = computed(() => (span.value ? scheduleWarnings(interviews.value, dir.value, span.value) : new Map<string, string[]>()))
  const coverage = computed(() => (span.value ? coverageChecks(span.value, interviews.value, dir.value.cadres) : []))
  const rooms = computed(() => [...new Set(interviews.value.map((iv) => iv.room.trim()).filter(Boolean))].sort((a, b) => a.localeCompare(b, 'zh-CN')))

  function byId(id: string | undefined): Interview | undefined {
    return id ? interviews.value.find((iv) => iv.id === id) : undefined
  }

  async function save(draft: Draft<Interview>): Promise<Interview> {
    const saved = await repo.save('interviews', draft)
    const list = interviews.value
    const i = list.findIndex((iv) => iv.id === saved.id)
    interviews.value = i >= 0 ? list.map((iv, j) => (j === i ? saved : iv)) : [...list, saved]
    return saved
  }

  /** 改期: the new slot replaces the old one, which is kept in `history` with the reason; it waits again (待谈). */
  async function reschedule(iv: Interview, slot: Slot, reason: string): Promise<Interview> {
    if (iv.status === '已谈') throw new Error('已谈的谈话不能改期；如需再谈，请安排再次约谈')
    if (iv.status === '取消') throw new Error('已取消的谈话不能改期，请重新安排')
    const old = { date: iv.date, start: iv.start, end: iv.end, room: iv.room, changedAt: new Date().toISOString(), reason: reason.trim() }
    return save({ ...iv, ...slot, status: '待谈', history: [...iv.history, old] })
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

  return { interviews, loading, checklist, dir, warnings, coverage, rooms, load, byId, save, reschedule, remove, sessionNoFor, saveRoundSettings }
})
