/**
 * Domain errors: what a decision refuses, with the code clients see in `extensions.code`
 * (DESIGN.md section 6). This module has no dependencies, so `domain/` code can import it
 * (`@kollegia/service-kit/domain`) without pulling in GraphQL, mongoose or Kafka.
 */
/** The codes clients see in `extensions.code` (DESIGN.md section 6). */
export type ErrorCode =
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'BAD_USER_INPUT'
  | 'CONFLICT'
  | 'INTERNAL_SERVER_ERROR';

/** A domain error: a public message and a code; `field` names the offending input. */
export class DomainError extends Error {
  override name = 'DomainError';
  constructor(
    readonly code: Exclude<ErrorCode, 'INTERNAL_SERVER_ERROR'>,
    message: string,
    readonly details: { field?: string; currentState?: string; [key: string]: unknown } = {},
  ) {
    super(message);
  }
}

export const badInput = (field: string, message: string) =>
  new DomainError('BAD_USER_INPUT', `${field}: ${message}`, { field });
export const notFound = (what: string, id: string) =>
  new DomainError('NOT_FOUND', `${what} ${id} was not found`, { id });
export const conflict = (message: string, currentState?: string) =>
  new DomainError('CONFLICT', message, currentState ? { currentState } : {});
export const forbidden = (message = 'you are not allowed to do this') =>
  new DomainError('FORBIDDEN', message);
export const unauthenticated = (message = 'a valid bearer token is required') =>
  new DomainError('UNAUTHENTICATED', message);
export const staleVersion = (expected: number, actual: number) =>
  new DomainError(
    'CONFLICT',
    `expectedVersion ${expected} is stale: the current version is ${actual}`,
    { field: 'expectedVersion', currentVersion: actual },
  );
