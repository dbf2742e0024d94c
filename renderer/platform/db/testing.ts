// For unit tests only: an in-memory audit key, for repositories built without a keyring.
export function ephemeralAuditKey(): () => Promise<CryptoKey> {
  const key = crypto.subtle.generateKey({ name: 'HMAC', hash: 'SHA-256', length: 256 }, false, ['sign'])
  return () => key
}
