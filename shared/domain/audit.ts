// The audit log's vocabulary: what each action is called in the log view and its export.
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
