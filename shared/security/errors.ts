// One error type for everything the vault and the field cipher refuse, so the UI can show
// `message` (Chinese, meant for the user) and branch on `code` without parsing text.

export type VaultErrorCode = 'weak-passphrase' | 'wrong-passphrase' | 'wrong-recovery-key' | 'tampered' | 'unsupported-version' | 'corrupt'

/** Default user-facing message for each code. */
export const VAULT_ERROR_MESSAGES: Readonly<Record<VaultErrorCode, string>> = {
  'weak-passphrase': '口令强度不足',
  'wrong-passphrase': '口令不正确',
  'wrong-recovery-key': '恢复密钥不正确',
  tampered: '数据校验失败：记录可能被篡改或损坏',
  'unsupported-version': '数据格式版本不受支持，请升级巡察工作台',
  corrupt: '加密数据已损坏，无法读取',
}

export class VaultError extends Error {
  override readonly name = 'VaultError'

  constructor(
    readonly code: VaultErrorCode,
    message: string = VAULT_ERROR_MESSAGES[code],
    /** For `weak-passphrase`: every rule the passphrase broke. */
    readonly problems: readonly string[] = [],
  ) {
    super(message)
  }
}

export function isVaultError(e: unknown, code?: VaultErrorCode): e is VaultError {
  return e instanceof VaultError && (code === undefined || e.code === code)
}
