// Exchange packages without the screen: the 组长's 全组数据包 and 轮次配置包 (role, passphrase,
// what is inside, the audit entry), and a member's 变更包 built by another program (the team's
// reference member laptop below, written with shared/exchange only) previewed and merged.
import { beforeEach, describe, expect, it, vi } from 'vitest'

vi.setConfig({ testTimeout: 60_000 })
import {
  buildChangeSet,
  openConflicts,
  decodePackage,
  emptySyncState,
  encodePackage,
  mergeChangeSet,
  parseJsonPayload,
  stampLocal,
  validateChangeSet,
  type SyncState,
  type TableRecord,
} from '@shared/exchange'
import type { SaveFileRequest } from '@shared/bridge/contract'
import { sampleWorkspace, type TestWorkspace } from '../testing'
import { DeniedError } from '../errors'
import { exportExchangePackage, ExchangeServiceError, type ExportKind } from './exportPackage'
import { applyImport, checkAtDoor, decodeExchangePackage, importWarnings, previewMerge } from './importPackage'
import { resolveConflictInRound } from './resolveConflict'
import { SyncStates } from './syncStates'

const TEAM = '团队口令Team#2026'
let ws: TestWorkspace
let states: SyncStates
let saved: SaveFileRequest[]
const files = {
  saveFile: vi.fn(async (request: SaveFileRequest) => {
    saved.push(request)
    return { saved: true, location: `/下载/${request.suggestedName}`, size: request.data.byteLength }
  }),
}

beforeEach(async () => {
  ws = await sampleWorkspace()
  states = new SyncStates(ws.exchangeStates)
  saved = []
})

const exportAs = (role: '组长' | '组员', kind: ExportKind, passphrase = TEAM) =>
  exportExchangePackage(ws, states, files, {
    kind,
    passphrase,
    scope: { kind: 'all' },
    round: ws.sample.round,
    user: ws.member(role),
    deviceId: 'leader-laptop',
  })

/** A member's laptop as another program would build it: joins with the 全组数据包, edits, exports 变更包. */
class MemberLaptop {
  private constructor(
    private state: SyncState,
    readonly records: TableRecord[],
    private round: { id: string; name: string },
  ) {}

  static async join(bytes: Uint8Array): Promise<MemberLaptop> {
    const { header, payload } = await decodePackage(bytes, TEAM)
    const set = validateChangeSet(parseJsonPayload(payload), header)
    const merged = mergeChangeSet(emptySyncState('member-laptop'), new Map(), set, new Date().toISOString())
    return new MemberLaptop(merged.state, merged.writes, { id: header.roundId, name: header.roundName })
  }

  edit(table: string, id: string, field: string, value: string) {
    const r = this.records.find((x) => x.table === table && x.record.id === id)!
    r.record = { ...r.record, [field]: value, updatedAt: new Date().toISOString(), updatedBy: 'member', deviceId: 'member-laptop' }
  }

  async exportChanges(): Promise<Uint8Array> {
    this.state = stampLocal(this.state, this.records)
    const head = {
      packageId: crypto.randomUUID(),
      roundId: this.round.id,
      from: { deviceId: 'member-laptop', name: '组员' },
      createdAt: new Date().toISOString(),
    }
    const set = buildChangeSet(this.state, this.records, { kind: 'since-ack' }, head)
    return encodePackage({ kind: 'changes', roundName: this.round.name, ...head }, new TextEncoder().encode(JSON.stringify(set)), TEAM)
  }
}

async function importFile(bytes: Uint8Array) {
  const held = (await ws.repo.listRounds()).map((r) => r.id)
  const { joining } = checkAtDoor(bytes, held)
  const decoded = await decodeExchangePackage(bytes, TEAM, joining)
  const preview = await previewMerge(ws, states, decoded, 'leader-laptop')
  return { decoded, preview, warnings: importWarnings(decoded, preview.result, 'leader-laptop') }
}

describe('exchange export service', () => {
  it('exports the 全组数据包 for the 组长: every record of the round, sealed with the team passphrase, audited', async () => {
    const result = await exportAs('组长', 'state')
    expect(result).toMatchObject({ kind: 'state', location: expect.stringContaining('全组数据包') })
    const { header, payload } = await decodePackage(saved[0]!.data, TEAM)
    expect(header).toMatchObject({ kind: 'state', roundId: ws.sample.round.id, from: { name: ws.member('组长').name } })
    const set = validateChangeSet(parseJsonPayload(payload), header)
    expect(set.records).toHaveLength(result!.records)
    expect(set.records.filter((r) => r.table === 'interviews')).toHaveLength(ws.sample.tables.interviews.length)
    const audit = await ws.repo.auditEntries('export')
    expect(audit.at(-1)!.detail).toBe(`导出全组数据包（${result!.records} 条记录）`)
  })

  it('puts only the round, its people and its checklist in the 轮次配置包', async () => {
    await exportAs('组长', 'config')
    const { header, payload } = await decodePackage(saved[0]!.data, TEAM)
    const tables = new Set(validateChangeSet(parseJsonPayload(payload), header).records.map((r) => r.table))
    expect([...tables].sort()).toEqual(['checklist', 'people', 'rounds'])
  })

  it('refuses a 组员, a weak passphrase and an empty 变更包 with a Chinese message, writing nothing', async () => {
    const before = (await ws.repo.auditEntries()).length
    await expect(exportAs('组员', 'state')).rejects.toThrow(new DeniedError('只有组长可以导出全量状态包'))
    await expect(exportAs('组员', 'config')).rejects.toThrow('只有组长可以导出配置包')
    await expect(exportAs('组长', 'state', '123456')).rejects.toThrow(/^团队口令强度不足：/)
    await expect(exportAs('组长', 'state', '123456')).rejects.toBeInstanceOf(ExchangeServiceError)
    expect(saved).toHaveLength(0)
    expect((await ws.repo.auditEntries()).length).toBe(before)
  })

  it('saves and audits nothing when the user cancels the save dialog', async () => {
    files.saveFile.mockResolvedValueOnce({ saved: false } as never)
    expect(await exportAs('组长', 'state')).toBeUndefined()
    expect(await ws.repo.auditEntries('export')).toHaveLength(0)
  })
})

