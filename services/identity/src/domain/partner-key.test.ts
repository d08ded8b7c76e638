import { generateKeyPairSync } from 'node:crypto';

import { checkPublicKey } from './partner-key';

const publicJwk = (pair: ReturnType<typeof generateKeyPairSync>, kid: string) => ({
  ...pair.publicKey.export({ format: 'jwk' }),
  kid,
});

describe('a partner’s public key', () => {
  it('should keep the public members, its kid, the one algorithm it signs with and use "sig"', () => {
    const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const ed = generateKeyPairSync('ed25519');
    expect(checkPublicKey({ ...publicJwk(rsa, 'r'), ext: true, key_ops: ['verify'] })).toEqual({
      ...rsa.publicKey.export({ format: 'jwk' }),
      kid: 'r',
      alg: 'RS256',
      use: 'sig',
    });
    expect(checkPublicKey({ ...publicJwk(ec, 'e'), alg: 'ES256', use: 'sig' })).toMatchObject({
      kty: 'EC',
      crv: 'P-256',
      alg: 'ES256',
    });
    expect(checkPublicKey(publicJwk(ed, 'ed-2027'))).toMatchObject({
      kty: 'OKP',
      crv: 'Ed25519',
      kid: 'ed-2027',
      alg: 'EdDSA',
    });
  });

  it('should refuse what is not one, naming the field', () => {
    const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const p384 = generateKeyPairSync('ec', { namedCurve: 'P-384' });
    const cases: [unknown, string][] = [
      ['a string', 'key'],
      [[publicJwk(ec, 'k')], 'key'],
      [{ ...publicJwk(ec, 'k'), kid: '' }, 'key.kid'],
      [{ ...publicJwk(ec, 'k'), kid: 'с пробелом' }, 'key.kid'],
      [{ ...ec.privateKey.export({ format: 'jwk' }), kid: 'k' }, 'key'],
      [publicJwk(p384, 'k'), 'key'],
      [{ ...publicJwk(ec, 'k'), alg: 'ES384' }, 'key.alg'],
      [{ ...publicJwk(ec, 'k'), use: 'enc' }, 'key.use'],
      [{ ...publicJwk(ec, 'k'), y: 'AAAA' }, 'key'],
    ];
    for (const [input, field] of cases) {
      expect(() => checkPublicKey(input)).toThrow(
        expect.objectContaining({ code: 'BAD_USER_INPUT', details: { field } }),
      );
    }
  });
});
