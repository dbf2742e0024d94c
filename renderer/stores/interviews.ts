// The interviews of the active round, their schedule warnings and coverage, and the round's
// interview settings (coverage switches, outline templates). Writes go through the repository.
// The interviews are held raw (shallowRef, replaced on every write, never changed in place): the
// checks read every field of 3,000 records, and through Vue's reactive proxies that took 1.7 s.
import { defineStore } from 'pinia'
import { computed, toRaw } from 'vue'
import type { ChecklistItem, Interview, Round } from '@shared/domain/types'
import { coverageChecks, scheduleWarnings, type Directory } from '@shared/interviews/checks'
import type { Draft } from '../platform/db/repository'
import { useRoundStore } from './round'
import { createRoundCollection } from './collection'

export type Slot = Pick<Interview, 'date' | 'start' | 'end' | 'room'>

export const useInterviewsStore = defineStore('interviews', () => {
  const round = useRoundStore()
  const collection = createRoundCollection('interviews')
  const checklistCollection = createRoundCollection<'checklist', ChecklistItem>('checklist')
  const interviews = collection.items
  /** The round's checklist, for the 提纲 drawn from it (the casework store edits it). */
  const checklist = checklistCollection.items
  /** True while the round's interviews are being read. */
  const loading = collection.loading
  const load = (roundId: string) => Promise.all([collection.load(roundId), checklistCollection.load(roundId)]).then(() => undefined)

  // Raw copies of the people and the round's dates: the computed still reruns when they change.
  const dir = computed<Directory>(() => ({ members: round.members.map(toRaw), cadres: round.cadres.map(toRaw) }))
  const span = computed(
    () =>
      round.activeRound && {
        entryDate: round.activeRound.entryDate,
        exitDate: round.activeRound.exitDate,
        interviewChecks: toRaw(round.activeRound.interviewChecks),
      },
  )
  const warnings = computed(() => (span.value ? scheduleWarnings(interviews.value, dir.value, span.value) : new Map<string, string[]>()))
  const coverage = computed(() => (span.value ? coverageChecks(span.value, interviews.value, dir.value.cadres) : []))
  const rooms = computed(() =>
    [...new Set(interviews.value.map((iv) => iv.room.trim()).filter(Boolean))].sort((a, b) => a.localeCompare(b, 'zh-CN')),
  )

  function byId(id: string | undefined): Interview | undefined {
    return id ? interviews.value.find((iv) => iv.id === id) : undefined
  }

  const save = (draft: Draft<Interview>): Promise<Interview> => collection.save(draft)

  /** 改期: the new slot replaces the old one, which is kept in `history` with the reason; it waits again (待谈). */
  async function reschedule(iv: Interview, slot: Slot, reason: string): Promise<Interview> {
    if (iv.status === '已谈') throw new Error('已谈的谈话不能改期；如需再谈，请安排再次约谈')
    if (iv.status === '取消') throw new Error('已取消的谈话不能改期，请重新安排')
    const old = { date: iv.date, start: iv.start, end: iv.end, room: iv.room, changedAt: new Date().toISOString(), reason: reason.trim() }
    return save({ ...iv, ...slot, status: '待谈', history: [...iv.history, old] })
  }

  const remove = (iv: Interview) => collection.remove(iv.id)

  /** 第几次谈话: one more than the earlier 已谈 interviews of the same person. */
  function sessionNoFor(iv: Interview): number {
    return (
      1 +
      interviews.value.filter(
        (o) =>
          o.id !== iv.id && o.intervieweeId === iv.intervieweeId && o.status === '已谈' && `${o.date}${o.start}` < `${iv.date}${iv.start}`,
      ).length
    )
  }

  async function saveRoundSettings(patch: Partial<Pick<Round, 'interviewChecks' | 'outlineTemplates'>>) {
    const r = round.activeRound
    if (!r) throw new Error('请先选择巡察轮次')
    await round.saveRound({ ...r, ...patch })
  }

  return {
    interviews,
    loading,
    checklist,
    dir,
    warnings,
    coverage,
    rooms,
    load,
    byId,
    save,
    reschedule,
    remove,
    sessionNoFor,
    saveRoundSettings,
  }
})
