// Every refusal of an archive is an ArchiveError with a stable code and a Chinese message
// that can be shown to the user as is.

export type ArchiveErrorCode =
  | 'corrupt' // not gzip, bad gzip data, not UTF-8, not JSON
  | 'truncated' // the file ends early
  | 'too-large' // decompresses beyond the limit (zip bomb)
  | 'foreign' // JSON, but not a 巡察工作台 round archive
  | 'too-new' // formatVersion newer than this app reads
  | 'too-old' // formatVersion older than this app still reads
  | 'checksum' // content does not match contentSha256
  | 'invalid' // structure wrong: missing round, bad table, bad record…

export const ARCHIVE_MESSAGES = {
  corrupt: '文件已损坏或不是巡察工作台的轮次归档文件',
  truncated: '文件不完整（可能在复制时被截断）',
  foreign: '这不是巡察工作台的轮次归档文件',
  checksum: '归档内容校验失败，文件可能被篡改或损坏',
} as const

export class ArchiveError extends Error {
  override readonly name = 'ArchiveError'
  constructor(
    readonly code: ArchiveErrorCode,
    message: string,
  ) {
    super(message)
  }
}

export function isArchiveError(e: unknown): e is ArchiveError {
  return e instanceof ArchiveError
}
