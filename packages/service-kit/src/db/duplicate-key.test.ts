import { isDuplicateKey } from './duplicate-key';

describe('isDuplicateKey', () => {
  it.each([
    ['MongoDB E11000', { code: 11000, message: 'E11000 duplicate key error' }, true],
    [
      'FerretDB breaking a unique index on update',
      {
        code: 1,
        message:
          "[msg_update.go:133] constraint failed: UNIQUE constraint failed: index 'requests_tenantId_1_numberKey_1' (2067)",
      },
      true,
    ],
    ['another internal error', { code: 1, message: 'disk I/O error' }, false],
    ['a domain error', { code: 'CONFLICT', message: 'stale' }, false],
    ['nothing', undefined, false],
  ])('should tell %s', (_label, error, expected) => {
    expect(isDuplicateKey(error)).toBe(expected);
  });
});