describe('exchange import service', () => {
  it('previews and merges a member’s 变更包 built by another program, package after package', async () => {
    await exportAs('组长', 'state')
    const member = await MemberLaptop.join(saved[0]!.data)
    const interview = ws.sample.tables.interviews.find((i) => !i.deleted)!
    member.edit('interviews', interview.id, 'outline', '补充核实：经与当事人核对，情况基本属实。')
    const first = await importFile(await member.exportChanges())
    expect(first.decoded.joining).toBe(false)
    expect(first.preview.result.counts.interviews).toMatchObject({ changed: 1, conflicting: 0 })
    expect(first.warnings).toEqual([])
    // The preview wrote nothing.
    expect((await ws.repo.get('interviews', interview.id))!.outline).toBe(interview.outline)
    const applied = await applyImport(ws, states, { ...first, deviceId: 'leader-laptop' })
    expect(applied.summary).toContain('谈话 新增 0 修改 1 冲突 0')
    expect((await ws.repo.get('interviews', interview.id))!.outline).toBe('补充核实：经与当事人核对，情况基本属实。')

    // The member goes on editing; the next package (which still carries the first edit) merges too.
    member.edit('interviews', interview.id, 'outline', '第二次补充。')
    const second = await importFile(await member.exportChanges())
    expect(second.preview.result.counts.interviews).toMatchObject({ changed: 1, conflicting: 0 })
    await applyImport(ws, states, { ...second, deviceId: 'leader-laptop' })
    expect((await ws.repo.get('interviews', interview.id))!.outline).toBe('第二次补充。')
    const audit = (await ws.repo.auditEntries('import')).filter((e) => e.detail?.startsWith('导入变更包'))
    expect(audit).toHaveLength(2)
    expect(audit[1]!.detail).toMatch(/^导入变更包，来自设备 member-laptop，sha256:[0-9a-f]{64}：/)
  })

  it('turns away a backup, a hand-over and another round’s 变更包 at the door, in Chinese', async () => {
    await exportAs('组长', 'state')
    const { header, payload } = await decodePackage(saved[0]!.data, TEAM)
    const other = await encodePackage({ ...header, kind: 'changes', roundId: 'another-round', roundName: '另一轮巡察' }, payload, TEAM)
    expect(() => checkAtDoor(other, [ws.sample.round.id])).toThrow('该文件属于另一巡察轮次（另一轮巡察），本机尚未加入该轮次')
    const backup = await encodePackage({ ...header, kind: 'backup' }, payload, TEAM)
    expect(() => checkAtDoor(backup, [ws.sample.round.id])).toThrow('这是备份文件')
  })

  it('holds a field both laptops changed in the inbox, keeping this laptop’s text until the 组长 chooses', async () => {
    await exportAs('组长', 'state')
    const member = await MemberLaptop.join(saved[0]!.data)
    const interview = ws.sample.tables.interviews.find((i) => !i.deleted)!
    await ws.repo.save('interviews', { ...interview, outline: '组长本机的提纲' })
    member.edit('interviews', interview.id, 'outline', '组员的提纲')
    const pkg = await importFile(await member.exportChanges())
    expect(pkg.preview.result.counts.interviews).toMatchObject({ conflicting: 1 })
    expect(pkg.warnings).toContain('有 1 处冲突，将放入冲突收件箱，逐项处理前保留本机内容')
    await applyImport(ws, states, { ...pkg, deviceId: 'leader-laptop' })
    expect((await ws.repo.get('interviews', interview.id))!.outline).toBe('组长本机的提纲')
    const roundId = ws.sample.round.id
    const [conflict] = openConflicts(await states.current(roundId, 'leader-laptop'))
    await resolveConflictInRound(ws, states, {
      roundId,
      deviceId: 'leader-laptop',
      conflict: conflict!,
      choice: 'theirs',
      user: ws.member('组长'),
    })
    expect((await ws.repo.get('interviews', interview.id))!.outline).toBe('组员的提纲')
    expect(openConflicts(await states.current(roundId, 'leader-laptop'))).toHaveLength(0)
    expect((await ws.repo.auditEntries('update')).at(-1)!.detail).toBe('处理冲突（谈话提纲）：采用对方')
  })
})
