// Role checks (guide §1, §5, §6): only the 组长 approves clues, exports them and signs last;
// only a 副组长 reviews 底稿. The current user is the roster member confirmed at unlock.
import type { MemberRole, TeamMember } from './types'

export const CAPABILITIES = {
  'approve-clue': { roles: ['组长'], denial: '只有组长可以审核问题线索' },
  'export-clues': { roles: ['组长'], denial: '只有组长可以导出问题线索' },
  'export-round-archive': { roles: ['组长'], denial: '轮次归档包含问题线索，只有组长可以导出' },
  'review-paper': { roles: ['副组长'], denial: '只有副组长可以审核底稿' },
  'approve-paper': { roles: ['组长'], denial: '只有组长可以审签底稿' },
  'wipe-round': { roles: ['组长'], denial: '只有组长可以清理本轮数据' },
  // 协同交换: the team's configuration and the full state go out from the 组长 only; changes from anyone.
  'export-config': { roles: ['组长'], denial: '只有组长可以导出配置包' },
  'export-state': { roles: ['组长'], denial: '只有组长可以导出全量状态包' },
  'make-handover': { roles: ['组长'], denial: '只有组长可以生成移交包' },
  /** A conflict held because it touches a sealed clue or a 底稿 the 组长 signed. */
  'resolve-held-conflict': { roles: ['组长'], denial: '该冲突涉及已移交线索或组长已审签底稿，只有组长可以处理' },
} as const satisfies Record<string, { roles: readonly MemberRole[]; denial: string }>

export type Capability = keyof typeof CAPABILITIES

export function can(user: Pick<TeamMember, 'role' | 'deleted'> | undefined, capability: Capability): boolean {
  return !!user && !user.deleted && (CAPABILITIES[capability].roles as readonly MemberRole[]).includes(user.role)
}

/** Why the current user may not do it, in Chinese; '' when allowed. */
export function denial(user: Pick<TeamMember, 'role' | 'deleted'> | undefined, capability: Capability): string {
  if (can(user, capability)) return ''
  return user ? CAPABILITIES[capability].denial : `请先在页面顶部选择本机使用人。${CAPABILITIES[capability].denial}`
}
