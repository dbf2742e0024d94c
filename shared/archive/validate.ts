// Structural checks on a round snapshot, run on every decode (and before every encode, so
// the app never writes an archive it would refuse). Cheap by design: one pass over the
// records, a few property reads each; references between records are not followed (tombstones
// may legitimately leave dangling ones).
import { ROUND_TABLES, type RoundTableName } from '../domain/tables'
import { TABLE_LABELS } from '../domain/labels'
import { ArchiveError } from './errors'

type Kind = 'string' | 'number' | 'boolean' | 'array' | 'object' | 'object|null' | 'number|null'

/** Fields checked by type when present (absent fields are left to the importer's defaults). */
const FIELD_TYPES: { [T in RoundTableName]: Record<string, Kind> } = {
  people: { name: 'string', recusals: 'array' },
  interviews: { intervieweeId: 'string', date: 'string', status: 'string', leadId: 'string', recorderId: 'string', history: 'array', record: 'object|null' },
  documents: { title: 'string', borrowedOn: 'string', borrowerId: 'string', returnedOn: 'string' },
  documentNotes: { documentId: 'string', date: 'string' },
  petitions: { receivedOn: 'string', summary: 'string', anonymous: 'boolean' },
  visits: { date: 'string', memberIds: 'array' },
  workingPapers: { number: 'string', date: 'string', personIds: 'array', evidence: 'array', signoffs: 'array', amount: 'number|null' },
  clues: { number: 'string', status: 'string', evidence: 'array', seal: 'object|null' },
  checklist: { nodeId: 'string', order: 'number', paperIds: 'array' },
  reports: { title: 'string', sections: 'array' },
  attachments: { name: 'string', size: 'number', sha256: 'string', data: 'string' },
}

const META_ENTRIES = Object.entries({ createdAt: 'string', updatedAt: 'string', updatedBy: 'string', deviceId: 'string', deleted: 'boolean' } as Record<string, Kind>)

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

function hasKind(v: unknown, kind: Kind): boolean {
  switch (kind) {
    case 'array': return Array.isArray(v)
    case 'object': return isPlainObject(v)
    case 'object|null': return v === null || isPlainObject(v)
    case 'number': return typeof v === 'number'
    case 'number|null': return v === null || typeof v === 'number'
    default: return typeof v === kind
  }
}

const KIND_CN: Record<Kind, string> = {
  string: '文本', number: '数字', boolean: '是/否', array: '列表', object: '对象', 'object|null': '对象或空值', 'number|null': '数字或空值',
}

const invalid = (detail: string) => new ArchiveError('invalid', `归档内容结构不正确：${detail}`)
const tableName = (t: string) => `数据表“${(TABLE_LABELS as Record<string, string>)[t] ?? t}”（${t}）`

/** Throws ArchiveError('invalid') naming the first problem found; returns per-table counts. */
export function validateContent(content: unknown): { [T in RoundTableName]: number } {
  if (!isPlainObject(content)) throw invalid('缺少归档内容（content）')
  const round = content.round
  if (!isPlainObject(round)) throw invalid('缺少巡察轮次信息（round）')
  if (typeof round.id !== 'string' || round.id === '') throw invalid('巡察轮次缺少有效的 id')
  for (const f of ['name', 'entryDate', 'exitDate'] as const) {
    if (typeof round[f] !== 'string') throw invalid(`巡察轮次的字段 ${f} 缺失或不是文本`)
  }
  if (!isPlainObject(round.framework) || !Array.isArray(round.framework.nodes)) throw invalid('巡察轮次的分类框架（framework）缺失或格式不对')
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
    const fields = Object.entries(FIELD_TYPES[t])
    for (let i = 0; i < rows.length; i++) {
      const r: unknown = rows[i]
      const at = `${tableName(t)}第 ${i + 1} 条记录`
      if (!isPlainObject(r)) throw invalid(`${at}不是对象`)
      if (typeof r.id !== 'string' || r.id === '') throw invalid(`${at}缺少文本型 id`)
      const rec = `${at}（id ${r.id}）`
      if (r.roundId !== round.id) throw invalid(`${rec}的 roundId 为“${String(r.roundId)}”，与本轮次 id“${round.id}”不一致`)
      if (seen.has(r.id)) throw invalid(`${tableName(t)}中 id“${r.id}”重复出现`)
      seen.add(r.id)
      for (const [f, kind] of META_ENTRIES) {
        if (r[f] !== undefined && !hasKind(r[f], kind)) throw invalid(`${rec}的字段 ${f} 应为${KIND_CN[kind]}`)
      }
      if (t === 'people' && r.kind !== 'member' && r.kind !== 'cadre') throw invalid(`${rec}的 kind 应为 member 或 cadre`)
      if (r.deleted === true) continue
      for (const [f, kind] of fields) {
        if (r[f] !== undefined && !hasKind(r[f], kind)) throw invalid(`${rec}的字段 ${f} 应为${KIND_CN[kind]}`)
      }
    }
    counts[t] = rows.length
  }
  return counts
}
