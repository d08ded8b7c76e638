import { errors } from 'jose';

import { tokenLifetimeProblem, tokenRefusalReason } from './token-rules';

describe('tokenLifetimeProblem', () => {
  const now = 2_000_000_000;
  const day = 24 * 60 * 60;

  it.each<[string, { exp?: number; iat?: number }, boolean]>([
    ['issued now, for a day', { iat: now, exp: now + day }, true],
    [
      'issued an hour ago, for a day and an hour less',
      { iat: now - 3600, exp: now + day - 3600 },
      true,
    ],
    ['issued now, for a day and a second', { iat: now, exp: now + day + 1 }, false],
    ['issued long ago, valid until 2999', { iat: now - 3600, exp: 32_503_680_000 }, false],
    ['without iat, expiring within a day', { exp: now + day }, true],
    ['without iat, expiring in two days', { exp: now + 2 * day }, false],
    [
      'issued in the future for an hour, expiring in two days',
      { iat: now + day, exp: now + 2 * day },
      false,
    ],
  ])('should tell whether a token %s may live', (_case, claims, allowed) => {
    expect(tokenLifetimeProblem(claims, day, now) === undefined).toBe(allowed);
  });

  it('should say what the limit is when it refuses', () => {
    expect(tokenLifetimeProblem({ iat: now, exp: now + 2 * day }, day, now)).toBe(
      'the token lives longer than the 86400 s allowed (exp − iat)',
    );
  });
});

describe('tokenRefusalReason', () => {
  const payload = { sub: 'u' };

  it.each<[string, unknown, string]>([
    [
      'an expired token',
      new errors.JWTExpired('"exp" claim timestamp check failed', payload, 'exp', 'check_failed'),
      'the token has expired',
    ],
    [
      'another audience',
      new errors.JWTClaimValidationFailed(
        'unexpected "aud" claim value',
        payload,
        'aud',
        'check_failed',
      ),
      "the token's aud claim is missing or not accepted",
    ],
    [
      'a bad signature',
      new errors.JWSSignatureVerificationFailed(),
      'the token is not signed by a trusted key',
    ],
    [
      'alg none',
      new errors.JOSEAlgNotAllowed('"alg" (Algorithm) Header Parameter value not allowed'),
      'the token is signed with an algorithm that is not accepted',
    ],
    ['garbage', new errors.JWSInvalid('Invalid Compact JWS'), 'the token is malformed'],
    [
      'anything else',
      new Error('getaddrinfo ENOTFOUND idp.internal'),
      'the token could not be verified',
    ],
  ])('should word %s in its own terms, never the library’s', (_case, error, reason) => {
    expect(tokenRefusalReason(error)).toBe(reason);
  });
});
