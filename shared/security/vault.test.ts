import { afterEach, describe, expect, it, vi } from 'vitest'
import { VaultError, type VaultErrorCode } from './errors'
import { createRoundKey, openRoundKey } from './round-keys'
import { openFields, sealFields } from './field-cipher'
import {
  changePassphrase,
  createVault,
  parseVault,
  PBKDF2_ITERATIONS,
  replaceRecoveryKey,
  resetPassphraseWithRecovery,
  unlockWithPassphrase,
  unlockWithRecoveryKey,
  type Vault,
} from './vault'

/** Low iteration count so the suite is fast; the default is checked separately below. */
const FAST = { iterations: 1_000 }
const PASS = 'Xuncha-2025-第三组'
const NEW_PASS = '新口令Tiger-7-river'

async function refused(work: Promise<unknown>, code: VaultErrorCode): Promise<VaultError> {
  try {
    await work
  } catch (e) {
    expect(e).toBeInstanceOf(VaultError)
    expect((e as VaultError).code).toBe(code)
    return e as VaultError
  }
  throw new Error(`expected VaultError ${code}`)
}

/** A key can be proven to be "the same master key" by opening a round key wrapped with it. */
async function sameMaster(a: CryptoKey, b: CryptoKey): Promise<boolean> {
  const { wrapped } = await createRoundKey(a, 'r-check')
  const key = await openRoundKey(b, wrapped).catch(() => undefined)
  if (!key) return false
  const body = await sealFields(key, 'x/1', { ok: 1 })
  return (await openFields(key, 'x/1', body)).ok === 1
}

afterEach(() => vi.restoreAllMocks())

describe('vault defaults', () => {
  it('keeps PBKDF2 at 600,000 iterations or more', () => {
    expect(PBKDF2_ITERATIONS).toBeGreaterThanOrEqual(600_000)
  })

  it('works with the real default and refuses a recovery-key typo before any key derivation', async () => {
    const t0 = performance.now()
    const { vault, recoveryKey, masterKey } = await createVault(PASS)
    const tCreate = performance.now() - t0
    expect(vault.kdf.iterations).toBe(PBKDF2_ITERATIONS)
    expect(vault.byRecovery.iterations).toBe(PBKDF2_ITERATIONS)

    const t1 = performance.now()
    const unlocked = await unlockWithPassphrase(vault, PASS)
    const tUnlock = performance.now() - t1
    console.log(
      `PBKDF2-SHA-256 ${PBKDF2_ITERATIONS} 次：解锁（一次派生）${tUnlock.toFixed(0)} ms；创建（两次并行派生）${tCreate.toFixed(0)} ms`,
    )
    expect(await sameMaster(masterKey, unlocked)).toBe(true)

    const derive = vi.spyOn(globalThis.crypto.subtle, 'deriveKey')
    const chars = [...recoveryKey]
    chars[3] = chars[3] === '7' ? '8' : '7'
    const t2 = performance.now()
    const e = await refused(unlockWithRecoveryKey(vault, chars.join('')), 'wrong-recovery-key')
    expect(e.message).toBe('恢复密钥有误：请逐组核对')
    expect(performance.now() - t2).toBeLessThan(tUnlock / 4)
    expect(derive).not.toHaveBeenCalled()
    // the spy does see derivations: the correct key derives once and opens the same master key
    expect(await sameMaster(masterKey, await unlockWithRecoveryKey(vault, recoveryKey))).toBe(true)
    expect(derive).toHaveBeenCalledTimes(1)
  }, 60_000)
})

