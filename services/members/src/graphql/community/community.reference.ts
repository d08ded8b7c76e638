import type { Community } from '../../domain/community';
import type { MembersContext } from '../context';

export function resolveCommunityReference(
  reference: { id: string },
  context: MembersContext,
): Promise<Community | undefined> {
  return context.loaders.communities.load(reference.id);
}
