// Importing an exchange package, in three steps the screen shows one by one: the clear header
// is checked at the door (kind, round), the file is decrypted and validated off the page
// (decode worker), and the merge is computed in memory against this laptop's versions of the
// package's records: the preview. Confirming writes that same merge (computed again only if
// anything was written since) in one transaction with its audit entries and the exchange state.
import {
  ExchangeError,
  heldCount,
  mergeChangeSet,
  PACKAGE_KINDS,
  readHeader,
  recordKey,
  stampLocal,
  type ChangeSet,
  type MergeResult,
  type PackageHeader,
  type PackageKind,
} from '@shared/exchange'
import { TABLE_LABELS } from '@shared/domain/labels'
import { peerAuditWarning, type AuditHead } from '@shared/domain/audit'
import { decodeOffThread } from '../../platform/workers/decodeOffThread'
import type { ServiceContext } from '../context'
import { packageRecords } from './records'
import { afterImport, screenIncoming } from '../signing'
import type { SyncStates } from './syncStates'

/** What the import is doing now; `done` is a fraction when known. */
export type ImportStep = (text: string, done?: number) => void

export interface DecodedPackage {
  header: PackageHeader
  fingerprint: string
  /** The laptop does not hold the round yet: a 轮次配置包 makes it join. */
  joining: boolean
  set: ChangeSet
}

export interface MergePreview {
  result: MergeResult
  /** What the merge was computed against: the repository's write count and the state's version. */
  revision: number
  stateVersion: number
}

/** Checks the clear header: whether the file is for a round this laptop holds (or joins). */
export function checkAtDoor(bytes: Uint8Array, heldRoundIds: string[]): { roundId: string; joining: boolean } {
  const clear = readHeader(bytes).header
  if (clear.kind === 'backup')
    throw new ExchangeError('wrong-kind', '这是备份文件，请在下方“备份与恢复”中用“从备份恢复…”打开，未做任何更改')
  if (clear.kind === 'handover')
    throw new ExchangeError('wrong-kind', '这是移交包，请在下方“审阅移交包（巡察办）”中用“打开移交包…”以只读方式查看，未做任何更改')
  const joining = !heldRoundIds.includes(clear.roundId)
  if (joining && clear.kind !== 'config')
    throw new ExchangeError(
      'wrong-round',
      `该文件属于另一巡察轮次（${clear.roundName}），本机尚未加入该轮次：请先导入组长的轮次配置包，未做任何更改`,
    )
  return { roundId: clear.roundId, joining }
}

/** Decrypts and validates a file off the page (once per chosen file: the confirmation reuses it). */
export async function decodeExchangePackage(bytes: Uint8Array, passphrase: string, joining: boolean): Promise<DecodedPackage> {
  const result = await decodeOffThread({ kind: 'changes', bytes, passphrase })
  if (result.kind !== 'changes') throw new Error('读取结果不符')
  return { header: result.header, fingerprint: result.fingerprint, joining, set: result.set }
}

/** Lets the page paint the current step before a stretch of synchronous work (nothing to paint in Node). */
const paint = () =>
  new Promise<void>((ok) => (typeof requestAnimationFrame === 'function' ? requestAnimationFrame(() => setTimeout(ok)) : setTimeout(ok)))

/** Merges in memory against this laptop's versions of the package's records; nothing is written. */
export async function previewMerge(
  ctx: ServiceContext,
  states: SyncStates,
  d: DecodedPackage,
  deviceId: string,
  step: ImportStep = () => undefined,
): Promise<MergePreview> {
  const revision = ctx.repo.revision
  const base = await states.current(d.header.roundId, deviceId)
  const stateVersion = states.version
  step(`正在读取本机的对应记录（共 ${d.set.records.length} 条）…`)
  const records = d.joining
    ? []
    : await packageRecords(ctx.repo, d.set, (done, total) => step(`正在读取本机的对应记录（${done}/${total}）…`, done / total))
  step('正在比对合并…')
  await paint()
  const state = stampLocal(base, records)
  const local = new Map(records.map((r) => [recordKey(r.table, r.record.id as string), r.record]))
  // Records whose new signed acts do not verify are held, not merged (shared/exchange/signatures.ts).
  const screened = await screenIncoming(ctx, d.set, local, d.joining)
  const at = new Date().toISOString()
  return { result: screened.hold(mergeChangeSet(state, local, screened.pkg, at), at), revision, stateVersion }
}

