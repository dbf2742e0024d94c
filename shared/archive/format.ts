// The round archive (轮次归档) file format. Specification: docs/round-archive.md.
import type { RoundTableName } from '../domain/tables'

export const ARCHIVE_FORMAT = 'xuncha-round-archive'
/** The version this app writes. */
export const ARCHIVE_FORMAT_VERSION = 1
/** The oldest version this app still reads (older ones are refused with code `too-old`). */
export const MIN_READABLE_FORMAT_VERSION = 1
/** Suggested file name ending; the format never depends on the name. */
export const ARCHIVE_FILE_EXTENSION = '.xcra'
/**
 * Refuse archives that inflate beyond this. 256 MiB is about 12 times the largest real round
 * (ten times a real round inflates to about 20 MB) and keeps decoding's peak (at most twice
 * this, see gzip.ts) well under what a renderer can hold.
 */
export const MAX_DECOMPRESSED_BYTES = 256 * 1024 * 1024
/** Deeper JSON is refused before it is parsed: real archives and packages nest about 10 deep. */
export const MAX_JSON_DEPTH = 64

/** Who exported the archive, and when: stored in the envelope, outside the checksum. */
export interface ArchiveInfo {
  appVersion: string
  exportedBy: string
  exportedAt: string
}

export type ArchiveCounts = { [T in RoundTableName]: number }

/** The JSON object inside the gzip, version 1. */
export interface ArchiveEnvelopeV1 extends ArchiveInfo {
  format: typeof ARCHIVE_FORMAT
  formatVersion: 1
  roundId: string
  counts: ArchiveCounts
  contentSha256: string
  content: { round: unknown; tables: Record<string, unknown> }
}

/**
 * Upgrades, keyed by the version they start from: MIGRATIONS[n] turns an envelope of version n
 * (already checksum-verified under version n's rules) into one of version n + 1. Empty while
 * version 1 is the only version. See docs/round-archive.md, "Versioning and migration".
 */
export const MIGRATIONS: Readonly<Record<number, (envelope: Record<string, unknown>) => Record<string, unknown>>> = {}
