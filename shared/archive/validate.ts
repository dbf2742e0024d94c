// Structural checks on a round snapshot, run on every decode (and before every encode, so
// the app never writes an archive it would refuse): every record against the one record schema
// (schema.ts, also used for change packages), ids unique and in this round. References between
// records are not followed (tombstones may legitimately leave dangling ones).
import { ROUND_TABLES, type RoundTableName } from '../domain/tables'
import { TABLE_LABELS } from '../domain/labels'
import { ArchiveError } from './errors'
import { recordProblem } from './schema'
import { roundSpanProblem } from '../round/validation'

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

const invalid = (detail: string) => new ArchiveError('invalid', `归档内容结构不正确：${detail}`)
const tableName = (t: string) => `数据表“${(TABLE_LABELS as Record<string, string>)[t] ?? t}”（${t}）`

/** Throws ArchiveError('invalid') naming the first problem found; returns per-table counts. */
export function validateContent(content: unknown): { [T in RoundTableName]: number } {
  if (!isPlainObject(content)) throw invalid('缺少归档内容（content）')
  const round = content.round
  if (!isPlainObject(round)) throw invalid('缺少巡察轮次信息（round）')
  if (typeof round.id !== 'string' || round.id === '') throw invalid('巡察轮次缺少有效的 id')
  const roundProblem = recordProblem('rounds', round)
  if (roundProblem) throw invalid(`巡察轮次（id ${round.id}）的${roundProblem}`)
  const span = roundSpanProblem(round as { entryDate: string; exitDate: string })
  if (span) throw invalid(`巡察轮次（id ${round.id}）：${span}`)
  const tables = content.tables
  if (!isPlainObject(tables)) throw invalid('缺少数据表（tables）')
  const unknown = Object.keys(tables).filter((k) => !(ROUND_TABLES as readonly string[]).includes(k))
  if (unknown.length) throw invalid(`含有未知的数据表：${unknown.join('、')}`)
  const counts = {} as { [T in RoundTableName]: number }
  for (const t of ROUND_TABLES) {
    const rows = tables[t]
    if (rows === undefined) throw invalid(`缺少${tableName(t)}`)
    if (!Array.isArray(rows)) throw invalid(`${tableName(t)}不是列表`)
    const seen = new Set<string>()
    for (let i = 0; i < rows.length; i++) {
      const r: unknown = rows[i]
      const at = `${tableName(t)}第 ${i + 1} 条记录`
      if (!isPlainObject(r)) throw invalid(`${at}不是对象`)
      if (typeof r.id !== 'string' || r.id === '') throw invalid(`${at}缺少文本型 id`)
      const rec = `${at}（id ${r.id}）`
      if (r.roundId !== round.id) throw invalid(`${rec}的 roundId 为“${String(r.roundId)}”，与本轮次 id“${round.id}”不一致`)
      if (seen.has(r.id)) throw invalid(`${tableName(t)}中 id“${r.id}”重复出现`)
      seen.add(r.id)
      const problem = recordProblem(t, r)
      if (problem) throw invalid(`${rec}的${problem}`)
    }
    counts[t] = rows.length
  }
  return counts
}
