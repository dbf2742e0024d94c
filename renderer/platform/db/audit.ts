// Append-only audit log. Each entry's hash covers its content and the previous entry's hash,
// so removing or editing any entry breaks the chain from there on.
import { canonicalJson, sha256Hex } from '@shared/util/hash'
import type { AuditEntry } from '@shared/domain/types'
import type { WorkbenchDb } from './database'

export type AuditDraft = Pick<AuditEntry, 'action' | 'table' | 'recordId'> & Partial<Pick<AuditEntry, 'fields' | 'detail'>>

export const GENESIS_HASH = '0'.repeat(64)

export function hashAuditEntry(entry: Omit<AuditEntry, 'hash'>): Promise<string> {
  return sha256Hex(canonicalJson(entry))
}

export interface ChainCheck {
  ok: boolean
  count: number
  /** seq of the first entry that does not match, when the log was altered. */
  brokenAt?: number
}

export class AuditChain {
  private tip: { seq: number; hash: string } | undefined

  constructor(private readonly db: WorkbenchDb) {}

  /** Builds the next entries of the chain. Callers must serialise prepare+write. */
  async prepare(drafts: AuditDraft[], who: { actor: string; actorName?: string; deviceId: string }, at: string): Promise<AuditEntry[]> {
    if (!this.tip) {
      const last = await this.db.auditLog.orderBy('seq').last()
      this.tip = last ? { seq: last.seq, hash: last.hash } : { seq: 0, hash: GENESIS_HASH }
    }
    let { seq, hash } = this.tip
    const entries: AuditEntry[] = []
    for (const d of drafts) {
      const base = { seq: seq + 1, at, actor: who.actorName ?? who.actor, actorId: who.actor, deviceId: who.deviceId, action: d.action, table: d.table, recordId: d.recordId, fields: d.fields ?? [], detail: d.detail ?? '', prevHash: hash }
      const entry = { ...base, hash: await hashAuditEntry(base) }
      entries.push(entry)
      ;({ seq, hash } = entry)
    }
    return entries
  }

  /** Called after the entries were committed. */
  committed(entries: AuditEntry[]): void {
    const last = entries.at(-1)
    if (last) this.tip = { seq: last.seq, hash: last.hash }
  }

  /** Forget the cached tip (after a failed transaction or an external change). */
  reset(): void {
    this.tip = undefined
  }

  async verify(): Promise<ChainCheck> {
    let prev = GENESIS_HASH
    let expectedSeq = 1
    let count = 0
    for (const entry of await this.db.auditLog.orderBy('seq').toArray()) {
      const { hash, ...rest } = entry
      if (entry.seq !== expectedSeq || entry.prevHash !== prev || (await hashAuditEntry(rest)) !== hash)
        return { ok: false, count, brokenAt: entry.seq }
      prev = hash
      expectedSeq++
      count++
    }
    return { ok: true, count }
  }
}
