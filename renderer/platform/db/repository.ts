// Every read and write of domain records goes through here: it stamps RecordMeta, splits
// clear index fields from sensitive ones (sealed by the codec outside the transaction),
// and commits each change together with its audit entries in one transaction.
import { CLEAR_FIELDS, ROUND_TABLES, type AnyTableName, type IndexRowOf, type RecordOf, type RoundTableName } from '@shared/domain/tables'
import { emptyTables, type RoundSnapshot } from '@shared/domain/snapshot'
import type { AuditEntry, RecordMeta } from '@shared/domain/types'
import { TABLE_LABELS } from '@shared/domain/labels'
import { AuditChain, type AuditDraft, type PreparedAudit } from './audit'
import type { FieldCodec, RecordRef } from './codec'
import { decodeRow, openInSlices, readLiveRows, yieldToPage } from '../roundReader'
import type { ExchangeRow, StoredRow, WorkbenchDb } from './database'
import { ChangeFeed } from '../events'

export interface WriteContext {
  /** Roster member id (recorded as updatedBy, and as the actor in the audit log). */
  actor: string
  /** How the app names them: 刘洋（组长）. Not written to the audit log (names stay out of clear). */
  actorName?: string
  deviceId: string
}

/** What a caller writes: the record without its metadata (an id keeps an existing record). */
export type Draft<T> = Omit<T, keyof RecordMeta> & { id?: string }

const META_KEYS: readonly string[] = ['id', 'createdAt', 'updatedAt', 'updatedBy', 'deviceId', 'deleted']

/** Names of the fields whose value differs, ignoring metadata. */
export function changedFields(before: object | undefined, after: object): string[] {
  const a = (before ?? {}) as Record<string, unknown>
  const b = after as Record<string, unknown>
  const keys = new Set([...Object.keys(a), ...Object.keys(b)])
  return [...keys].filter((k) => !META_KEYS.includes(k) && JSON.stringify(a[k]) !== JSON.stringify(b[k])).sort()
}

/** What a commit changed, for the `changed` event. */
interface Change {
  roundId: string
  tables: AnyTableName[]
  ids?: string[]
}

const roundIdOf = (table: AnyTableName, record: object): string =>
  table === 'rounds' ? (record as { id: string }).id : ((record as { roundId?: string }).roundId ?? '')

function refOf(table: AnyTableName, clear: Record<string, unknown>): RecordRef {
  const id = clear.id as string
  return { id, roundId: table === 'rounds' ? id : (clear.roundId as string) }
}

/** Kept here for the exchange code that imports it from the repository; it lives in platform/roundReader.ts. */
export { decodeRow }

/**
 * A record id of the incoming data already belongs to another round here: writing it would
 * move that round's record into this one. Nothing is written.
 */
export class RoundCollisionError extends Error {
  override readonly name = 'RoundCollisionError'
  constructor(
    readonly table: AnyTableName,
    readonly recordId: string,
    readonly otherRoundId: string,
    message: string,
  ) {
    super(message)
  }
}

const collisionMessage = (table: AnyTableName, id: string, otherRound: string) =>
  `${TABLE_LABELS[table]}记录（id ${id}）已属于本机的另一巡察轮次“${otherRound}”：导入会把它移出那一轮次，已拒绝，本机数据未改变。请让对方用本机导出的轮次归档或重新建立轮次后再导出`

/** Seal and sign-off changes are committed with strict durability, like imports (see `commit`). */
function isDurableChange(table: AnyTableName, before: object | undefined, after: object): boolean {
  const a = (before ?? {}) as Record<string, unknown>
  const b = after as Record<string, unknown>
  if (table === 'clues') return JSON.stringify(a.seal ?? null) !== JSON.stringify(b.seal ?? null) || a.status !== b.status
  if (table === 'workingPapers') return JSON.stringify(a.signoffs ?? []) !== JSON.stringify(b.signoffs ?? [])
  return false
}

/** Ids never cross rounds: refuses rows whose id is held by another round's record. */
async function refuseForeignIds(db: WorkbenchDb, table: AnyTableName, rows: StoredRow[]): Promise<void> {
  if (table === 'rounds' || !rows.length) return
  const existing = await db[table].bulkGet(rows.map((r) => r.id))
  const i = existing.findIndex((r, j) => r && r.roundId !== rows[j]!.roundId)
  if (i >= 0) throw new RoundCollisionError(table, existing[i]!.id, existing[i]!.roundId as string, '')
}

export class Repository {
  readonly audit: AuditChain
  /** Counts committed writes, so derived data (the search index) knows when it is stale. */
  revision = 0
  /** `changed {roundId, tables}` after every commit that wrote records (platform/events.ts). */
  readonly changes = new ChangeFeed()
  private queue: Promise<unknown> = Promise.resolve()

