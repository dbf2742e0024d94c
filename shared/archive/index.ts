// Round archive (轮次归档): the versioned file that carries one whole round between
// laptops and into long-term storage. Specification: docs/round-archive.md.
export { encodeArchive, decodeArchive, type DecodedArchive, type DecodeOptions } from './archive'
export { ArchiveError, isArchiveError, ARCHIVE_MESSAGES, type ArchiveErrorCode } from './errors'
export {
  ARCHIVE_FORMAT,
  ARCHIVE_FORMAT_VERSION,
  MIN_READABLE_FORMAT_VERSION,
  ARCHIVE_FILE_EXTENSION,
  MAX_DECOMPRESSED_BYTES,
  type ArchiveInfo,
  type ArchiveCounts,
  type ArchiveEnvelopeV1,
} from './format'
export { canonicalJson } from './canonical'
export { sha256Hex, sha256HexSync } from './sha256'
export { validateContent } from './validate'
