import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { BRIDGE_CHANNELS, MAX_KEYSTORE_PLAIN_BYTES, MAX_KEYSTORE_PROTECTED_BYTES } from '@shared/bridge/contract'

/**
 * A fake safeStorage: "encrypts" by prefixing 'v11' and XOR-ing with a per-account byte, so a
 * blob from another account (or a tampered one) does not decrypt, like the real thing.
 */
const electron = vi.hoisted(() => {
  const handlers = new Map<string, (event: unknown, ...args: unknown[]) => Promise<unknown>>()
  const state = { available: true, backend: 'gnome_libsecret' as string, account: 0x5a }
  const xor = (b: Buffer) => Buffer.from(b.map((x) => x ^ state.account))
  const safeStorage = {
    isEncryptionAvailable: vi.fn(() => state.available),
    getSelectedStorageBackend: vi.fn(() => state.backend),
    encryptString: vi.fn((plain: string) => {
      if (!state.available) throw new Error('Encryption is not available.')
      return Buffer.concat([Buffer.from('v11'), Buffer.from([state.account]), xor(Buffer.from(plain, 'utf8'))])
    }),
    decryptString: vi.fn((encrypted: Buffer) => {
      if (!Buffer.isBuffer(encrypted)) throw new TypeError('Expected the first argument of decryptString() to be a buffer')
      if (encrypted.subarray(0, 3).toString() !== 'v11' || encrypted[3] !== state.account)
        throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.')
      return xor(encrypted.subarray(4)).toString('utf8')
    }),
  }
  return {
    handlers,
    state,
    safeStorage,
    ipcMain: { handle: vi.fn((ch: string, fn: any) => handlers.set(ch, fn)) },
    app: { getVersion: () => '0.1.0' },
    BrowserWindow: { fromWebContents: vi.fn(() => null) },
    dialog: { showSaveDialog: vi.fn(), showOpenDialog: vi.fn() },
  }
})
vi.mock('electron', () => electron)

import { registerBridge } from './bridge'
import { keystoreProtect, keystoreStatus, keystoreUnprotect } from './keystore'

beforeEach(() => {
  Object.assign(electron.state, { available: true, backend: 'gnome_libsecret', account: 0x5a })
  electron.safeStorage.encryptString.mockClear()
  electron.safeStorage.decryptString.mockClear()
})

const key = () => Uint8Array.from({ length: 32 }, (_, i) => (i * 37 + 11) & 0xff)

describe('keystoreStatus', () => {
  it('Linux basic_text (no keyring): available but not secure, and says so in Chinese', () => {
    electron.state.backend = 'basic_text'
    expect(keystoreStatus('linux')).toEqual({
      available: true,
      secure: false,
      backend: 'basic_text',
      message: '本机没有可用的系统密钥库（Linux 未配置密钥环），数据密钥只由口令保护',
    })
  })

  it.each(['gnome_libsecret', 'kwallet5', 'kwallet6'])('Linux %s: secure', (backend) => {
    electron.state.backend = backend
    expect(keystoreStatus('linux')).toEqual({ available: true, secure: true, backend, message: `系统密钥库可用（${backend}）` })
  })

  it('Linux unknown backend (before ready): not secure', () => {
    electron.state.backend = 'unknown'
    expect(keystoreStatus('linux')).toMatchObject({ available: true, secure: false, backend: 'unknown' })
    expect(keystoreStatus('linux').message).toMatch(/只由口令保护/)
  })

  it('Linux keyring backend chosen but not available (locked): not secure', () => {
    electron.state.available = false
    const status = keystoreStatus('linux')
    expect(status).toMatchObject({ available: false, secure: false, backend: 'gnome_libsecret' })
    expect(status.message).toMatch(/不可用.*只由口令保护/)
  })

  it('Windows and macOS', () => {
    expect(keystoreStatus('win32')).toEqual({ available: true, secure: true, backend: 'dpapi', message: 'Windows DPAPI 可用' })
    expect(keystoreStatus('darwin')).toEqual({ available: true, secure: true, backend: 'keychain', message: 'macOS 钥匙串可用' })
    electron.state.available = false
    expect(keystoreStatus('win32')).toMatchObject({ available: false, secure: false })
    expect(keystoreStatus('darwin')).toMatchObject({ available: false, secure: false })
    expect(keystoreStatus('darwin').message).toMatch(/只由口令保护/)
  })

  it('does not ask for a Linux backend elsewhere', () => {
    electron.safeStorage.getSelectedStorageBackend.mockClear()
    keystoreStatus('win32')
    keystoreStatus('darwin')
    expect(electron.safeStorage.getSelectedStorageBackend).not.toHaveBeenCalled()
  })
})

