// The audit log's vocabulary: what each action, table, field and actor is called in the log view
// and its export (developer names such as settings or generatedAt never reach the screen); and
// the rules of its chain (below).
import { canonicalJson, sha256Hex } from '../util/hash'
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
  'recovery-failed': '恢复密钥错误',
  'audit-upgrade': '审计日志升级',
  lock: '锁定',
  'passphrase-change': '更改口令',
  'vault-setup': '设置口令',
  sign: '签字',
  seal: '封存',
  wipe: '清理',
  'key-created': '设置签名密码',
  'key-certified': '确认签名密钥',
  'key-revoked': '停用签名密钥',
  'pin-failed': '签名密码错误',
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
  return [...new Set(fields.map((f) => fieldLabel(table, f)).map((label) => (/^[\x20-\x7e]+$/.test(label) ? '其他字段' : label)))].join(
    '、',
  )
}

/**
 * 人员 column. Entries written before anyone was chosen on this laptop carry actorId 'system': a
 * failed unlock happens on the lock screen, where nobody can be known.
 */
export function auditActorLabel(entry: Pick<AuditEntry, 'actor' | 'actorId' | 'action'>): string {
  if (entry.actorId !== 'system') return entry.actor
  if (
    entry.action === 'unlock-failed' ||
    entry.action === 'unlock' ||
    entry.action === 'vault-setup' ||
    entry.action === 'passphrase-change'
  )
    return '锁屏界面（尚未确认身份）'
  return '本机（尚未选择使用人）'
}

// ── The chain ──
// Each entry's hash covers its content and the previous entry's hash. From v2 the hash is an
// HMAC-SHA-256 under a key held wrapped by the vault's master key, so whoever can write the
// database but not unlock it cannot recompute the chain after a rewrite. The head (last seq
// and hash, which is also the entry count) is kept sealed with the same key and rewritten in
// the transaction of every append, so a deleted tail is seen too. Entries written before v2
// (plain SHA-256) still verify as such; the first v2 entry chains from the last of them, which
// protects them from then on.

export const GENESIS_HASH = '0'.repeat(64)

/** HMAC-SHA-256 under the audit key, hex; undefined when the key is not available. */
export type AuditMac = (text: string) => Promise<string>

export interface AuditHead {
  /** Number of entries, which is also the seq of the last one. */
  count: number
  head: string
}
export interface SealedAuditHead extends AuditHead {
  mac: string
}

const headPayload = (h: AuditHead) => canonicalJson({ purpose: 'xuncha-audit-head', count: h.count, head: h.head })

export async function sealAuditHead(h: AuditHead, mac: AuditMac): Promise<SealedAuditHead> {
  return { count: h.count, head: h.head, mac: await mac(headPayload(h)) }
}

/** The hash an entry must carry: HMAC for v2, SHA-256 for v1. */
export function auditEntryHash(entry: Omit<AuditEntry, 'hash'>, mac: AuditMac): Promise<string> {
  return entry.v === 2 ? mac(canonicalJson(entry)) : sha256Hex(canonicalJson(entry))
}

export type AuditProblem =
  | 'edited' // one entry changed in place
  | 'rewritten' // entries changed and the later hashes recomputed
  | 'truncated' // the newest entries deleted
  | 'gap' // entries deleted in the middle (or after a truncation, then written on)
  | 'head' // the sealed head missing or altered

export interface AuditVerdict {
  ok: boolean
  count: number
  /** Entries in the old (pre-key) format at the start of the log. */
  legacy: number
  problem?: AuditProblem
  /** seq of the first entry affected. */
  at?: number
  /** Chinese, for the view. */
  message: string
}

const say = (v: Omit<AuditVerdict, 'ok'>): AuditVerdict => ({ ok: false, ...v })

/**
 * Verifies the chain (entries in seq order) against the sealed head, and says what happened:
 * an entry edited in place, a rewrite with every later hash recomputed, a deleted tail, or
 * entries missing in the middle.
 */
