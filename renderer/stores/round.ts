// The active round, its roster and registry, and who is working on this laptop.
// Plain data only; every write goes through the repository (and so the audit log).
import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import type { Cadre, Person, Round, TeamMember } from '@shared/domain/types'
import type { RoundSnapshot } from '@shared/domain/snapshot'
import type { AuditDraft } from '../platform/db/audit'
import { ensureDeviceId, getSetting, repo, setSetting, setWriteContext } from '../platform/db/workbench'
import type { Draft } from '../platform/db/repository'
import { keepCopyCounter } from '@shared/export/copy-number'

export const useRoundStore = defineStore('round', () => {
  const ready = ref(false)
  const deviceId = ref('')
  const rounds = ref<Round[]>([])
  const activeRoundId = ref('')
  const people = ref<Person[]>([])
  const currentUserId = ref('')

  const activeRound = computed(() => rounds.value.find((r) => r.id === activeRoundId.value))
  const members = computed(() => people.value.filter((p): p is TeamMember => p.kind === 'member'))
  const cadres = computed(() => people.value.filter((p): p is Cadre => p.kind === 'cadre'))
  const currentUser = computed(() => members.value.find((m) => m.id === currentUserId.value))

  function applyActor() {
    const user = currentUser.value
    setWriteContext(user ? { actor: user.id, actorName: `${user.name}（${user.role}）` } : { actor: 'system', actorName: '未指定用户' })
  }

  async function init() {
    deviceId.value = await ensureDeviceId()
    setWriteContext({ deviceId: deviceId.value })
    rounds.value = await repo.listRounds()
    const saved = await getSetting('activeRoundId', '')
    await activate(rounds.value.some((r) => r.id === saved) ? saved : (rounds.value[0]?.id ?? ''))
    ready.value = true
  }

  async function activate(roundId: string) {
    peopleLoad++ // a reload started for the round before is stale
    activeRoundId.value = roundId
    await setSetting('activeRoundId', roundId)
    people.value = roundId ? await repo.list('people', roundId) : []
    const savedUser = roundId ? await getSetting(`currentUser:${roundId}`, '') : ''
    currentUserId.value = members.value.some((m) => m.id === savedUser) ? savedUser : ''
    applyActor()
  }

  // The list of rounds and the active round's people follow the repository's change events: a
  // merge, a restore or a resolved conflict shows without switching the round off and on.
  let peopleLoad = 0
  async function reloadPeople() {
    const mine = ++peopleLoad
    const roundId = activeRoundId.value
    const list = roundId ? await repo.list('people', roundId) : []
    if (mine !== peopleLoad || roundId !== activeRoundId.value) return
    people.value = list
    if (!members.value.some((m) => m.id === currentUserId.value)) currentUserId.value = ''
    applyActor()
  }
  // A failed reload leaves the screen as it was; the write itself has committed.
  const logged = (e: unknown) => console.error('reload after a change failed', e)
  repo.changes.on((change) => {
    if (change.tables.includes('rounds')) reloadRounds().catch(logged)
    if (change.tables.includes('people') && activeRoundId.value && change.roundId === activeRoundId.value) reloadPeople().catch(logged)
  })

  async function setCurrentUser(memberId: string) {
    currentUserId.value = memberId
    await setSetting(`currentUser:${activeRoundId.value}`, memberId)
    applyActor()
  }

  async function saveRound(draft: Draft<Round>): Promise<Round> {
    // The screen's copy may predate a 份号 drawn since: the stored counter is kept.
    const saved = await repo.save('rounds', keepCopyCounter(draft, draft.id ? await repo.get('rounds', draft.id) : undefined))
    rounds.value = await repo.listRounds()
    if (!draft.id || !activeRoundId.value) await activate(saved.id)
    return saved
  }

  async function savePerson<P extends Person>(draft: Draft<P>): Promise<P> {
    const saved = (await repo.save('people', draft as Draft<Person>)) as P
    const i = people.value.findIndex((p) => p.id === saved.id)
    if (i >= 0) people.value[i] = saved
    else people.value.push(saved)
    return saved
  }

  /** Puts a person saved by a service (a signing key added, confirmed or withdrawn) in place. */
  function keepPerson(saved: Person) {
    const i = people.value.findIndex((p) => p.id === saved.id)
    if (i >= 0) people.value[i] = saved
    else people.value.push(saved)
  }

  async function removePerson(id: string) {
    await repo.remove('people', id)
    people.value = people.value.filter((p) => p.id !== id)
    if (id === currentUserId.value) await setCurrentUser('')
  }

  /** Puts a whole round in place (archive import, sample round) and makes it active. */
  async function installRound(snapshot: RoundSnapshot, audit: AuditDraft, onProgress?: (done: number, total: number) => void) {
    await repo.replaceRound(snapshot, audit, onProgress)
    await roundInstalled(snapshot.round.id)
  }

  /** After a service put a whole round in place (a restore): the list of rounds, and that round active. */
  async function roundInstalled(roundId: string) {
    await reloadRounds()
    await activate(roundId)
  }

  /** The list of rounds read again (a merge wrote a round). */
  async function reloadRounds() {
    rounds.value = await repo.listRounds()
  }

  return {
    ready,
    deviceId,
    rounds,
    activeRoundId,
    activeRound,
    people,
    members,
    cadres,
    currentUserId,
    currentUser,
    init,
    activate,
    setCurrentUser,
    saveRound,
    savePerson,
    keepPerson,
    removePerson,
    installRound,
    roundInstalled,
    reloadRounds,
  }
})
