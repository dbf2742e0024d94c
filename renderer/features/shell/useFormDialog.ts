// What every record form dialog does: a fresh form each time it opens (or the user's unsaved
// draft, if they choose it), the rule verdict shown (errors block, warnings do not), one save at a
// time, a clear message either way — and nothing typed is lost: the form is kept as an encrypted
// draft while the user types, closing a changed form asks, and a successful save deletes the draft.
import { computed, reactive, ref, watch, type Ref } from 'vue'
import { ElMessage } from 'element-plus'
import type { Verdict } from '@shared/round/validation'
import { describeError } from '../../util/format'
import { useDraft } from '../../ui/useDraft'
import { askKeepDraft, offerDraft } from '../../ui/draftPrompts'

/** What renderer/ui/FormDialog.vue needs from the form: its state and how to close it. */
export interface FormDialogControl {
  saving: boolean
  dirty: boolean
  requestClose(): Promise<void>
}

const plain = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T

/**
 * `existing` is the record being edited (undefined for a new one), copied as plain data: it is a
 * reactive proxy, which structuredClone and IndexedDB cannot take. `form` names the form for its
 * draft (one draft per form, record and user).
 */
export function useFormDialog<D>(visible: Ref<boolean>, existing: () => D | undefined, blank: () => D, form = 'form') {
  const initial = (): D => {
    const record = existing()
    return record ? plain(record) : blank()
  }
  const draft = ref(initial()) as Ref<D>
  const problems = ref<string[]>([])
  const warnings = ref<string[]>([])
  const saving = ref(false)
  const store = useDraft<D>(form, () => (existing() as { id?: string } | undefined)?.id)
  let baseline = JSON.stringify(draft.value)
  /** False while the form is being filled in by the app (opening, restoring): that is no edit. */
  let tracking = false
  const dirty = ref(false)

  watch(visible, async (open) => {
    if (!open) return void store.flush()
    tracking = false
    draft.value = initial()
    baseline = JSON.stringify(draft.value)
    dirty.value = false
    problems.value = []
    warnings.value = []
    const found = await store.load()
    if (found && JSON.stringify(found.value) !== baseline && visible.value) {
      if (await offerDraft(found.savedAt)) draft.value = found.value
      else await store.discard()
    }
    dirty.value = JSON.stringify(draft.value) !== baseline
    tracking = true
  })

  watch(
    draft,
    () => {
      if (!tracking) return
      dirty.value = JSON.stringify(draft.value) !== baseline
      if (dirty.value) store.keep(() => draft.value)
      else void store.discard()
    },
    { deep: true },
  )

  /** Closing a changed form asks: keep it as a draft, give it up, or go on editing. */
  async function requestClose(): Promise<void> {
    if (!dirty.value) {
      visible.value = false
      return
    }
    const choice = await askKeepDraft('表单中', '关闭表单')
    if (choice === 'stay') return
    tracking = false
    if (choice === 'keep') await store.flush()
    else await store.discard()
    dirty.value = false
    visible.value = false
  }

  /** Shows the verdict; when it has no errors runs `save`, whose result is the success message. */
  async function submit(verdict: Verdict, save: () => Promise<string>): Promise<void> {
    problems.value = verdict.errors
    warnings.value = verdict.warnings
    if (verdict.errors.length) {
      ElMessage.error({ message: verdict.errors[0]!, grouping: true })
      return
    }
    saving.value = true
    try {
      const message = await save()
      tracking = false
      await store.discard()
      dirty.value = false
      ElMessage.success(message)
      visible.value = false
    } catch (e) {
      ElMessage.error({ message: `保存失败：${describeError(e)}`, grouping: true })
    } finally {
      saving.value = false
    }
  }

  const control: FormDialogControl = reactive({ saving, dirty: computed(() => dirty.value), requestClose })
  return { draft, problems, warnings, saving, submit, dirty, requestClose, control }
}
