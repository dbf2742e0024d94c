// Resolving one conflict of the inbox (plain TypeScript, dependencies passed in): the value is
// computed from the record as it is now, not from the copy taken when the conflict appeared,
// and the record, the exchange state and the audit entry commit in one transaction.
import {
  FROZEN_FIELDS,
  isProtected,
  resolveConflict,
  resolvedValue,
  REFUSED_REASONS,
  type Conflict,
  type Resolution,
  type SyncState,
} from '@shared/exchange'
import { fieldLabel } from '@shared/domain/labels'
import { denial } from '@shared/domain/permissions'
import type { AnyTableName } from '@shared/domain/tables'
import type { TeamMember } from '@shared/domain/types'
import type { AuditDraft } from '../../platform/db/audit'
import type { ExchangeRow } from '../../platform/db/database'
import type { ServiceContext } from '../context'
import type { SyncStates } from './syncStates'

export interface ResolveDeps {
  resolveField(
    table: AnyTableName,
    id: string,
    field: string,
    value: (current: unknown, record: Record<string, unknown>) => { set: unknown } | undefined,
    exchangeRow: ExchangeRow,
    audit: AuditDraft,
  ): Promise<void>
  currentState(roundId: string): Promise<SyncState>
  sealState(roundId: string, state: SyncState): Promise<ExchangeRow>
  /** Called once committed: the exchange store keeps the new state. */
  keep(roundId: string, state: SyncState): void
  now(): string
}

/** A resolution the rules do not allow; nothing was written. */
export class ResolutionRefused extends Error {
  override readonly name = 'ResolutionRefused'
}

/** Who resolves: a roster member (the role decides over held conflicts). */
export type ConflictUser = Pick<TeamMember, 'name' | 'role' | 'deleted'>

export const CHOICE_LABELS: Record<Resolution, string> = { mine: '保留本机', theirs: '采用对方', both: '两者都保留' }

export async function resolveExchangeConflict(
  deps: ResolveDeps,
  input: { roundId: string; conflict: Conflict; choice: Resolution; user: ConflictUser | undefined },
): Promise<void> {
  const { roundId, conflict: c, choice, user } = input
  const refused = c.held ? denial(user, 'resolve-held-conflict') : ''
  if (refused) throw new ResolutionRefused(refused)
  const at = deps.now()
  const state = resolveConflict(await deps.currentState(roundId), c.id, choice, user?.name ?? '未指定', at)
  const row = await deps.sealState(roundId, state)
  const label = c.field === 'deleted' ? '删除' : fieldLabel(c.table, c.field)
  await deps.resolveField(
    c.table,
    c.recordId,
    c.field,
    (current, record) => {
      if (choice === 'mine') return undefined
      const value = resolvedValue(c, choice, current)
      const frozen = FROZEN_FIELDS[c.table]?.includes(c.field) && isProtected(c.table, record)
      if (frozen && JSON.stringify(value) !== JSON.stringify(current))
        throw new ResolutionRefused(REFUSED_REASONS[c.table] ?? '该记录已封存')
      return { set: value }
    },
    row,
    { action: 'update', table: c.table, recordId: c.recordId, detail: `处理冲突（${label}）：${CHOICE_LABELS[choice]}` },
  )
  deps.keep(roundId, state)
}

/** Resolves a conflict of the active round against this laptop's database and exchange state. */
export function resolveConflictInRound(
  ctx: ServiceContext,
  states: SyncStates,
  input: { roundId: string; deviceId: string; conflict: Conflict; choice: Resolution; user: ConflictUser | undefined },
): Promise<void> {
  const { deviceId, ...rest } = input
  return resolveExchangeConflict(
    {
      resolveField: (...args) => ctx.repo.resolveField(...args),
      currentState: (id) => states.current(id, deviceId),
      sealState: (id, state) => states.seal(id, state),
      keep: (id, state) => states.keep(id, state),
      now: () => new Date().toISOString(),
    },
    rest,
  )
}