describe('keystoreProtect / keystoreUnprotect', () => {
  it('round-trips bytes through base64 strings and returns plain Uint8Arrays', () => {
    const protectedKey = keystoreProtect(key(), 'linux')
    expect(protectedKey).toBeInstanceOf(Uint8Array)
    expect(Buffer.isBuffer(protectedKey)).toBe(false)
    expect(electron.safeStorage.encryptString).toHaveBeenCalledWith(Buffer.from(key()).toString('base64'))

    const back = keystoreUnprotect(protectedKey, 'linux')
    expect(back).toBeInstanceOf(Uint8Array)
    expect(Buffer.isBuffer(back)).toBe(false)
    expect([...back]).toEqual([...key()])
  })

  it('round-trips all byte values and the size limits', () => {
    const all = Uint8Array.from({ length: 256 }, (_, i) => i)
    expect([...keystoreUnprotect(keystoreProtect(all, 'win32'), 'win32')]).toEqual([...all])
    const max = new Uint8Array(MAX_KEYSTORE_PLAIN_BYTES).fill(0xff)
    const wrapped = keystoreProtect(max, 'darwin')
    expect(wrapped.byteLength).toBeLessThanOrEqual(MAX_KEYSTORE_PROTECTED_BYTES)
    expect(keystoreUnprotect(wrapped, 'darwin')).toEqual(max)
  })

  it('does not modify the caller’s bytes', () => {
    const k = key()
    keystoreProtect(k, 'linux')
    expect(k).toEqual(key())
  })

  it('refuses to protect with the Linux basic_text fallback and never calls encryptString', () => {
    electron.state.backend = 'basic_text'
    expect(() => keystoreProtect(key(), 'linux')).toThrow(/不能使用系统密钥库：本机没有可用的系统密钥库/)
    expect(electron.safeStorage.encryptString).not.toHaveBeenCalled()
  })

  it.each([
    ['unknown backend', { backend: 'unknown' }, 'linux'],
    ['keyring unavailable', { available: false }, 'linux'],
    ['DPAPI unavailable', { available: false }, 'win32'],
    ['macOS keychain unavailable', { available: false }, 'darwin'],
    ['unsupported platform', {}, 'freebsd'],
  ] as const)('refuses to protect or unprotect when not secure: %s', (_label, state, platform) => {
    Object.assign(electron.state, state)
    expect(() => keystoreProtect(key(), platform)).toThrow(/不能使用系统密钥库/)
    expect(() => keystoreUnprotect(new Uint8Array([1, 2, 3]), platform)).toThrow(/不能使用系统密钥库/)
    expect(electron.safeStorage.encryptString).not.toHaveBeenCalled()
    expect(electron.safeStorage.decryptString).not.toHaveBeenCalled()
  })

  it('fails with a clear Chinese message when another account (or tampering) cannot open the key', () => {
    const wrapped = keystoreProtect(key(), 'linux')
    electron.state.account = 0x33
    expect(() => keystoreUnprotect(wrapped, 'linux')).toThrow('系统密钥库无法解开该密钥（可能更换了系统账户）')
    electron.state.account = 0x5a
    expect(() => keystoreUnprotect(new Uint8Array([1, 2, 3, 4]), 'linux')).toThrow('系统密钥库无法解开该密钥（可能更换了系统账户）')
  })

  it('refuses a blob that decrypts to something keystoreProtect never wrote', () => {
    electron.safeStorage.decryptString.mockReturnValueOnce('not base64!')
    expect(() => keystoreUnprotect(new Uint8Array([1]), 'linux')).toThrow(/无法解开该密钥/)
    electron.safeStorage.decryptString.mockReturnValueOnce('')
    expect(() => keystoreUnprotect(new Uint8Array([1]), 'linux')).toThrow(/无法解开该密钥/)
  })

  it('reports an encryption failure in Chinese', () => {
    electron.safeStorage.encryptString.mockImplementationOnce(() => {
      throw new Error('boom')
    })
    expect(() => keystoreProtect(key(), 'linux')).toThrow('系统密钥库加密失败：boom')
  })
})

