// This laptop's exchange state per round (versions, acknowledgements, the conflict inbox), sealed
// with the round key in the `exchange` table. Reading and sealing it lives here with the other
// IndexedDB code; imports and conflict resolutions write the sealed row in their own transaction
// (repository.applyMerge / resolveField), an export's stamp writes it alone (`save`).
import { emptySyncState, openSyncState, sealSyncState, type SyncState } from '@shared/exchange'
import { recordAad } from '@shared/security'
import type { ExchangeRow, WorkbenchDb } from './database'

const keyOf = (roundId: string) => `state:${roundId}`

export class ExchangeStateStore {
  constructor(
    private readonly db: WorkbenchDb,
    private readonly roundKey: (roundId: string) => Promise<CryptoKey>,
  ) {}

  /** The stored state of a round; an empty one (this laptop's device id) when there is none yet. */
  async load(roundId: string, deviceId: string): Promise<SyncState> {
    const row = await this.db.exchange.get(keyOf(roundId))
    if (!row) return emptySyncState(deviceId)
    return openSyncState(await this.roundKey(roundId), recordAad('exchange', row.key), row.body)
  }

  /** The sealed row for a state, for a transaction that writes it together with records. */
  async seal(roundId: string, state: SyncState): Promise<ExchangeRow> {
    const key = keyOf(roundId)
    return { key, roundId, body: await sealSyncState(await this.roundKey(roundId), recordAad('exchange', key), state) }
  }

  async save(roundId: string, state: SyncState): Promise<void> {
    await this.db.exchange.put(await this.seal(roundId, state))
  }
}