  constructor(
    readonly db: WorkbenchDb,
    private codec: FieldCodec,
    private context: () => WriteContext,
    private now: () => string = () => new Date().toISOString(),
    /**
     * The same database opened with strict durability (Chromium commits relaxed by default:
     * a power cut right after "done" can lose it). Sign-offs, seals, imports, merges, restores
     * and purges commit through it; autosave and ordinary edits stay relaxed, for speed.
     */
    readonly strictDb: WorkbenchDb = db,
  ) {
    this.audit = new AuditChain(db)
  }

  setCodec(codec: FieldCodec): void {
    this.codec = codec
  }

  /** Writes run one at a time so the audit chain has a single tip. */
  private serial<T>(work: () => Promise<T>): Promise<T> {
    const run = this.queue.then(work, work)
    this.queue = run.catch(() => undefined)
    return run
  }

  private async toRow(table: AnyTableName, record: object): Promise<StoredRow> {
    const clear: Record<string, unknown> = {}
    const sensitive: Record<string, unknown> = {}
    const keep: readonly string[] = CLEAR_FIELDS[table]
    for (const [k, v] of Object.entries(record)) (keep.includes(k) ? clear : sensitive)[k] = v
    const id = clear.id as string
    return { ...clear, id, body: await this.codec.seal(table, refOf(table, clear), sensitive) }
  }

  private fromRow<T extends AnyTableName>(table: T, row: StoredRow): Promise<RecordOf<T>> {
    return decodeRow(this.codec, table, row)
  }

  /**
   * Opens rows a slice at a time, giving the page its turn between slices: opening 20,000
   * review notes at once was one 0.6 s task during which the window did not respond.
   */
  private async decodeAll<T extends AnyTableName>(table: T, rows: StoredRow[]): Promise<RecordOf<T>[]> {
    return (await openInSlices(this.codec, table, rows, { between: yieldToPage })).records
  }

  async listRounds(): Promise<RecordOf<'rounds'>[]> {
    const rounds = await this.decodeAll('rounds', await this.db.rounds.toArray())
    return rounds.filter((r) => !r.deleted).sort((a, b) => b.entryDate.localeCompare(a.entryDate))
  }

  /** A round's live records; `withDeleted` adds the tombstones (the roster import asks before bringing one back). */
  async list<T extends RoundTableName>(table: T, roundId: string, { withDeleted = false } = {}): Promise<RecordOf<T>[]> {
    // Tombstones are skipped unopened (`deleted` is a clear field), unless asked for.
    const rows = withDeleted
      ? await this.db[table].where('roundId').equals(roundId).toArray()
      : (await readLiveRows(this.db, table, roundId)).rows
    return this.decodeAll(table, rows)
  }

  /**
   * The clear fields of a round's live records, nothing decrypted: enough for counts, dates and
   * statuses (the 工作台), at a fraction of the cost of `list`.
   */
  async listIndex<T extends RoundTableName>(table: T, roundId: string): Promise<IndexRowOf<T>[]> {
    const rows = await this.db[table].where('roundId').equals(roundId).toArray()
    return rows.filter((r) => !r.deleted).map(({ body: _body, ...clear }) => clear as unknown as IndexRowOf<T>)
  }

  /** Some records by id, in the order asked (missing ones left out). */
  async getMany<T extends AnyTableName>(table: T, ids: string[]): Promise<RecordOf<T>[]> {
    const rows = (await this.db[table].bulkGet(ids)).filter((r): r is StoredRow => r !== undefined)
    return this.decodeAll(table, rows)
  }

  async get<T extends AnyTableName>(table: T, id: string): Promise<RecordOf<T> | undefined> {
    const row = await this.db[table].get(id)
    return row ? this.fromRow(table, row) : undefined
  }

  /** Creates or updates one record; audits the fields that changed. */
  save<T extends AnyTableName>(table: T, draft: Draft<RecordOf<T>>): Promise<RecordOf<T>> {
    return this.serial(async () => {
      const who = this.context()
      const at = this.now()
      const before = draft.id ? await this.get(table, draft.id) : undefined
      // A JSON copy: records must be plain data (archives are JSON), and UI proxies cannot be stored.
      const record = JSON.parse(
        JSON.stringify({
          ...draft,
          id: draft.id ?? crypto.randomUUID(),
          createdAt: before?.createdAt ?? at,
          updatedAt: at,
          updatedBy: who.actor,
          deviceId: who.deviceId,
        }),
      ) as RecordOf<T>
      const fields = changedFields(before, record)
      if (before && fields.length === 0) return before
      const row = await this.toRow(table, record)
      const entries = await this.audit.prepare([{ action: before ? 'update' : 'create', table, recordId: record.id, fields }], who, at)
      await this.commit({ roundId: roundIdOf(table, record), tables: [table], ids: [record.id] }, entries, (db) => db[table].put(row), {
        durable: isDurableChange(table, before, record),
      })
      return record
    })
  }

