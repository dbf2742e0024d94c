import { describe, expect, it } from 'vitest'
import { flattenFramework } from '../domain/frameworks'
import {
  CLUE_SOURCES,
  DISCIPLINES,
  DOCUMENT_CATEGORIES,
  INTERVIEW_STATUSES,
  PETITION_CHANNELS,
  SIGNOFF_STEPS,
  type Cadre,
  type TeamMember,
} from '../domain/types'
import { ROUND_TABLES } from '../domain/tables'
import { isIsoDate } from '../util/dates'
import { sha256HexSync } from '../archive/sha256'
import { buildSampleRound, SAMPLE_DEVICE_ID } from './index'

const s = buildSampleRound()
const t = s.tables
const members = t.people.filter((p): p is TeamMember => p.kind === 'member')
const cadres = t.people.filter((p): p is Cadre => p.kind === 'cadre')
const memberIds = new Set(members.map((m) => m.id))
const cadreIds = new Set(cadres.map((c) => c.id))
const nodeIds = new Set(flattenFramework(s.round.framework).map((n) => n.node.id))
const today = '2026-11-21'
const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/
const all = ROUND_TABLES.flatMap((name) => (t[name] as { id: string }[]).map((r) => ({ name, r })))

describe('sample round', () => {
  it('describes the round as briefed', () => {
    expect(s.round).toMatchObject({
      batch: '十二届区委第三轮',
      mode: '常规',
      unitName: '区农业农村局党委',
      entryDate: '2026-10-19',
      exitDate: '2026-12-18',
      petitionCutoff: '2026-12-08',
      defaultMarking: { level: '内部' },
    })
    expect(s.round.framework.key).toBe('four-implementations')
    expect(t.people.length).toBeGreaterThan(40)
    expect(t.interviews.length).toBeGreaterThanOrEqual(55)
    expect(t.documents.length).toBe(40)
    expect(t.documentNotes.length).toBeGreaterThanOrEqual(55)
  })

  it('is deterministic and varies with the seed', () => {
    expect(buildSampleRound()).toEqual(s)
    expect(buildSampleRound({ seed: 7 })).toEqual(buildSampleRound({ seed: 7 }))
    expect(buildSampleRound({ seed: 7 }).round.id).not.toBe(s.round.id)
  })

  it('builds for any today and seed', () => {
    for (const today of ['2026-11-18', '2026-11-22', '2027-01-01', '2028-02-29']) {
      for (const seed of [1, 2]) expect(buildSampleRound({ today, seed }).tables.workingPapers.length).toBeGreaterThan(0)
    }
    expect(() => buildSampleRound({ today: '2026-02-30' })).toThrow(RangeError)
  })

  it('follows today: the round is placed around it', () => {
    const later = buildSampleRound({ today: '2027-03-10' })
    expect(later.round.entryDate < '2027-03-10' && later.round.exitDate > '2027-03-10').toBe(true)
    expect(later.tables.interviews.some((i) => i.status === '待谈')).toBe(true)
  })

  it('uses unique UUID-shaped ids and consistent metadata', () => {
    const ids = [s.round.id, ...all.map((x) => x.r.id)]
    expect(new Set(ids).size).toBe(ids.length)
    for (const id of ids) expect(id).toMatch(uuid)
    for (const { r } of all) {
      const rec = r as unknown as { roundId: string; createdAt: string; updatedAt: string; updatedBy: string; deviceId: string }
      expect(rec.roundId).toBe(s.round.id)
      expect(rec.deviceId).toBe(SAMPLE_DEVICE_ID)
      expect(memberIds.has(rec.updatedBy)).toBe(true)
      expect(rec.createdAt <= rec.updatedAt).toBe(true)
      expect(rec.createdAt >= '2026-10-18T16:00:00.000Z' && rec.updatedAt < '2026-11-21T16:00:00.000Z').toBe(true)
    }
  })

  it('has a team with one 组长, 副组长, a 联络员 and a 回避 linked to a cadre', () => {
    const roles = members.map((m) => m.role)
    expect(roles.filter((r) => r === '组长')).toHaveLength(1)
    expect(roles.filter((r) => r === '副组长').length).toBeGreaterThanOrEqual(1)
    expect(roles).toContain('联络员')
    const recusals = members.flatMap((m) => m.recusals)
    expect(recusals.length).toBeGreaterThan(0)
    for (const r of recusals) expect(cadreIds.has(r.cadreId!)).toBe(true)
  })

  it('has exactly one 一把手 and one 纪检组长, with consistent flags', () => {
    expect(cadres.filter((c) => c.isTopLeader)).toHaveLength(1)
    expect(cadres.filter((c) => c.isDisciplineChief)).toHaveLength(1)
    expect(cadres.length).toBeGreaterThanOrEqual(35)
    for (const c of cadres) {
      expect(c.isTopLeader).toBe(c.category === '一把手')
      expect(c.isLeadershipMember).toBe(c.category === '一把手' || c.category === '班子成员')
      expect(c.isMidLevelHead).toBe(c.category === '中层正职')
      if (c.isDisciplineChief) expect(c.isLeadershipMember).toBe(true)
      if (c.birth) expect(c.birth).toMatch(/^(19[5-9]\d)-(0[1-9]|1[0-2])$/)
      if (c.inPostSince) expect(c.inPostSince).toMatch(/^20\d\d-(0[1-9]|1[0-2])$/)
    }
  })

  it('schedules interviews consistently with today', () => {
    const cadreById = new Map(cadres.map((c) => [c.id, c]))
    const first = [...t.interviews].sort((a, b) => (a.date + a.start).localeCompare(b.date + b.start))[0]!
    expect(cadreById.get(first.intervieweeId)!.isTopLeader).toBe(true)
    expect(first.date).toBe(s.round.entryDate)
    const byId = new Map(t.interviews.map((i) => [i.id, i]))
    const recusal = members.flatMap((m) => m.recusals.map((r) => [m.id, r.cadreId]))
    const slots = new Set<string>()
    for (const i of t.interviews) {
      expect(INTERVIEW_STATUSES).toContain(i.status)
      expect(isIsoDate(i.date)).toBe(true)
      expect(i.date >= s.round.entryDate && i.date <= s.round.exitDate).toBe(true)
      expect(i.start < i.end).toBe(true)
      expect(cadreById.get(i.intervieweeId)?.category).toBe(i.category)
      expect(memberIds.has(i.leadId) && memberIds.has(i.recorderId) && i.leadId !== i.recorderId).toBe(true)
      for (const [m, c] of recusal) expect(i.intervieweeId === c && (i.leadId === m || i.recorderId === m)).toBe(false)
      for (const who of [i.leadId, i.recorderId, i.intervieweeId, i.room]) {
        const key = `${i.date} ${i.start} ${who}`
        expect(slots.has(key)).toBe(false)
        slots.add(key)
      }
      if (['已谈', '未到', '取消'].includes(i.status)) expect(i.date < today).toBe(true)
      else expect(i.date >= today).toBe(true)
      expect(i.status).not.toBe('改期') // a moved interview waits for its new slot as 待谈, the move in its history
      for (const h of i.history) expect(h.date < i.date && isIsoDate(h.date)).toBe(true)
      if (i.status === '已谈') {
        expect(i.record!.points.length).toBeGreaterThanOrEqual(3)
        expect(i.record!.points.length).toBeLessThanOrEqual(6)
        for (const p of i.record!.points) expect(nodeIds.has(p.category)).toBe(true)
      } else expect(i.record).toBeNull()
      if (i.followUpOf) {
        const prev = byId.get(i.followUpOf)!
        expect(prev.intervieweeId).toBe(i.intervieweeId)
        expect(prev.date < i.date).toBe(true)
        if (i.record) expect(i.record.sessionNo).toBeGreaterThan(1)
      }
    }
    const statuses = t.interviews.map((i) => i.status)
    // 改期 is history, not a status: a moved interview waits as 待谈.
    for (const st of INTERVIEW_STATUSES.filter((s) => s !== '改期')) expect(statuses).toContain(st)
    expect(t.interviews.some((i) => i.status === '待谈' && i.history.length > 0)).toBe(true)
    expect(t.interviews.filter((i) => i.followUpOf).length).toBeGreaterThanOrEqual(5)
    // Every 班子成员 and 中层正职 is interviewed or scheduled.
    for (const c of cadres.filter((x) => x.isLeadershipMember || x.isMidLevelHead)) {
      expect(t.interviews.some((i) => i.intervieweeId === c.id && i.status === '已谈')).toBe(true)
    }
  })

  it('keeps the lending register consistent', () => {
    const docIds = new Set(t.documents.map((d) => d.id))
    for (const d of t.documents) {
      expect(DOCUMENT_CATEGORIES as readonly string[]).toContain(d.category)
      expect(memberIds.has(d.borrowerId)).toBe(true)
      expect(d.borrowedOn >= s.round.entryDate && d.borrowedOn < today).toBe(true)
      if (d.returnedOn) {
        expect(d.returnedOn >= d.borrowedOn && d.returnedOn < today).toBe(true)
        expect(cadreIds.has(d.receiverId as string)).toBe(true)
      } else expect(d.receiverId).toBe('')
    }
    expect(t.documents.filter((d) => !d.returnedOn && d.dueOn && d.dueOn < today).length).toBeGreaterThanOrEqual(2)
    expect(t.documents.some((d) => d.returnedOn)).toBe(true)
    expect(new Set(t.documents.map((d) => d.title)).size).toBe(t.documents.length)
    const docs = new Map(t.documents.map((d) => [d.id, d]))
    for (const n of t.documentNotes) {
      expect(docIds.has(n.documentId)).toBe(true)
      expect(memberIds.has(n.reviewerId)).toBe(true)
      expect(nodeIds.has(n.category)).toBe(true)
      const d = docs.get(n.documentId)!
      expect(n.date >= d.borrowedOn && n.date <= (d.returnedOn || today)).toBe(true)
    }
  })

  it('keeps 信访 and visits consistent', () => {
    for (const p of t.petitions) {
      expect(PETITION_CHANNELS).toContain(p.channel)
      if (p.discipline) expect(DISCIPLINES).toContain(p.discipline)
      if (p.subjectId) expect(cadres.find((c) => c.id === p.subjectId)?.name).toBe(p.subjectName)
      expect(p.anonymous).toBe(p.reporterName === '')
      expect(p.receivedOn >= s.round.entryDate && p.receivedOn <= s.round.petitionCutoff && p.receivedOn < today).toBe(true)
    }
    expect(t.petitions.some((p) => p.anonymous) && t.petitions.some((p) => !p.anonymous)).toBe(true)
    for (const v of t.visits) {
      expect(v.memberIds.every((id) => memberIds.has(id))).toBe(true)
      expect(nodeIds.has(v.category)).toBe(true)
    }
  })

  it('resolves every evidence link of 底稿 and clues', () => {
    const interviews = new Map(t.interviews.map((i) => [i.id, i]))
    const ids = {
      documentNote: new Set(t.documentNotes.map((n) => n.id)),
      petition: new Set(t.petitions.map((n) => n.id)),
      visit: new Set(t.visits.map((n) => n.id)),
      attachment: new Set(t.attachments.map((n) => n.id)),
    }
    for (const rec of [...t.workingPapers, ...t.clues]) {
      const written = 'date' in rec ? rec.date : rec.registeredOn
      expect(rec.evidence.length).toBeGreaterThan(0)
      for (const e of rec.evidence) {
        if (e.kind === 'interviewPoint') {
          const [iid, pid] = e.ref.split('#')
          const iv = interviews.get(iid!)
          expect(iv?.status).toBe('已谈')
          expect(iv!.date <= written).toBe(true)
          expect(iv!.record!.points.some((p) => p.id === pid)).toBe(true)
        } else expect(ids[e.kind].has(e.ref)).toBe(true)
      }
    }
  })

  it('numbers 底稿 and keeps sign-offs in order by the right roles', () => {
    const role = new Map(members.map((m) => [m.id, m.role]))
    const expected = { 承办人签字: null, 副组长审核: '副组长', 组长审签: '组长' } as const
    expect(t.workingPapers.length).toBeGreaterThanOrEqual(12)
    t.workingPapers.forEach((p, i) => {
      expect(p.number).toBe(`2026-03-DG-${String(i + 1).padStart(3, '0')}`)
      expect(nodeIds.has(p.category)).toBe(true)
      expect(memberIds.has(p.handlerId)).toBe(true)
      expect(p.personIds.every((id) => cadreIds.has(id))).toBe(true)
      p.signoffs.forEach((so, k) => {
        expect(so.step).toBe(SIGNOFF_STEPS[k])
        const want = expected[so.step]
        if (want) expect(role.get(so.memberId)).toBe(want)
        else expect(so.memberId).toBe(p.handlerId)
        expect(so.at > p.createdAt && so.at < '2026-11-21T16:00:00.000Z').toBe(true)
        if (k > 0) expect(so.at > p.signoffs[k - 1]!.at).toBe(true)
      })
      if (p.editedAfterSignoff) expect(p.signoffs.length).toBeLessThan(3)
      if (p.amount !== null) expect(p.amount).toBeGreaterThan(0)
    })
    expect(new Set(t.workingPapers.map((p) => p.signoffs.length))).toEqual(new Set([0, 1, 2, 3]))
  })

  it('has clues in each working status, the transferred one complete', () => {
    expect(new Set(t.clues.map((c) => c.status))).toEqual(new Set(['草稿', '组长审核', '定稿', '已移交']))
    for (const c of t.clues) {
      expect(CLUE_SOURCES).toContain(c.source)
      expect(cadres.find((x) => x.id === c.subjectId)?.name).toBe(c.subjectName)
      if (c.status === '已移交') {
        expect(isIsoDate(c.transferredOn) && c.transferredOn >= c.registeredOn && c.transferredOn < today).toBe(true)
        expect(c.transferNo).not.toBe('')
        expect(c.leaderOpinion).not.toBe('')
      } else expect(c.transferredOn).toBe('')
    }
  })

  it('links checklist items to existing 底稿 under framework nodes', () => {
    const paperIds = new Set(t.workingPapers.map((p) => p.id))
    expect(t.checklist.length).toBeGreaterThanOrEqual(20)
    for (const c of t.checklist) {
      expect(nodeIds.has(c.nodeId)).toBe(true)
      expect(c.question.startsWith('是否') || c.question.includes('是否')).toBe(true)
      for (const id of c.paperIds) expect(paperIds.has(id)).toBe(true)
    }
    expect(t.checklist.some((c) => c.paperIds.length > 0)).toBe(true)
  })

  it('stores attachments with correct size and sha256', () => {
    expect(t.attachments.length).toBeGreaterThan(0)
    for (const a of t.attachments) {
      const bytes = Uint8Array.from(Buffer.from(a.data, 'base64'))
      expect(bytes.length).toBe(a.size)
      expect(sha256HexSync(bytes)).toBe(a.sha256)
      expect(new TextDecoder().decode(bytes)).toMatch(/[\u4e00-\u9fa5]/)
    }
  })

  it('contains no filler text', () => {
    expect(JSON.stringify(s)).not.toMatch(/测试|lorem|TODO|xxx/i)
  })
})
