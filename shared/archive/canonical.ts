// Canonical JSON for hashes that must come out the same on every laptop: object keys sorted
// recursively (JavaScript's default sort, i.e. by UTF-16 code units), no whitespace, strings
// and numbers exactly as JSON.stringify writes them, object members whose value is undefined
// left out, undefined array items written as null.
//
// The one implementation lives in shared/util/hash.ts (the audit chain uses it too); this
// module re-exports it so archive code and clue seals import it from one documented place.
// The archive checksum depends on it byte for byte: canonical.test.ts pins its output.
export { canonicalJson } from '../util/hash'
