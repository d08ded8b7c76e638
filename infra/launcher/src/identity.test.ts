import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { demoPeople, demoSeed, loadOrCreateDemoCredentials } from './identity';

describe('the demo accounts npm start seeds', () => {
  const people = demoPeople();

  it('should be one per role of a person, with the demo workspace staff as admin, secretary and member', () => {
    expect(people.map(({ role, login }) => [role, login])).toEqual([
      ['admin', 'orlova@example.org'],
      ['secretary', 'lapteva@example.org'],
      ['member', 'sedov@example.org'],
      ['addressee', 'clerk.minpromtorg@example.org'],
    ]);
  });

  it('should make their credentials once per machine, readable by the owner only, and find them again', () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'kollegia-identity-')), 'identity');
    const first = loadOrCreateDemoCredentials(dir, people);
    expect(Object.keys(first.passwords)).toEqual(people.map(({ login }) => login));
    expect(new Set(Object.values(first.passwords)).size).toBe(people.length);
    expect(first.partner.clientSecret.length).toBeGreaterThanOrEqual(32);
    const file = join(dir, 'demo-credentials.json');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(loadOrCreateDemoCredentials(dir, people)).toEqual(first);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(first);
  });

  it("should give the clerk the ministry's organisation as loaded, and leave the clerk out without one", () => {
    const credentials = loadOrCreateDemoCredentials(
      join(mkdtempSync(join(tmpdir(), 'kollegia-identity-')), 'identity'),
      people,
    );
    const seed = demoSeed({ tenant: 'akit', ministryId: 'org-minprom', people, credentials });
    expect(seed.tenant).toEqual({ id: 'akit', name: 'Ассоциация кластеров и технопарков России' });
    expect(seed.accounts.find((a) => a.roles[0] === 'addressee')).toMatchObject({
      email: 'clerk.minpromtorg@example.org',
      organizationId: 'org-minprom',
    });
    expect(seed.accounts.find((a) => a.roles[0] === 'secretary')).not.toHaveProperty(
      'organizationId',
    );
    const withoutDemo = demoSeed({ tenant: 'akit', ministryId: undefined, people, credentials });
    expect(withoutDemo.accounts.some((a) => 'personId' in a)).toBe(false);
    expect(withoutDemo.accounts.map((a) => a.roles[0])).toEqual(['admin', 'secretary', 'member']);
    expect(withoutDemo.partnerClients).toEqual([
      { ...credentials.partner, name: expect.any(String) },
    ]);
  });

  it('should link the staff accounts to their directory persons as the demo load found them', () => {
    const credentials = loadOrCreateDemoCredentials(
      join(mkdtempSync(join(tmpdir(), 'kollegia-identity-')), 'identity'),
      people,
    );
    const seed = demoSeed({
      tenant: 'akit',
      ministryId: 'org-minprom',
      staffIds: { 'orlova@example.org': 'p-orlova', 'sedov@example.org': 'p-sedov' },
      people,
      credentials,
    });
    expect(seed.accounts.map((a) => [a.email, 'personId' in a ? a.personId : undefined])).toEqual([
      ['orlova@example.org', 'p-orlova'],
      ['lapteva@example.org', undefined],
      ['sedov@example.org', 'p-sedov'],
      ['clerk.minpromtorg@example.org', undefined],
    ]);
  });
});
