// The records a merge works with, read through the repository: the whole round (an export's
// stamp), or only the records a package names (an import reads what it touches, not the round).
import { ExchangeError, type ChangeSet, type TableRecord } from '@shared/exchange'
import { ROUND_TABLES, type AnyTableName } from '@shared/domain/tables'
import { TABLE_LABELS } from '@shared/domain/labels'
import type { Repository } from '../../platform/db/repository'

/** Every record of the round, tombstones included, as the merge sees them. */
export async function localRecords(repo: Repository, roundId: string): Promise<TableRecord[]> {
  const snap = await repo.snapshot(roundId)
  const out: TableRecord[] = [{ table: 'rounds', record: snap.round as unknown as Record<string, unknown> }]
  for (const t of ROUND_TABLES) for (const r of snap.tables[t]) out.push({ table: t, record: r as unknown as Record<string, unknown> })
  return out
}

const SLICE = 500

/**
 * This laptop's version of each record a package names (tombstones included; none for a new
 * record): only these take part in a merge. Read per table in slices, with progress.
 */
export async function packageRecords(
  repo: Repository,
  set: ChangeSet,
  onProgress?: (done: number, total: number) => void,
): Promise<TableRecord[]> {
  const ids = new Map<AnyTableName, string[]>()
  for (const { table, record } of set.records) ids.set(table, [...(ids.get(table) ?? []), record.id as string])
  const out: TableRecord[] = []
  let done = 0
  await Promise.all(
    [...ids].map(async ([table, keys]) => {
      for (let i = 0; i < keys.length; i += SLICE) {
        const slice = keys.slice(i, i + SLICE)
        for (const record of await repo.getMany(table, slice)) {
          // Ids never cross rounds: a record id that is another round's here is refused, not merged into it.
          if (table !== 'rounds' && (record as { roundId?: string }).roundId !== set.roundId)
            throw new ExchangeError(
              'wrong-round',
              `文件中的${TABLE_LABELS[table]}记录（id ${record.id}）在本机属于另一巡察轮次，不能合并到本轮次，未做任何更改`,
            )
          out.push({ table, record: record as unknown as Record<string, unknown> })
        }
        onProgress?.((done += slice.length), set.records.length)
      }
    }),
  )
  return out
}
