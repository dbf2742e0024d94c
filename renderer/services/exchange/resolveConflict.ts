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
import type { AnyTableName } from '@shared/domain/tables'
import type { AuditDraft } from '../../platform/db/audit'
import type { ExchangeRow } from '../../platform/db/database'

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

export const CHOICE_LABELS: Record<Resolution, string> = { mine: '保留本机', theirs: '采用对方', both: '两者都保留' }

export async function resolveExchangeConflict(
  deps: ResolveDeps,
  input: { roundId: string; conflict: Conflict; choice: Resolution; user: { name: string; role: string } | undefined },
): Promise<void> {
  const { roundId, conflict: c, choice, user } = input
  if (c.held && user?.role !== '组长') throw new ResolutionRefused('该冲突涉及已移交线索或组长已审签底稿，只有组长可以处理')
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
