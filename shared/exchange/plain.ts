// Device ids and field names come from packages: `constructor`, `toString` or `__proto__` are
// plain data, so every lookup is an own-property one and every map a null-prototype object.

export const own = <T>(o: Record<string, T>, k: string): T | undefined => (Object.prototype.hasOwnProperty.call(o, k) ? o[k] : undefined)

export const dict = <T>(from?: Record<string, T>): Record<string, T> => Object.assign(Object.create(null) as Record<string, T>, from)

/** Sets a field as data even when its name is `__proto__`. */
export const put = (o: Record<string, unknown>, k: string, v: unknown): void => {
  Object.defineProperty(o, k, { value: v, writable: true, enumerable: true, configurable: true })
}
