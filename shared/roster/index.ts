// Importing the inspected unit's cadre roster (干部名册) from Excel.
export { parseRoster, HEADER_SEARCH_ROWS } from './parse'
export {
  planRosterImport,
  resolveRosterPlan,
  DIFFERENT,
  FATE_LABELS,
  MIN_AGE,
  MAX_AGE,
  type PlanContext,
  type PlanOption,
  type PlanRow,
  type ResolvedPlan,
  type ResolvedRow,
  type RosterPlan,
  type RowDecision,
  type RowFate,
} from './plan'
export { RosterImportError, type RosterImportErrorCode } from './errors'
export { rolesFromPost, categoryFromRoles, parseCategory, type PostRoles } from './roles'
export { parseYearMonthText } from './year-month'
export type {
  CadreDraft,
  ParseRosterOptions,
  RosterColumn,
  RosterField,
  RosterParseResult,
  RosterProblem,
  RosterRow,
  RosterSkippedRow,
} from './types'