  /** Deletion leaves a tombstone, so it can travel to other laptops and be audited. */
  remove(table: AnyTableName, id: string): Promise<void> {
    return this.serial(async () => {
      const before = await this.get(table, id)
      if (!before || before.deleted) return
      const who = this.context()
      const at = this.now()
      const row = await this.toRow(table, { ...before, deleted: true, updatedAt: at, updatedBy: who.actor, deviceId: who.deviceId })
      const entries = await this.audit.prepare([{ action: 'delete', table, recordId: id }], who, at)
      await this.commit({ roundId: roundIdOf(table, before), tables: [table], ids: [id] }, entries, (db) => db[table].put(row))
    })
  }

  /** Appends an audit entry that records no data change (a view, an export). */
  record(draft: AuditDraft): Promise<void> {
    return this.serial(async () => {
      const entries = await this.audit.prepare([draft], this.context(), this.now())
      await this.commit({ roundId: '', tables: [] }, entries, async () => undefined)
    })
  }

  /** The audit log in the order written; with `action`, only its entries (e.g. the certificates of past wipes). */
  auditEntries(action?: AuditEntry['action']): Promise<AuditEntry[]> {
    return action ? this.db.auditLog.where('action').equals(action).sortBy('seq') : this.db.auditLog.orderBy('seq').toArray()
  }

  /** Chains the entries held while locked (right after an unlock). */
  flushHeldAudit(): Promise<void> {
    return this.serial(async () => {
      const prepared = await this.audit.prepare([], this.context(), this.now())
      if (prepared.entries.length) await this.commit({ roundId: '', tables: [] }, prepared, async () => undefined)
    })
  }

  /** An audit entry asked for while the vault is locked: held, and chained at the next unlock. */
  recordWhileLocked(draft: AuditDraft): Promise<void> {
    return this.serial(() => this.audit.holdWhileLocked(draft, this.context(), this.now()))
  }

  /** Everything of one round, tombstones included (an archive is lossless). */
  async snapshot(roundId: string): Promise<RoundSnapshot> {
    const round = await this.get('rounds', roundId)
    if (!round) throw new Error('找不到该巡察轮次')
    const tables = emptyTables()
    for (const t of ROUND_TABLES) {
      const rows = await this.db[t].where('roundId').equals(roundId).toArray()
      ;(tables[t] as unknown[]) = await this.decodeAll(t, rows)
    }
    return { round, tables }
  }

  /** Puts a whole round in place of any round with the same id, atomically. */
  replaceRound(snapshot: RoundSnapshot, audit: AuditDraft, onProgress?: (done: number, total: number) => void): Promise<void> {
    return this.serial(async () => {
      const roundRow = await this.toRow('rounds', snapshot.round)
      const rows = new Map<RoundTableName, StoredRow[]>()
      const total = ROUND_TABLES.reduce((n, t) => n + snapshot.tables[t].length, 0)
      let done = 0
      for (const t of ROUND_TABLES) {
        rows.set(t, await Promise.all((snapshot.tables[t] as object[]).map((r) => this.toRow(t, r))))
        onProgress?.((done += snapshot.tables[t].length), total)
      }
      const entries = await this.audit.prepare([audit], this.context(), this.now())
      const roundId = snapshot.round.id
      try {
        await this.commit(
          { roundId, tables: ['rounds', ...ROUND_TABLES] },
          entries,
          async (db) => {
            // Ids never cross rounds: a record id held by another round refuses the whole import.
            for (const t of ROUND_TABLES) await refuseForeignIds(db, t, rows.get(t) ?? [])
            await db.rounds.put(roundRow)
            for (const t of ROUND_TABLES) {
              await db[t].where('roundId').equals(roundId).delete()
              await db[t].bulkPut(rows.get(t) ?? [])
            }
          },
          { durable: true },
        )
      } catch (e) {
        throw await this.described(e)
      }
    })
  }

  /** A collision found inside a transaction, named for the user (the other round's name is read after). */
  private async described(e: unknown): Promise<unknown> {
    if (!(e instanceof RoundCollisionError)) return e
    const other = await this.get('rounds', e.otherRoundId).catch(() => undefined)
    return new RoundCollisionError(
      e.table,
      e.recordId,
      e.otherRoundId,
      collisionMessage(e.table, e.recordId, other?.name ?? e.otherRoundId),
    )
  }

