import { describe, expect, it } from 'vitest'
import type { Interview } from '../domain/types'
import { markDoneDenial, rescheduleNotes, shownStatus } from './status'

const at = (iso: string) => new Date(`${iso}:00`) // local time, as the laptop's clock

describe('interview status', () => {
  it('refuses 已谈 for an interview that has not started, and allows it once it has', () => {
    const iv = { date: '2026-12-04', start: '09:00' }
    expect(markDoneDenial(iv, at('2026-12-03T16:00'))).toBe(
      '这次谈话安排在2026年12月4日 09:00，尚未开始，不能标记为已谈；如已提前谈话，请先把日期和时间改为实际谈话时间',
    )
    expect(markDoneDenial(iv, at('2026-12-04T08:59'))).not.toBeNull()
    expect(markDoneDenial(iv, at('2026-12-04T09:00'))).toBeNull()
    expect(markDoneDenial(iv, at('2026-12-10T10:00'))).toBeNull()
  })
  it('shows a moved interview as 待谈, with each move in its history', () => {
    const moved = {
      status: '改期',
      history: [{ date: '2026-11-24', start: '09:00', end: '10:00', room: '谈话室1', changedAt: '', reason: '出差' }],
    } as Pick<Interview, 'status' | 'history'>
    expect(shownStatus(moved)).toBe('待谈')
    expect(shownStatus({ status: '已谈' })).toBe('已谈')
    expect(rescheduleNotes(moved)).toEqual(['由2026年11月24日 09:00改期（出差）'])
  })
})
