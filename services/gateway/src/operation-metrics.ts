import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import { errorCodesOf, type Metrics } from '@kollegia/service-kit';
import { getOperationAST, type ExecutionArgs, type ExecutionResult } from 'graphql';

function isResult(value: unknown): value is ExecutionResult {
  return typeof value === 'object' && value !== null && !(Symbol.asyncIterator in value);
}

/** The operation a document runs: its name (from the document) and type. */
function operationOf({ document, operationName }: ExecutionArgs) {
  const operation = getOperationAST(document, operationName);
  return { name: operation?.name?.value, type: operation?.operation ?? 'unknown' };
}

/**
 * The gateway's GraphQL metrics: every operation counted by name and type and its errors by the
 * code clients see; queries and mutations timed through execution (subscriptions stay open, so
 * they are counted, not timed); a request refused before it ran (it did not parse or validate, a
 * limit, a bad token) is counted as type `unknown`. Each call to a subgraph is counted and timed,
 * and counted as failed when its answer carries errors.
 */
export function useOperationMetrics(metrics: Metrics): GatewayPlugin {
  // Requests whose operation reached execution: their results are counted there.
  const executed = new WeakSet<object>();
  const markExecuted = (context: unknown) => {
    const request = (context as { request?: object } | undefined)?.request;
    if (request) executed.add(request);
  };
  return {
    onExecute({ args }) {
      markExecuted(args.contextValue);
      const started = performance.now();
      const { name, type } = operationOf(args);
      return {
        onExecuteDone({ result }) {
          metrics.recordOperation({
            name,
            type,
            seconds: (performance.now() - started) / 1000,
            errorCodes: errorCodesOf(isResult(result) ? result.errors : undefined),
          });
        },
      };
    },
    onSubscribe({ args }) {
      markExecuted(args.contextValue);
      const { name, type } = operationOf(args);
      return {
        onSubscribeResult({ result }) {
          metrics.recordOperation({
            name,
            type,
            errorCodes: errorCodesOf(isResult(result) ? result.errors : undefined),
          });
        },
      };
    },
    onResultProcess({ request, result }) {
      if (executed.has(request) || !isResult(result) || !result.errors?.length) return;
      metrics.recordOperation({
        name: undefined,
        type: 'unknown',
        errorCodes: errorCodesOf(result.errors),
      });
    },
    onSubgraphExecute({ subgraphName }) {
      const started = performance.now();
      metrics.subgraphRequests.inc({ subgraph: subgraphName });
      return ({ result }) => {
        metrics.subgraphDuration.observe(
          { subgraph: subgraphName },
          (performance.now() - started) / 1000,
        );
        if (isResult(result) && result.errors?.length) {
          metrics.subgraphErrors.inc({ subgraph: subgraphName });
        }
      };
    },
  };
}
