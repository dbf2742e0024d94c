// Drafts of what the user is typing and has not saved: a form, a report, a 谈话记录. Sealed with
// the round's key like the records (AES-256-GCM, the draft's key as associated data), so a lost
// laptop shows no draft text. Kept per round, form, record and user; never in an archive or a
// change package (those read the record tables only); deleted with the round.
import { openFields, recordAad, sealFields } from '@shared/security'
import type { DraftRow, WorkbenchDb } from './database'

export interface DraftKey {
  roundId: string
  /** Which form or editor, e.g. "paper", "report". */
  form: string
  /** The record being edited; empty for a new one. */
  recordId?: string
  /** Who is typing (roster member id); empty before a user is chosen. */
  user?: string
}

export interface Draft<T> {
  value: T
  /** ISO time of the last write. */
  savedAt: string
}

export function draftKey(k: DraftKey): string {
  return [k.roundId, k.form, k.recordId || 'new', k.user || '-'].join('|')
}

export class DraftStore {
  constructor(
    private readonly db: WorkbenchDb,
    private readonly roundKey: (roundId: string) => Promise<CryptoKey>,
    private readonly now: () => string = () => new Date().toISOString(),
  ) {}

  async save<T>(k: DraftKey, value: T): Promise<void> {
    const key = draftKey(k)
    const body = await sealFields(await this.roundKey(k.roundId), recordAad('drafts', key), { value, savedAt: this.now() })
    const row: DraftRow = { key, roundId: k.roundId, body }
    await this.db.drafts.put(row)
  }

  /** The draft, or undefined; one that cannot be opened (key gone, damaged) is deleted. */
  async load<T>(k: DraftKey): Promise<Draft<T> | undefined> {
    const key = draftKey(k)
    const row = await this.db.drafts.get(key)
    if (!row) return undefined
    try {
      return (await openFields(await this.roundKey(k.roundId), recordAad('drafts', key), row.body)) as unknown as Draft<T>
    } catch {
      await this.db.drafts.delete(key)
      return undefined
    }
  }

  async remove(k: DraftKey): Promise<void> {
    await this.db.drafts.delete(draftKey(k))
  }

  /** Every draft of a round (the round is wiped or replaced). */
  async removeRound(roundId: string): Promise<void> {
    await this.db.drafts.where('roundId').equals(roundId).delete()
  }
}
