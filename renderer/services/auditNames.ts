// The audit log keeps ids only (who acted, which record): names are looked up here, after
// unlock, for the view and its export. A record gone since (a wiped round) shows its id.
import type { AnyTableName } from '@shared/domain/tables'
import type { AuditEntry } from '@shared/domain/types'
import { auditActorLabel } from '@shared/domain/audit'
import { repo } from '../platform/db/workbench'

export interface AuditNames {
  actor: (e: AuditEntry) => string
  record: (e: AuditEntry) => string
}

const NAMED: Partial<Record<AnyTableName, (r: Record<string, unknown>) => string>> = {
  people: (r) => String(r.name ?? ''),
  workingPapers: (r) => `底稿 ${String(r.number ?? '')}`,
  clues: (r) => `线索 ${String(r.number ?? '')}`,
  rounds: (r) => String(r.name ?? ''),
  interviews: (r) => `谈话 ${String(r.date ?? '')}`,
  petitions: (r) => `信访 ${String(r.receivedOn ?? '')}`,
}

export async function resolveAuditNames(entries: AuditEntry[]): Promise<AuditNames> {
  const ids = new Map<AnyTableName, Set<string>>()
  const want = (t: AnyTableName, id: string) => ids.set(t, (ids.get(t) ?? new Set()).add(id))
  for (const e of entries) {
    if (e.v === 2 && e.actorId !== 'system') want('people', e.actorId)
    if (e.table in NAMED) want(e.table as AnyTableName, e.recordId)
  }
  const names = new Map<string, string>()
  const people = new Map<string, Record<string, unknown>>()
  for (const [table, set] of ids) {
    const records = (await repo.getMany(table, [...set]).catch(() => [])) as unknown as Record<string, unknown>[]
    for (const r of records) {
      names.set(`${table}:${String(r.id)}`, NAMED[table]!(r))
      if (table === 'people') people.set(String(r.id), r)
    }
  }
  return {
    actor: (e) => {
      if (e.v !== 2) return e.actor // old entries kept the name itself
      if (e.actorId === 'system') return auditActorLabel(e)
      const m = people.get(e.actorId)
      return m ? `${String(m.name)}${m.role ? `（${String(m.role)}）` : ''}` : `成员 ${e.actorId.slice(0, 8)}`
    },
    record: (e) => names.get(`${e.table}:${e.recordId}`) ?? (e.recordId.length > 12 ? e.recordId.slice(0, 8) : e.recordId),
  }
}
