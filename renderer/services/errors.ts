// Errors the services throw on purpose: a code the caller can act on and a Chinese message the
// user can read. Anything else that escapes a service is unexpected and shown with its reason.

export class ServiceError<Code extends string = string> extends Error {
  constructor(
    readonly code: Code,
    message: string,
  ) {
    super(message)
    this.name = 'ServiceError'
  }
}

/** The action needs a role the user does not have (shared/domain/permissions.ts says which). */
export class DeniedError extends ServiceError<'denied'> {
  constructor(message: string) {
    super('denied', message)
  }
}

export const isServiceError = (e: unknown): e is ServiceError => e instanceof ServiceError
