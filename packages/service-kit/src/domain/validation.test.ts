import {
  DomainError,
  calendarDate,
  isoDate,
  optionalCalendarDate,
  optionalText,
  requiredText,
} from './index';

function thrownBy(action: () => unknown): unknown {
  try {
    action();
  } catch (error) {
    return error;
  }
  throw new Error('expected the action to throw, but it returned');
}

function expectBadInput(action: () => unknown, field: string, message: string): void {
  const error = thrownBy(action);

  expect(error).toBeInstanceOf(DomainError);
  expect(error).toMatchObject({
    code: 'BAD_USER_INPUT',
    details: { field },
    message: `${field}: ${message}`,
  });
}

describe('requiredText', () => {
  it('should return the trimmed text when it has surrounding whitespace', () => {
    expect(requiredText('name', '  Ромашка \n', 10)).toBe('Ромашка');
  });

  it('should accept the text when its trimmed length equals the limit', () => {
    expect(requiredText('name', ` ${'я'.repeat(5)} `, 5)).toBe('яяяяя');
  });

  it('should refuse the text when its trimmed length exceeds the limit', () => {
    expectBadInput(() => requiredText('name', 'abcdef', 5), 'name', 'must be at most 5 characters');
  });

  it.each([
    ['empty', ''],
    ['blank', ' \t\n '],
    ['undefined', undefined],
    ['null', null],
  ])('should refuse the text when it is %s', (_case, value) => {
    expectBadInput(() => requiredText('fullName', value, 300), 'fullName', 'must not be empty');
  });
});

describe('optionalText', () => {
  it('should return the trimmed text when it has surrounding whitespace', () => {
    expect(optionalText('position', '  Директор  ', 300)).toBe('Директор');
  });

  it.each([
    ['undefined', undefined],
    ['null', null],
    ['empty', ''],
    ['blank', '   '],
  ])('should return undefined when the value is %s', (_case, value) => {
    expect(optionalText('position', value, 300)).toBeUndefined();
  });

  it('should accept the text when its trimmed length equals the limit', () => {
    expect(optionalText('inn', ' 123456789012 ', 12)).toBe('123456789012');
  });

  it('should refuse the text when its trimmed length exceeds the limit', () => {
    expectBadInput(
      () => optionalText('inn', '1234567890123', 12),
      'inn',
      'must be at most 12 characters',
    );
  });
});

describe('calendarDate', () => {
  it.each(['2026-03-10', '2024-02-29', '2026-12-31', '2026-01-01'])(
    'should return %s unchanged when it is an existing date',
    (value) => {
      expect(calendarDate('since', value)).toBe(value);
    },
  );

  it.each([
    ['2026-02-30', 'a day February does not have'],
    ['2026-02-29', 'a leap day in a common year'],
    ['2026-04-31', 'a day April does not have'],
    ['2026-13-01', 'month 13'],
    ['2026-00-10', 'month 0'],
    ['2026-01-00', 'day 0'],
    ['2026-1-1', 'without leading zeros'],
    ['26-01-01', 'a two-digit year'],
    ['2026/01/01', 'slashes'],
    ['2026-01-01T00:00:00Z', 'a timestamp'],
    [' 2026-01-01', 'a leading space'],
    ['', 'empty'],
  ])('should refuse %j when it is %s', (value) => {
    expectBadInput(() => calendarDate('since', value), 'since', 'must be a date YYYY-MM-DD');
  });
});

describe('optionalCalendarDate', () => {
  it.each([
    ['undefined', undefined],
    ['null', null],
    ['empty', ''],
  ])('should return undefined when the value is %s', (_case, value) => {
    expect(optionalCalendarDate('until', value)).toBeUndefined();
  });

  it('should return the date when it exists', () => {
    expect(optionalCalendarDate('until', '2026-12-31')).toBe('2026-12-31');
  });

  it('should refuse the date when it does not exist', () => {
    expectBadInput(
      () => optionalCalendarDate('until', '2026-02-30'),
      'until',
      'must be a date YYYY-MM-DD',
    );
  });
});

describe('isoDate', () => {
  it('should give the UTC calendar date when given an instant', () => {
    expect(isoDate(new Date('2026-03-10T23:59:59.999Z'))).toBe('2026-03-10');
    expect(isoDate(new Date('2026-03-11T00:00:00+03:00'))).toBe('2026-03-10');
  });
});
