import { advance, decodeCursor, encodeCursor, isAfter, partitionKey } from './stream-cursor';

describe('stream cursors', () => {
  it('should give back the positions it was made of, whatever their order', () => {
    const positions = { [partitionKey('request', 2)]: 17, [partitionKey('recommendation', 0)]: 4 };
    const cursor = encodeCursor(positions);

    expect(decodeCursor(cursor)).toEqual(positions);
    expect(encodeCursor({ 'recommendation:0': 4, 'request:2': 17 })).toBe(cursor);
  });

  it('should take partitions of aggregates with a hyphenated name', () => {
    const positions = { [partitionKey('control-item', 1)]: 7 };

    expect(decodeCursor(encodeCursor(positions))).toEqual({ 'control-item:1': 7 });
  });

  it('should place an event after the positions only past its own partition’s offset', () => {
    const positions = { 'request:0': 10 };

    expect(isAfter(positions, 'request:0', 10)).toBe(false);
    expect(isAfter(positions, 'request:0', 11)).toBe(true);
    // A partition the cursor does not name has had nothing yet.
    expect(isAfter(positions, 'request:1', 0)).toBe(true);
    expect(advance(positions, 'request:1', 3)).toEqual({ 'request:0': 10, 'request:1': 3 });
    // Never backwards.
    expect(advance(positions, 'request:0', 9)).toBe(positions);
  });

  it.each([
    ['no prefix', 'abc'],
    ['not base64 JSON', 'k1.@@@'],
    ['not a list', `k1.${Buffer.from('{"request:0":1}').toString('base64url')}`],
    ['a bad partition name', `k1.${Buffer.from('[["Request 0",1]]').toString('base64url')}`],
    [
      'an offset that is not an integer',
      `k1.${Buffer.from('[["request:0",1.5]]').toString('base64url')}`,
    ],
    ['too long', `k1.${'a'.repeat(3000)}`],
  ])('should refuse a cursor with %s as bad user input', (_what, cursor) => {
    expect(() => decodeCursor(cursor)).toThrow(
      expect.objectContaining({ extensions: { code: 'BAD_USER_INPUT', argument: 'after' } }),
    );
  });
});
