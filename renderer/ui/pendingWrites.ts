// The writes still waiting in open forms and editors (drafts, the 谈话记录 autosave). The app
// runs them all before it locks: once the keys are gone nothing more can be sealed.
const flushes = new Set<() => Promise<void>>()

/** Adds a flush to run before a lock; returns its removal. */
export function registerFlush(flush: () => Promise<void>): () => void {
  flushes.add(flush)
  return () => flushes.delete(flush)
}

export async function flushPendingWrites(): Promise<void> {
  await Promise.all([...flushes].map((flush) => flush().catch(() => undefined)))
}
