// Dates are stored as ISO strings (`YYYY-MM-DD`) and shown the way people read them: 2026年11月21日.
import type { IsoDate, YearMonth } from '../domain/types'

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/

/** True for a real calendar date in `YYYY-MM-DD` form (rejects 2026-02-30). */
export function isIsoDate(value: string): boolean {
  const m = ISO_DATE.exec(value)
  if (!m) return false
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])]
  const dt = new Date(Date.UTC(y, mo - 1, d))
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === mo - 1 && dt.getUTCDate() === d
}

/** The years a 巡察 date can fall in: the date arithmetic (deadlines, milestones) stays inside them. */
export const WORK_YEARS = { min: 1900, max: 2100 } as const

/** A real date within WORK_YEARS: what a stored record date must be. */
export function isWorkDate(value: string): boolean {
  const y = Number(value.slice(0, 4))
  return isIsoDate(value) && y >= WORK_YEARS.min && y <= WORK_YEARS.max
}

function toUtc(date: IsoDate): Date {
  if (!isIsoDate(date)) throw new RangeError(`不是有效日期：${date}`)
  return new Date(`${date}T00:00:00Z`)
}

function fromUtc(dt: Date): IsoDate {
  return dt.toISOString().slice(0, 10)
}

/** 2026-11-21 → 2026年11月21日; empty stays empty. */
export function formatDateCN(date: IsoDate | ''): string {
  if (!date) return ''
  const dt = toUtc(date)
  return `${dt.getUTCFullYear()}年${dt.getUTCMonth() + 1}月${dt.getUTCDate()}日`
}

/** 1968-03 → 1968年3月. */
export function formatYearMonthCN(value: YearMonth | ''): string {
  if (!value) return ''
  const [y, m] = value.split('-')
  return `${y}年${Number(m)}月`
}

/** An ISO timestamp shown as 2026年11月21日 14:05 in local time. */
export function formatDateTimeCN(iso: string): string {
  const dt = new Date(iso)
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${dt.getFullYear()}年${dt.getMonth() + 1}月${dt.getDate()}日 ${pad(dt.getHours())}:${pad(dt.getMinutes())}`
}

export function addDays(date: IsoDate, days: number): IsoDate {
  const dt = toUtc(date)
  dt.setUTCDate(dt.getUTCDate() + days)
  return fromUtc(dt)
}

/** Calendar months later, clamped to the month's end (2026-11-30 + 3 → 2027-02-28). */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const dt = toUtc(date)
  const day = dt.getUTCDate()
  dt.setUTCDate(1)
  dt.setUTCMonth(dt.getUTCMonth() + months)
  const lastDay = new Date(Date.UTC(dt.getUTCFullYear(), dt.getUTCMonth() + 1, 0)).getUTCDate()
  dt.setUTCDate(Math.min(day, lastDay))
  return fromUtc(dt)
}

/** Whole days from `a` to `b` (negative when b is earlier). */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  return Math.round((toUtc(b).getTime() - toUtc(a).getTime()) / 86_400_000)
}

/** Today in local time as `YYYY-MM-DD`. */
export function todayIso(now: Date = new Date()): IsoDate {
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`
}
