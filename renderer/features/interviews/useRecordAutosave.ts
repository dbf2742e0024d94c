// Autosave of a 谈话记录 while typing: a short debounce, saves one at a time through the
// repository (encrypted, audited), and a flush when the drawer closes, the view unmounts or the
// window is closed or reloaded — so at most the last half second of typing is ever at risk.
import { onBeforeUnmount, ref, watch, type Ref } from 'vue'
import type { InterviewRecord } from '@shared/domain/types'
import { describeError } from '../../util/format'
import { useInterviewsStore } from '../../stores/interviews'

const DEBOUNCE_MS = 500

export function useRecordAutosave(interviewId: Ref<string | undefined>, record: Ref<InterviewRecord | undefined>) {
  const ivs = useInterviewsStore()
  const savedAt = ref<Date>()
  const error = ref('')
  const dirty = ref(false)
  let timer: ReturnType<typeof setTimeout> | undefined
  let chain: Promise<void> = Promise.resolve()
  let armed = false

  /** Starts watching after the record for an interview has been loaded (loading is not an edit). */
  function arm() {
    armed = false
    dirty.value = false
    error.value = ''
    savedAt.value = undefined
    queueMicrotask(() => (armed = true))
  }

  watch(record, () => {
    if (!armed || !record.value) return
    dirty.value = true
    clearTimeout(timer)
    timer = setTimeout(() => void flush(), DEBOUNCE_MS)
  }, { deep: true })

  function flush(): Promise<void> {
    clearTimeout(timer)
    if (!dirty.value) return chain
    const id = interviewId.value
    const snapshot = record.value ? (JSON.parse(JSON.stringify(record.value)) as InterviewRecord) : undefined
    dirty.value = false
    chain = chain.then(async () => {
      const iv = ivs.byId(id)
      if (!iv || !snapshot) return
      try {
        await ivs.save({ ...iv, record: snapshot })
        savedAt.value = new Date()
        error.value = ''
      } catch (e) {
        dirty.value = true
        error.value = `自动保存失败：${describeError(e)}`
      }
    })
    return chain
  }

  const onLeave = () => void flush()
  globalThis.addEventListener?.('pagehide', onLeave)
  globalThis.addEventListener?.('beforeunload', onLeave)
  onBeforeUnmount(() => {
    void flush()
    globalThis.removeEventListener?.('pagehide', onLeave)
    globalThis.removeEventListener?.('beforeunload', onLeave)
  })

  return { savedAt, error, dirty, arm, flush }
}
