import type { OrganizationRef } from './organization.ref';
import type { PersonRef } from './person.ref';

/**
 * Federation: the gateway asks for `Organization` / `Person` here only to reach the fields this
 * subgraph adds; the id is all it needs, and members answers for the rest (and for existence).
 */
export const resolveOrganizationRefReference = (reference: { id: string }): OrganizationRef => ({
  id: reference.id,
});

export const resolvePersonRefReference = (reference: { id: string }): PersonRef => ({
  id: reference.id,
});
