// What a roster import would do, row by row, before anything is written: every spreadsheet row
// gets a fate (新增 / 更新 / 无变化 / 跳过 / 疑似非数据行), and rows that could be someone already
// known ask the user (同一人 / 不同人). The UI keeps the ticks and choices; this file decides.
import { CADRE_LABELS } from '../domain/labels'
import type { Cadre, IsoDate, YearMonth } from '../domain/types'
import { formatYearMonthCN } from '../util/dates'
import { cleanName } from './cells'
import type { CadreDraft, RosterParseResult, RosterRow } from './types'

export type RowFate = 'new' | 'update' | 'unchanged' | 'skip' | 'junk' | 'choose'

export const FATE_LABELS: Record<RowFate, string> = {
  new: '新增',
  update: '更新',
  unchanged: '无变化',
  skip: '跳过',
  junk: '疑似非数据行',
  choose: '待选择',
}

/** The youngest and oldest a cadre can plausibly be at the round's date. */
export const MIN_AGE = 18
export const MAX_AGE = 80

export interface PlanOption {
  /** `row:N` (same person as row N), a cadre id (same person as that cadre), or DIFFERENT. */
  value: string
  label: string
}
export const DIFFERENT = 'different'

export interface PlanRow {
  sourceRow: number
  /** The person the row describes, impossible dates already removed; absent when there is nothing to import. */
  person?: RosterRow
  /** Why a row without a person is left out, or why a person row looks like junk. */
  reason?: string
  /** A row that is probably not data (repeated header, one character, footnote, blank). */
  suspect: boolean
  /** Messages about single cells, each “第N行：…”. */
  problems: string[]
  /** The live cadre this row is, without asking (same name and same 出生年月). */
  match?: Cadre
  /** Same name in the file or in the registry: the user picks one of these. */
  options?: PlanOption[]
  /** Shown with the row: other rows of the same name, a deleted cadre of the same name. */
  notes: string[]
  /** Ticked when the preview opens. */
  ticked: boolean
}

export interface RosterPlan {
  rows: PlanRow[]
  /** Whether the file had a 对象类别 column (category and flags are then compared even without a post). */
  hasCategoryColumn: boolean
}

export interface RowDecision {
  ticked: boolean
  choice?: string
}

export interface ResolvedRow {
  sourceRow: number
  fate: RowFate
  /** Labels of the fields an update changes. */
  changes: string[]
  /** For skip / junk / choose: why. */
  reason?: string
  /** For new and update: the record to save (an update carries the existing id). */
  write?: CadreDraft & { id?: string }
}

export interface ResolvedPlan {
  rows: ResolvedRow[]
  counts: Record<RowFate, number>
  /** What confirm saves, in row order (新增 and 更新 only). */
  writes: (CadreDraft & { id?: string })[]
}

export interface PlanContext {
  /** Today, for 任现职时间 in the future. */
  today: IsoDate
  /** The round's date (进驻), for the age check on 出生年月. */
  roundDate: IsoDate
}

const HAN_OR_LETTER = /[\p{Script=Han}\p{L}]/u

/** A person row that is probably junk: “x”, “-”, “123”. */
function junkName(name: string): string | null {
  if ([...name].length < 2) return `${CADRE_LABELS.name}只有一个字符“${name}”`
  if (!HAN_OR_LETTER.test(name)) return `${CADRE_LABELS.name}“${name}”不像人名`
  return null
}

function monthsBetween(from: YearMonth, to: YearMonth): number {
  const [fy, fm] = from.split('-').map(Number) as [number, number]
  const [ty, tm] = to.split('-').map(Number) as [number, number]
  return (ty - fy) * 12 + (tm - fm)
}

