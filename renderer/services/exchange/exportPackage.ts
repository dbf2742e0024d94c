// Exporting an exchange package (轮次配置包, 全组数据包 from the 组长; 变更包 from anyone): stamp
// this laptop's edits into the exchange state, build the change set, seal it with the team
// passphrase, save it where the user chooses and audit it. Nothing is saved or audited when the
// user cancels the dialog.
import { buildChangeSet, encodePackage, PACKAGE_EXTENSIONS, PACKAGE_KINDS, stampLocal, type ExportScope } from '@shared/exchange'
import { denial } from '@shared/domain/permissions'
import type { Round, TeamMember } from '@shared/domain/types'
import type { XunchaBridge } from '@shared/bridge/contract'
import { checkPassphrase } from '@shared/security'
import { todayIso } from '@shared/util/dates'
import { safeFileName } from '@shared/util/filename'
import type { ServiceContext } from '../context'
import { DeniedError, ServiceError } from '../errors'
import { localRecords } from './records'
import type { SyncStates } from './syncStates'

/** The configuration a member joins with: the round, its people and its checklist. */
export const CONFIG_TABLES = ['rounds', 'people', 'checklist'] as const
export const EXCHANGE_FILTERS = [{ name: '巡察工作台交换文件', extensions: ['xcfg', 'xchg'] }]

export type ExportKind = 'config' | 'changes' | 'state'
export type ExchangeErrorCode = 'no-round' | 'no-user' | 'weak-passphrase' | 'nothing-to-export'
/** A refusal before anything was written; `nothing-to-export` is a notice rather than a failure. */
export class ExchangeServiceError extends ServiceError<ExchangeErrorCode> {}

const CAPABILITY = { config: 'export-config', state: 'export-state' } as const

/** The checks before an export or an import: a round, a user, the role, a team passphrase strong enough. */
export function checkTeamPassphrase(passphrase: string): void {
  const check = checkPassphrase(passphrase)
  if (!check.ok) throw new ExchangeServiceError('weak-passphrase', `团队口令强度不足：${check.problems.join('；')}`)
}

export interface ExportRequest {
  kind: ExportKind
  passphrase: string
  scope: ExportScope
  round: Round | undefined
  user: TeamMember | undefined
  deviceId: string
}

export interface ExportedPackage {
  kind: ExportKind
  records: number
  /** Where it went, as the bridge reports it (else the suggested name). */
  location: string
  bytes: number
}

export async function exportExchangePackage(
  ctx: ServiceContext,
  states: SyncStates,
  files: Pick<XunchaBridge, 'saveFile'>,
  request: ExportRequest,
): Promise<ExportedPackage | undefined> {
  const { kind, round, user, deviceId } = request
  if (!round) throw new ExchangeServiceError('no-round', '请先选择巡察轮次')
  if (!user) throw new ExchangeServiceError('no-user', '请先在页面顶部选择本机使用人')
  const refused = kind === 'changes' ? '' : denial(user, CAPABILITY[kind])
  if (refused) throw new DeniedError(refused)
  checkTeamPassphrase(request.passphrase)
  // Local edits are stamped (and the state stored) before the set is built.
  const records = await localRecords(ctx.repo, round.id)
  const state = stampLocal(await states.current(round.id, deviceId), records)
  await states.save(round.id, state)
  const packageId = crypto.randomUUID()
  const createdAt = new Date().toISOString()
  const from = { deviceId, name: user.name }
  const head = { packageId, roundId: round.id, from, createdAt }
  const set = buildChangeSet(state, records, kind === 'config' ? { kind: 'all', tables: CONFIG_TABLES } : request.scope, head)
  if (kind === 'changes' && set.records.length === 0)
    throw new ExchangeServiceError('nothing-to-export', '自上次确认以来本机没有新的变更，无需导出')
  const auditHead = await ctx.repo.audit.head()
  const bytes = await encodePackage(
    { kind, ...head, roundName: round.name, auditHead },
    new TextEncoder().encode(JSON.stringify(set)),
    request.passphrase,
  )
  const fileName = safeFileName(`${round.name}-${PACKAGE_KINDS[kind]}-${user.name}-${todayIso()}`, PACKAGE_EXTENSIONS[kind])
  const saved = await files.saveFile({ suggestedName: fileName, filters: EXCHANGE_FILTERS, data: bytes })
  if (!saved.saved) return undefined
  await ctx.repo.record({
    action: 'export',
    table: 'rounds',
    recordId: round.id,
    detail: `导出${PACKAGE_KINDS[kind]}（${set.records.length} 条记录）`,
  })
  return { kind, records: set.records.length, location: saved.location ?? fileName, bytes: saved.size ?? bytes.byteLength }
}
