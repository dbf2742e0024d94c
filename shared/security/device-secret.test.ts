import { describe, expect, it } from 'vitest'
import {
  addDeviceSecret,
  changePassphrase,
  createVault,
  isVaultError,
  parseVault,
  removeDeviceSecret,
  unlockWithDeviceSecret,
  unlockWithPassphrase,
} from './index'

const PASS = 'Keystore-Test-2026'
const OPTS = { iterations: 1000 }

describe('device secret (OS keystore) wrapping', () => {
  it('unlocks with the device secret once added with the passphrase', async () => {
    const { vault } = await createVault(PASS, OPTS)
    await expect(addDeviceSecret(vault, 'Wrong-Pass-2026')).rejects.toSatisfy((e) => isVaultError(e, 'wrong-passphrase'))
    const { vault: withSecret, deviceSecret } = await addDeviceSecret(vault, PASS)
    expect(deviceSecret.byteLength).toBe(32)
    const stored = parseVault(JSON.parse(JSON.stringify(withSecret)))
    expect(JSON.stringify(stored)).not.toContain(btoa(String.fromCharCode(...deviceSecret)))
    const master = await unlockWithDeviceSecret(stored, deviceSecret)
    expect(master.extractable).toBe(false)
    expect((await unlockWithPassphrase(stored, PASS)).type).toBe('secret')
  })

  it('refuses another secret, survives a passphrase change, and can be removed', async () => {
    const { vault } = await createVault(PASS, OPTS)
    const { vault: withSecret, deviceSecret } = await addDeviceSecret(vault, PASS)
    await expect(unlockWithDeviceSecret(withSecret, crypto.getRandomValues(new Uint8Array(32)))).rejects.toThrow('无法解锁')
    const changed = await changePassphrase(withSecret, PASS, 'Another-Pass-2027', OPTS)
    await unlockWithDeviceSecret(changed, deviceSecret)
    const removed = removeDeviceSecret(changed)
    expect(removed.byDeviceSecret).toBeUndefined()
    await expect(unlockWithDeviceSecret(removed, deviceSecret)).rejects.toThrow('本机未启用系统密钥库解锁')
  })
})
