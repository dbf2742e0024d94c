// The one place the app leaves timing marks for the benchmarks (test/bench/ reads them with
// performance.getEntriesByType('measure')). Feature code says what step ended; how it is
// recorded stays here.

/** Records how long `step` of `workflow` took since `start` (a performance.now() value); returns the time now. */
export function measureStep(workflow: string, step: string, start: number): number {
  performance.measure(`${workflow}：${step}`, { start })
  return performance.now()
}

/** A timestamp to measure a step from. */
export const markNow = (): number => performance.now()
