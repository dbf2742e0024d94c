// Autosave of a 谈话记录 while typing: a short debounce, saves one at a time through the
// repository (encrypted, audited), and a flush when the drawer closes, the view unmounts, the app
// locks or the window is closed or reloaded; while a change is unwritten, leaving the page asks
// first (ui/unloadGuard.ts). What is typed while a save is in flight is saved right after it (latestSaver).
import { onBeforeUnmount, ref, watch, type Ref } from 'vue'
import type { InterviewRecord } from '@shared/domain/types'
import { latestSaver } from '@shared/util/latest-saver'
import { describeError } from '../../util/format'
import { registerPendingWrites } from '../../ui/pendingWrites'
import { useInterviewsStore } from '../../stores/interviews'

const DEBOUNCE_MS = 500

export function useRecordAutosave(interviewId: Ref<string | undefined>, record: Ref<InterviewRecord | undefined>) {
  const ivs = useInterviewsStore()
  const savedAt = ref<Date>()
  const error = ref('')
  /** Changes not yet written (waiting for the debounce, or for the save in flight). */
  const dirty = ref(false)
  let timer: ReturnType<typeof setTimeout> | undefined
  let armed = false
  let edits = 0

  const saver = latestSaver<{ id: string; record: InterviewRecord; edit: number }>(
    async ({ id, record: snapshot, edit }) => {
      const iv = ivs.byId(id)
      if (!iv) return
      await ivs.save({ ...iv, record: snapshot })
      savedAt.value = new Date()
      error.value = ''
      // Only the newest edit being saved means nothing is left to save.
      if (edit === edits && !timer) dirty.value = false
    },
    (e) => {
      dirty.value = true
      error.value = `自动保存失败：${describeError(e)}`
    },
  )

  /** Starts watching after the record for an interview has been loaded (loading is not an edit). */
  function arm() {
    armed = false
    dirty.value = false
    error.value = ''
    savedAt.value = undefined
    queueMicrotask(() => (armed = true))
  }

  watch(
    record,
    () => {
      if (!armed || !record.value) return
      dirty.value = true
      edits++
      clearTimeout(timer)
      timer = setTimeout(() => void flush(), DEBOUNCE_MS)
    },
    { deep: true },
  )

  /** Queues the record as it is now (if changed); resolves when every save so far is done. */
  function flush(): Promise<void> {
    clearTimeout(timer)
    const pendingEdit = timer !== undefined
    timer = undefined
    const id = interviewId.value
    if (!pendingEdit || !id || !record.value) return saver.idle()
    return saver.push({ id, record: JSON.parse(JSON.stringify(record.value)) as InterviewRecord, edit: edits })
  }

  const onLeave = () => void flush()
  globalThis.addEventListener?.('pagehide', onLeave)
  globalThis.addEventListener?.('beforeunload', onLeave)
  const unregister = registerPendingWrites({ flush, pending: () => dirty.value })
  onBeforeUnmount(() => {
    void flush()
    unregister()
    globalThis.removeEventListener?.('pagehide', onLeave)
    globalThis.removeEventListener?.('beforeunload', onLeave)
  })

  return { savedAt, error, dirty, arm, flush }
}