export async function verifyAuditLog(entries: AuditEntry[], sealed: SealedAuditHead | undefined, mac: AuditMac): Promise<AuditVerdict> {
  let prev = GENESIS_HASH
  let expected = 1
  let legacy = 0
  let keyed = false
  for (const entry of entries) {
    const { hash, ...rest } = entry
    const count = expected - 1
    if (entry.seq !== expected) {
      const missing = entry.seq > expected ? `第 ${expected} 至第 ${entry.seq - 1} 条` : `第 ${entry.seq} 条附近的条目`
      return say({ count, legacy, problem: 'gap', at: expected, message: `审计日志${missing}被删除（其后的条目仍在）` })
    }
    if (entry.v !== 2 && keyed) {
      return say({
        count,
        legacy,
        problem: 'rewritten',
        at: entry.seq,
        message: `审计日志自第 ${entry.seq} 条起被改写：这些条目被改成了不带密钥的旧格式并重算了哈希`,
      })
    }
    if (entry.prevHash !== prev) {
      const message =
        entry.v === 2 && !keyed && legacy > 0
          ? `审计日志第 ${entry.seq} 条之前的旧格式条目被改写（旧条目无密钥保护，其哈希被重新计算）`
          : `审计日志第 ${entry.seq} 条与前一条接不上：其前的条目被改写或替换`
      return say({ count, legacy, problem: 'rewritten', at: entry.seq, message })
    }
    if ((await auditEntryHash(rest, mac)) !== hash) {
      // A hash that is the plain SHA-256 of the altered content was recomputed by someone
      // without the key; the later entries were then re-linked to it.
      const rehashed = entry.v === 2 && (await sha256Hex(canonicalJson(rest))) === hash
      return rehashed
        ? say({
            count,
            legacy,
            problem: 'rewritten',
            at: entry.seq,
            message: `审计日志自第 ${entry.seq} 条起被改写，其后各条的哈希被重新计算（没有审计密钥，无法伪造）`,
          })
        : say({ count, legacy, problem: 'edited', at: entry.seq, message: `审计日志第 ${entry.seq} 条被直接修改：内容与其哈希不符` })
    }
    if (entry.v === 2) keyed = true
    else legacy++
    prev = hash
    expected++
  }
  const count = expected - 1
  const legacyNote = legacy ? `（其中前 ${legacy} 条为启用审计密钥前的旧格式，按 SHA-256 校验）` : ''
  if (!sealed) {
    if (!keyed)
      return { ok: true, count, legacy, message: `审计日志完整：共 ${count} 条${legacyNote}；尚未启用审计密钥，无法发现末尾被删除的条目` }
    return say({ count, legacy, problem: 'head', message: '审计日志的封存记录（条数和末条哈希）缺失：无法确认末尾是否被删除' })
  }
  if ((await mac(headPayload(sealed))) !== sealed.mac) {
    return say({ count, legacy, problem: 'head', message: '审计日志的封存记录被改动：无法确认末尾是否被删除' })
  }
  if (count < sealed.count) {
    return say({
      count,
      legacy,
      problem: 'truncated',
      at: count + 1,
      message: `审计日志末尾 ${sealed.count - count} 条被删除：封存记录为 ${sealed.count} 条，现存 ${count} 条`,
    })
  }
  if (count > sealed.count || prev !== sealed.head) {
    return say({
      count,
      legacy,
      problem: 'rewritten',
      at: sealed.count,
      message: `审计日志与封存记录不符（封存 ${sealed.count} 条，现存 ${count} 条）：日志被改写`,
    })
  }
  return { ok: true, count, legacy, message: `审计日志完整：共 ${count} 条，与封存的条数和末条哈希一致${legacyNote}` }
}

/**
 * What a receiver makes of the audit head a package carries, against the last one seen from
 * the same laptop: a count that went down means that laptop's log lost entries. '' when fine.
 */
export function peerAuditWarning(seen: AuditHead | undefined, now: AuditHead | undefined): string {
  if (!now) return seen ? '该设备此前的文件带有审计日志封存记录，本文件没有：其审计日志可能被改动' : ''
  if (seen && now.count < seen.count)
    return `该设备的审计日志条数比上次收到时少（上次 ${seen.count} 条，本次 ${now.count} 条）：其审计日志可能被删除了末尾`
  return ''
}
