import type { Conference } from '../../domain/conference';
import type { RoundtablesContext } from '../context';

/** Federation: other subgraphs' `Conference` references, batched through the request's loader. */
export function resolveConferenceReference(
  reference: { id: string },
  context: RoundtablesContext,
): Promise<Conference | undefined> {
  return context.loaders.conferences.load(reference.id);
}
