// The screens' view of this laptop's exchange state for the active round (versions,
// acknowledgements, the conflict inbox). The state itself is held by `states`
// (services/exchange/syncStates.ts), through which every write of it goes; this store mirrors
// what it keeps, for the badge (`openCount`) and the conflict inbox.
import { defineStore } from 'pinia'
import { computed, markRaw, ref, shallowRef } from 'vue'
import { openConflicts, type SyncState } from '@shared/exchange'
import { appContext } from '../../services/app'
import { SyncStates } from '../../services/exchange/syncStates'

export const useExchangeStore = defineStore('exchange', () => {
  /** The active round's state (shallow: it is replaced whole, never changed in place). */
  const state = shallowRef<SyncState>()
  const roundId = ref('')
  // Raw: it holds a whole state, which must not become a deep reactive copy.
  const states = markRaw(
    new SyncStates(appContext.exchangeStates, (id, next) => {
      if (id === roundId.value) state.value = next
    }),
  )
  const openCount = computed(() => (state.value ? openConflicts(state.value).length : 0))

  async function load(id: string, deviceId: string) {
    roundId.value = id
    states.activeRoundId = id
    state.value = id ? await states.current(id, deviceId) : undefined
  }

  return { state, roundId, openCount, states, load }
})
