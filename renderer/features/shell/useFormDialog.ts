// What every record form dialog does: a fresh draft each time it opens, the rule verdict shown
// (errors block, warnings do not), one save at a time, and a clear message either way.
import { ref, watch, type Ref } from 'vue'
import { ElMessage } from 'element-plus'
import type { Verdict } from '@shared/round/validation'
import { describeError } from '../../util/format'

/**
 * `existing` is the record being edited (undefined for a new one), copied as plain data: it is a
 * reactive proxy, which structuredClone and IndexedDB cannot take.
 */
export function useFormDialog<D>(visible: Ref<boolean>, existing: () => D | undefined, blank: () => D) {
  const initial = (): D => {
    const record = existing()
    return record ? (JSON.parse(JSON.stringify(record)) as D) : blank()
  }
  const draft = ref(initial()) as Ref<D>
  const problems = ref<string[]>([])
  const warnings = ref<string[]>([])
  const saving = ref(false)

  watch(visible, (open) => {
    if (!open) return
    draft.value = initial()
    problems.value = []
    warnings.value = []
  })

  /** Shows the verdict; when it has no errors runs `save`, whose result is the success message. */
  async function submit(verdict: Verdict, save: () => Promise<string>): Promise<void> {
    problems.value = verdict.errors
    warnings.value = verdict.warnings
    if (verdict.errors.length) {
      ElMessage.error(verdict.errors[0]!)
      return
    }
    saving.value = true
    try {
      ElMessage.success(await save())
      visible.value = false
    } catch (e) {
      ElMessage.error(`保存失败：${describeError(e)}`)
    } finally {
      saving.value = false
    }
  }

  return { draft, problems, warnings, saving, submit }
}
