// Export and import of exchange packages from the UI: passphrase, file through the bridge,
// a preview computed by the same pure merge that is then applied in one transaction, a
// backup before every import, and the audit entry with the file's fingerprint.
import { ref } from 'vue'
import { ElMessage } from 'element-plus'
import {
  buildChangeSet, decodePackage, encodePackage, ExchangeError, isExchangeError, mergeChangeSet, parseJsonPayload, PACKAGE_EXTENSIONS,
  PACKAGE_KINDS, readHeader, recordKey, stampLocal, validateChangeSet, type ExportScope, type MergeResult, type PackageHeader, type PackageKind,
} from '@shared/exchange'
import { TABLE_LABELS } from '@shared/domain/labels'
import { checkPassphrase } from '@shared/security'
import { todayIso } from '@shared/util/dates'
import { bridge } from '../../bridge'
import { repo } from '../../db/workbench'
import { useRoundStore } from '../../stores/round'
import { describeError, formatBytes } from '../../util/format'
import { loadState, localRecords, reloadRound, sealState, useExchangeStore } from './exchangeStore'
import { backupRound } from './useBackups'

export const CONFIG_TABLES = ['rounds', 'people', 'checklist'] as const
const FILTERS = [{ name: '巡察工作台交换文件', extensions: ['xcfg', 'xchg'] }]

export interface ImportPreview {
  fileName: string
  header: PackageHeader
  fingerprint: string
  result: MergeResult
  joining: boolean
  warnings: string[]
}

export function describeCounts(result: MergeResult): { table: string; new: number; changed: number; conflicting: number; unchanged: number }[] {
  return Object.entries(result.counts).map(([t, c]) => ({ table: TABLE_LABELS[t as keyof typeof TABLE_LABELS] ?? t, ...c! }))
}

