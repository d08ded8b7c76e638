import { ConfigError } from '../config';
import { gatewaySecretOf, secretMatcher } from './gateway-credential';

describe('the gateway’s secret', () => {
  it('should stop a production boot without it, naming the variable', () => {
    expect(() => gatewaySecretOf({ NODE_ENV: 'production' })).toThrow(ConfigError);
    expect(() => gatewaySecretOf({ NODE_ENV: 'production' })).toThrow(/GATEWAY_SECRET: required/);
  });

  it('should be optional elsewhere, so tests and developers can call a subgraph directly', () => {
    expect(gatewaySecretOf({ NODE_ENV: 'development' })).toBeUndefined();
    expect(gatewaySecretOf({ NODE_ENV: 'production', GATEWAY_SECRET: 's'.repeat(32) })).toBe(
      's'.repeat(32),
    );
  });
});

describe('secretMatcher', () => {
  it('should match the secret itself only', () => {
    const matches = secretMatcher('s'.repeat(32));
    expect(matches('s'.repeat(32))).toBe(true);
    expect(matches('s'.repeat(31))).toBe(false);
    expect(matches(`${'s'.repeat(32)} `)).toBe(false);
    expect(matches('')).toBe(false);
    expect(matches(undefined)).toBe(false);
  });
});