describe('vault', () => {
  it('refuses a weak passphrase with the Chinese reasons', async () => {
    const e = await refused(createVault('abc123', FAST), 'weak-passphrase')
    expect(e.problems).toContain('口令至少需要 10 个字符（当前 6 个）')
    expect(e.message).toMatch(/^口令强度不足：口令至少需要 10 个字符/)
  })

  it('unlocks with the passphrase and the recovery key, and refuses a wrong passphrase', async () => {
    const { vault, recoveryKey, masterKey } = await createVault(PASS, FAST)
    expect(recoveryKey).toMatch(/^[0-9A-Z]{5}(-[0-9A-Z]{5}){7}$/)
    expect(masterKey.extractable).toBe(false)
    expect(masterKey.usages.sort()).toEqual(['unwrapKey', 'wrapKey'])

    const byPass = await unlockWithPassphrase(vault, PASS)
    expect(byPass.extractable).toBe(false)
    expect(await sameMaster(masterKey, byPass)).toBe(true)

    const e = await refused(unlockWithPassphrase(vault, 'Xuncha-2025-第三祖'), 'wrong-passphrase')
    expect(e.message).toBe('口令不正确')

    const byRecovery = await unlockWithRecoveryKey(vault, recoveryKey.toLowerCase().replace(/-/g, ' '))
    expect(await sameMaster(masterKey, byRecovery)).toBe(true)

    const other = await createVault(PASS, FAST)
    const wrong = await refused(unlockWithRecoveryKey(vault, other.recoveryKey), 'wrong-recovery-key')
    expect(wrong.message).toBe('恢复密钥不正确')
  })

  it('normalises the passphrase (NFC), so composed and decomposed input unlock alike', async () => {
    const { vault } = await createVault('Café-2025-巡察', FAST)
    await expect(unlockWithPassphrase(vault, 'Cafe\u0301-2025-巡察')).resolves.toBeDefined()
  })

  it('stores no secret in clear and survives JSON', async () => {
    const { vault, recoveryKey } = await createVault(PASS, FAST)
    const json = JSON.stringify(vault)
    expect(json).not.toContain(PASS)
    expect(json).not.toContain(recoveryKey)
    expect(json).not.toContain(recoveryKey.replace(/-/g, ''))
    const back = JSON.parse(json) as Vault
    expect(parseVault(json)).toEqual(vault)
    expect(back).toEqual(vault)
    await expect(unlockWithPassphrase(back, PASS)).resolves.toBeDefined()
    await expect(unlockWithRecoveryKey(back, recoveryKey)).resolves.toBeDefined()
  })

  it('refuses an unsupported version and a damaged vault', async () => {
    const { vault } = await createVault(PASS, FAST)
    const e = await refused(unlockWithPassphrase({ ...vault, version: 2 } as unknown as Vault, PASS), 'unsupported-version')
    expect(e.message).toBe('数据格式版本不受支持，请升级巡察工作台')
    expect(() => parseVault({ ...vault, byPassphrase: { iv: vault.byPassphrase.iv, ct: 'AAAA' } })).toThrow(VaultError)
    expect(() => parseVault('{not json')).toThrow('加密数据已损坏，无法读取')
    expect(() => parseVault({ ...vault, kdf: { ...vault.kdf, iterations: 1e12 } })).toThrow(VaultError)
    // a flipped bit in the wrapped key reads as a wrong passphrase: the two cannot be told apart
    const ct = vault.byPassphrase.ct
    const flipped = (ct[0] === 'A' ? 'B' : 'A') + ct.slice(1)
    await refused(unlockWithPassphrase({ ...vault, byPassphrase: { ...vault.byPassphrase, ct: flipped } }, PASS), 'wrong-passphrase')
  })

  it('changes the passphrase without touching the master key, round keys or records', async () => {
    const created = await createVault(PASS, FAST)
    const { wrapped } = await createRoundKey(created.masterKey, 'round-1')
    const key = await openRoundKey(created.masterKey, wrapped)
    const body = await sealFields(key, 'interviews/i-1', { summary: '谈话要点：财务报销不规范' })

    await refused(changePassphrase(created.vault, PASS, 'short', FAST), 'weak-passphrase')
    await refused(changePassphrase(created.vault, 'Wrong-pass-99', NEW_PASS, FAST), 'wrong-passphrase')

    const changed = await changePassphrase(created.vault, PASS, NEW_PASS, { ...FAST, now: () => new Date('2025-06-01T08:00:00Z') })
    expect(changed.byRecovery).toEqual(created.vault.byRecovery)
    expect(changed.kdf.salt).not.toBe(created.vault.kdf.salt)
    expect(changed.createdAt).toBe(created.vault.createdAt)
    expect(changed.passphraseChangedAt).toBe('2025-06-01T08:00:00.000Z')

    await refused(unlockWithPassphrase(changed, PASS), 'wrong-passphrase')
    const master = await unlockWithPassphrase(changed, NEW_PASS)
    const viaRecovery = await unlockWithRecoveryKey(changed, created.recoveryKey)
    for (const m of [master, viaRecovery]) {
      const reopened = await openRoundKey(m, wrapped)
      expect(await openFields(reopened, 'interviews/i-1', body)).toEqual({ summary: '谈话要点：财务报销不规范' })
    }
  })

  it('resets a forgotten passphrase with the recovery key', async () => {
    const created = await createVault(PASS, FAST)
    const { wrapped } = await createRoundKey(created.masterKey, 'round-1')
    await refused(resetPassphraseWithRecovery(created.vault, 'ABCDE', NEW_PASS, FAST), 'wrong-recovery-key')
    const { vault, masterKey } = await resetPassphraseWithRecovery(created.vault, created.recoveryKey, NEW_PASS, FAST)
    await openRoundKey(masterKey, wrapped)
    await refused(unlockWithPassphrase(vault, PASS), 'wrong-passphrase')
    await openRoundKey(await unlockWithPassphrase(vault, NEW_PASS), wrapped)
    await openRoundKey(await unlockWithRecoveryKey(vault, created.recoveryKey), wrapped)
  })

  it('replaces the recovery key: the old one stops working, the passphrase keeps working', async () => {
    const created = await createVault(PASS, FAST)
    const { vault, recoveryKey } = await replaceRecoveryKey(created.vault, PASS, FAST)
    expect(recoveryKey).not.toBe(created.recoveryKey)
    await refused(unlockWithRecoveryKey(vault, created.recoveryKey), 'wrong-recovery-key')
    expect(await sameMaster(created.masterKey, await unlockWithRecoveryKey(vault, recoveryKey))).toBe(true)
    expect(await sameMaster(created.masterKey, await unlockWithPassphrase(vault, PASS))).toBe(true)
  })
})
