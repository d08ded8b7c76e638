import type { Person } from '../../domain/person';
import type { MembersContext } from '../context';

export function resolvePersonReference(
  reference: { id: string },
  context: MembersContext,
): Promise<Person | undefined> {
  return context.loaders.people.load(reference.id);
}
