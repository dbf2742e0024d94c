// The exchange state held in memory (no Vue): every write of a round's state goes through here,
// so the state kept is the stored one and an import or an export does not decrypt it again.
// The exchange store (features/exchange/exchangeStore.ts) mirrors it for the screens.
import type { SyncState } from '@shared/exchange'
import type { ExchangeStateStore } from '../../platform/db/exchangeStates'

export class SyncStates {
  /** Bumped on every change, so a preview can tell whether the state changed since it was computed. */
  version = 0
  /** The round whose state is kept once read (the active round). */
  activeRoundId = ''
  private cached: { id: string; state: SyncState } | undefined

  constructor(
    private readonly store: Pick<ExchangeStateStore, 'load' | 'save' | 'seal'>,
    private readonly onKeep: (roundId: string, state: SyncState) => void = () => undefined,
  ) {}

  /** The stored state of a round (from memory when it is the one kept). */
  async current(roundId: string, deviceId: string): Promise<SyncState> {
    if (this.cached?.id === roundId) return this.cached.state
    const loaded = await this.store.load(roundId, deviceId)
    if (roundId === this.activeRoundId) this.keep(roundId, loaded)
    return loaded
  }

  /** A state that was just committed (with records, in the caller's transaction). */
  keep(roundId: string, state: SyncState): void {
    this.cached = { id: roundId, state }
    this.version++
    this.onKeep(roundId, state)
  }

  /** Stores a state on its own (an export's stamp). */
  async save(roundId: string, state: SyncState): Promise<void> {
    await this.store.save(roundId, state)
    this.keep(roundId, state)
  }

  seal(roundId: string, state: SyncState) {
    return this.store.seal(roundId, state)
  }
}
