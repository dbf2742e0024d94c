// A roster file that cannot be read at all (as opposed to row-level problems, which are reported, not thrown).

export type RosterImportErrorCode = 'empty' | 'legacy-or-encrypted' | 'not-xlsx' | 'no-sheet' | 'no-header'

export class RosterImportError extends Error {
  override readonly name = 'RosterImportError'
  constructor(
    readonly code: RosterImportErrorCode,
    message: string,
  ) {
    super(message)
  }
}
