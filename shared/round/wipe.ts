// 清理 at the end of a round (guide §11): what a wipe removed, kept in the audit log, and the
// certificate (清理证明) printed from it.
import type { OfficialDoc } from '../export/pdf-document'
import { TABLE_LABELS } from '../domain/labels'
import type { RoundSnapshot } from '../domain/snapshot'
import { ROUND_TABLES, type RoundTableName } from '../domain/tables'
import { formatDateCN, formatDateTimeCN } from '../util/dates'
import { canonicalJson } from '../util/hash'

export interface WipeRecord {
  roundId: string
  roundName: string
  unitName: string
  entryDate: string
  exitDate: string
  /** Records removed per table, tombstones included. */
  counts: Record<RoundTableName, number>
  /** The verified copy the round was handed over as. */
  archiveFileName: string
  archiveSha256: string
  keyDestroyedAt: string
  wipedAt: string
  wipedBy: string
  deviceId: string
  /**
   * The round's automatic backups in the backup folder: deleted by the wipe (`deleted`, when the
   * user chose it), or listed where they stay. Absent on certificates of earlier versions.
   */
  backups?: WipeBackups
}

export interface WipeBackups {
  folder?: string
  /** The automatic backups found (listed), or deleted when `deleted` is true. */
  files: string[]
  deleted?: boolean
  /** Deletion was asked but these files could not be removed. */
  failed?: string[]
}

const names = (files: string[]) => `${files.slice(0, 30).join('、')}${files.length > 30 ? ' 等' : ''}`

/** The certificate's paragraph on the round's backup files: which were deleted, or where they are. */
export function backupParagraphs(w: WipeRecord): string[] {
  if (!w.backups) return []
  const { folder, files, deleted, failed = [] } = w.backups
  const series = `文件名形如“自动备份-…~${w.roundId}-….xbak”（按轮次 id 命名，不会与其他轮次混淆）`
  const manual = '手动导出的备份和归档文件在导出时所选的位置（审计日志不记文件名），不在本次清理范围内。'
  const secret = '这些备份均以口令加密；如不再需要，请按保密规定另行销毁。'
  if (!folder) return [`本次清理未删除备份文件：本机未选择备份文件夹，本轮的备份文件（如有）在导出时所选的位置。${manual}${secret}`]
  if (deleted) {
    const done = files.length
      ? `已删除备份文件夹“${folder}”中本轮的自动备份 ${files.length} 份：${names(files)}。`
      : `备份文件夹“${folder}”中没有本轮的自动备份。`
    const left = failed.length ? `另有 ${failed.length} 份未能删除，仍在该文件夹：${names(failed)}，请另行销毁。` : ''
    return [`${done}${left}${manual}`]
  }
  const listed = files.length ? `共 ${files.length} 份：${names(files)}。` : '清理时该文件夹中没有本轮的自动备份。'
  return [`本次清理未删除备份文件。本轮的自动备份位于备份文件夹“${folder}”，${series}；${listed}${manual}${secret}`]
}

/** True when the archive holds exactly what this laptop holds of the round. */
export function archiveMatchesRound(archived: RoundSnapshot, current: RoundSnapshot): boolean {
  return archived.round.id === current.round.id && canonicalJson(archived) === canonicalJson(current)
}

export function countRecords(snapshot: RoundSnapshot): Record<RoundTableName, number> {
  return Object.fromEntries(ROUND_TABLES.map((t) => [t, snapshot.tables[t].length])) as Record<RoundTableName, number>
}

export function wipeCertificate(w: WipeRecord): OfficialDoc {
  const total = ROUND_TABLES.reduce((n, t) => n + w.counts[t], 0)
  return {
    title: '巡察数据清理证明',
    blocks: [
      {
        kind: 'paragraph',
        text: `${w.roundName}（被巡察党组织：${w.unitName}，驻点时间${formatDateCN(w.entryDate)}至${formatDateCN(w.exitDate)}）的工作数据，已于${formatDateTimeCN(w.wipedAt)}在本机清理完毕。清理前，本轮数据已完整移交，移交文件经逐项核对无误。`,
      },
      { kind: 'heading', level: 1, text: '清理方式' },
      {
        kind: 'paragraph',
        text: `先销毁本轮数据密钥（${formatDateTimeCN(w.keyDestroyedAt)}），使本机可能残留的全部加密数据无法解读，再删除本轮全部记录。清理操作已记入审计日志。`,
      },
      { kind: 'heading', level: 1, text: '清理内容' },
      {
        kind: 'table',
        columns: [{ header: '数据类别' }, { header: '清理条数', align: 'right' }],
        rows: [
          [TABLE_LABELS.rounds, '1'],
          ...ROUND_TABLES.filter((t) => w.counts[t] > 0).map((t) => [TABLE_LABELS[t], String(w.counts[t])]),
          ['合计', String(total + 1)],
        ],
      },
      ...(w.backups
        ? [
            { kind: 'heading' as const, level: 1 as const, text: '备份文件' },
            ...backupParagraphs(w).map((text) => ({ kind: 'paragraph' as const, text })),
          ]
        : []),
      { kind: 'heading', level: 1, text: '移交文件' },
      { kind: 'paragraph', text: `文件名：${w.archiveFileName}`, indent: false },
      { kind: 'paragraph', text: `SHA-256：${w.archiveSha256}`, indent: false },
      { kind: 'paragraph', text: `本机标识：${w.deviceId}`, indent: false },
      { kind: 'spacer', lines: 1 },
      {
        kind: 'signature',
        fields: [{ label: '清理人', value: w.wipedBy }, '监督人', { label: '日期', value: formatDateCN(w.wipedAt.slice(0, 10)) }],
      },
    ],
  }
}
