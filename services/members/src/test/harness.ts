import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { devAuth } from '@kollegia/service-kit';
import { startService, testNamespace, TEST_TENANT, type TestNamespace } from '@kollegia/testing';

import { createApp } from '../app';
import type { Clock } from '../application/context';
import { membersConfigSchema } from '../config';

export { dataOf } from '@kollegia/testing';

export const TENANT = TEST_TENANT;
export const OTHER_TENANT = 'other-association';

/**
 * Boots the members service in-process against the real stack, in its own database and topics
 * (or another instance's `ns`: a replica on its data).
 */
export function startMembers(label: string, options: { clock?: Clock; ns?: TestNamespace } = {}) {
  return startService({
    ns: options.ns ?? testNamespace(label),
    auth: devAuth(mkdtempSync(join(tmpdir(), 'kollegia-auth-'))),
    create: (settings) => createApp(membersConfigSchema.parse(settings), options),
  });
}

export type Members = Awaited<ReturnType<typeof startMembers>>;

export const ORG_FIELDS = `id version name shortName kind country subdivision region description industries inn ogrn website status published archiveReason parent { id name }`;

export const REGISTER_ORG = `mutation($input: RegisterOrganizationInput!) { registerOrganization(input: $input) { ${ORG_FIELDS} } }`;

/** Valid INNs/OGRNs (real check digits) for test organisations. */
export const VALID = {
  inn10: '7707083893',
  inn12: '500100732259',
  ogrn13: '1027700132195',
  ogrn15: '304500116000157',
};
