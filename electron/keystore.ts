// The OS keystore (Electron `safeStorage`) as an optional second wrapping of the data key.
// The passphrase always protects the data key; this only adds the OS account's protection.
// On Linux without a keyring safeStorage silently falls back to a fixed, public key
// (backend 'basic_text'); that is reported as not secure and never used.
import { safeStorage } from 'electron'
import type { KeystoreStatus } from '@shared/bridge/contract'

const PASSPHRASE_ONLY = '数据密钥只由口令保护'
const UNPROTECT_FAILED = '系统密钥库无法解开该密钥（可能更换了系统账户）'

function linuxBackend(): string {
  try {
    return safeStorage.getSelectedStorageBackend()
  } catch {
    return 'unknown'
  }
}

export function keystoreStatus(platform: NodeJS.Platform = process.platform): KeystoreStatus {
  const available = safeStorage.isEncryptionAvailable()
  if (platform === 'win32') {
    return available
      ? { available, secure: true, backend: 'dpapi', message: 'Windows DPAPI 可用' }
      : { available, secure: false, backend: 'dpapi', message: `Windows DPAPI 不可用，${PASSPHRASE_ONLY}` }
  }
  if (platform === 'darwin') {
    return available
      ? { available, secure: true, backend: 'keychain', message: 'macOS 钥匙串可用' }
      : { available, secure: false, backend: 'keychain', message: `macOS 钥匙串不可用，${PASSPHRASE_ONLY}` }
  }
  if (platform !== 'linux') {
    return { available, secure: false, backend: 'unknown', message: `本平台（${platform}）不支持系统密钥库，${PASSPHRASE_ONLY}` }
  }
  const backend = linuxBackend()
  if (backend === 'basic_text') {
    // isEncryptionAvailable() is true here, but the "encryption" uses a key built into Chromium.
    return { available, secure: false, backend, message: `本机没有可用的系统密钥库（Linux 未配置密钥环），${PASSPHRASE_ONLY}` }
  }
  if (backend === 'unknown') {
    return { available, secure: false, backend, message: `无法确定系统密钥库（后端未知），${PASSPHRASE_ONLY}` }
  }
  return available
    ? { available, secure: true, backend, message: `系统密钥库可用（${backend}）` }
    : { available, secure: false, backend, message: `系统密钥库（${backend}）当前不可用（密钥环未运行或未解锁），${PASSPHRASE_ONLY}` }
}

function requireSecure(platform: NodeJS.Platform): void {
  const status = keystoreStatus(platform)
  if (!status.secure) throw new Error(`不能使用系统密钥库：${status.message}`)
}

/** Wraps key bytes with the OS keystore. safeStorage takes strings, so the bytes go in as base64. */
export function keystoreProtect(data: Uint8Array, platform: NodeJS.Platform = process.platform): Uint8Array {
  requireSecure(platform)
  const plain = Buffer.from(data)
  const b64 = plain.toString('base64')
  plain.fill(0)
  let encrypted: Buffer
  try {
    encrypted = safeStorage.encryptString(b64)
  } catch (e) {
    throw new Error(`系统密钥库加密失败：${e instanceof Error ? e.message : String(e)}`)
  }
  // A plain Uint8Array (not a Buffer) crosses IPC cleanly.
  return new Uint8Array(encrypted)
}

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/

export function keystoreUnprotect(data: Uint8Array, platform: NodeJS.Platform = process.platform): Uint8Array {
  requireSecure(platform)
  let b64: string
  try {
    b64 = safeStorage.decryptString(Buffer.from(data))
  } catch {
    throw new Error(UNPROTECT_FAILED)
  }
  // Not what keystoreProtect wrote (garbage that happened to decrypt): refuse rather than return junk.
  if (b64.length === 0 || !BASE64.test(b64)) throw new Error(UNPROTECT_FAILED)
  const plain = Buffer.from(b64, 'base64')
  const result = new Uint8Array(plain)
  plain.fill(0)
  return result
}
