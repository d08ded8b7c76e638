import type { Organization } from '../../domain/organization';
import type { MembersContext } from '../context';

/** Federation: other subgraphs' `Organization` stubs, batched through the request's loader. */
export function resolveOrganizationReference(
  reference: { id: string },
  context: MembersContext,
): Promise<Organization | undefined> {
  return context.loaders.organizations.load(reference.id);
}
