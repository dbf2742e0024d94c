// The round's 份号 counter: the highest 份号 drawn in the round, kept on the round record itself,
// so the round archive and the hand-over package carry it and a laptop that takes the round over
// goes on from there instead of starting again at 1. Laptops that exchange packages keep the
// larger counter (shared/exchange/merge.ts COUNTER_FIELDS), and a save of the round from a screen
// that still holds an older copy never lowers it.
import type { Round } from '../domain/types'

export const MAX_COPY_NUMBER = 999_999

/**
 * The next 份号 of the round. `legacy` is what this laptop counted before the counter moved onto
 * the round (the `copyNumber:<round id>` setting), so numbers already printed are not drawn again.
 */
export function nextCopyNumber(round: Pick<Round, 'copyCounter'>, legacy = 0): number {
  const next = Math.max(round.copyCounter ?? 0, legacy) + 1
  if (next > MAX_COPY_NUMBER) throw new RangeError(`本轮的份号已用到 ${MAX_COPY_NUMBER}，不能再编号`)
  return next
}

/** The round as it will be saved: never with a smaller counter than the one stored. */
export function keepCopyCounter<R extends Pick<Round, 'copyCounter'>>(draft: R, stored: Pick<Round, 'copyCounter'> | undefined): R {
  const kept = Math.max(draft.copyCounter ?? 0, stored?.copyCounter ?? 0)
  return kept > 0 ? { ...draft, copyCounter: kept } : draft
}
