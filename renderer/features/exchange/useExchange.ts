// Export and import of exchange packages from the UI: passphrase, file through the bridge,
// a preview computed by the same pure merge that is then applied in one transaction, a
// backup before every import, and the audit entry with the file's fingerprint.
import { ref, shallowRef } from 'vue'
import { ElMessage } from 'element-plus'
import {
  buildChangeSet,
  encodePackage,
  ExchangeError,
  heldCount,
  isExchangeError,
  mergeChangeSet,
  PACKAGE_EXTENSIONS,
  PACKAGE_KINDS,
  readHeader,
  recordKey,
  stampLocal,
  type ChangeSet,
  type ExportScope,
  type MergeResult,
  type PackageHeader,
  type PackageKind,
} from '@shared/exchange'
import { TABLE_LABELS } from '@shared/domain/labels'
import { checkPassphrase } from '@shared/security'
import { todayIso } from '@shared/util/dates'
import { safeFileName } from '@shared/util/filename'
import { bridge } from '../../platform/bridge'
import { getSetting, repo, setSetting } from '../../platform/db/workbench'
import { peerAuditWarning, type AuditHead } from '@shared/domain/audit'
import { useRoundStore } from '../../stores/round'
import { useSigningStore } from '../../stores/signing'
import { describeError, formatBytes } from '../../util/format'
import { packageRecords, reloadRound, sealState, useExchangeStore } from './exchangeStore'
import { decodeOffThread } from '../../platform/workers/decodeOffThread'
import { deliverBackup, prepareBackup, type PreparedBackup } from './useBackups'

export const CONFIG_TABLES = ['rounds', 'people', 'checklist'] as const
const FILTERS = [{ name: '巡察工作台交换文件', extensions: ['xcfg', 'xchg'] }]

export interface ImportPreview {
  fileName: string
  header: PackageHeader
  fingerprint: string
  result: MergeResult
  joining: boolean
  warnings: string[]
  /** What the merge was computed against: the repository's write count and the state's version. */
  revision: number
  stateVersion: number
}

interface Decoded {
  header: PackageHeader
  fingerprint: string
  joining: boolean
  set: ChangeSet
}

/** Lets the page paint the current step before a stretch of synchronous work. */
const paint = () => new Promise<void>((ok) => requestAnimationFrame(() => setTimeout(ok)))
/** Records how long a step of the import took (read by the benchmark), and returns the time now. */
function measure(name: string, start: number): number {
  performance.measure(`导入：${name}`, { start })
  return performance.now()
}

export function describeCounts(
  result: MergeResult,
): { table: string; new: number; changed: number; conflicting: number; unchanged: number }[] {
  return Object.entries(result.counts).map(([t, c]) => ({ table: TABLE_LABELS[t as keyof typeof TABLE_LABELS] ?? t, ...c! }))
}

