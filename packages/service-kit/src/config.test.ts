import { baseConfigSchema, ConfigError, parseConfig } from './config';

describe('AUTH_TRUSTED_ISSUERS', () => {
  const env = {
    PORT: '4101',
    MONGO_URL: 'mongodb://127.0.0.1:29017/',
    MONGO_DB: 'x',
    KAFKA_BROKERS: 'k:9092',
  };
  const schema = baseConfigSchema.pick({ AUTH_TRUSTED_ISSUERS: true });

  it('should default to no further issuer', () => {
    expect(parseConfig(baseConfigSchema, env).AUTH_TRUSTED_ISSUERS).toEqual([]);
  });

  it('should read a JSON array of issuers with their claim names', () => {
    const value = [
      {
        issuer: 'https://sso.example.org/realms/akit',
        jwksUrl: 'https://sso.example.org/realms/akit/protocol/openid-connect/certs',
        audience: 'kollegia',
        claims: { roles: 'resource_access.kollegia.roles', tenant: 'kollegia_tenant' },
      },
    ];
    expect(parseConfig(schema, { AUTH_TRUSTED_ISSUERS: JSON.stringify(value) })).toEqual({
      AUTH_TRUSTED_ISSUERS: value,
    });
  });

  it.each([
    ['not JSON', '[{issuer:', 'AUTH_TRUSTED_ISSUERS: must be a JSON array of issuers'],
    ['an object', '{"issuer":"x"}', 'AUTH_TRUSTED_ISSUERS'],
    ['an issuer without its JWKS URL', '[{"issuer":"x"}]', 'AUTH_TRUSTED_ISSUERS.0.jwksUrl'],
    [
      'a misspelt claim name',
      '[{"issuer":"x","jwksUrl":"https://x/jwks","claims":{"role":"roles"}}]',
      'AUTH_TRUSTED_ISSUERS.0.claims',
    ],
  ])('should refuse %s, naming the setting', (_case, value, named) => {
    let error: unknown;
    try {
      parseConfig(schema, { AUTH_TRUSTED_ISSUERS: value });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).message).toContain(named);
  });
});
