import { randomUUID } from 'node:crypto';

/** Letters, digits and `._:-`, at most 64 characters: a UUID, a trace id, a ULID. */
const SAFE_REQUEST_ID = /^[A-Za-z0-9._:-]{1,64}$/;

/**
 * The request id to log, pass on and answer with: the caller's `x-request-id` when it is safe to
 * echo into logs and headers, a new UUID otherwise (a value taken as sent could forge log lines,
 * carry markup or grow without bound).
 */
export function requestIdOf(header: string | string[] | undefined): string {
  return typeof header === 'string' && SAFE_REQUEST_ID.test(header) ? header : randomUUID();
}
