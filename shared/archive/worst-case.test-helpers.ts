// The worst round the door still lets in (issue 19 §2, "views never crash on data that passed
// it"): the sample round's records plus records of every table at the edges of the record schema
// (schema.ts) — empty strings, only the required fields, 3,000-character texts with rare
// characters (𠈌) and formula-like starts, prototype-named keys held as data, empty lists, dates
// at the door's bounds or empty where allowed, dangling references, ids that look like paths — and a
// round whose optional fields are all absent and whose framework nests as deep as the door allows.
// Used by the door's unit test (it must stay accepted) and the e2e that opens every view on it.
import type { RoundSnapshot } from '../domain/snapshot'
import { buildSampleRound } from '../sample'

/** In every worst record's title or name, so a test can find them. */
export const WORST_MARK = '极端𠈌'
/** Framework levels: the deepest the archive's nesting limit (MAX_JSON_DEPTH) admits. */
export const WORST_FRAMEWORK_DEPTH = 29

const PIECES = ['陈𠈌', '=SUM(A1)', '巡察', '\n', '<b>&amp;</b>', '“引号”', ' ', '－', '𠀀', 'constructor']
/** `n` characters (code points) of mixed text, starting with a formula-like `=`. */
export function longText(n = 3000): string {
  const out: string[] = []
  for (let i = 0; out.length < n; i++) out.push(...Array.from(PIECES[i % PIECES.length]!))
  return out.slice(0, n).join('')
}

/** Ids that look like paths, device names and prototype members. */
export const WORST_IDS = {
  cadre: '../../etc/passwd',
  bareCadre: 'C:\\Windows\\System32\\con',
  member: 'constructor',
  interview: 'a/b/../c',
  bareInterview: '#',
  document: 'doc/..\\x',
  bareDocument: 'toString',
  note: '__proto__x',
  petition: 'http://x/?a=1&b=2',
  visit: '%2e%2e%2f',
  paper: 'paper:/tmp/x',
  barePaper: ' ',
  clue: 'clue#1',
  bareClue: 'NUL',
  checklist: 'list/1',
  report: 'report/../../1',
  bareReport: 'hasOwnProperty',
  attachment: 'C:/附件/𠈌.pdf',
} as const

function framework(depth: number): { nodes: unknown[] } {
  let node: Record<string, unknown> = { id: `level-${depth}`, title: `${WORST_MARK}第${depth}层`, children: [] }
  for (let d = depth - 1; d >= 1; d--) node = { id: `level-${d}`, title: d === 1 ? longText(200) : `第${d}层`, children: [node] }
  return { nodes: [node, { id: '', title: '', children: [] }] }
}

