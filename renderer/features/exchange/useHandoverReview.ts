// The 巡察办's side of the hand-over: open a .xhov with its passphrase, read-only (审阅). The
// package is decrypted and every file checked against the manifest in the decode worker;
// nothing is written to this laptop's database. A verified file (the report package, the
// archive, the audit extract) can be saved out as it is.
import { shallowRef, ref } from 'vue'
import { ElMessage } from 'element-plus'
import { isArchiveError } from '@shared/archive'
import { isExchangeError } from '@shared/exchange'
import { bridge } from '../../platform/bridge'
import { describeError, formatBytes } from '../../util/format'
import { decodeOffThread } from '../../platform/workers/decodeOffThread'
import type { DecodeResult } from '../../platform/workers/decodeFile'

export type HandoverOpened = Extract<DecodeResult, { kind: 'handover' }> & { fileName: string }

export function useHandoverReview() {
  const busy = ref(false)
  const opened = shallowRef<HandoverOpened>()

  async function open(passphrase: string) {
    if (!passphrase) return ElMessage.error('请先在上方输入与组长约定的移交口令')
    busy.value = true
    try {
      const file = await bridge().openFile({ title: '打开移交包（审阅）', filters: [{ name: '巡察工作台移交包', extensions: ['xhov'] }] })
      if (!file) return
      const result = await decodeOffThread({ kind: 'handover', bytes: file.data, passphrase })
      if (result.kind !== 'handover') throw new Error('读取结果不符')
      opened.value = { ...result, fileName: file.name }
    } catch (e) {
      ElMessage.error({
        message: isExchangeError(e) || isArchiveError(e) ? e.message : `无法打开该移交包：${describeError(e)}`,
        duration: 8000,
      })
    } finally {
      busy.value = false
    }
  }

  /** Saves one verified file of the package (a file that does not match its manifest is never offered). */
  async function saveOut(name: string) {
    const f = opened.value?.review.files.find((x) => x.name === name && x.ok)
    if (!f) return
    try {
      const saved = await bridge().saveFile({ suggestedName: f.name, filters: [], data: f.bytes })
      if (saved.saved) ElMessage.success(`已保存：${saved.location ?? f.name}（${formatBytes(f.bytes.byteLength)}）`)
    } catch (e) {
      ElMessage.error(`保存失败：${describeError(e)}`)
    }
  }

  return { busy, opened, open, saveOut, close: () => (opened.value = undefined) }
}
