// This laptop's settings: small values by key (the device id, the active round, 份号 counters,
// UI choices). Not round data, so not sealed and not audited.
import type { WorkbenchDb } from './database'

export class Settings {
  constructor(private readonly db: WorkbenchDb) {}

  async get<T>(key: string, fallback: T): Promise<T> {
    const row = await this.db.settings.get(key)
    return row === undefined ? fallback : (row.value as T)
  }

  async set(key: string, value: unknown): Promise<void> {
    await this.db.settings.put({ key, value })
  }

  async delete(...keys: string[]): Promise<void> {
    await this.db.settings.bulkDelete(keys)
  }
}
