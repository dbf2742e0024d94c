// Keeps a draft of what is being typed: written (sealed) half a second after the last change, one
// write at a time with the newest value always written last, and before a lock (pendingWrites.ts).
// Each change is also sealed at once, so when the page is reloaded or closed inside that half
// second the sealed newest value is stashed (DraftStore.stash) instead of lost; while the newest
// change is still being sealed, leaving asks (unloadGuard.ts). The draft belongs to the active
// round and the current user.
import { onBeforeUnmount } from 'vue'
import { latestSaver } from '@shared/util/latest-saver'
import { drafts } from '../platform/db/workbench'
import type { Draft, DraftKey } from '../platform/db/drafts'
import type { DraftRow } from '../platform/db/database'
import { useRoundStore } from '../stores/round'
import { registerPendingWrites } from './pendingWrites'

const DEBOUNCE_MS = 500

/** `change`: the numbered change a value write carries (see `written`). */
type Op = { key: DraftKey; value: unknown; change: number } | { key: DraftKey; remove: true }

const plain = (value: unknown): unknown => JSON.parse(JSON.stringify(value))

/** `form` names the form or editor; `recordId` the record being edited (undefined: a new one). */
export function useDraft<T>(form: string, recordId: () => string | undefined) {
  const round = useRoundStore()
  const key = (): DraftKey | undefined =>
    round.activeRoundId ? { roundId: round.activeRoundId, form, recordId: recordId(), user: round.currentUserId } : undefined
  /** Every change is numbered: `written` is the newest one in IndexedDB (or given up). */
  let change = 0
  let written = 0
  const saver = latestSaver<Op>(
    async (op) => {
      if ('remove' in op) return drafts.remove(op.key)
      await drafts.save(op.key, op.value)
      written = Math.max(written, op.change)
    },
    (e) => console.warn('草稿未能保存', e),
  )
  let timer: ReturnType<typeof setTimeout> | undefined
  /** The scheduled write: its key is taken when the user typed (the route may have changed since). */
  let take: { key: DraftKey; get: () => T } | undefined

  /** The newest change already sealed, ready to stash if the page goes before it is written. */
  let ahead: { change: number; row: DraftRow } | undefined
  const sealer = latestSaver<{ change: number; key: DraftKey; value: unknown }>(
    async ({ change: n, key: k, value }) => {
      const row = await drafts.seal(k, value)
      if (!ahead || n > ahead.change) ahead = { change: n, row }
    },
    (e) => console.warn('草稿未能加密', e),
  )

  function fire() {
    clearTimeout(timer)
    timer = undefined
    const next = take
    take = undefined
    // A plain copy, taken now: later edits must not change what is being sealed.
    if (next) void saver.push({ key: next.key, value: plain(next.get()), change })
  }

  /** Schedules a write of `get()`'s value (read when the write happens, not now) and seals it now. */
  function keep(get: () => T) {
    const k = key()
    if (!k) return
    take = { key: k, get }
    clearTimeout(timer)
    timer = setTimeout(fire, DEBOUNCE_MS)
    void sealer.push({ change: ++change, key: k, value: plain(get()) })
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
    written = ++change
    ahead = undefined
    const k = key()
    return k ? saver.push({ key: k, remove: true }) : saver.idle()
  }

  async function load(): Promise<Draft<T> | undefined> {
    await saver.idle()
    const k = key()
    return k ? drafts.load<T>(k).catch(() => undefined) : undefined
  }

  /** A change not yet in IndexedDB (a removal in flight loses nothing typed). */
  const pending = () => written !== change
  const unregister = registerPendingWrites({
    flush,
    pending,
    // Stashed only while a write is still owed; a discard since (change moved on) has nothing to keep.
    sealed: () => ahead?.change === change,
    stash: () => ahead && drafts.stash([ahead.row]),
  })
  // Still guarded until the last write lands: a reload right after leaving a form keeps it too.
  onBeforeUnmount(() => void flush().finally(unregister))

  return {
    keep,
    flush,
    discard,
    load,
    get pending() {
      return pending()
    },
  }
}