/** What the preview warns about before the user confirms. */
export function importWarnings(d: DecodedPackage, result: MergeResult, deviceId: string): string[] {
  const warnings: string[] = []
  if (result.duplicate) warnings.push('该文件已经导入过，再次导入不会改变任何数据')
  if (d.header.from.deviceId === deviceId) warnings.push('该文件是本机导出的')
  const open = result.conflicts.filter((c) => !c.resolved).length
  if (open) warnings.push(`有 ${open} 处冲突，将放入冲突收件箱，逐项处理前保留本机内容`)
  const held = heldCount(result.conflicts)
  if (held)
    warnings.push(
      `${held} 条记录的个人签名核验未通过（伪造、签名后被改动或未签名），不予合并，已暂扣待组长处理（冲突收件箱“未被采纳的修改”中列出原因）`,
    )
  const refused = result.conflicts.length - open - held
  if (refused) warnings.push(`${refused} 处修改涉及已移交封存的线索或组长已审签的底稿，按规则不予采纳（冲突收件箱中列出内容和原因）`)
  return warnings
}

export function describeCounts(
  result: MergeResult,
): { table: string; new: number; changed: number; conflicting: number; unchanged: number }[] {
  return Object.entries(result.counts).map(([t, c]) => ({ table: TABLE_LABELS[t as keyof typeof TABLE_LABELS] ?? t, ...c! }))
}

export interface AppliedImport {
  /** Per table: 新增, 修改, 冲突. */
  summary: string
  /** The sender's audit log has fewer entries than last seen from that laptop. */
  peerWarning: string
  /** The merge wrote rounds (a join, a renamed round): the list of rounds is stale. */
  roundsChanged: boolean
  /** Records held for a signature that did not verify (listed in the conflict inbox). */
  held: number
}

/**
 * Writes the merge: the one in the preview, or computed again when anything was written since.
 * The backup before an import is the caller's step before this one.
 */
export async function applyImport(
  ctx: ServiceContext,
  states: SyncStates,
  input: { decoded: DecodedPackage; preview: MergePreview; deviceId: string },
  step: ImportStep = () => undefined,
): Promise<AppliedImport> {
  const { decoded: d, preview: p, deviceId } = input
  const current = ctx.repo.revision === p.revision && states.version === p.stateVersion
  const r = current ? p.result : (await previewMerge(ctx, states, d, deviceId)).result
  step(`正在写入 ${r.writes.length} 条记录…`)
  await paint()
  const summary = describeCounts(r)
    .map((c) => `${c.table} 新增 ${c.new} 修改 ${c.changed} 冲突 ${c.conflicting}`)
    .join('；')
  const { header } = d
  // The sender's sealed audit head, against the last one seen from that laptop.
  const seenKey = `auditSeen:${header.from.deviceId}`
  const peerWarning = peerAuditWarning(await ctx.settings.get<AuditHead | undefined>(seenKey, undefined), header.auditHead)
  const peerAudit = header.auditHead ? `，对方审计日志 ${header.auditHead.count} 条` : ''
  const audits = [
    {
      action: 'import' as const,
      table: 'rounds' as const,
      recordId: header.roundId,
      detail: `导入${PACKAGE_KINDS[header.kind as PackageKind]}，来自设备 ${header.from.deviceId}${peerAudit}${peerWarning ? '（条数减少）' : ''}，sha256:${d.fingerprint}：${summary}`,
    },
    ...r.writes.map((w) => ({
      action: 'import' as const,
      table: w.table,
      recordId: w.record.id as string,
      detail: `合并自设备 ${header.from.deviceId}`,
    })),
  ]
  await ctx.repo.applyMerge(r.writes, audits, await states.seal(header.roundId, r.state))
  if (header.auditHead) await ctx.settings.set(seenKey, header.auditHead)
  await afterImport(ctx, header.roundId, d.joining)
  states.keep(header.roundId, r.state)
  return { summary, peerWarning, roundsChanged: r.writes.some((w) => w.table === 'rounds'), held: heldCount(r.conflicts) }
}
