// Encryption at rest, the pure part: passphrase rules, recovery key, the vault (master key
// wrapped by passphrase and recovery key), per-round data keys and the record field cipher.
export { VaultError, VAULT_ERROR_MESSAGES, isVaultError, type VaultErrorCode } from './errors'
export { checkPassphrase, PASSPHRASE_MESSAGES, PASSPHRASE_MIN_KINDS, PASSPHRASE_MIN_LENGTH, type PassphraseCheck } from './passphrase'
export {
  checkRecoveryKey,
  generateRecoveryKey,
  normalizeRecoveryKey,
  parseRecoveryKey,
  RECOVERY_KEY_CHARS,
  RECOVERY_MESSAGES,
  type RecoveryKeyCheck,
} from './recovery'
export {
  addDeviceSecret,
  changePassphrase,
  createVault,
  removeDeviceSecret,
  unlockWithDeviceSecret,
  MASTER_KEY_AAD,
  parseVault,
  PBKDF2_ITERATIONS,
  replaceRecoveryKey,
  resetPassphraseWithRecovery,
  unlockWithPassphrase,
  unlockWithRecoveryKey,
  VAULT_VERSION,
  type Vault,
  type VaultOptions,
  type WrappedSecret,
} from './vault'
export { createRoundKey, openRoundKey, roundKeyAad, ROUND_KEY_MESSAGE, type WrappedRoundKey } from './round-keys'
export { AUDIT_KEY_AAD, auditMac, createAuditKey, openAuditKey, type WrappedAuditKey } from './audit-key'
export { isEncryptedBody, openFields, recordAad, sealFields, type EncryptedBody } from './field-cipher'
export { base64ToBytes, bytesToBase64 } from './base64'
export { FREE_ATTEMPTS, retryDelayMs } from './attempts'
export {
  checkPin,
  createSigningKey,
  fingerprintOf,
  keyFingerprint,
  openSigningKey,
  PIN_MESSAGES,
  PIN_MIN_LENGTH,
  signText,
  verifyText,
  type WrappedSigningKey,
} from './personal-key'
