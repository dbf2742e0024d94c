import { beforeEach, describe, expect, it, vi } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'

// A fake OS keystore: "protects" by XOR with a per-account byte, like safeStorage ties data to the account.
const keystore = vi.hoisted(() => ({ secure: true, account: 7 }))
vi.mock('../platform/bridge', () => ({
  bridge: () => ({
    keystoreStatus: async () => ({
      available: keystore.secure,
      secure: keystore.secure,
      backend: 'fake',
      message: keystore.secure ? '可用' : '本机没有可用的系统密钥库',
    }),
    keystoreProtect: async (d: Uint8Array) => d.map((b) => b ^ keystore.account),
    keystoreUnprotect: async (d: Uint8Array) => d.map((b) => b ^ keystore.account),
  }),
}))
vi.mock('@shared/security', async (original) => {
  // Real crypto with a test-sized PBKDF2 count, so the suite stays fast.
  const real = await original<typeof import('@shared/security')>()
  return {
    ...real,
    createVault: (p: string) => real.createVault(p, { iterations: 1000 }),
    changePassphrase: (v: never, a: string, b: string) => real.changePassphrase(v, a, b, { iterations: 1000 }),
    resetPassphraseWithRecovery: (v: never, r: string, p: string) => real.resetPassphraseWithRecovery(v, r, p, { iterations: 1000 }),
  }
})

import { db, keyring, repo } from '../platform/db/workbench'
import { useSessionStore } from './session'

const PASS = 'Session-Test-2026'

beforeEach(async () => {
  await db.delete()
  await db.open()
  keyring.forget()
  repo.audit.reset()
  keystore.secure = true
  keystore.account = 7
  setActivePinia(createPinia())
})

/** A new app start on the same database. */
async function restart() {
  keyring.forget()
  setActivePinia(createPinia())
  const s = useSessionStore()
  await s.init()
  return s
}

describe('session', () => {
  it('asks for set-up on first start, then for the passphrase', async () => {
    const s = useSessionStore()
    await s.init()
    expect(s.status).toBe('setup')
    await expect(s.setUp('short')).rejects.toThrow('口令强度不足')
    await s.setUp(PASS)
    expect(s.status).toBe('recovery-key')
    expect(s.recoveryKey).toMatch(/^[0-9A-Z-]{47}$/)
    s.recoveryKeyKept()
    expect(s.recoveryKey).toBe('')
    const again = await restart()
    expect(again.status).toBe('locked')
    await expect(again.unlock('Wrong-Pass-2026')).rejects.toThrow('口令不正确')
    expect(again.failedAttempts).toBe(1)
    await again.unlock(PASS)
    expect(again.status).toBe('unlocked')
    expect(keyring.unlocked).toBe(true)
    const log = await db.auditLog.toArray()
    expect(log.map((e) => e.action)).toEqual(['vault-setup', 'unlock-failed'])
  })

  it('unlocks with the OS keystore only when enabled with the passphrase, and refuses an insecure keystore', async () => {
    const s = useSessionStore()
    await s.init()
    await s.setUp(PASS)
    s.recoveryKeyKept()
    await expect(s.enableKeystoreUnlock('Wrong-Pass-2026')).rejects.toThrow('口令不正确')
    await s.enableKeystoreUnlock(PASS)
    expect(s.keystoreUnlock).toBe(true)
    const stored = JSON.stringify(await db.settings.toArray())
    expect(stored).toContain('byDeviceSecret')

    const again = await restart()
    expect(again.keystoreUnlock).toBe(true)
    await again.unlockWithKeystore()
    expect(again.status).toBe('unlocked')

    keystore.account = 9 // another OS account: the keystore gives back something else
    const other = await restart()
    await expect(other.unlockWithKeystore()).rejects.toThrow('无法解锁')
    await other.unlock(PASS)
    await other.disableKeystoreUnlock()
    expect((await restart()).keystoreUnlock).toBe(false)

    keystore.secure = false
    const plain = await restart()
    await plain.unlock(PASS)
    await expect(plain.enableKeystoreUnlock(PASS)).rejects.toThrow('本机没有可用的系统密钥库')
  })

  it('changes the passphrase and recovers a forgotten one with the recovery key', async () => {
    const s = useSessionStore()
    await s.init()
    await s.setUp(PASS)
    const recovery = s.recoveryKey
    s.recoveryKeyKept()
    await s.changePassphrase(PASS, 'Changed-Pass-2027')
    const a = await restart()
    await expect(a.unlock(PASS)).rejects.toThrow('口令不正确')
    await a.unlock('Changed-Pass-2027')
    const b = await restart()
    await b.recover(recovery, 'Recovered-Pass-2028')
    expect(b.status).toBe('unlocked')
    const c = await restart()
    await c.unlock('Recovered-Pass-2028')
    expect(c.status).toBe('unlocked')
  })

  it('counts, delays and audits wrong recovery keys like wrong passphrases, in one count', async () => {
    const s = useSessionStore()
    await s.init()
    await s.setUp(PASS)
    const rightKey = s.recoveryKey
    s.recoveryKeyKept()
    const again = await restart()
    // A well-formed key that is not this vault's (all groups of a valid key, one digit changed).
    const wrongKey = rightKey.replace(/^./, (c) => (c === '2' ? '3' : '2'))
    await expect(again.unlock('Wrong-Pass-2026')).rejects.toThrow('口令不正确')
    for (let i = 0; i < 4; i++) await expect(again.recover(wrongKey, 'New-Passphrase-2026')).rejects.toThrow('恢复密钥')
    expect(again.failedAttempts).toBe(5)
    expect(await restart().then((x) => x.failedAttempts)).toBe(5) // kept across restarts
    // The sixth try, whichever secret, waits first; the wait grows with each further failure.
    expect(again.retryDelayMs()).toBe(1000)
    // A weak new passphrase is not a wrong recovery key: not counted.
    await expect(again.recover(wrongKey, 'short')).rejects.toThrow('口令强度不足')
    expect(again.failedAttempts).toBe(5)
    // Nothing could be written to the keyed log while locked: the entries enter it at unlock.
    expect(await db.auditLog.count()).toBe(1)
    await again.recover(rightKey, 'New-Passphrase-2026')
    expect(again.failedAttempts).toBe(0)
    const log = await db.auditLog.orderBy('seq').toArray()
    expect(log.map((e) => e.action)).toEqual([
      'vault-setup',
      'unlock-failed',
      'recovery-failed',
      'recovery-failed',
      'recovery-failed',
      'recovery-failed',
      'passphrase-change',
    ])
    expect(log[5]!.detail).toBe('恢复密钥错误（连续第 5 次失败）')
    expect(await repo.audit.verify()).toMatchObject({ ok: true, count: 7 })
  })
})
