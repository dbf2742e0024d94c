import type { RoundTableName, RoundTables } from './tables'
import type { Round } from './types'

/** Everything one round holds: what a round archive carries and what the sample round is. */
export interface RoundSnapshot {
  round: Round
  tables: { [T in RoundTableName]: RoundTables[T][] }
}

export function emptyTables(): RoundSnapshot['tables'] {
  return {
    people: [],
    interviews: [],
    documents: [],
    documentNotes: [],
    petitions: [],
    visits: [],
    workingPapers: [],
    clues: [],
    checklist: [],
    reports: [],
    attachments: [],
  }
}