export function useExchange() {
  const store = useRoundStore()
  const exchange = useExchangeStore()
  const busy = ref(false)
  /** What a long import is doing now, shown under the buttons and in the preview. */
  const progress = ref<{ text: string; percent?: number }>()
  const preview = shallowRef<ImportPreview>()
  /** The chosen file, decoded, and the backup of the round being built meanwhile (off this thread). */
  let pending: { decoded: Decoded; passphrase: string; backup?: Promise<PreparedBackup>; built: { percent: number } } | undefined
  const step = (text: string, done?: number) =>
    (progress.value = text ? { text, percent: done === undefined ? undefined : Math.round(done * 100) } : undefined)

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
      const set = buildChangeSet(state, records, kind === 'config' ? { kind: 'all', tables: CONFIG_TABLES } : scope, {
        packageId,
        roundId: round.id,
        from,
        createdAt,
      })
      if (kind === 'changes' && set.records.length === 0) return ElMessage.warning('自上次确认以来本机没有新的变更，无需导出')
      const auditHead = await repo.audit.head()
      const bytes = await encodePackage(
        { kind, packageId, roundId: round.id, roundName: round.name, from, createdAt, auditHead },
        new TextEncoder().encode(JSON.stringify(set)),
        passphrase,
      )
      const fileName = safeFileName(`${round.name}-${PACKAGE_KINDS[kind]}-${user.name}-${todayIso()}`, PACKAGE_EXTENSIONS[kind])
      const saved = await bridge().saveFile({ suggestedName: fileName, filters: FILTERS, data: bytes })
      if (!saved.saved) return
      await repo.record({
        action: 'export',
        table: 'rounds',
        recordId: round.id,
        detail: `导出${PACKAGE_KINDS[kind]}（${set.records.length} 条记录）`,
      })
      const open = exchange.openCount
      ElMessage.success({
        message: `已导出${PACKAGE_KINDS[kind]}：${set.records.length} 条记录，${saved.location ?? fileName}（${formatBytes(saved.size ?? bytes.byteLength)}）${open ? `。注意：尚有 ${open} 项冲突未处理` : ''}`,
        duration: 6000,
      })
    } catch (e) {
      ElMessage.error(`导出失败：${describeError(e)}`)
    } finally {
      busy.value = false
    }
  }

  /** Checks the clear header: whether the file is for a round this laptop holds (or joins). */
  function check(bytes: Uint8Array): { roundId: string; joining: boolean } {
    const clear = readHeader(bytes).header
    if (clear.kind === 'backup')
      throw new ExchangeError('wrong-kind', '这是备份文件，请在下方“备份与恢复”中用“从备份恢复…”打开，未做任何更改')
    if (clear.kind === 'handover')
      throw new ExchangeError('wrong-kind', '这是移交包，请在下方“审阅移交包（巡察办）”中用“打开移交包…”以只读方式查看，未做任何更改')
    const joining = !store.rounds.some((r) => r.id === clear.roundId)
    if (joining && clear.kind !== 'config')
      throw new ExchangeError(
        'wrong-round',
        `该文件属于另一巡察轮次（${clear.roundName}），本机尚未加入该轮次：请先导入组长的轮次配置包，未做任何更改`,
      )
    return { roundId: clear.roundId, joining }
  }

  /** Decrypts and checks a file (once per chosen file: the confirmation reuses it). */
  async function decode(bytes: Uint8Array, passphrase: string, joining: boolean): Promise<Decoded> {
    step('正在解密并校验文件…')
    // The bytes are still needed by the caller (the backup worker reads the database, not them): a copy goes to the worker.
    const result = await decodeOffThread({ kind: 'changes', bytes, passphrase })
    if (result.kind !== 'changes') throw new Error('读取结果不符')
    return { header: result.header, fingerprint: result.fingerprint, joining, set: result.set }
  }

  /** Merges in memory against this laptop's versions of the package's records; nothing is written. */
  async function merge(d: Decoded): Promise<Pick<ImportPreview, 'result' | 'revision' | 'stateVersion'>> {
    const revision = repo.revision
    const base = await exchange.current(d.header.roundId, store.deviceId)
    const stateVersion = exchange.version
    step(`正在读取本机的对应记录（共 ${d.set.records.length} 条）…`)
    const records = d.joining
      ? []
      : await packageRecords(d.set, (done, total) => step(`正在读取本机的对应记录（${done}/${total}）…`, done / total))
    step('正在比对合并…')
    await paint()
    const state = stampLocal(base, records)
    const local = new Map(records.map((r) => [recordKey(r.table, r.record.id as string), r.record]))
    // Records whose new signed acts do not verify are held, not merged (shared/exchange/signatures.ts).
    const screened = await useSigningStore().screenIncoming(d.set, local, d.joining)
    const at = new Date().toISOString()
    return { result: screened.hold(mergeChangeSet(state, local, screened.pkg, at), at), revision, stateVersion }
  }

  function warningsOf(d: Decoded, result: MergeResult): string[] {
    const warnings: string[] = []
    if (result.duplicate) warnings.push('该文件已经导入过，再次导入不会改变任何数据')
    if (d.header.from.deviceId === store.deviceId) warnings.push('该文件是本机导出的')
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

  async function chooseImport(passphrase: string) {
    if (!passphrase) return ElMessage.error('请先输入团队口令')
    busy.value = true
    try {
      const file = await bridge().openFile({ title: '导入交换文件', filters: FILTERS })
      if (!file) return
      const t0 = performance.now()
      const { roundId, joining } = check(file.data)
      // The pre-import backup is built by the backup worker while the file is read and the
      // preview computed and read; it is saved only once the import is confirmed.
      const built = { percent: 0 }
      const backup = joining ? undefined : prepareBackup(roundId, passphrase, (p) => (built.percent = p))
      backup?.then(
        () => measure('后台备份（与预览同时）', t0),
        () => undefined,
      ) // a failure is reported when the import is confirmed
      const d = await decode(file.data, passphrase, joining)
      measure('解密校验', t0)
      const job = { decoded: d, passphrase, backup, built }
      const t1 = performance.now()
      const merged = await merge(d)
      measure('读取合并', t1)
      preview.value = {
        fileName: file.name,
        header: d.header,
        fingerprint: d.fingerprint,
        joining: d.joining,
        warnings: warningsOf(d, merged.result),
        ...merged,
      }
      pending = job
    } catch (e) {
      ElMessage.error({ message: isExchangeError(e) ? e.message : `无法读取该文件，未做任何更改：${describeError(e)}`, duration: 8000 })
    } finally {
      busy.value = false
      step('')
    }
  }

  async function confirmImport() {
    const p = preview.value
    const job = pending
    if (!p || !job || busy.value) return
    if (p.result.duplicate) {
      preview.value = undefined
      return ElMessage.info('该文件已经导入过，未做任何更改')
    }
    busy.value = true
    try {
      let t = performance.now()
      if (!p.joining) {
        const waiting = setInterval(() => step(`导入前自动备份本轮次（${job.built.percent}%）…`), 200)
        try {
          let backup = await (job.backup ?? prepareBackup(p.header.roundId, job.passphrase))
          // Built from the data as it was then: again if anything was written since.
          if (backup.revision !== repo.revision)
            backup = await prepareBackup(p.header.roundId, job.passphrase, (x) => (job.built.percent = x))
          await deliverBackup(backup, '导入前自动备份')
        } finally {
          clearInterval(waiting)
        }
        t = measure('导入前备份', t)
      }
      // Merged again against the data as it is now, unless nothing was written since the preview.
      const r = repo.revision === p.revision && exchange.version === p.stateVersion ? p.result : (await merge(job.decoded)).result
      step(`正在写入 ${r.writes.length} 条记录…`)
      await paint()
      const summary = describeCounts(r)
        .map((c) => `${c.table} 新增 ${c.new} 修改 ${c.changed} 冲突 ${c.conflicting}`)
        .join('；')
      // The sender's sealed audit head, against the last one seen from that laptop.
      const seenKey = `auditSeen:${p.header.from.deviceId}`
      const peerWarning = peerAuditWarning(await getSetting<AuditHead | undefined>(seenKey, undefined), p.header.auditHead)
      const peerAudit = p.header.auditHead ? `，对方审计日志 ${p.header.auditHead.count} 条` : ''
      const audits = [
        {
          action: 'import',
          table: 'rounds',
          recordId: p.header.roundId,
          detail: `导入${PACKAGE_KINDS[p.header.kind as PackageKind]}，来自设备 ${p.header.from.deviceId}${peerAudit}${peerWarning ? '（条数减少）' : ''}，sha256:${p.fingerprint}：${summary}`,
        },
        ...r.writes.map((w) => ({
          action: 'import',
          table: w.table,
          recordId: w.record.id as string,
          detail: `合并自设备 ${p.header.from.deviceId}`,
        })),
      ]
      await repo.applyMerge(r.writes, audits, await sealState(p.header.roundId, r.state))
      if (p.header.auditHead) await setSetting(seenKey, p.header.auditHead)
      await useSigningStore().afterImport(p.header.roundId, p.joining)
      if (peerWarning) ElMessage.warning({ message: peerWarning, duration: 0, showClose: true })
      exchange.keep(p.header.roundId, r.state)
      measure('写入', t)
      const held = heldCount(r.conflicts)
      ElMessage.success({
        message: p.joining
          ? `已加入轮次“${p.header.roundName}”：请在页面顶部选择本人，并设置个人签名密码`
          : `已导入：${summary || '没有需要更改的内容'}${held ? `；${held} 条记录签名核验未通过，已暂扣待组长处理（见冲突收件箱）` : ''}`,
        duration: 6000,
      })
      preview.value = undefined
      pending = undefined
      // Committed: the screens reload their records now (a failure here changes nothing stored).
      try {
        if (r.writes.some((w) => w.table === 'rounds')) store.rounds = await repo.listRounds()
        await reloadRound(store, p.header.roundId)
      } catch (e) {
        ElMessage.warning(`已导入，但刷新页面数据失败，请重新进入该页面：${describeError(e)}`)
      }
    } catch (e) {
      ElMessage.error(`导入失败，本机数据未改变：${isExchangeError(e) ? e.message : describeError(e)}`)
    } finally {
      busy.value = false
      step('')
    }
  }

  function cancel() {
    if (busy.value) return
    preview.value = undefined
    pending = undefined
  }

  return { busy, progress, preview, exportPackage, chooseImport, confirmImport, cancel }
}
