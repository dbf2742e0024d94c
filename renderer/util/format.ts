/** 1536 → "1.5 KB": file sizes the way a user reads them. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} 字节`
  const units = ['KB', 'MB', 'GB']
  let value = bytes / 1024
  let i = 0
  while (value >= 1024 && i < units.length - 1) {
    value /= 1024
    i++
  }
  return `${value.toFixed(value < 10 ? 1 : 0)} ${units[i]}`
}

/** The message of whatever was thrown, for a Chinese sentence like “保存失败：…”. */
export function describeError(e: unknown): string {
  return e instanceof Error ? e.message : String(e)
}
