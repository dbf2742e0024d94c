// The audit log as the 审计日志 page reads it: every entry, newest first, and the chain's check.
import type { AuditEntry } from '@shared/domain/types'
import type { ServiceContext } from './context'

export const auditLogNewestFirst = async (ctx: ServiceContext): Promise<AuditEntry[]> => (await ctx.repo.auditEntries()).reverse()

export const verifyAuditChain = (ctx: ServiceContext) => ctx.repo.audit.verify()
