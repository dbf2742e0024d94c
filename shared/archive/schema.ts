// The record schema checked at the door: every field the app reads, with its type, down to the
// nested framework nodes, interview record points, evidence links, sign-offs and report
// sections. One schema for everything that enters the database (round archive, backup, change
// package, hand-over) and for every archive the app writes, so a record that passed it can
// always be exported, backed up and shown. Problems come back as Chinese text naming the field.
import type { AnyTableName } from '../domain/tables'
import { isWorkDate, WORK_YEARS } from '../util/dates'

/** What is wrong: where (path segments, filled in on the way back up) and what was expected. */
interface Problem {
  path: string[]
  want: string
}
/** Returns undefined when `v` is right: valid data allocates nothing. */
type Check = (v: unknown) => Problem | undefined

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)
const has = (o: object, k: string) => Object.prototype.hasOwnProperty.call(o, k)
const wrong = (want: string): Problem => ({ path: [], want })
const at = (p: Problem, segment: string): Problem => (p.path.unshift(segment), p)

const str: Check = (v) => (typeof v === 'string' ? undefined : wrong('应为文本'))
const num: Check = (v) => (typeof v === 'number' && Number.isFinite(v) ? undefined : wrong('应为数字'))
/** A calendar date the date functions can take (年-月-日); they throw on anything else. */
const date: Check = (v) =>
  typeof v === 'string' && isWorkDate(v) ? undefined : wrong(`应为 ${WORK_YEARS.min}—${WORK_YEARS.max} 年间的有效日期（如 2026-11-21）`)
const dateOrEmpty: Check = (v) => (v === '' ? undefined : date(v))
const bool: Check = (v) => (typeof v === 'boolean' ? undefined : wrong('应为是/否'))
const anyObject: Check = (v) => (isObject(v) ? undefined : wrong('应为对象'))
const oneOf =
  (...values: string[]): Check =>
  (v) =>
    values.includes(v as string) ? undefined : wrong(`应为 ${values.join(' 或 ')}`)
const nullable =
  (c: Check): Check =>
  (v) =>
    v === null ? undefined : c(v)

function arrayOf(item: Check): Check {
  return (v) => {
    if (!Array.isArray(v)) return wrong('应为列表')
    for (let i = 0; i < v.length; i++) {
      const p = item(v[i])
      if (p) return at(p, `[${i}]`)
    }
    return undefined
  }
}

/** An object whose `required` fields must be there and whose `optional` ones, when present, have their type. */
function obj(required: Record<string, Check>, optional: Record<string, Check> = {}): Check {
  const req = Object.entries(required)
  const opt = Object.entries(optional)
  return (v) => {
    if (!isObject(v)) return wrong('应为对象')
    for (const [k, c] of req) {
      const x = has(v, k) ? v[k] : undefined
      if (x === undefined) return at(wrong('缺失'), `.${k}`)
      const p = c(x)
      if (p) return at(p, `.${k}`)
    }
    for (const [k, c] of opt) {
      const x = has(v, k) ? v[k] : undefined
      if (x === undefined) continue
      const p = c(x)
      if (p) return at(p, `.${k}`)
    }
    return undefined
  }
}

/** An object used as a map: every value has the type. */
const recordOf =
  (c: Check): Check =>
  (v) => {
    if (!isObject(v)) return wrong('应为对象')
    for (const [k, x] of Object.entries(v)) {
      const p = c(x)
      if (p) return at(p, `.${k}`)
    }
    return undefined
  }

const ids = arrayOf(str)
const evidence = obj({ kind: oneOf('interviewPoint', 'documentNote', 'petition', 'visit', 'attachment'), ref: str }, { text: str })
/** A personal signature (shared/signing), and the 组长's statement about a member's key. */
const signature = obj({ keyId: str, sig: str })
const keyStatement = obj({ at: str, by: str, keyId: str, sig: str })
const signoff = obj(
  { step: str, memberId: str, at: str },
  { contentSha256: str, evidence: arrayOf(obj({ kind: str, ref: str, text: str, sha256: str })), signature },
)
const review = obj({ action: str, memberId: str, at: str }, { comment: str, signature })
const marking = obj({ level: str }, { years: num })