export function buildWorstRound(depth = WORST_FRAMEWORK_DEPTH): RoundSnapshot {
  const sample = buildSampleRound()
  const roundId = 'round/../../worst'
  const long = longText()
  const meta = (id: string) => ({ id, roundId, createdAt: '', updatedAt: '9999-12-31T23:59:59.999Z', updatedBy: '', deviceId: '' })
  // Prototype-named keys as JSON.parse makes them: own data properties, never the prototype.
  const protoMap = <T>(value: T) =>
    JSON.parse(JSON.stringify({ constructor: value, toString: value, x: value }).replace('"x"', '"__proto__"'))
  const I = WORST_IDS
  const round = {
    id: roundId,
    createdAt: '',
    updatedAt: '',
    updatedBy: '',
    deviceId: '',
    name: `2026年第三轮/${WORST_MARK}:*?"<>|${'轮'.repeat(300)}`,
    // At the door's bounds: the latest years, and the longest round (MAX_ROUND_DAYS).
    entryDate: '2098-01-02',
    exitDate: '2100-12-31',
    framework: framework(depth),
    interviewChecks: protoMap(true),
    outlineTemplates: protoMap(long),
    markings: protoMap({ level: '机密' }),
    reportTemplates: protoMap({ title: '', sections: [] }),
    phrases: [],
    surveys: {},
  }
  const t = structuredClone(sample.tables) as unknown as Record<string, Record<string, unknown>[]>
  for (const rows of Object.values(t)) for (const r of rows) r.roundId = roundId
  t.people!.push(
    { ...meta(I.cadre), kind: 'cadre', name: `${WORST_MARK}${long}` },
    { ...meta(I.bareCadre), kind: 'cadre', name: '', category: '不存在的类别', isTopLeader: true, recusals: [] },
    { ...meta(I.member), kind: 'member', name: `${WORST_MARK}组员`, role: '不存在的角色', recusals: [{ name: '', relation: '' }] },
  )
  t.interviews!.push(
    { ...meta(I.bareInterview), intervieweeId: '不存在', date: '1900-01-01', status: '', history: [] },
    {
      ...meta(I.interview),
      intervieweeId: I.cadre,
      date: '2100-12-31',
      start: '25:61',
      end: '',
      status: '不存在的状态',
      category: 'level-29',
      leadId: I.member,
      recorderId: '不存在',
      outline: long,
      followUpOf: I.interview,
      history: [{}, { date: '1900-01-01', reason: long }, { date: '' }],
      notes: long,
      record: {
        sessionNo: -1,
        points: [
          { id: 'constructor', text: long, category: 'level-29', involvesClue: true },
          { id: '', text: '' },
        ],
      },
    },
  )
  t.documents!.push(
    { ...meta(I.bareDocument), title: '' },
    {
      ...meta(I.document),
      title: `${WORST_MARK}${long}`,
      borrowedOn: '1900-01-01',
      dueOn: '2100-12-31',
      returnedOn: '',
      borrowerId: '不存在',
    },
  )
  t.documentNotes!.push(
    { ...meta(I.note), documentId: I.document, excerpt: long, doubt: long, page: long, date: '' },
    { ...meta('note/dangling'), documentId: '不存在' },
  )
  t.petitions!.push(
    {
      ...meta(I.petition),
      receivedOn: '1900-01-01',
      summary: `${WORST_MARK}${long}`,
      reporterContact: long,
      subjectId: I.cadre,
      channel: '不存在',
    },
    { ...meta('petition/bare'), receivedOn: '2100-12-31', summary: '' },
  )
  t.visits!.push(
    { ...meta(I.visit), date: '1900-01-01', memberIds: [] },
    { ...meta('visit/2'), date: '2100-12-31', memberIds: ['不存在', I.member], notes: long, place: `${WORST_MARK}${long}` },
  )
  const evidence = [
    { kind: 'interviewPoint', ref: 'no-hash' },
    { kind: 'interviewPoint', ref: `${I.interview}#constructor` },
    { kind: 'documentNote', ref: I.note, text: '' },
    { kind: 'petition', ref: I.petition },
    { kind: 'visit', ref: '不存在' },
    { kind: 'attachment', ref: I.attachment },
  ]
  t.workingPapers!.push(
    { ...meta(I.barePaper), number: '', title: '', personIds: [], evidence: [], signoffs: [], mergedInto: '不存在' },
    {
      ...meta(I.paper),
      number: `${WORST_MARK}-${'9'.repeat(40)}`,
      title: `${WORST_MARK}${long}`,
      date: '',
      category: 'level-29',
      personIds: [I.cadre, '不存在', I.bareCadre],
      facts: long,
      analysis: long,
      amount: 1e300,
      evidence,
      signoffs: [{ step: '不存在的步骤', memberId: '不存在', at: '' }],
      accountability: [{ personId: '不存在' }],
      reviewLog: [{ action: '', memberId: '', at: '' }],
      versions: [{ at: '', by: '', content: {}, signoffs: [] }],
      mergedFrom: [],
    },
  )
  t.clues!.push(
    { ...meta(I.bareClue), number: '', status: '草稿', evidence: [] },
    {
      ...meta(I.clue),
      number: `${WORST_MARK}-线索`,
      status: '已移交',
      subjectId: I.cadre,
      subjectName: `${WORST_MARK}${long}`,
      summary: long,
      evidence,
      seal: { sha256: '', at: '', by: '' },
      reviewLog: [],
      withdrawal: { reason: long, at: '', by: '' },
    },
  )
  t.checklist!.push(
    { ...meta(I.checklist), nodeId: 'level-29', paperIds: [I.paper, '不存在'], question: long, order: -1e9 },
    { ...meta('list/2'), nodeId: '不存在', paperIds: [] },
  )
  t.reports!.push(
    { ...meta(I.bareReport), title: '', sections: [] },
    {
      ...meta(I.report),
      title: `${WORST_MARK}${long}`,
      kind: '巡察报告',
      status: '不存在的状态',
      sections: [
        { id: '', level: 0, heading: '', paragraphs: [] },
        {
          id: 's',
          level: 99,
          heading: long,
          paragraphs: [{ id: 'p', text: long, paperIds: [I.paper, '不存在'], slot: `paper:${I.paper}` }],
          table: { columns: [], rows: [[], [long]] },
          comments: [{ id: 'c', text: long, by: '', at: '', resolved: false }],
        },
      ],
      versions: [],
    },
  )
  t.attachments!.push(
    { ...meta(I.attachment), name: `${WORST_MARK}.pdf`, data: 'not base64!!', size: -1, mime: '' },
    { ...meta('attachment/bare'), name: '', data: '' },
  )
  return { round, tables: t } as unknown as RoundSnapshot
}
