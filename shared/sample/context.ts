// What every part of the sample builder shares: the generator, the calendar of the round and
// the record metadata.
import type { IsoDate, RecordMeta } from '../domain/types'
import { addDays } from '../util/dates'
import type { Rng } from './prng'

/** The device every sample record claims to come from. */
export const SAMPLE_DEVICE_ID = 'sample-device-0001'

export interface SampleContext {
  rng: Rng
  roundId: string
  today: IsoDate
  entry: IsoDate
  exit: IsoDate
  /** Member ids by role key (zz 组长, fz1/fz2 副组长, zy1–zy3 组员, lly 联络员). */
  member: Record<string, string>
  /** Cadre ids by key (see people.ts). */
  cadre: Record<string, string>
}

/** `YYYY-MM-DD` + `HH:mm` Beijing time → ISO timestamp in UTC. */
export function at(date: IsoDate, time = '09:00'): string {
  return new Date(`${date}T${time}:00+08:00`).toISOString()
}

/** Metadata for a record written on `date` by `by`, touched again `laterDays` later. */
export function meta(ctx: SampleContext, date: IsoDate, by: string, time = '09:00', laterDays = 0): RecordMeta & { roundId: string } {
  const later = minDate(addDays(date, laterDays), ctx.today)
  const last = laterDays > 0 && later > date ? later : date
  return {
    id: ctx.rng.uuid(),
    roundId: ctx.roundId,
    createdAt: at(date, time),
    updatedAt: at(last, last === date ? time : '18:30'),
    updatedBy: by,
    deviceId: SAMPLE_DEVICE_ID,
  }
}

export function minDate(a: IsoDate, b: IsoDate): IsoDate {
  return a < b ? a : b
}

/** Monday to Friday (dates are calendar dates, so UTC weekday is the local weekday). */
export function isWorkday(date: IsoDate): boolean {
  const d = new Date(`${date}T00:00:00Z`).getUTCDay()
  return d !== 0 && d !== 6
}

/** Working days from `from` (inclusive) to `to` (inclusive). */
export function workdays(from: IsoDate, to: IsoDate): IsoDate[] {
  const out: IsoDate[] = []
  for (let d = from; d <= to; d = addDays(d, 1)) if (isWorkday(d)) out.push(d)
  return out
}
