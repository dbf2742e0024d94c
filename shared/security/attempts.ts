// Wrong secrets in a row (passphrase and recovery key together; each member's PIN on its own):
// after FREE_ATTEMPTS each further try waits longer, 1 s doubling up to 30 s.
export const FREE_ATTEMPTS = 5

export function retryDelayMs(failures: number): number {
  const extra = failures - FREE_ATTEMPTS
  return extra < 0 ? 0 : Math.min(30_000, 1000 * 2 ** extra)
}
