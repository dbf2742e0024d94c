// Working as a team without a network: exchange packages, the merge, backups and hand-over.
// Specification: docs/exchange.md.
export * from './merge'
export * from './package'
export { validateChangeSet } from './validate'
export { buildHandover, readHandover, type HandoverManifest, type HandoverInput, type HandoverReview } from './handover'
export { readSync, upgradeState, SYNC_FORMAT } from './sync-records'
export { openSyncState, sealSyncState, type SealedState } from './state-seal'
export { heldCount, newActs, screenSignatures, withHeld, type HeldRecord } from './signatures'