/** Refuse impossible dates cell by cell: the cell is left empty, the row still imports. */
function checkDates(person: RosterRow, context: PlanContext): { person: RosterRow; problems: string[] } {
  const problems: string[] = []
  const r = person.sourceRow
  const today = context.today.slice(0, 7)
  const roundMonth = context.roundDate.slice(0, 7)
  let { birth, inPostSince } = person
  if (birth) {
    const age = Math.floor(monthsBetween(birth, roundMonth) / 12)
    if (age < MIN_AGE || age > MAX_AGE) {
      const why = age < MIN_AGE ? `巡察时未满${MIN_AGE}岁` : `巡察时已超过${MAX_AGE}岁`
      problems.push(`第${r}行：${CADRE_LABELS.birth}“${formatYearMonthCN(birth)}”表示${why}，不可能，该项未导入`)
      birth = ''
    }
  }
  if (inPostSince && inPostSince > today) {
    problems.push(`第${r}行：${CADRE_LABELS.inPostSince}“${formatYearMonthCN(inPostSince)}”晚于今天，不可能，该项未导入`)
    inPostSince = ''
  } else if (inPostSince && birth && inPostSince <= birth) {
    problems.push(`第${r}行：${CADRE_LABELS.inPostSince}“${formatYearMonthCN(inPostSince)}”不晚于${CADRE_LABELS.birth}，不可能，该项未导入`)
    inPostSince = ''
  }
  return { person: { ...person, birth, inPostSince }, problems }
}

const describeCadre = (c: Cadre) =>
  [c.name, c.birth ? formatYearMonthCN(c.birth) : `无${CADRE_LABELS.birth}`, c.post].filter(Boolean).join('，')

/**
 * Lay out every row of the sheet with what it would do. `registry` includes deleted cadres, so a
 * re-import can say that a row was deleted before instead of silently bringing it back.
 */
export function planRosterImport(parsed: RosterParseResult, registry: readonly Cadre[], context: PlanContext): RosterPlan {
  const live = registry.filter((c) => c.kind === 'cadre' && !c.deleted)
  const deleted = registry.filter((c) => c.kind === 'cadre' && c.deleted)
  const byName = (list: readonly Cadre[], name: string) => list.filter((c) => cleanName(c.name) === name)
  const rowProblems = new Map<number, string[]>()
  const rows: PlanRow[] = []

  for (const p of parsed.problems) {
    if (p.rowImported) rowProblems.set(p.row, [...(rowProblems.get(p.row) ?? []), p.message])
    else
      rows.push({ sourceRow: p.row, reason: p.message.replace(/^第\d+行：/, ''), suspect: false, problems: [], notes: [], ticked: false })
  }
  for (const s of parsed.skipped) {
    rows.push({ sourceRow: s.row, reason: s.reason, suspect: Boolean(s.suspect), problems: [], notes: [], ticked: false })
  }

  const claimed = new Set<string>()
  const firstOfName = new Map<string, number>()
  for (const parsedPerson of parsed.rows) {
    const { person, problems } = checkDates(parsedPerson, context)
    const r = person.sourceRow
    const name = cleanName(person.name)
    const junk = junkName(name)
    const row: PlanRow = {
      sourceRow: r,
      person,
      suspect: junk !== null,
      problems: [...(rowProblems.get(r) ?? []), ...problems],
      notes: [],
      ticked: junk === null,
    }
    if (junk) row.reason = junk
    rows.push(row)

    const options: PlanOption[] = []
    const earlier = firstOfName.get(name)
    if (earlier === undefined) firstOfName.set(name, r)
    else {
      options.push({ value: `row:${earlier}`, label: `与第${earlier}行同一人（本行不导入）` })
      const first = rows.find((x) => x.sourceRow === earlier)!
      first.notes.push(`文件中第${r}行同名`)
      row.notes.push(`文件中第${earlier}行同名`)
    }
    const sameName = byName(live, name).filter((c) => !claimed.has(c.id))
    const exact = sameName.filter((c) => (c.birth ?? '') === person.birth)
    if (earlier === undefined && exact.length === 1) {
      row.match = exact[0]!
      claimed.add(exact[0]!.id)
      continue
    }
    for (const c of sameName) options.push({ value: c.id, label: `同一人：名册中的${describeCadre(c)}（更新）` })
    if (options.length > 0) {
      options.push({ value: DIFFERENT, label: '不同人（新增）' })
      row.options = options
      if (sameName.length > 0) row.notes.push(`名册中已有同名干部${sameName.length}人`)
      continue
    }
    const gone = byName(deleted, name).filter((c) => !c.birth || !person.birth || c.birth === person.birth)
    if (gone.length > 0) {
      row.notes.push(`名册中曾删除同名干部（${describeCadre(gone[0]!)}），默认不导入；勾选则重新登记`)
      row.ticked = false
    }
  }
  rows.sort((a, b) => a.sourceRow - b.sourceRow)
  return { rows, hasCategoryColumn: parsed.columns.some((c) => c.field === 'category') }
}

