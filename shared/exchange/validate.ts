// Structure check of a decrypted change set: everything the merge relies on, and every record
// against the archive's record schema (../archive/schema.ts), so a package that decrypts but is
// malformed is refused as a whole before any merge (nothing is applied). Device ids and field
// names such as `constructor` or `__proto__` are plain data here: the merge reads them with
// own-property lookups (merge.ts), never as object members.
import { ROUND_TABLES, type AnyTableName } from '../domain/tables'
import { isPlainObject } from '../security/primitives'
import { TABLE_LABELS } from '../domain/labels'
import { recordProblem } from '../archive/schema'
import type { ChangeSet } from './merge'
import { ExchangeError, type PackageHeader } from './package'

const TABLES: readonly string[] = ['rounds', ...ROUND_TABLES]
const isCount = (n: unknown) => typeof n === 'number' && Number.isInteger(n) && n >= 0
const isVv = (x: unknown) => isPlainObject(x) && Object.values(x).every(isCount)
const isStamp = (x: unknown) => isPlainObject(x) && typeof x.d === 'string' && isCount(x.n) && (x.n as number) > 0

function bad(what: string): never {
  throw new ExchangeError('invalid', `文件内容结构不正确：${what}，未做任何更改`)
}

export function validateChangeSet(x: unknown, header: PackageHeader): ChangeSet {
  if (!isPlainObject(x)) bad('不是对象')
  if (x.packageId !== header.packageId || x.roundId !== header.roundId) bad('与文件头不一致')
  if (!isPlainObject(x.from) || typeof x.from.deviceId !== 'string' || typeof x.from.name !== 'string') bad('来源')
  if (typeof x.createdAt !== 'string' || !isVv(x.known) || !Array.isArray(x.records)) bad('基本字段')
  const seen = new Set<string>()
  x.records.forEach((r: unknown, i: number) => {
    if (!isPlainObject(r) || typeof r.table !== 'string' || !TABLES.includes(r.table)) bad(`第 ${i + 1} 条记录的表`)
    const rec = r.record
    if (!isPlainObject(rec) || typeof rec.id !== 'string' || !rec.id) bad(`第 ${i + 1} 条记录`)
    const roundId = r.table === 'rounds' ? rec.id : rec.roundId
    if (roundId !== header.roundId) bad(`第 ${i + 1} 条记录属于另一轮次`)
    if (rec.deleted !== undefined && typeof rec.deleted !== 'boolean') bad(`第 ${i + 1} 条记录的删除标记`)
    if (!isVv(r.vv) || !isPlainObject(r.stamps) || !Object.values(r.stamps).every(isStamp) || typeof r.owner !== 'string')
      bad(`第 ${i + 1} 条记录的版本信息`)
    // The same schema as the round archive: a record that would make a later backup or
    // export fail is refused here, on arrival, naming the record and the field.
    const problem = recordProblem(r.table as AnyTableName, rec)
    if (problem) bad(`第 ${i + 1} 条记录（${TABLE_LABELS[r.table as AnyTableName] ?? r.table}，id ${rec.id}）的${problem}`)
    const key = `${r.table}/${rec.id}`
    if (seen.has(key)) bad(`记录重复：${key}`)
    seen.add(key)
  })
  return x as unknown as ChangeSet
}

export const isSyncTable = (t: string): t is AnyTableName => TABLES.includes(t)