  /**
   * Writes merged records as they are (metadata included: a merge keeps the author's) with
   * their audit entries and the exchange state, in one transaction: all or nothing.
   */
  applyMerge(writes: { table: AnyTableName; record: object }[], audits: AuditDraft[], exchangeRow: ExchangeRow): Promise<void> {
    return this.serial(async () => {
      const rows = await Promise.all(writes.map(async (w) => ({ table: w.table, row: await this.toRow(w.table, w.record) })))
      const entries = await this.audit.prepare(audits, this.context(), this.now())
      const tables = [...new Set(writes.map((w) => w.table))]
      const change = { roundId: exchangeRow.roundId, tables }
      try {
        await this.commit(
          change,
          entries,
          async (db) => {
            for (const t of tables) {
              const mine = rows.filter((r) => r.table === t).map((r) => r.row)
              // Ids never cross rounds: a merged record must not land on another round's record.
              await refuseForeignIds(db, t, mine)
              await db[t].bulkPut(mine)
            }
            await db.exchange.put(exchangeRow)
          },
          { alsoExchange: true, durable: true },
        )
      } catch (e) {
        throw await this.described(e)
      }
    })
  }

  /**
   * Resolves one conflict: the field gets `value(current)` computed from the record as it is
   * now (edits made since the conflict appeared are kept or combined, never overwritten by a
   * stale copy), and the record, the exchange state and the audit entry commit together.
   * `value` returns undefined to keep the record as it is.
   */
  resolveField(
    table: AnyTableName,
    id: string,
    field: string,
    value: (current: unknown, record: Record<string, unknown>) => { set: unknown } | undefined,
    exchangeRow: ExchangeRow,
    audit: AuditDraft,
  ): Promise<void> {
    return this.serial(async () => {
      const before = (await this.get(table, id)) as Record<string, unknown> | undefined
      if (!before) throw new Error('找不到该记录，可能已被删除')
      const who = this.context()
      const at = this.now()
      const chosen = value(before[field], before)
      let row: StoredRow | undefined
      let fields: string[] = []
      if (chosen) {
        const next: Record<string, unknown> = { ...before, updatedAt: at, updatedBy: who.actor, deviceId: who.deviceId }
        if (chosen.set === undefined) delete next[field]
        else next[field] = chosen.set
        fields = changedFields(before, next)
        if (fields.length) row = await this.toRow(table, JSON.parse(JSON.stringify(next)) as object)
      }
      const entries = await this.audit.prepare([{ ...audit, fields }], who, at)
      const change = { roundId: exchangeRow.roundId, tables: [table], ids: [id] }
      await this.commit(
        change,
        entries,
        async (db) => {
          if (row) await db[table].put(row)
          await db.exchange.put(exchangeRow)
        },
        { alsoExchange: true, durable: true },
      )
    })
  }

  /** Hard-deletes every row of a round (the 清理 at the end of a round; the key goes first). */
  purgeRound(roundId: string, audit: AuditDraft): Promise<void> {
    return this.serial(async () => {
      const entries = await this.audit.prepare([audit], this.context(), this.now())
      await this.commit(
        { roundId, tables: ['rounds', ...ROUND_TABLES] },
        entries,
        async (db) => {
          for (const t of ROUND_TABLES) await db[t].where('roundId').equals(roundId).delete()
          await db.rounds.delete(roundId)
        },
        { durable: true },
      )
    })
  }

  /**
   * The one way a write reaches the database: the records and their audit entries in one
   * transaction (all or nothing), then the audit tip moves and `changed` is told. `durable`
   * commits through the strict connection; `alsoExchange` adds the exchange state's table.
   */
  private async commit(
    change: Change,
    entries: PreparedAudit,
    write: (db: WorkbenchDb) => Promise<unknown>,
    { alsoExchange = false, durable = false }: { alsoExchange?: boolean; durable?: boolean } = {},
  ) {
    const db = durable ? this.strictDb : this.db
    try {
      await db.transaction(
        'rw',
        [...change.tables.map((t) => db[t]), ...(alsoExchange ? [db.exchange] : []), db.auditLog, db.settings],
        async () => {
          await write(db)
          await this.audit.write(entries, db)
        },
      )
      this.audit.committed(entries)
    } catch (e) {
      this.audit.reset()
      throw e
    }
    // A merge that wrote only the exchange state still moves the revision (a backup taken before is stale).
    if (change.tables.length || alsoExchange) this.changes.emit({ ...change, revision: ++this.revision })
  }
}
