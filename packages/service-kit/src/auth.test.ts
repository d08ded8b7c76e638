import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { createTokenVerifier, devAuth, tokenClaimsProblem, type Role } from './auth';
import { DomainError } from './domain';

describe('tokenClaimsProblem', () => {
  it.each<[string, { roles: Role[]; org?: string }, boolean]>([
    ['an addressee naming its organisation', { roles: ['addressee'], org: 'org-minprom' }, true],
    ['an addressee naming none', { roles: ['addressee'] }, false],
    ['an addressee with an empty organisation', { roles: ['addressee'], org: '' }, false],
    ['a member who is also an addressee, naming none', { roles: ['member', 'addressee'] }, false],
    ['a secretary naming none', { roles: ['secretary'] }, true],
    ['a partner naming none', { roles: ['partner'] }, true],
  ])('should tell whether %s can be honoured', (_case, claims, honoured) => {
    expect(tokenClaimsProblem(claims) === undefined).toBe(honoured);
  });
});

describe('createTokenVerifier', () => {
  const auth = devAuth(mkdtempSync(join(tmpdir(), 'kollegia-auth-')));
  const verifier = createTokenVerifier({
    publicKeyPem: readFileSync(auth.publicKeyFile, 'utf8'),
    issuer: auth.issuer,
    audience: auth.audience,
  });

  it('should give an addressee the organisation its token names', async () => {
    const token = await auth.token({ sub: 'u', tenant: 'akit', roles: ['addressee'], org: 'o1' });
    await expect((await verifier).verify(token)).resolves.toEqual({
      subject: 'u',
      tenantId: 'akit',
      roles: ['addressee'],
      organizationId: 'o1',
    });
  });

  it('should refuse an addressee token that names no organisation as UNAUTHENTICATED', async () => {
    const token = await auth.token({ tenant: 'akit', roles: ['addressee'] });
    const refusal = await (await verifier).verify(token).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(DomainError);
    expect(refusal).toMatchObject({
      code: 'UNAUTHENTICATED',
      message:
        'invalid token: an addressee token must name the organisation it speaks for (claim org)',
    });
  });
});