const frameworkNode: Check = (v) => node(v)
const node = obj({ id: str, title: str, children: arrayOf(frameworkNode) })

const paragraph = obj({ id: str, text: str }, { paperIds: ids, slot: str, generatedText: str, pendingText: str, basis: str })
const section = obj(
  { id: str, level: num, heading: str, paragraphs: arrayOf(paragraph) },
  {
    key: str,
    guidance: str,
    table: obj({ columns: ids, rows: arrayOf(ids) }),
    comments: arrayOf(obj({ id: str, text: str, by: str, at: str, resolved: bool })),
  },
)
const counts = arrayOf(num)
const surveys = obj(
  {},
  {
    scale: ids,
    ballots: obj({ handedOut: num, returned: num }),
    cadres: arrayOf(obj({ name: str, counts }, { cadreId: str, post: str })),
    questionnaire: obj({}, { handedOut: num, returned: num, questions: arrayOf(obj({ text: str, options: ids, counts })) }),
    updatedAt: str,
  },
)

interface TableSchema {
  required: Record<string, Check>
  optional: Record<string, Check>
}

const META: Record<string, Check> = { createdAt: str, updatedAt: str, updatedBy: str, deviceId: str, deleted: bool }

const SCHEMAS: Record<AnyTableName, TableSchema> = {
  rounds: {
    required: { name: str, entryDate: date, exitDate: date, framework: obj({ nodes: arrayOf(node) }, { key: str, name: str }) },
    optional: {
      batch: str,
      mode: str,
      petitionCutoff: date,
      unitName: str,
      defaultMarking: marking,
      markings: recordOf(marking),
      notes: str,
      phrases: arrayOf(obj({ id: str, text: str }, { category: str, kind: str })),
      interviewChecks: recordOf(bool),
      outlineTemplates: recordOf(str),
      reportTemplates: recordOf(obj({ title: str, sections: arrayOf(obj({ key: str, level: num, heading: str }, { guidance: str })) })),
      surveys,
      copyCounter: num,
    },
  },
  people: {
    required: { kind: oneOf('member', 'cadre'), name: str },
    optional: {
      role: str,
      fromUnit: str,
      phone: str,
      confidentialitySigned: bool,
      recusals: arrayOf(obj({ name: str, relation: str }, { cadreId: str })),
      signingKeys: arrayOf(obj({ keyId: str, publicKey: str, createdAt: str }, { cert: keyStatement, revoked: keyStatement })),
      gender: str,
      birth: str,
      post: str,
      duties: str,
      inPostSince: str,
      department: str,
      category: str,
      isTopLeader: bool,
      isDisciplineChief: bool,
      isLeadershipMember: bool,
      isMidLevelHead: bool,
      notes: str,
    },
  },
  interviews: {
    required: {
      intervieweeId: str,
      date,
      status: str,
      history: arrayOf(obj({}, { date: dateOrEmpty, start: str, end: str, room: str, changedAt: str, reason: str })),
    },
    optional: {
      category: str,
      start: str,
      end: str,
      room: str,
      leadId: str,
      recorderId: str,
      outline: str,
      followUpOf: str,
      notes: str,
      needsFollowUp: bool,
      record: nullable(
        obj(
          { points: arrayOf(obj({ id: str, text: str }, { category: str, involvesClue: bool, needsVerification: bool })) },
          { sessionNo: num, interviewerSigned: bool, recorderSigned: bool, intervieweeConfirmed: bool },
        ),
      ),
    },
  },
  documents: {
    required: { title: str },
    optional: {
      category: str,
      department: str,
      quantity: str,
      docDate: str,
      borrowedOn: dateOrEmpty,
      borrowerId: str,
      dueOn: dateOrEmpty,
      returnedOn: dateOrEmpty,
      receiverId: str,
      receiverName: str,
      notes: str,
    },
  },
  documentNotes: {
    required: { documentId: str },
    optional: { page: str, excerpt: str, doubt: str, reviewerId: str, date: dateOrEmpty, category: str },
  },
  petitions: {
    required: { receivedOn: date, summary: str },
    optional: {
      channel: str,
      anonymous: bool,
      reporterName: str,
      reporterContact: str,
      subjectId: str,
      subjectName: str,
      subjectPost: str,
      discipline: str,
      inScope: bool,
      disposition: str,
    },
  },
  visits: {
    required: { date, memberIds: ids },
    optional: { place: str, kind: str, peopleMet: str, notes: str, category: str },
  },
  workingPapers: {
    required: { number: str, title: str, personIds: ids, evidence: arrayOf(evidence), signoffs: arrayOf(signoff) },
    optional: {
      date: dateOrEmpty,
      category: str,
      responsibleType: str,
      timePlace: str,
      summary: str,
      facts: str,
      learnedBy: str,
      basis: str,
      analysis: str,
      amount: nullable(num),
      keyFocus: bool,
      disposition: str,
      handlerId: str,
      editedAfterSignoff: bool,
      recommendation: str,
      accountability: arrayOf(obj({ personId: str }, { type: str, measure: str })),
      reviewLog: arrayOf(review),
      versions: arrayOf(obj({ at: str, by: str, content: anyObject, signoffs: arrayOf(signoff) })),
      mergedInto: str,
      mergedFrom: ids,
    },
  },
  clues: {
    required: { number: str, status: str, evidence: arrayOf(evidence) },
    optional: {
      registeredOn: dateOrEmpty,
      source: str,
      reporter: str,
      subjectId: str,
      subjectName: str,
      subjectPost: str,
      jurisdiction: str,
      summary: str,
      discipline: str,
      verifiability: str,
      preliminary: str,
      proposal: str,
      receiverUnit: str,
      leaderOpinion: str,
      transferredOn: dateOrEmpty,
      transferNo: str,
      receiver: str,
      feedback: str,
      reviewLog: arrayOf(review),
      withdrawal: obj({ reason: str, at: str, by: str }, { signature }),
      seal: nullable(obj({ sha256: str, at: str, by: str }, { evidence: arrayOf(obj({ kind: str, ref: str, text: str })), signature })),
    },
  },
  checklist: {
    required: { nodeId: str, paperIds: ids },
    optional: { question: str, order: num },
  },
  reports: {
    required: { title: str, sections: arrayOf(section) },
    optional: {
      kind: str,
      status: str,
      generatedAt: str,
      versions: arrayOf(obj({ at: str, sections: arrayOf(section) }, { by: str, note: str, status: str, title: str })),
    },
  },
  attachments: {
    required: { name: str, data: str },
    optional: { mime: str, size: num, sha256: str },
  },
}

