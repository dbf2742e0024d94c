// The audit log's vocabulary: what each action, table, field and actor is called in the log view
// and its export. Developer names (settings, generatedAt…) never reach the screen.
import { fieldLabel, TABLE_LABELS } from './labels'
import type { AuditEntry } from './types'
export const AUDIT_ACTIONS = {
  create: '新建',
  update: '修改',
  delete: '删除',
  view: '查看',
  import: '导入',
  export: '导出',
  unlock: '解锁',
  'unlock-failed': '解锁失败',
  lock: '锁定',
  'passphrase-change': '更改口令',
  'vault-setup': '设置口令',
  sign: '签字',
  seal: '封存',
  wipe: '清理',
} as const

export type AuditAction = keyof typeof AUDIT_ACTIONS

export function auditActionLabel(action: string): string {
  return (AUDIT_ACTIONS as Record<string, string>)[action] ?? action
}

/** 对象 column: the record tables, plus the app's own settings (unlocks, passphrase) and the vault. */
export const AUDIT_TABLE_LABELS: Record<string, string> = { ...TABLE_LABELS, settings: '系统设置' }

export function auditTableLabel(table: string): string {
  return AUDIT_TABLE_LABELS[table] ?? '其他'
}

/** 改动字段 column: Chinese labels only; a field without one (written by an older version) is “其他字段”. */
export function auditFieldsLabel(table: string, fields: readonly string[]): string {
  return [...new Set(fields.map((f) => fieldLabel(table, f)).map((label) => (/^[\x20-\x7e]+$/.test(label) ? '其他字段' : label)))].join('、')
}

/**
 * 人员 column. Entries written before anyone was chosen on this laptop carry actorId 'system': a
 * failed unlock happens on the lock screen, where nobody can be known.
 */
export function auditActorLabel(entry: Pick<AuditEntry, 'actor' | 'actorId' | 'action'>): string {
  if (entry.actorId !== 'system') return entry.actor
  if (entry.action === 'unlock-failed' || entry.action === 'unlock' || entry.action === 'vault-setup' || entry.action === 'passphrase-change') return '锁屏界面（尚未确认身份）'
  return '本机（尚未选择使用人）'
}