export function useExchange() {
  const store = useRoundStore()
  const exchange = useExchangeStore()
  const busy = ref(false)
  const preview = ref<ImportPreview>()
  let pending: { bytes: Uint8Array; passphrase: string } | undefined

  async function exportPackage(kind: 'config' | 'changes' | 'state', passphrase: string, scope: ExportScope) {
    const round = store.activeRound
    const user = store.currentUser
    if (!round) return ElMessage.error('请先选择巡察轮次')
    if (!user) return ElMessage.error('请先在页面顶部选择本机使用人')
    if (kind !== 'changes' && user.role !== '组长') return ElMessage.error(`只有组长可以导出${PACKAGE_KINDS[kind]}`)
    const check = checkPassphrase(passphrase)
    if (!check.ok) return ElMessage.error(`团队口令强度不足：${check.problems.join('；')}`)
    busy.value = true
    try {
      const { state, records } = await exchange.stamp(round.id, store.deviceId)
      const packageId = crypto.randomUUID()
      const createdAt = new Date().toISOString()
      const from = { deviceId: store.deviceId, name: user.name }
      const set = buildChangeSet(state, records, kind === 'config' ? { kind: 'all', tables: CONFIG_TABLES } : scope, { packageId, roundId: round.id, from, createdAt })
      if (kind === 'changes' && set.records.length === 0) return ElMessage.warning('自上次确认以来本机没有新的变更，无需导出')
      const bytes = await encodePackage({ kind, packageId, roundId: round.id, roundName: round.name, from, createdAt }, new TextEncoder().encode(JSON.stringify(set)), passphrase)
      const fileName = `${round.name}-${PACKAGE_KINDS[kind]}-${user.name}-${todayIso()}.${PACKAGE_EXTENSIONS[kind]}`
      const saved = await bridge().saveFile({ suggestedName: fileName, filters: FILTERS, data: bytes })
      if (!saved.saved) return
      await repo.record({ action: 'export', table: 'rounds', recordId: round.id, detail: `导出${PACKAGE_KINDS[kind]} ${fileName}（${set.records.length} 条记录）` })
      const open = exchange.openCount
      ElMessage.success({ message: `已导出${PACKAGE_KINDS[kind]}：${set.records.length} 条记录，${saved.location ?? fileName}（${formatBytes(saved.size ?? bytes.byteLength)}）${open ? `。注意：尚有 ${open} 项冲突未处理` : ''}`, duration: 6000 })
    } catch (e) {
      ElMessage.error(`导出失败：${describeError(e)}`)
    } finally {
      busy.value = false
    }
  }

  /** Decrypts, checks and merges in memory; nothing changes until `confirmImport`. */
  async function compute(bytes: Uint8Array, passphrase: string, fileName: string): Promise<ImportPreview> {
    const clear = readHeader(bytes).header
    if (clear.kind === 'backup' || clear.kind === 'handover') throw new ExchangeError('wrong-kind', '这是备份或移交文件，请在“备份与恢复”中恢复，未做任何更改')
    const joining = !store.rounds.some((r) => r.id === clear.roundId)
    if (joining && clear.kind !== 'config')
      throw new ExchangeError('wrong-round', `该文件属于另一巡察轮次（${clear.roundName}），本机尚未加入该轮次：请先导入组长的轮次配置包，未做任何更改`)
    const { header, payload, fingerprint } = await decodePackage(bytes, passphrase)
    const set = validateChangeSet(parseJsonPayload(payload), header)
    const records = joining ? [] : await localRecords(header.roundId)
    const state = stampLocal(await loadState(header.roundId, store.deviceId), records)
    const local = new Map(records.map((r) => [recordKey(r.table, r.record.id as string), r.record]))
    const result = mergeChangeSet(state, local, set, new Date().toISOString())
    const warnings: string[] = []
    if (result.duplicate) warnings.push('该文件已经导入过，再次导入不会改变任何数据')
    if (header.from.deviceId === store.deviceId) warnings.push('该文件是本机导出的')
    if (result.conflicts.length) warnings.push(`有 ${result.conflicts.length} 处冲突，将放入冲突收件箱，逐项处理前保留本机内容`)
    const held = result.conflicts.filter((c) => c.held).length
    if (held) warnings.push(`${held} 处涉及已移交线索或组长已审签底稿，未改动，留待组长决定`)
    return { fileName, header, fingerprint, result, joining, warnings }
  }

  async function chooseImport(passphrase: string) {
    if (!passphrase) return ElMessage.error('请先输入团队口令')
    busy.value = true
    try {
      const file = await bridge().openFile({ title: '导入交换文件', filters: FILTERS })
      if (!file) return
      preview.value = await compute(file.data, passphrase, file.name)
      pending = { bytes: file.data, passphrase }
    } catch (e) {
      ElMessage.error({ message: isExchangeError(e) ? e.message : `无法读取该文件，未做任何更改：${describeError(e)}`, duration: 8000 })
    } finally {
      busy.value = false
    }
  }

  async function confirmImport() {
    const p = preview.value
    if (!p || !pending) return
    if (p.result.duplicate) {
      preview.value = undefined
      return ElMessage.info('该文件已经导入过，未做任何更改')
    }
    busy.value = true
    try {
      if (!p.joining) await backupRound(p.header.roundId, pending.passphrase, '导入前自动备份')
      // Recomputed against the data as it is now, so nothing edited meanwhile is overwritten.
      const fresh = await compute(pending.bytes, pending.passphrase, p.fileName)
      const r = fresh.result
      const summary = describeCounts(r).map((c) => `${c.table} 新增 ${c.new} 修改 ${c.changed} 冲突 ${c.conflicting}`).join('；')
      const audits = [
        { action: 'import', table: 'rounds', recordId: p.header.roundId, detail: `导入${PACKAGE_KINDS[p.header.kind as PackageKind]} ${p.fileName}，来自${p.header.from.name}，sha256:${p.fingerprint}：${summary}` },
        ...r.writes.map((w) => ({ action: 'import', table: w.table, recordId: w.record.id as string, detail: `合并自${p.header.from.name}` })),
      ]
      await repo.applyMerge(r.writes, audits, await sealState(p.header.roundId, r.state))
      store.rounds = await repo.listRounds()
      await reloadRound(store, p.header.roundId)
      await exchange.load(p.header.roundId, store.deviceId)
      ElMessage.success({ message: p.joining ? `已加入轮次“${p.header.roundName}”：请在页面顶部选择本人` : `已导入：${summary || '没有需要更改的内容'}`, duration: 6000 })
      preview.value = undefined
      pending = undefined
    } catch (e) {
      ElMessage.error(`导入失败，本机数据未改变：${isExchangeError(e) ? e.message : describeError(e)}`)
    } finally {
      busy.value = false
    }
  }

  function cancel() {
    preview.value = undefined
    pending = undefined
  }

  return { busy, preview, exportPackage, chooseImport, confirmImport, cancel }
}
