import type { Roundtable } from '../../domain/roundtable';
import type { RoundtablesContext } from '../context';

/** Federation: other subgraphs' `Roundtable` references, batched through the request's loader. */
export function resolveRoundtableReference(
  reference: { id: string },
  context: RoundtablesContext,
): Promise<Roundtable | undefined> {
  return context.loaders.roundtables.load(reference.id);
}
