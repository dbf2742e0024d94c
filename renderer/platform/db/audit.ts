// Append-only audit log. Each entry's hash is an HMAC (under the vault-held audit key) over its
// content and the previous entry's hash; the head (count and last hash) is kept sealed in the
// settings and rewritten in the transaction of every append. The rules and the verification
// are in shared/domain/audit.ts. Entries asked for while the vault is locked (a wrong
// passphrase or recovery key) wait in `auditPending` and enter the chain at the next unlock.
import {
  GENESIS_HASH,
  auditEntryHash,
  sealAuditHead,
  verifyAuditLog,
  type AuditMac,
  type AuditVerdict,
  type SealedAuditHead,
} from '@shared/domain/audit'
import { canonicalJson, sha256Hex } from '@shared/util/hash'
import { auditMac } from '@shared/security'
import type { AuditEntry } from '@shared/domain/types'
import type { WorkbenchDb } from './database'

export type AuditDraft = Pick<AuditEntry, 'action' | 'table' | 'recordId'> & Partial<Pick<AuditEntry, 'fields' | 'detail'>>
export { GENESIS_HASH }

export const AUDIT_HEAD_SETTING = 'auditHead'
export const AUDIT_PENDING_SETTING = 'auditPending'

/** An entry asked for while locked: its time and author are kept as they were. */
export interface PendingAudit extends AuditDraft {
  at: string
  actor: string
  deviceId: string
}

/** What a transaction writes besides the records: the entries and the new sealed head. */
export interface PreparedAudit {
  entries: AuditEntry[]
  head: SealedAuditHead
  clearPending: boolean
}

export class AuditChain {
  private tip: { seq: number; hash: string } | undefined
  private keyProvider: (() => Promise<CryptoKey>) | undefined

  constructor(private readonly db: WorkbenchDb) {}

  /** Where the audit key comes from (the keyring: it needs the vault unlocked). */
  useKey(provider: () => Promise<CryptoKey>): void {
    this.keyProvider = provider
    this.tip = undefined
  }

  private async mac(): Promise<AuditMac> {
    if (!this.keyProvider) throw new Error('审计密钥不可用：请先解锁')
    const key = await this.keyProvider()
    return (text) => auditMac(key, text)
  }

  private async sealedHead(): Promise<SealedAuditHead | undefined> {
    return (await this.db.settings.get(AUDIT_HEAD_SETTING))?.value as SealedAuditHead | undefined
  }

  /**
   * Where the next entry chains from. With a sealed head, from the head, even when the stored
   * entries end earlier: a deleted tail then stays visible as a gap instead of being sealed over.
   */
  private async loadTip(mac: AuditMac): Promise<{ seq: number; hash: string; legacy?: AuditDraft }> {
    const last = await this.db.auditLog.orderBy('seq').last()
    const sealed = await this.sealedHead()
    if (sealed && (!last || sealed.count >= last.seq)) return { seq: sealed.count, hash: sealed.head }
    if (!last) return { seq: 0, hash: GENESIS_HASH }
    // Entries without a sealed head: a log from before the audit key (or a head deleted). The
    // first keyed entry says what the old part verified as.
    const old = await verifyAuditLog(await this.db.auditLog.orderBy('seq').toArray(), undefined, mac)
    const detail = old.ok
      ? `启用审计密钥：此前 ${old.count} 条旧格式条目按 SHA-256 校验通过，自本条起用密钥保护并封存条数`
      : `启用审计密钥：此前的旧格式条目校验未通过（${old.message}）`
    return { seq: last.seq, hash: last.hash, legacy: { action: 'audit-upgrade', table: 'settings', recordId: 'auditLog', detail } }
  }

  /** Builds the next entries of the chain and the head to seal. Callers must serialise prepare+write. */
  async prepare(drafts: AuditDraft[], who: { actor: string; deviceId: string }, at: string): Promise<PreparedAudit> {
    const mac = await this.mac()
    let upgrade: AuditDraft | undefined
    if (!this.tip) {
      const t = await this.loadTip(mac)
      this.tip = { seq: t.seq, hash: t.hash }
      upgrade = t.legacy
    }
    const pending = ((await this.db.settings.get(AUDIT_PENDING_SETTING))?.value as PendingAudit[] | undefined) ?? []
    const all: PendingAudit[] = [
      ...(upgrade ? [{ ...upgrade, at, actor: who.actor, deviceId: who.deviceId }] : []),
      ...pending,
      ...drafts.map((d) => ({ ...d, at, actor: who.actor, deviceId: who.deviceId })),
    ]
    let { seq, hash } = this.tip
    const entries: AuditEntry[] = []
    for (const d of all) {
      // Who acted is kept as the member id; names are resolved by the view after unlock.
      const base = {
        v: 2 as const,
        seq: seq + 1,
        at: d.at,
        actor: d.actor,
        actorId: d.actor,
        deviceId: d.deviceId,
        action: d.action,
        table: d.table,
        recordId: d.recordId,
        fields: d.fields ?? [],
        detail: d.detail ?? '',
        prevHash: hash,
      }
      const entry = { ...base, hash: await auditEntryHash(base, mac) }
      entries.push(entry)
      ;({ seq, hash } = entry)
    }
    return { entries, head: await sealAuditHead({ count: seq, head: hash }, mac), clearPending: pending.length > 0 }
  }

  /** Writes the prepared entries and head; call inside the transaction (which includes auditLog and settings). */
  async write(prepared: PreparedAudit, db: WorkbenchDb = this.db): Promise<void> {
    await db.auditLog.bulkAdd(prepared.entries)
    await db.settings.put({ key: AUDIT_HEAD_SETTING, value: prepared.head })
    if (prepared.clearPending) await db.settings.delete(AUDIT_PENDING_SETTING)
  }

  /** Called after the entries were committed. */
  committed(prepared: PreparedAudit): void {
    this.tip = { seq: prepared.head.count, hash: prepared.head.head }
  }

  /** Forget the cached tip (after a failed transaction or an external change). */
  reset(): void {
    this.tip = undefined
  }

  /** Keeps an entry asked for while the vault is locked, for the next unlock to chain. */
  async holdWhileLocked(draft: AuditDraft, who: { actor: string; deviceId: string }, at: string): Promise<void> {
    await this.db.transaction('rw', this.db.settings, async () => {
      const pending = ((await this.db.settings.get(AUDIT_PENDING_SETTING))?.value as PendingAudit[] | undefined) ?? []
      await this.db.settings.put({
        key: AUDIT_PENDING_SETTING,
        value: [...pending, { ...draft, at, actor: who.actor, deviceId: who.deviceId }],
      })
    })
  }

  /** Checks the chain and the sealed head; says what happened when they do not match. */
  async verify(): Promise<AuditVerdict> {
    return verifyAuditLog(await this.db.auditLog.orderBy('seq').toArray(), await this.sealedHead(), await this.mac())
  }

  /** The sealed head as it travels in change and hand-over packages (count and last hash). */
  async head(): Promise<{ count: number; head: string } | undefined> {
    const h = await this.sealedHead()
    return h && { count: h.count, head: h.head }
  }
}

/** The v1 hash (plain SHA-256 over the entry), for tests and old logs. */
export function legacyAuditHash(entry: Omit<AuditEntry, 'hash'>): Promise<string> {
  return sha256Hex(canonicalJson(entry))
}
