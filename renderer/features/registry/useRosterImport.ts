import { describeError } from '../../util/format'
// Roster import: read the file, show what will happen (new, updated, problems, skipped rows),
// then save. Nothing is written before the user confirms.
import { computed, ref } from 'vue'
import { ElMessage } from 'element-plus'
import { matchExisting, parseRoster, RosterImportError, type RosterMatchResult, type RosterParseResult } from '@shared/roster'
import type { Cadre } from '@shared/domain/types'
import { bridge } from '../../platform/bridge'
import { repo } from '../../platform/db/workbench'
import { sha256Hex } from '@shared/util/hash'
import { useRoundStore } from '../../stores/round'

export interface RosterPreview {
  fileName: string
  fingerprint: string
  parsed: RosterParseResult
  matched: RosterMatchResult
}

export function useRosterImport() {
  const store = useRoundStore()
  const preview = ref<RosterPreview>()
  const busy = ref(false)
  const progress = ref(0)

  async function chooseFile() {
    busy.value = true
    try {
      const file = await bridge().openFile({ title: '导入干部名册', filters: [{ name: 'Excel 工作簿', extensions: ['xlsx'] }] })
      if (!file) return
      const parsed = await parseRoster(file.data)
      preview.value = { fileName: file.name, fingerprint: await sha256Hex(file.data), parsed, matched: matchExisting(parsed.rows, store.cadres) }
    } catch (e) {
      ElMessage.error({ message: e instanceof RosterImportError ? e.message : `无法读取该文件：${describeError(e)}`, duration: 8000 })
    } finally {
      busy.value = false
    }
  }

  const ready = computed(() => preview.value?.matched.matches.filter((m) => m.status !== 'ambiguous') ?? [])

  async function confirm() {
    const p = preview.value
    if (!p) return
    busy.value = true
    progress.value = 0
    let saved = 0
    try {
      for (const m of ready.value) {
        const { sourceRow: _row, ...fields } = m.row
        const base = m.status === 'update' ? m.existing : { kind: 'cadre' as const, roundId: store.activeRoundId }
        await store.savePerson<Cadre>({ ...base, ...fields, kind: 'cadre', roundId: store.activeRoundId })
        saved++
        progress.value = Math.round((saved / ready.value.length) * 100)
      }
      await repo.record({ action: 'import', table: 'people', recordId: store.activeRoundId, detail: `导入干部名册 sha256:${p.fingerprint}，新增 ${p.matched.newCount} 人，更新 ${p.matched.updateCount} 人` })
      ElMessage.success(`名册导入完成：新增 ${p.matched.newCount} 人，更新 ${p.matched.updateCount} 人`)
      preview.value = undefined
    } catch (e) {
      ElMessage.error(`导入中断（已保存 ${saved} 人）：${describeError(e)}`)
    } finally {
      busy.value = false
    }
  }

  return { preview, busy, progress, chooseFile, confirm }
}
