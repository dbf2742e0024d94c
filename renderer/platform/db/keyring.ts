// The unlocked keys, in memory only: the master key and the round keys opened from it.
// Locking drops every reference (and the app reloads, so decrypted records go too).
import {
  createAuditKey,
  createRoundKey,
  isEncryptedBody,
  openAuditKey,
  openFields,
  openRoundKey,
  recordAad,
  sealFields,
  VaultError,
  type WrappedAuditKey,
} from '@shared/security'
import type { AnyTableName } from '@shared/domain/tables'
import type { FieldCodec, RecordRef } from './codec'
import type { WorkbenchDb } from './database'

export class Keyring {
  private master: CryptoKey | undefined
  private rounds = new Map<string, Promise<CryptoKey>>()
  private audit: Promise<CryptoKey> | undefined

  /** `strictDb`: the same database with strict durability, for the key's destruction (see Repository). */
  constructor(
    private readonly db: WorkbenchDb,
    private readonly strictDb: WorkbenchDb = db,
  ) {}

  get unlocked(): boolean {
    return this.master !== undefined
  }

  unlock(master: CryptoKey): void {
    this.master = master
    this.rounds.clear()
    this.audit = undefined
  }

  forget(): void {
    this.master = undefined
    this.rounds.clear()
    this.audit = undefined
  }

  /** The audit log's HMAC key, wrapped by the master key in the settings; made on first use. */
  auditKey(): Promise<CryptoKey> {
    const master = this.master
    if (!master) return Promise.reject(new VaultError('tampered', '数据已锁定，请先解锁'))
    if (!this.audit) {
      this.audit = (async () => {
        const stored = (await this.db.settings.get('auditKey'))?.value as WrappedAuditKey | undefined
        if (stored) return openAuditKey(master, stored)
        const created = await createAuditKey(master)
        await this.db.settings.put({ key: 'auditKey', value: created.wrapped })
        return created.key
      })()
      this.audit.catch(() => (this.audit = undefined))
    }
    return this.audit
  }

  /** The round's data key; created (and its wrapped form stored) on the round's first write. */
  roundKey(roundId: string): Promise<CryptoKey> {
    const master = this.master
    if (!master) return Promise.reject(new VaultError('tampered', '数据已锁定，请先解锁'))
    let key = this.rounds.get(roundId)
    if (!key) {
      key = this.loadOrCreate(master, roundId)
      this.rounds.set(roundId, key)
      key.catch(() => this.rounds.delete(roundId))
    }
    return key
  }

  private async loadOrCreate(master: CryptoKey, roundId: string): Promise<CryptoKey> {
    const wrapped = await this.db.roundKeys.get(roundId)
    if (wrapped) return openRoundKey(master, wrapped)
    const created = await createRoundKey(master, roundId)
    await this.db.roundKeys.add(created.wrapped)
    return created.key
  }

  /** Destroys a round's key first, so whatever of the round remains on disk is unreadable. */
  async destroyRoundKey(roundId: string): Promise<void> {
    // Strict durability: the certificate says the data is unreadable only once the deletion is on disk.
    await this.strictDb.transaction('rw', this.strictDb.roundKeys, () => this.strictDb.roundKeys.delete(roundId))
    this.rounds.delete(roundId)
  }

  /** AES-256-GCM per record, the record's table and id bound as associated data. */
  codec(): FieldCodec {
    return {
      seal: async (table, ref, fields) => sealFields(await this.roundKey(ref.roundId), recordAad(table, ref.id), fields),
      open: async (table, ref, body) => openRecordBody(await this.roundKey(ref.roundId), table, ref, body),
    }
  }
}

/** Opens one record's sealed body with its round key: AES-256-GCM, table and id as associated data. */
export function openRecordBody(key: CryptoKey, table: AnyTableName, ref: RecordRef, body: unknown): Promise<Record<string, unknown>> {
  // A body that is not ciphertext was put there by someone else: refuse it like tampering.
  if (!isEncryptedBody(body)) return Promise.reject(new VaultError('tampered', '数据校验失败：记录可能被篡改或损坏'))
  return openFields(key, recordAad(table, ref.id), body)
}

/** A read-only codec for one round key, for the workers that read a round (search, exports). */
export function readOnlyCodec(key: CryptoKey): FieldCodec {
  return {
    seal: () => Promise.reject(new Error('只读进程不写入数据')),
    open: (table, ref, body) => openRecordBody(key, table, ref, body),
  }
}
