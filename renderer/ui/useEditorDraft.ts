// An editor saved by its own button rather than a form dialog (巡言巡语): while what it holds
// differs from what was saved it is kept as an encrypted draft (useDraft), the draft is offered
// back when the editor is loaded, and leaving the page asks first.
import { computed, ref, watch, type Ref } from 'vue'
import { onBeforeRouteLeave } from 'vue-router'
import { useDraft } from './useDraft'
import { askKeepDraft, offerDraft } from './draftPrompts'

/** `what` names the editor in the questions ("巡言巡语"). */
export function useEditorDraft<T>(form: string, current: Ref<T>, what: string) {
  const kept = useDraft<T>(form, () => undefined)
  const savedJson = ref(JSON.stringify(current.value))
  const dirty = computed(() => JSON.stringify(current.value) !== savedJson.value)
  /** False while the app fills the editor (loading, restoring): that is no edit. */
  let tracking = false

  watch(
    current,
    () => {
      if (!tracking) return
      if (dirty.value) kept.keep(() => current.value)
      else void kept.discard()
    },
    { deep: true },
  )

  /** The editor now holds the saved data: remember it, then offer a draft that differs from it. */
  async function loaded(): Promise<void> {
    tracking = false
    savedJson.value = JSON.stringify(current.value)
    const found = await kept.load()
    if (found && JSON.stringify(found.value) !== savedJson.value) {
      if (await offerDraft(found.savedAt)) current.value = found.value
      else await kept.discard()
    }
    tracking = true
  }

  /** What the editor holds was saved: the draft goes. */
  async function saved(value: T): Promise<void> {
    savedJson.value = JSON.stringify(value)
    await kept.discard()
  }

  onBeforeRouteLeave(async () => {
    if (!dirty.value) return true
    const choice = await askKeepDraft(what, '离开编辑', '保留草稿并离开')
    if (choice === 'stay') return false
    tracking = false
    if (choice === 'keep') await kept.flush()
    else await kept.discard()
    return true
  })

  return { dirty, loaded, saved }
}
