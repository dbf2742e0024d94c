import { describeError } from '../../util/format'
// Roster import: read the file, show every row with its fate (shared/roster/plan.ts), let the user
// untick rows and settle duplicate names, then save. Nothing is written before 确认导入.
import { computed, ref } from 'vue'
import { ElMessage } from 'element-plus'
import {
  parseRoster,
  planRosterImport,
  resolveRosterPlan,
  RosterImportError,
  type RosterParseResult,
  type RosterPlan,
  type RowDecision,
} from '@shared/roster'
import type { Cadre } from '@shared/domain/types'
import { todayIso } from '@shared/util/dates'
import { bridge } from '../../platform/bridge'
import { repo } from '../../platform/db/workbench'
import { sha256Hex } from '@shared/util/hash'
import { useRoundStore } from '../../stores/round'

export interface RosterPreview {
  fileName: string
  fingerprint: string
  parsed: RosterParseResult
  plan: RosterPlan
  /** Live and deleted cadres of the round when the file was read. */
  registry: Cadre[]
}

export function useRosterImport() {
  const store = useRoundStore()
  const preview = ref<RosterPreview>()
  const decisions = ref(new Map<number, RowDecision>())
  const busy = ref(false)
  const progress = ref(0)

  async function chooseFile() {
    busy.value = true
    try {
      const file = await bridge().openFile({ title: '导入干部名册', filters: [{ name: 'Excel 工作簿', extensions: ['xlsx'] }] })
      if (!file) return
      const parsed = await parseRoster(file.data)
      const people = await repo.list('people', store.activeRoundId, { withDeleted: true })
      const registry = people.filter((p): p is Cadre => p.kind === 'cadre')
      const today = todayIso()
      const plan = planRosterImport(parsed, registry, { today, roundDate: store.activeRound?.entryDate || today })
      decisions.value = new Map(plan.rows.map((r) => [r.sourceRow, { ticked: r.ticked }]))
      preview.value = { fileName: file.name, fingerprint: await sha256Hex(file.data), parsed, plan, registry }
    } catch (e) {
      ElMessage.error({ message: e instanceof RosterImportError ? e.message : `无法读取该文件：${describeError(e)}`, duration: 8000 })
    } finally {
      busy.value = false
    }
  }

  const resolved = computed(() =>
    preview.value ? resolveRosterPlan(preview.value.plan, decisions.value, preview.value.registry) : undefined,
  )

  function decide(sourceRow: number, change: Partial<RowDecision>) {
    const next = new Map(decisions.value)
    next.set(sourceRow, { ticked: false, ...next.get(sourceRow), ...change })
    decisions.value = next
  }

  async function confirm() {
    const p = preview.value
    const r = resolved.value
    if (!p || !r || r.counts.choose > 0) return
    busy.value = true
    progress.value = 0
    let saved = 0
    const { new: added, update: updated, unchanged, skip, junk } = r.counts
    try {
      for (const write of r.writes) {
        await store.savePerson<Cadre>({ ...write, kind: 'cadre', roundId: store.activeRoundId })
        saved++
        progress.value = Math.round((saved / r.writes.length) * 100)
      }
      const summary = `新增 ${added} 人，更新 ${updated} 人，无变化 ${unchanged} 人，未导入 ${skip + junk} 行`
      await repo.record({
        action: 'import',
        table: 'people',
        recordId: store.activeRoundId,
        detail: `导入干部名册 ${p.fileName} sha256:${p.fingerprint}，${summary}`,
      })
      ElMessage.success(`名册导入完成：${summary}`)
      preview.value = undefined
    } catch (e) {
      ElMessage.error(`导入中断（已保存 ${saved} 人）：${describeError(e)}`)
    } finally {
      busy.value = false
    }
  }

  return { preview, decisions, resolved, busy, progress, chooseFile, decide, confirm }
}
