// The one way a round's stored rows are read and opened, used by the repository on the page and
// by the export and search workers: tombstones are skipped unopened (`deleted` is a clear field),
// rows are opened a slice at a time with a turn for the caller between slices, and an optional
// cache keyed on the body's identity lets a rebuild open only what changed since the last one.
import type { AnyTableName, RecordOf, RoundTableName } from '@shared/domain/tables'
import { isEncryptedBody } from '@shared/security'
import type { FieldCodec, RecordRef } from './db/codec'
import type { StoredRow, WorkbenchDb } from './db/database'

/** Rows opened per slice: small enough that the page (or a worker's messages) get a turn often. */
export const READ_SLICE = 400

function refOf(table: AnyTableName, clear: Record<string, unknown>): RecordRef {
  const id = clear.id as string
  return { id, roundId: table === 'rounds' ? id : (clear.roundId as string) }
}

/** A stored row back into its record: the codec opens `body`, the clear fields go on top. */
export async function decodeRow<T extends AnyTableName>(codec: FieldCodec, table: T, row: StoredRow): Promise<RecordOf<T>> {
  const { body, ...clear } = row
  return { ...(await codec.open(table, refOf(table, clear), body)), ...clear } as unknown as RecordOf<T>
}

/**
 * What identifies a stored body. Every write seals with a fresh IV, so the same IV, length and
 * GCM tag mean the same sealed fields; an unsealed body (the repository's unit tests) is its JSON.
 */
export function bodyIdentity(body: unknown): string {
  return isEncryptedBody(body) ? `${body.iv}:${body.ct.length}:${body.ct.slice(-24)}` : JSON.stringify(body ?? null)
}

/** Records opened earlier, by `table/id`, with the identity of the body they came from. */
export type OpenedCache = Map<string, { body: string; record: unknown }>

/** One table's live rows of a round, and how many tombstones were passed over. */
export async function readLiveRows(
  db: WorkbenchDb,
  table: RoundTableName,
  roundId: string,
): Promise<{ rows: StoredRow[]; tombstones: number }> {
  const stored = await db[table].where('roundId').equals(roundId).toArray()
  const rows = stored.filter((r) => !r.deleted)
  return { rows, tombstones: stored.length - rows.length }
}

export interface OpenOptions {
  /** Reuse records from here whose body is unchanged; what was opened goes into `next`. */
  cache?: OpenedCache
  next?: OpenedCache
  /** Runs before every slice but the first (the page yields to input and painting here). */
  between?: () => Promise<void>
  /** After each slice: how many rows it held. */
  onSlice?: (rows: number) => void
  /** Rows per slice; READ_SLICE unless the caller must leave the browser's crypto threads more room. */
  slice?: number
}

/**
 * Opens `rows` a slice at a time, in stored order. Each slice is let go from `rows` as it is
 * opened (at ten times a real round the sealed rows are 18 MB), so the caller must not reuse it.
 */
export async function openInSlices<T extends AnyTableName>(
  codec: FieldCodec,
  table: T,
  rows: (StoredRow | undefined)[],
  options: OpenOptions = {},
): Promise<{ records: RecordOf<T>[]; opened: number }> {
  const records: RecordOf<T>[] = []
  const size = options.slice ?? READ_SLICE
  let opened = 0
  for (let i = 0; i < rows.length; i += size) {
    if (i) await options.between?.()
    const slice = rows.slice(i, i + size) as StoredRow[]
    rows.fill(undefined, i, i + size)
    const out = await Promise.all(
      slice.map(async (row) => {
        if (!options.cache && !options.next) return { body: '', record: await decodeRow(codec, table, row) }
        const body = bodyIdentity(row.body)
        const kept = options.cache?.get(`${table}/${row.id}`)
        if (kept && kept.body === body) return kept
        opened++
        return { body, record: await decodeRow(codec, table, row) }
      }),
    )
    slice.forEach((row, k) => {
      options.next?.set(`${table}/${row.id}`, out[k]!)
      records.push(out[k]!.record as RecordOf<T>)
    })
    if (!options.cache && !options.next) opened += slice.length
    options.onSlice?.(slice.length)
  }
  return { records, opened }
}

/** Lets input and painting run (scheduler.yield where the engine has it: no 4 ms timer clamp). */
export const yieldToPage = (): Promise<void> => {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler
  return scheduler?.yield ? scheduler.yield() : new Promise((resolve) => setTimeout(resolve))
}
