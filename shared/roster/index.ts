// Importing the inspected unit's cadre roster (干部名册) from Excel.
export { parseRoster, HEADER_SEARCH_ROWS } from './parse'
export { matchExisting, type RosterMatch, type RosterMatchResult } from './match'
export { RosterImportError, type RosterImportErrorCode } from './errors'
export { rolesFromPost, categoryFromRoles, parseCategory, type PostRoles } from './roles'
export { parseYearMonthText } from './year-month'
export type { CadreDraft, ParseRosterOptions, RosterColumn, RosterField, RosterParseResult, RosterProblem, RosterRow, RosterSkippedRow } from './types'