const COMPARED = [
  'gender',
  'birth',
  'post',
  'duties',
  'inPostSince',
  'department',
  'politicalStatus',
  'ethnicity',
  'education',
  'nativePlace',
  'notes',
] as const
const ROLE_FIELDS = ['category', 'isTopLeader', 'isDisciplineChief', 'isLeadershipMember', 'isMidLevelHead'] as const

/**
 * The existing cadre with the row's values. An empty cell never clears a value already registered
 * (a column the file lacks, or a date refused above); category and flags follow the row only when
 * it says something about them (a post, or a 对象类别 column).
 */
function merged(existing: Cadre, person: RosterRow, compareRoles: boolean): { write: CadreDraft & { id: string }; changes: string[] } {
  const { sourceRow: _row, ...fields } = person
  const write: Cadre = { ...existing }
  const changes: string[] = []
  for (const f of COMPARED) {
    const value = fields[f]
    if (value === undefined || value === '' || value === (existing[f] ?? '')) continue
    Object.assign(write, { [f]: value })
    changes.push(CADRE_LABELS[f])
  }
  if (compareRoles) {
    for (const f of ROLE_FIELDS) {
      if (fields[f] === existing[f]) continue
      Object.assign(write, { [f]: fields[f] })
      changes.push(CADRE_LABELS[f])
    }
  }
  return { write, changes }
}

function draftOf(person: RosterRow): CadreDraft {
  const { sourceRow: _row, ...fields } = person
  return fields
}

/** Apply the user's ticks and choices: each row's fate, the fields an update changes, what to save. */
export function resolveRosterPlan(plan: RosterPlan, decisions: ReadonlyMap<number, RowDecision>, registry: readonly Cadre[]): ResolvedPlan {
  const byId = new Map(registry.map((c) => [c.id, c]))
  const taken = new Map<string, number>()
  const rows: ResolvedRow[] = plan.rows.map((row) => {
    const base = { sourceRow: row.sourceRow, changes: [] as string[] }
    const decision = decisions.get(row.sourceRow) ?? { ticked: row.ticked }
    if (!row.person) return { ...base, fate: row.suspect ? 'junk' : 'skip', reason: row.reason }
    if (!decision.ticked) return { ...base, fate: row.suspect ? 'junk' : 'skip', reason: row.reason ?? '未勾选' }
    const person = row.person
    const compareRoles = person.post !== '' || plan.hasCategoryColumn
    let target = row.match
    if (row.options) {
      const choice = decision.choice
      if (!choice || !row.options.some((o) => o.value === choice))
        return { ...base, fate: 'choose', reason: `名册或文件中有同名的“${person.name}”，请选择是否同一人` }
      if (choice.startsWith('row:')) return { ...base, fate: 'skip', reason: `与第${choice.slice(4)}行为同一人` }
      if (choice !== DIFFERENT) target = byId.get(choice)
    }
    if (!target) return { ...base, fate: 'new', write: draftOf(person) }
    const other = taken.get(target.id)
    if (other !== undefined)
      return { ...base, fate: 'choose', reason: `第${other}行已选为“${describeCadre(target)}”，同一干部只能由一行更新` }
    taken.set(target.id, row.sourceRow)
    const { write, changes } = merged(target, person, compareRoles)
    return changes.length === 0 ? { ...base, fate: 'unchanged' } : { ...base, fate: 'update', changes, write }
  })
  const counts = Object.fromEntries(Object.keys(FATE_LABELS).map((f) => [f, rows.filter((r) => r.fate === f).length])) as Record<
    RowFate,
    number
  >
  return { rows, counts, writes: rows.flatMap((r) => (r.write ? [r.write] : [])) }
}
