// What changed in the database, told to whoever holds a copy: the repository emits one `changed`
// after every commit (a record saved or removed, a round replaced, merged or purged), and the
// round collections (stores/collection.ts) reload or skip on it. Replaces comparing a revision
// counter and switching the active round off and on to make watchers reload.
import type { AnyTableName } from '@shared/domain/tables'

export interface Changed {
  /** The round whose records changed ('' for writes outside any round, e.g. the team roster). */
  roundId: string
  tables: AnyTableName[]
  /** The records written, when the commit wrote named records (save, remove); absent for bulk commits. */
  ids?: string[]
  /** The repository's revision after this commit. */
  revision: number
}

export type ChangeListener = (change: Changed) => void

/** A tiny synchronous event channel: listeners run inside the commit's `then`, in subscription order. */
export class ChangeFeed {
  private listeners = new Set<ChangeListener>()

  /** Subscribes; the returned function unsubscribes. */
  on(listener: ChangeListener): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  emit(change: Changed): void {
    for (const listener of [...this.listeners]) {
      // One listener's failure must not keep the others stale, nor fail the write that already committed.
      try {
        listener(change)
      } catch (e) {
        console.error('changed listener failed', e)
      }
    }
  }
}
