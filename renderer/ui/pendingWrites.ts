// The writes still waiting in open forms and editors (drafts, the 谈话记录 autosave). The app
// runs them all before it locks (once the keys are gone nothing more can be sealed), and asks
// before the page goes away while something typed could still be lost (unloadGuard.ts).
export interface PendingWriter {
  /** Writes what waits; resolves when it is written. */
  flush(): Promise<void>
  /** True while something typed is not yet written. */
  pending(): boolean
  /** True when what waits is already sealed, so `stash` can keep it without waiting. */
  sealed?(): boolean
  /** Synchronously keeps what waits (sealed) in localStorage: only as the page goes away. */
  stash?(): void
}

const writers = new Set<PendingWriter>()

/** Adds a writer; returns its removal. */
export function registerPendingWrites(writer: PendingWriter): () => void {
  writers.add(writer)
  return () => writers.delete(writer)
}

export async function flushPendingWrites(): Promise<void> {
  await Promise.all([...writers].map((w) => w.flush().catch(() => undefined)))
}

/** Whether something typed would be lost if the page went away now: asked before leaving. */
export function writesAtRisk(): boolean {
  return [...writers].some((w) => w.pending() && !(w.sealed?.() ?? false))
}

/** As the page goes away: keeps every sealed write that has not reached IndexedDB. */
export function stashPendingWrites(): void {
  for (const w of writers) if (w.pending() && w.sealed?.()) w.stash?.()
}
