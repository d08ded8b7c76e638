import type { ApolloServerPlugin } from '@apollo/server';
import { OperationTypeNode } from 'graphql';

import { errorCodesOf, type Metrics } from './metrics';

/**
 * Counts and times a subgraph's GraphQL operations, and counts the errors of its answers by the
 * code clients see. The name is the document's (what the caller sent as `operationName` counts
 * only when the document has it); a document that did not parse or validate is of type `unknown`.
 */
export function operationMetricsPlugin(metrics: Metrics): ApolloServerPlugin {
  return {
    requestDidStart() {
      const started = performance.now();
      return Promise.resolve({
        willSendResponse({ operation, response }) {
          const type = operation?.operation ?? 'unknown';
          const errors =
            response.body.kind === 'single' ? response.body.singleResult.errors : undefined;
          metrics.recordOperation({
            name: operation?.name?.value,
            type,
            seconds:
              type === OperationTypeNode.SUBSCRIPTION
                ? undefined
                : (performance.now() - started) / 1000,
            errorCodes: errorCodesOf(errors),
          });
          return Promise.resolve();
        },
      });
    },
  };
}
