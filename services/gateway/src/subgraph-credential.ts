import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import { GATEWAY_CREDENTIAL_HEADER } from '@kollegia/service-kit';

/**
 * The header that shows a subgraph the call comes from the gateway (`GATEWAY_SECRET`; none when
 * it is not set, outside production). Subgraphs set to the same secret answer nobody else
 * (docs/adr/0010-only-the-gateway-calls-the-subgraphs.md).
 */
export function gatewayCredential(secret: string | undefined): Record<string, string> {
  return secret ? { [GATEWAY_CREDENTIAL_HEADER]: secret } : {};
}

/** Presents the gateway's credential on every call to a subgraph, and to no other address. */
export function useGatewayCredential(
  secret: string | undefined,
  subgraphUrls: Iterable<string>,
): GatewayPlugin {
  const subgraphs = new Set(subgraphUrls);
  return {
    onFetch(payload) {
      if (!secret || !subgraphs.has(payload.url)) return;
      const { options } = payload;
      payload.setOptions({
        ...options,
        headers: { ...options.headers, ...gatewayCredential(secret) },
      });
    },
  };
}
