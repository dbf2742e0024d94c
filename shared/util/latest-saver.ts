// Saves the latest value, one save at a time. A value handed over while a save is running is
// saved right after it: intermediate values may be skipped, the newest never is. This is what
// keeps the keystrokes typed during an autosave (they used to be dropped, issue 16).

export interface LatestSaver<T> {
  /** Queues `value` as the next thing to save; resolves when everything queued so far is saved. */
  push(value: T): Promise<void>
  /** Resolves when no save is running and nothing is queued. */
  idle(): Promise<void>
  /** True while a save runs or a value waits. */
  readonly busy: boolean
}

export function latestSaver<T>(
  save: (value: T) => Promise<void>,
  onError: (error: unknown, value: T) => void = () => undefined,
): LatestSaver<T> {
  let pending: { value: T } | undefined
  let running: Promise<void> | undefined

  async function drain(): Promise<void> {
    while (pending) {
      const { value } = pending
      pending = undefined
      try {
        await save(value)
      } catch (e) {
        onError(e, value)
      }
    }
  }

  return {
    push(value) {
      pending = { value }
      running ??= drain().finally(() => (running = undefined))
      return running
    },
    idle: () => running ?? Promise.resolve(),
    get busy() {
      return running !== undefined
    },
  }
}
