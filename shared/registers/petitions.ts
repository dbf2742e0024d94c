// 信访 register rules (guide §2–3, §6): the intake cut-off warns but never blocks, the 处置
// follows what the petition became, and the reporter's contact never leaves in an export
// unless the user asked for it.
import { formatDateCN, isIsoDate } from '../util/dates'
import { PETITION_LABELS as P, ROUND_LABELS } from '../domain/labels'
import type { IsoDate, Petition, Round } from '../domain/types'
import type { Verdict } from '../round/validation'

type PetitionInput = Pick<Petition, 'receivedOn' | 'channel' | 'anonymous' | 'reporterName' | 'summary' | 'disposition' | 'inScope'>

/** The cut-off warning alone, so the form can show it as soon as the date is picked. */
export function cutoffWarning(receivedOn: IsoDate, round: Pick<Round, 'petitionCutoff'>): string {
  if (!isIsoDate(receivedOn) || !isIsoDate(round.petitionCutoff) || receivedOn <= round.petitionCutoff) return ''
  return `收件日期晚于${ROUND_LABELS.petitionCutoff}（${formatDateCN(round.petitionCutoff)}）：已过受理期，请在“${P.inScope}”和“${P.disposition}”中注明（可转有关部门）`
}

export function checkPetition(p: PetitionInput, round: Pick<Round, 'entryDate' | 'petitionCutoff'>, today: IsoDate): Verdict {
  const errors: string[] = []
  const warnings: string[] = []
  if (!isIsoDate(p.receivedOn)) errors.push(`请填写${P.receivedOn}`)
  else if (p.receivedOn > today) errors.push(`${P.receivedOn}不能晚于今天`)
  if (!p.channel) errors.push(`请选择${P.channel}`)
  if (!p.anonymous && !p.reporterName.trim()) errors.push(`请填写${P.reporterName}，或选择“匿名”`)
  if (!p.summary.trim()) errors.push(`请填写${P.summary}`)
  const late = cutoffWarning(p.receivedOn, round)
  if (late) warnings.push(late)
  if (isIsoDate(p.receivedOn) && p.receivedOn < round.entryDate && p.channel !== '带件入巡')
    warnings.push(`${P.receivedOn}早于进驻日期，巡前收到的材料一般登记为“带件入巡”`)
  if (!p.inScope && p.disposition === '转为线索') warnings.push('不属于受理范围的信访件一般不转为线索，请核对')
  return { errors, warnings }
}

/** The 处置 after a 底稿 or clue was made from the petition: a clue wins, a 底稿 fills an empty one. */
/** What an empty 处置 means: nothing decided yet. Shown, exported and offered as the placeholder alike. */
export const PENDING_DISPOSITION = '待处置'

export function dispositionText(d: Petition['disposition']): string {
  return d || PENDING_DISPOSITION
}

export function dispositionAfter(current: Petition['disposition'], made: '底稿' | '线索'): Petition['disposition'] {
  if (made === '线索') return '转为线索'
  return current === '' ? '纳入底稿' : current
}

/** How the reporter appears in tables and exports. */
export function reporterLabel(p: Pick<Petition, 'anonymous' | 'reporterName'>): string {
  return p.anonymous || !p.reporterName.trim() ? '匿名' : p.reporterName
}

/** A copy without the reporter's contact, for anything that leaves the page. */
export function redactPetition<T extends Pick<Petition, 'reporterContact'>>(p: T): T {
  return { ...p, reporterContact: '' }
}
