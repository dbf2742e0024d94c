// Unlock state of this laptop: first-start set-up, the lock screen, recovery, auto-lock.
// Locking forgets the keys and reloads the page, so no decrypted record survives in memory.
import { defineStore } from 'pinia'
import { ref } from 'vue'
import {
  addDeviceSecret,
  base64ToBytes,
  bytesToBase64,
  changePassphrase as rewrap,
  createVault,
  isVaultError,
  parseVault,
  retryDelayMs,
  removeDeviceSecret,
  resetPassphraseWithRecovery,
  unlockWithDeviceSecret,
  unlockWithPassphrase,
  type Vault,
} from '@shared/security'
import { bridge } from '../platform/bridge'
import { getSetting, keyring, repo, setSetting, settings } from '../platform/db/workbench'
import { flushPendingWrites } from '../ui/pendingWrites'

export type SessionStatus = 'loading' | 'setup' | 'recovery-key' | 'locked' | 'unlocked'

export const DEFAULT_AUTO_LOCK_MINUTES = 10
// Passphrase and recovery-key attempts share one count (shared/security/attempts.ts), so
// alternating between them gains nothing.

export const useSessionStore = defineStore('session', () => {
  const status = ref<SessionStatus>('loading')
  const recoveryKey = ref('')
  const failedAttempts = ref(0)
  const autoLockMinutes = ref(DEFAULT_AUTO_LOCK_MINUTES)
  /** Keystore unlock is set up on this laptop (the OS keystore holds the device secret). */
  const keystoreUnlock = ref(false)
  let vault: Vault | undefined

  async function saveVault(next: Vault) {
    await setSetting('vault', next)
    vault = next
    keystoreUnlock.value = !!next.byDeviceSecret && !!(await getSetting('deviceSecret', ''))
  }

  async function init() {
    const stored = await getSetting<unknown>('vault', null)
    autoLockMinutes.value = await getSetting('autoLockMinutes', DEFAULT_AUTO_LOCK_MINUTES)
    failedAttempts.value = await getSetting('failedUnlocks', 0)
    vault = stored ? parseVault(stored) : undefined
    keystoreUnlock.value = !!vault?.byDeviceSecret && !!(await getSetting('deviceSecret', ''))
    status.value = vault ? 'locked' : 'setup'
  }

  /** First start: the passphrase protects a new master key; the recovery key is shown once. */
  async function setUp(passphrase: string) {
    const created = await createVault(passphrase)
    await saveVault(created.vault)
    keyring.unlock(created.masterKey)
    recoveryKey.value = created.recoveryKey
    status.value = 'recovery-key'
    await repo.record({ action: 'vault-setup', table: 'settings', recordId: 'vault', detail: '设置口令并生成恢复密钥' })
  }

  function recoveryKeyKept() {
    recoveryKey.value = ''
    status.value = 'unlocked'
  }

  /**
   * A wrong secret: counted (kept across restarts), and audited. The vault is locked, so the
   * entry waits and enters the keyed chain at the next unlock.
   */
  async function failed(action: 'unlock-failed' | 'recovery-failed', what: string) {
    failedAttempts.value++
    await setSetting('failedUnlocks', failedAttempts.value)
    await repo.recordWhileLocked({
      action,
      table: 'settings',
      recordId: 'vault',
      detail: `${what}（连续第 ${failedAttempts.value} 次失败）`,
    })
  }

  async function succeeded() {
    failedAttempts.value = 0
    await setSetting('failedUnlocks', 0)
    await repo.flushHeldAudit()
  }

  async function unlock(passphrase: string) {
    if (!vault) throw new Error('尚未设置口令')
    await new Promise((r) => setTimeout(r, retryDelayMs(failedAttempts.value)))
    try {
      keyring.unlock(await unlockWithPassphrase(vault, passphrase))
    } catch (e) {
      await failed('unlock-failed', '口令错误')
      throw e
    }
    await succeeded()
    status.value = 'unlocked'
  }

  /**
   * Forgotten passphrase: the recovery key opens the master key and a new passphrase re-wraps it.
   * A wrong recovery key is counted, delayed and audited like a wrong passphrase.
   */
  async function recover(recovery: string, newPassphrase: string) {
    if (!vault) throw new Error('尚未设置口令')
    await new Promise((r) => setTimeout(r, retryDelayMs(failedAttempts.value)))
    let reset: Awaited<ReturnType<typeof resetPassphraseWithRecovery>>
    try {
      reset = await resetPassphraseWithRecovery(vault, recovery, newPassphrase)
    } catch (e) {
      if (isVaultError(e, 'wrong-recovery-key')) await failed('recovery-failed', '恢复密钥错误')
      throw e
    }
    await saveVault(reset.vault)
    keyring.unlock(reset.masterKey)
    await succeeded()
    status.value = 'unlocked'
    await repo.record({ action: 'passphrase-change', table: 'settings', recordId: 'vault', detail: '使用恢复密钥重设口令' })
  }

  /** Re-wraps the master key under a new passphrase; no record is re-encrypted. */
  async function changePassphrase(oldPassphrase: string, newPassphrase: string) {
    if (!vault) throw new Error('尚未设置口令')
    await saveVault(await rewrap(vault, oldPassphrase, newPassphrase))
    await repo.record({ action: 'passphrase-change', table: 'settings', recordId: 'vault', detail: '更改口令' })
  }

  /** Optional: the OS keystore also guards the master key (Electron, with a real keystore only). */
  async function enableKeystoreUnlock(passphrase: string) {
    if (!vault) throw new Error('尚未设置口令')
    const status = await bridge().keystoreStatus()
    if (!status.secure) throw new Error(status.message)
    const { vault: next, deviceSecret } = await addDeviceSecret(vault, passphrase)
    const sealed = await bridge().keystoreProtect(deviceSecret)
    deviceSecret.fill(0)
    await setSetting('deviceSecret', bytesToBase64(sealed))
    await saveVault(next)
    await repo.record({
      action: 'passphrase-change',
      table: 'settings',
      recordId: 'vault',
      detail: `启用系统密钥库解锁（${status.backend}）`,
    })
  }

  async function disableKeystoreUnlock() {
    if (!vault) return
    await settings.delete('deviceSecret')
    await saveVault(removeDeviceSecret(vault))
    await repo.record({ action: 'passphrase-change', table: 'settings', recordId: 'vault', detail: '停用系统密钥库解锁' })
  }

  async function unlockWithKeystore() {
    if (!vault) throw new Error('尚未设置口令')
    const sealed = await getSetting('deviceSecret', '')
    const secret = await bridge().keystoreUnprotect(base64ToBytes(sealed))
    try {
      keyring.unlock(await unlockWithDeviceSecret(vault, secret))
    } finally {
      secret.fill(0)
    }
    await repo.flushHeldAudit()
    status.value = 'unlocked'
  }

  async function setAutoLockMinutes(minutes: number) {
    autoLockMinutes.value = minutes
    await setSetting('autoLockMinutes', minutes)
  }

  async function lock(reason: '手动锁定' | '空闲自动锁定') {
    await flushPendingWrites() // unsaved forms and the 谈话记录 are written while the keys are still here
    await repo.record({ action: 'lock', table: 'settings', recordId: 'vault', detail: reason })
    keyring.forget()
    status.value = 'locked'
    globalThis.location?.reload()
  }

  return {
    status,
    recoveryKey,
    failedAttempts,
    autoLockMinutes,
    keystoreUnlock,
    init,
    setUp,
    recoveryKeyKept,
    unlock,
    recover,
    changePassphrase,
    setAutoLockMinutes,
    lock,
    /** Waiting time before the next try, growing after repeated wrong secrets. */
    retryDelayMs: () => retryDelayMs(failedAttempts.value),
    enableKeystoreUnlock,
    disableKeystoreUnlock,
    unlockWithKeystore,
  }
})
