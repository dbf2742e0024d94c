// Confidentiality markings (GUIDE §10/§11): the text printed top-left on page 1, the 份号, and the
// per-user watermark every export carries.
import type { Marking } from '../domain/types'

/** '' for 无; '内部'; '内部事项 注意保管'; '秘密★1年'; '机密★10年' (密级 without 期限 prints the level alone). */
export function markingText(m: Marking): string {
  switch (m.level) {
    case '无':
      return ''
    case '内部':
    case '内部事项 注意保管':
      return m.level
    case '秘密':
    case '机密':
      return m.years !== undefined && Number.isFinite(m.years) && m.years > 0 ? `${m.level}★${m.years}年` : m.level
  }
}

/** A 份号 is printed on documents marked 秘密 or 机密 only (GB/T 9704 §7.2.1: 涉密公文应当标注份号). */
export const needsCopyNumber = (m: Marking) => m.level === '秘密' || m.level === '机密'

/** 份号: six digits, 1 → '000001'. */
export function formatCopyNumber(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 999_999) throw new RangeError(`份号须为 1–999999 的整数：${n}`)
  return String(n).padStart(6, '0')
}

const pad = (n: number) => String(n).padStart(2, '0')

/** '刘洋 2026-11-21 14:05' (local time). `at` is a Date or an ISO timestamp. */
export function watermarkText(user: string, at: Date | string): string {
  const dt = typeof at === 'string' ? new Date(at) : at
  if (Number.isNaN(dt.getTime())) throw new RangeError(`水印时间无效：${String(at)}`)
  const when = `${dt.getFullYear()}-${pad(dt.getMonth() + 1)}-${pad(dt.getDate())} ${pad(dt.getHours())}:${pad(dt.getMinutes())}`
  return `${user.trim()} ${when}`
}
