// Round archive export and import from the UI: file dialogs through the bridge, a preview
// before anything changes, one atomic replace, and an audit entry with the file fingerprint.
import { ref } from 'vue'
import { ElMessage, ElMessageBox } from 'element-plus'
import { encodeArchive, isArchiveError, type DecodedArchive } from '@shared/archive'
import { rekeySnapshot } from '@shared/archive/rekey'
import { decodeOffThread } from '../../platform/workers/decodeOffThread'
import { ARCHIVE_FILE_EXTENSION } from '@shared/archive/format'
import { sha256Hex } from '@shared/util/hash'
import { safeFileName } from '@shared/util/filename'
import { encodePackage, isExchangeError, PACKAGE_EXTENSIONS } from '@shared/exchange'
import { checkPassphrase } from '@shared/security'
import { TABLE_LABELS } from '@shared/domain/labels'
import { denial } from '@shared/domain/permissions'
import { formatDateTimeCN, todayIso } from '@shared/util/dates'
import { bridge } from '../../platform/bridge'
import { repo } from '../../platform/db/workbench'
import { RoundCollisionError } from '../../platform/db/repository'
import { signLeaderAct } from '../shell/leaderAct'
import { useRoundStore } from '../../stores/round'
import { describeError, formatBytes } from '../../util/format'

const EXT = ARCHIVE_FILE_EXTENSION.slice(1)
const FILTERS = [{ name: '巡察工作台轮次归档', extensions: [EXT, PACKAGE_EXTENSIONS.backup] }]
const MAGIC = new TextEncoder().encode('XUNCHAEX')
/** An exchange container (the encrypted archive) rather than a plain gzip archive. */
const isPackage = (b: Uint8Array) => MAGIC.every((x, i) => b[i] === x)

/** The passphrase of an encrypted archive, asked when the file turns out to be one ('' if cancelled). */
async function askPassphrase(): Promise<string> {
  try {
    const { value } = await ElMessageBox.prompt('这是加密的轮次归档，请输入导出时设定的口令', '输入归档口令', {
      inputType: 'password',
      confirmButtonText: '解密并预览',
      cancelButtonText: '取消',
    })
    return value ?? ''
  } catch {
    return ''
  }
}

export interface ArchivePreview {
  fileName: string
  fingerprint: string
  decoded: DecodedArchive
  replaces: boolean
}

