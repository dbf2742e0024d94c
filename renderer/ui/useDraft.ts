// Keeps a draft of what is being typed: written (sealed) half a second after the last change, one
// write at a time with the newest value always written last, flushed when the page is hidden or
// reloaded and before a lock (pendingWrites.ts). The draft belongs to the active round and the current user.
import { onBeforeUnmount } from 'vue'
import { latestSaver } from '@shared/util/latest-saver'
import { drafts } from '../platform/db/workbench'
import type { Draft, DraftKey } from '../platform/db/drafts'
import { useRoundStore } from '../stores/round'
import { registerFlush } from './pendingWrites'

const DEBOUNCE_MS = 500

type Op = { key: DraftKey; value: unknown } | { key: DraftKey; remove: true }

/** `form` names the form or editor; `recordId` the record being edited (undefined: a new one). */
export function useDraft<T>(form: string, recordId: () => string | undefined) {
  const round = useRoundStore()
  const key = (): DraftKey | undefined =>
    round.activeRoundId ? { roundId: round.activeRoundId, form, recordId: recordId(), user: round.currentUserId } : undefined
  const saver = latestSaver<Op>(
    (op) => ('remove' in op ? drafts.remove(op.key) : drafts.save(op.key, op.value)),
    (e) => console.warn('草稿未能保存', e),
  )
  let timer: ReturnType<typeof setTimeout> | undefined
  /** The scheduled write: its key is taken when the user typed (the route may have changed since). */
  let take: { key: DraftKey; get: () => T } | undefined

  function fire() {
    clearTimeout(timer)
    timer = undefined
    const next = take
    take = undefined
    // A plain copy, taken now: later edits must not change what is being sealed.
    if (next) void saver.push({ key: next.key, value: JSON.parse(JSON.stringify(next.get())) })
  }

  /** Schedules a write of `get()`'s value (read when the write happens, not now). */
  function keep(get: () => T) {
    const k = key()
    if (!k) return
    take = { key: k, get }
    clearTimeout(timer)
    timer = setTimeout(fire, DEBOUNCE_MS)
  }

  /** Writes a scheduled draft now; resolves when every write so far is done. */
  function flush(): Promise<void> {
    if (take) fire()
    return saver.idle()
  }

  /** Deletes the draft (saved, or given up): after any write still in flight. */
  function discard(): Promise<void> {
    clearTimeout(timer)
    take = undefined
    const k = key()
    return k ? saver.push({ key: k, remove: true }) : saver.idle()
  }

  async function load(): Promise<Draft<T> | undefined> {
    await saver.idle()
    const k = key()
    return k ? drafts.load<T>(k).catch(() => undefined) : undefined
  }

  const onHide = () => void flush()
  globalThis.addEventListener?.('pagehide', onHide)
  globalThis.addEventListener?.('beforeunload', onHide)
  const unregister = registerFlush(flush)
  onBeforeUnmount(() => {
    void flush()
    unregister()
    globalThis.removeEventListener?.('pagehide', onHide)
    globalThis.removeEventListener?.('beforeunload', onHide)
  })

  return {
    keep,
    flush,
    discard,
    load,
    get pending() {
      return take !== undefined || saver.busy
    },
  }
}
