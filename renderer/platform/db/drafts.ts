// Drafts of what the user is typing and has not saved: a form, a report, a 谈话记录. Sealed with
// the round's key like the records (AES-256-GCM, the draft's key as associated data), so a lost
// laptop shows no draft text. Kept per round, form, record and user; never in an archive or a
// change package (those read the record tables only); deleted with the round.
//
// The last half second before a reload or a close: a draft is sealed as it is typed (`seal`), and
// when the page goes away the sealed rows still unwritten are put in localStorage at once
// (`stash`, synchronous: an IndexedDB write started then would not finish). Only ciphertext goes
// there. The next start moves them into the drafts table before any draft is read.
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

/** The localStorage item holding sealed drafts stashed as the page went away. */
export const DRAFT_STASH = 'xuncha-draft-stash'

type StashStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>

export class DraftStore {
  private adopted: Promise<void> | undefined

  constructor(
    private readonly db: WorkbenchDb,
    private readonly roundKey: (roundId: string) => Promise<CryptoKey>,
    private readonly now: () => string = () => new Date().toISOString(),
    private readonly storage: StashStorage | undefined = globalThis.localStorage,
  ) {}

  /** The draft sealed for its key, ready to be written (`put`) or stashed; nothing is written. */
  async seal<T>(k: DraftKey, value: T): Promise<DraftRow> {
    const key = draftKey(k)
    const body = await sealFields(await this.roundKey(k.roundId), recordAad('drafts', key), { value, savedAt: this.now() })
    return { key, roundId: k.roundId, body }
  }

  async save<T>(k: DraftKey, value: T): Promise<void> {
    const row = await this.seal(k, value)
    await this.adoptStash()
    await this.db.drafts.put(row)
  }

  /**
   * Keeps sealed rows in localStorage now, synchronously: called as the page goes away, when an
   * IndexedDB write would not finish. Newer than anything written before, they win on adoption.
   */
  stash(rows: readonly DraftRow[]): void {
    if (!this.storage || rows.length === 0) return
    const kept = new Map(this.stashed().map((r) => [r.key, r]))
    for (const r of rows) kept.set(r.key, { key: r.key, roundId: r.roundId, body: r.body })
    this.storage.setItem(DRAFT_STASH, JSON.stringify([...kept.values()]))
  }

  private stashed(): DraftRow[] {
    try {
      const rows: unknown = JSON.parse(this.storage?.getItem(DRAFT_STASH) ?? '[]')
      const isRow = (r: Partial<DraftRow> | null): r is DraftRow =>
        typeof r?.key === 'string' && typeof r.roundId === 'string' && r.body !== undefined
      return Array.isArray(rows) ? (rows as (Partial<DraftRow> | null)[]).filter(isRow) : []
    } catch {
      return []
    }
  }

  /** Moves rows stashed by an earlier page into the drafts table (once per page, before any read). */
  adoptStash(): Promise<void> {
    this.adopted ??= (async () => {
      const rows = this.stashed()
      if (rows.length) await this.db.drafts.bulkPut(rows)
      this.storage?.removeItem(DRAFT_STASH)
    })().catch((e: unknown) => console.warn('未能取回上次关闭前的草稿，下次启动时再试', e))
    return this.adopted
  }

  /** The draft, or undefined; one that cannot be opened (key gone, damaged) is deleted. */
  async load<T>(k: DraftKey): Promise<Draft<T> | undefined> {
    await this.adoptStash()
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
    await this.adoptStash()
    await this.db.drafts.delete(draftKey(k))
  }

  /** Every draft of a round (the round is wiped or replaced). */
  async removeRound(roundId: string): Promise<void> {
    await this.adoptStash()
    await this.db.drafts.where('roundId').equals(roundId).delete()
  }
}