describe('keystore over IPC', () => {
  beforeAll(() => registerBridge())

  const appEvent = () => {
    const mainFrame = { url: 'app://workbench/index.html', parent: null, frameTreeNodeId: 1, detached: false }
    return { senderFrame: mainFrame, sender: { mainFrame } }
  }
  const subframeEvent = () => {
    const mainFrame = { url: 'app://workbench/index.html', parent: null, frameTreeNodeId: 1, detached: false }
    return {
      senderFrame: { url: 'app://workbench/index.html', parent: mainFrame, frameTreeNodeId: 2, detached: false },
      sender: { mainFrame },
    }
  }
  const foreignEvent = () => {
    const mainFrame = { url: 'https://example.com/', parent: null, frameTreeNodeId: 1, detached: false }
    return { senderFrame: mainFrame, sender: { mainFrame } }
  }
  const invoke = (channel: string, event: unknown, ...args: unknown[]) => electron.handlers.get(channel)!(event, ...args)

  it('status, protect and unprotect work for the app page (keyring available on every platform)', async () => {
    const status: any = await invoke(BRIDGE_CHANNELS.keystoreStatus, appEvent())
    expect(status).toMatchObject({ available: true, secure: true })
    const wrapped = (await invoke(BRIDGE_CHANNELS.keystoreProtect, appEvent(), key())) as Uint8Array
    const back = (await invoke(BRIDGE_CHANNELS.keystoreUnprotect, appEvent(), wrapped)) as Uint8Array
    expect([...back]).toEqual([...key()])
  })

  it('keystoreStatus takes no argument', async () => {
    await expect(invoke(BRIDGE_CHANNELS.keystoreStatus, appEvent(), 'x')).rejects.toThrow(/不接受参数/)
  })

  it.each([BRIDGE_CHANNELS.keystoreStatus, BRIDGE_CHANNELS.keystoreProtect, BRIDGE_CHANNELS.keystoreUnprotect])(
    '%s rejects subframes and foreign pages before touching safeStorage',
    async (channel) => {
      for (const event of [subframeEvent(), foreignEvent()])
        await expect(invoke(channel, event, key())).rejects.toThrow(/调用方不是应用主页面/)
      expect(electron.safeStorage.encryptString).not.toHaveBeenCalled()
      expect(electron.safeStorage.decryptString).not.toHaveBeenCalled()
    },
  )

  it.each([
    ['an array', [1, 2, 3]],
    ['a string', 'AAEC'],
    ['an ArrayBuffer', new ArrayBuffer(4)],
    ['an object', { data: new Uint8Array([1]) }],
    ['nothing', undefined],
    ['empty bytes', new Uint8Array(0)],
  ])('protect and unprotect reject %s', async (_label, arg) => {
    await expect(invoke(BRIDGE_CHANNELS.keystoreProtect, appEvent(), arg)).rejects.toThrow(/拒绝调用 xuncha:keystore-protect：密钥数据/)
    await expect(invoke(BRIDGE_CHANNELS.keystoreUnprotect, appEvent(), arg)).rejects.toThrow(/拒绝调用 xuncha:keystore-unprotect：密钥数据/)
    expect(electron.safeStorage.encryptString).not.toHaveBeenCalled()
    expect(electron.safeStorage.decryptString).not.toHaveBeenCalled()
  })

  it('enforces the size limits (4096 to protect, 16384 to unprotect)', async () => {
    await expect(invoke(BRIDGE_CHANNELS.keystoreProtect, appEvent(), new Uint8Array(4097))).rejects.toThrow(
      /密钥数据过大（上限 4096 字节）/,
    )
    await expect(invoke(BRIDGE_CHANNELS.keystoreUnprotect, appEvent(), new Uint8Array(16385))).rejects.toThrow(
      /密钥数据过大（上限 16384 字节）/,
    )
    expect(electron.safeStorage.encryptString).not.toHaveBeenCalled()
    expect(electron.safeStorage.decryptString).not.toHaveBeenCalled()
    await expect(invoke(BRIDGE_CHANNELS.keystoreProtect, appEvent(), new Uint8Array(4096))).resolves.toBeInstanceOf(Uint8Array)
  })

  it('rejects extra arguments', async () => {
    await expect(invoke(BRIDGE_CHANNELS.keystoreProtect, appEvent(), key(), 'extra')).rejects.toThrow(/参数过多/)
  })

  it('the not-secure refusal reaches the renderer as a rejection', async () => {
    electron.state.available = false
    await expect(invoke(BRIDGE_CHANNELS.keystoreProtect, appEvent(), key())).rejects.toThrow(/不能使用系统密钥库/)
  })
})
