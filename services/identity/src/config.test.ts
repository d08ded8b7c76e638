import { ConfigError } from '@kollegia/service-kit';

import { loadConfig } from './config';

describe('the identity settings', () => {
  it('should need only the database, with short access tokens and the Kollegia audience', () => {
    expect(loadConfig({ MONGO_URL: 'mongodb://127.0.0.1:29017/' })).toMatchObject({
      PORT: 4105,
      MONGO_DB: 'kollegia_identity',
      OIDC_AUDIENCE: 'kollegia',
      OIDC_RESOURCE: 'urn:kollegia:api',
      ACCESS_TOKEN_TTL_S: 300,
      INVITATION_TTL_S: 7 * 24 * 60 * 60,
      PASSWORD_RESET_TTL_S: 60 * 60,
      WEB_REDIRECT_URIS: ['http://127.0.0.1:5173/callback'],
      TRUST_PROXY: false,
    });
  });

  it('should name a malformed setting', () => {
    expect(() =>
      loadConfig({ MONGO_URL: 'mongodb://127.0.0.1:29017/', OIDC_ISSUER: 'not a url' }),
    ).toThrow(ConfigError);
    expect(() =>
      loadConfig({ MONGO_URL: 'mongodb://127.0.0.1:29017/', ACCESS_TOKEN_TTL_S: '5' }),
    ).toThrow(/ACCESS_TOKEN_TTL_S/);
  });
});