export function useRoundArchive() {
  const store = useRoundStore()
  const busy = ref(false)
  const preview = ref<ArchivePreview>()

  async function exportActive() {
    const round = store.activeRound
    if (!round) return
    const refused = denial(store.currentUser, 'export-round-archive')
    if (refused) {
      ElMessage.error(refused)
      return
    }
    if (!(await signLeaderAct('export-archive', '明文导出轮次归档'))) return
    busy.value = true
    try {
      const snapshot = await repo.snapshot(round.id)
      const bytes = await encodeArchive(snapshot, {
        appVersion: __APP_VERSION__,
        exportedBy: store.currentUser?.name ?? '未指定',
        exportedAt: new Date().toISOString(),
      })
      const fileName = safeFileName(`${round.name}-轮次归档-${todayIso()}`, ARCHIVE_FILE_EXTENSION)
      const result = await bridge().saveFile({ suggestedName: fileName, filters: FILTERS, data: bytes })
      if (!result.saved) return
      await repo.record({
        action: 'export',
        table: 'rounds',
        recordId: round.id,
        detail: `明文导出轮次归档（未加密）sha256:${await sha256Hex(bytes)}`,
      })
      ElMessage.success({
        message: `已导出轮次归档：${result.location ?? fileName}（${formatBytes(result.size ?? bytes.byteLength)}）。该文件未加密，含线索内容和信访人联系方式，请妥善保管`,
        duration: 8000,
      })
    } catch (e) {
      ElMessage.error(`导出失败：${describeError(e)}`)
    } finally {
      busy.value = false
    }
  }

  /**
   * The recommended route: the round archive encrypted with a passphrase, in the exchange
   * packages' container (PBKDF2-SHA-256 + AES-256-GCM; the same file 从备份恢复 opens).
   */
  async function exportEncrypted(passphrase: string) {
    const round = store.activeRound
    if (!round) return
    const refused = denial(store.currentUser, 'export-round-archive')
    if (refused) return ElMessage.error(refused)
    const check = checkPassphrase(passphrase)
    if (!check.ok) return ElMessage.error(`口令强度不足：${check.problems.join('；')}`)
    if (!(await signLeaderAct('export-archive', '加密导出轮次归档'))) return
    busy.value = true
    try {
      const by = store.currentUser?.name ?? '未指定'
      const createdAt = new Date().toISOString()
      const archive = await encodeArchive(await repo.snapshot(round.id), {
        appVersion: __APP_VERSION__,
        exportedBy: by,
        exportedAt: createdAt,
      })
      const bytes = await encodePackage(
        {
          kind: 'backup',
          packageId: crypto.randomUUID(),
          roundId: round.id,
          roundName: round.name,
          from: { deviceId: store.deviceId, name: by },
          createdAt,
        },
        archive,
        passphrase,
      )
      const fileName = safeFileName(`${round.name}-轮次归档（加密）-${todayIso()}`, PACKAGE_EXTENSIONS.backup)
      const result = await bridge().saveFile({
        suggestedName: fileName,
        filters: [{ name: '巡察工作台加密轮次归档', extensions: [PACKAGE_EXTENSIONS.backup] }],
        data: bytes,
      })
      if (!result.saved) return
      await repo.record({
        action: 'export',
        table: 'rounds',
        recordId: round.id,
        detail: `导出加密轮次归档 ${fileName} sha256:${await sha256Hex(bytes)}`,
      })
      ElMessage.success({
        message: `已导出加密轮次归档：${result.location ?? fileName}（${formatBytes(result.size ?? bytes.byteLength)}）`,
        duration: 6000,
      })
    } catch (e) {
      ElMessage.error(`导出失败：${describeError(e)}`)
    } finally {
      busy.value = false
    }
  }

  /** Reads and checks a file (plain .xcra, or encrypted with `passphrase`); nothing changes until `confirmImport`. */
  async function chooseFile(passphrase = '') {
    busy.value = true
    try {
      const file = await bridge().openFile({ title: '导入轮次归档', filters: FILTERS })
      if (!file) return
      const fingerprint = await sha256Hex(file.data)
      const encrypted = isPackage(file.data)
      // Called straight from a button too (the click event is no passphrase): then it is asked for.
      if (typeof passphrase !== 'string') passphrase = ''
      if (encrypted && !passphrase) passphrase = await askPassphrase()
      if (encrypted && !passphrase) return
      const result = await decodeOffThread(
        encrypted ? { kind: 'backup', bytes: file.data, passphrase } : { kind: 'archive', bytes: file.data },
      )
      if (result.kind !== 'archive' && result.kind !== 'backup') throw new Error('读取结果不符')
      const decoded = result.decoded
      preview.value = {
        fileName: file.name,
        fingerprint,
        decoded,
        replaces: store.rounds.some((r) => r.id === decoded.snapshot.round.id),
      }
    } catch (e) {
      ElMessage.error({
        message: isArchiveError(e) || isExchangeError(e) ? e.message : `无法读取该文件：${describeError(e)}`,
        duration: 8000,
      })
    } finally {
      busy.value = false
    }
  }

  async function confirmImport() {
    const p = preview.value
    if (!p) return
    if (p.replaces) {
      try {
        await ElMessageBox.confirm(
          `本机已有轮次“${p.decoded.snapshot.round.name}”。导入将用归档中的数据整体替换它，是否继续？`,
          '替换已有轮次',
          {
            type: 'warning',
            confirmButtonText: '替换',
            cancelButtonText: '取消',
          },
        )
      } catch {
        return
      }
    }
    busy.value = true
    try {
      await store.installRound(p.decoded.snapshot, {
        action: 'import',
        table: 'rounds',
        recordId: p.decoded.snapshot.round.id,
        detail: `导入轮次归档 sha256:${p.fingerprint}`,
      })
      ElMessage.success(`已导入轮次“${p.decoded.snapshot.round.name}”`)
      preview.value = undefined
    } catch (e) {
      // Ids that belong to another round: never moved; offered as a new round under new ids instead.
      if (e instanceof RoundCollisionError) {
        preview.value = undefined
        busy.value = false
        return offerRekey(p, e)
      }
      ElMessage.error({ message: `导入失败，本机数据未改变：${describeError(e)}`, duration: 10_000 })
    } finally {
      busy.value = false
    }
  }

  /** 作为新轮次导入（重新编号）: every record gets a new id, the round it collided with stays as it is. */
  async function offerRekey(p: ArchivePreview, collision: RoundCollisionError) {
    try {
      await ElMessageBox.confirm(
        `${collision.message}。也可以作为新轮次导入：归档中的每条记录（连同轮次本身）取得新的编号，证据引用、线索与底稿的关联、报告来源、附件等内部引用随之更新；本机原有轮次不受影响。`,
        '记录编号与本机另一轮次冲突',
        { type: 'warning', confirmButtonText: '作为新轮次导入（重新编号）', cancelButtonText: '不导入', distinguishCancelAndClose: true },
      )
    } catch {
      ElMessage.error({ message: `未导入，本机数据未改变：${collision.message}`, duration: 10_000 })
      return
    }
    busy.value = true
    try {
      const source = p.decoded.snapshot
      const taken = store.rounds.some((r) => r.name === source.round.name)
      const rekeyed = await rekeySnapshot(source, () => crypto.randomUUID(), taken ? `${source.round.name}（重新编号）` : undefined)
      await store.installRound(rekeyed, {
        action: 'import',
        table: 'rounds',
        recordId: rekeyed.round.id,
        detail: `作为新轮次导入轮次归档（重新编号，归档中的轮次 id ${source.round.id}）sha256:${p.fingerprint}`,
      })
      const total = Object.values(p.decoded.counts).reduce((a, b) => a + b, 1)
      ElMessage.success(`已作为新轮次导入“${rekeyed.round.name}”（${total} 条记录重新编号）`)
    } catch (e) {
      ElMessage.error({ message: `导入失败，本机数据未改变：${describeError(e)}`, duration: 10_000 })
    } finally {
      busy.value = false
    }
  }

  return { busy, preview, exportActive, exportEncrypted, chooseFile, confirmImport }
}

export function describeCounts(decoded: DecodedArchive): string {
  return Object.entries(decoded.counts)
    .filter(([, n]) => n > 0)
    .map(([t, n]) => `${TABLE_LABELS[t as keyof typeof TABLE_LABELS]} ${n}`)
    .join('，')
}

export function describeExport(decoded: DecodedArchive): string {
  return `${decoded.info.exportedBy} 于 ${formatDateTimeCN(decoded.info.exportedAt)} 导出`
}
