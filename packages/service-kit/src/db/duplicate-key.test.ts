import { isDuplicateKey } from './duplicate-key';

describe('isDuplicateKey', () => {
  it.each([
    ['MongoDB E11000', { code: 11000, message: 'E11000 duplicate key error' }, true],
    [
      'a bulk insert with duplicates only',
      { writeErrors: [{ code: 11000 }, { code: 11000 }] },
      true,
    ],
    ['a bulk insert with another failure', { writeErrors: [{ code: 11000 }, { code: 2 }] }, false],
    ['an internal error', { code: 1, message: 'UNIQUE constraint failed' }, false],
    ['a domain error', { code: 'CONFLICT', message: 'stale' }, false],
    ['nothing', undefined, false],
  ])('should tell %s', (_label, error, expected) => {
    expect(isDuplicateKey(error)).toBe(expected);
  });
});
