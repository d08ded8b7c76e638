import { formatOutgoingNumber, outgoingYear } from './outgoing-number';

describe('formatOutgoingNumber', () => {
  it('should pad the sequence to three digits when it is small', () => {
    expect(formatOutgoingNumber('АКИТ', 2016, 14)).toBe('АКИТ-2016/014');
  });

  it('should keep every digit when the sequence passes 999', () => {
    expect(formatOutgoingNumber(' АКИТ ', 2017, 1203)).toBe('АКИТ-2017/1203');
  });

  it.each([0, -1, 2.5])('should refuse a sequence of %j', (sequence) => {
    expect(() => formatOutgoingNumber('АКИТ', 2016, sequence)).toThrow(
      'sequence: must be a whole number from 1',
    );
  });
});

describe('outgoingYear', () => {
  it('should number a letter sent at 01:00 on 1 January in Moscow in the new year', () => {
    expect(outgoingYear(new Date('2016-12-31T22:00:00.000Z'), 'Europe/Moscow')).toBe(2017);
    expect(outgoingYear(new Date('2016-12-31T20:59:00.000Z'), 'Europe/Moscow')).toBe(2016);
  });
});