/** Field names that would become object members instead of data when a record is copied. */
const MEMBER_NAMES = new Set(['__proto__', 'constructor', 'prototype'])

/**
 * What is wrong with one record of `table` (a Chinese phrase: 字段 … 应为…), or undefined.
 * Tombstones are checked for their metadata only (their content is never shown).
 */
export function recordProblem(table: AnyTableName, r: Record<string, unknown>): string | undefined {
  for (const k of Object.keys(r)) if (MEMBER_NAMES.has(k)) return `含有不允许的字段名 ${k}`
  const say = (p: Problem, field: string) => `字段 ${(field + p.path.join('')).replace(/^\./, '')} ${p.want}`
  for (const [k, c] of Object.entries(META)) {
    if (r[k] !== undefined) {
      const p = c(r[k])
      if (p) return say(p, k)
    }
  }
  const schema = SCHEMAS[table]
  if (table === 'people') {
    const p = schema.required.kind!(r.kind)
    if (p) return say(p, 'kind')
  }
  if (r.deleted === true) return undefined
  const p = (CHECKS[table] ??= obj(schema.required, schema.optional))(r)
  return p ? say(p, '') : undefined
}

const CHECKS: Partial<Record<AnyTableName, Check>> = {}

// The fields the domain types require but the door lets be absent (older files, other tools):
// a record that arrives without them gets their empty value, so every view reads the shape the
// types promise (a text, a list, a flag) instead of undefined. Applied to what was decoded,
// never to what is encoded, and not to tombstones.
const MEMBER_DEFAULTS = { role: '', fromUnit: '', phone: '', recusals: [], confidentialitySigned: false }
const CADRE_DEFAULTS = {
  gender: '',
  birth: '',
  post: '',
  duties: '',
  inPostSince: '',
  department: '',
  category: '',
  isTopLeader: false,
  isDisciplineChief: false,
  isLeadershipMember: false,
  isMidLevelHead: false,
  notes: '',
}
const EMPTY = (...keys: string[]) => Object.fromEntries(keys.map((k) => [k, '']))
const DEFAULTS: Partial<Record<AnyTableName, Record<string, unknown>>> = {
  rounds: { ...EMPTY('batch', 'mode', 'unitName', 'notes'), defaultMarking: { level: '无' } },
  interviews: { ...EMPTY('category', 'start', 'end', 'room', 'leadId', 'recorderId', 'outline', 'notes'), record: null },
  documents: EMPTY(
    'category',
    'department',
    'quantity',
    'docDate',
    'borrowedOn',
    'borrowerId',
    'dueOn',
    'returnedOn',
    'receiverId',
    'notes',
  ),
  documentNotes: EMPTY('page', 'excerpt', 'doubt', 'reviewerId', 'date', 'category'),
  petitions: {
    ...EMPTY('channel', 'reporterName', 'reporterContact', 'subjectId', 'subjectName', 'subjectPost', 'discipline', 'disposition'),
    anonymous: false,
    inScope: false,
  },
  visits: EMPTY('place', 'kind', 'peopleMet', 'notes', 'category'),
  workingPapers: {
    ...EMPTY(
      'date',
      'category',
      'responsibleType',
      'timePlace',
      'summary',
      'facts',
      'learnedBy',
      'basis',
      'analysis',
      'disposition',
      'handlerId',
    ),
    amount: null,
    keyFocus: false,
    editedAfterSignoff: false,
  },
  clues: {
    ...EMPTY(
      'registeredOn',
      'source',
      'reporter',
      'subjectId',
      'subjectName',
      'subjectPost',
      'jurisdiction',
      'summary',
      'discipline',
      'verifiability',
      'preliminary',
      'proposal',
      'receiverUnit',
      'leaderOpinion',
      'transferredOn',
      'transferNo',
      'receiver',
      'feedback',
    ),
    seal: null,
  },
  checklist: { question: '', order: 0 },
  reports: EMPTY('kind', 'status'),
  attachments: { mime: '', size: 0, sha256: '' },
}

function fill(r: Record<string, unknown>, defaults: Record<string, unknown>): Record<string, unknown> {
  let out = r
  for (const [k, v] of Object.entries(defaults)) {
    if (has(r, k) && r[k] !== undefined) continue
    if (out === r) out = { ...r }
    out[k] = structuredClone(v)
  }
  return out
}

/** The record with every type-required field present (see DEFAULTS); the same object when nothing was missing. */
export function withDefaults<R extends Record<string, unknown>>(table: AnyTableName, r: R): R {
  if (r.deleted === true) return r
  const own = table === 'people' ? (r.kind === 'member' ? MEMBER_DEFAULTS : CADRE_DEFAULTS) : DEFAULTS[table]
  let out = own ? fill(r, own) : r
  if (table === 'rounds') {
    // A round written before the 信访 cut-off existed receives petitions until 撤点.
    out = fill(out, { petitionCutoff: out.exitDate })
    const framework = isObject(out.framework) ? fill(out.framework, { key: 'custom', name: '' }) : out.framework
    if (framework !== out.framework) out = { ...out, framework }
  }
  return out as R
}
