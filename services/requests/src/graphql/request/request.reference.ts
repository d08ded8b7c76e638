import type { Request } from '../../domain/request';
import type { RequestsContext } from '../context';

/** Federation: other subgraphs' `Request` stubs, batched through the request's loader. */
export function resolveRequestReference(
  reference: { id: string },
  context: RequestsContext,
): Promise<Request | undefined> {
  return context.loaders.requests.load(reference.id);
}
