import {
  DomainError,
  calendarDate,
  characterCount,
  httpUrl,
  instant,
  isoDate,
  optionalCalendarDate,
  optionalText,
  requiredText,
  textFault,
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

describe('characters', () => {
  it('should count an emoji once when it takes two UTF-16 units', () => {
    expect('😀'.length).toBe(2);
    expect(characterCount('😀 Ромашка')).toBe(9);
  });

  it('should accept a text of emoji at the limit when it counts characters, not UTF-16 units', () => {
    const emoji = '🌻'.repeat(300);
    expect(emoji.length).toBe(600);
    expect(requiredText('name', emoji, 300)).toBe(emoji);
    expectBadInput(
      () => requiredText('name', `${emoji}🌻`, 300),
      'name',
      'must be at most 300 characters',
    );
  });

  it('should store and count a decomposed «ё» as the one character it is', () => {
    const decomposed = 'Федорё'.normalize('NFD');
    expect(decomposed.length).toBe(7);
    expect(requiredText('name', decomposed, 6)).toBe('Федорё'.normalize('NFC'));
  });
});

describe('text hygiene', () => {
  it.each([
    ['zero-width spaces', '\u200B\u200B\u200B'],
    ['a zero-width joiner and a byte order mark', '\u200D\uFEFF'],
    ['direction marks and a Hangul filler', '\u200E\u200F\u3164'],
    ['no-break and ideographic spaces', '\u00A0\u3000'],
  ])('should refuse a required name made only of %s as empty', (_case, value) => {
    expectBadInput(() => requiredText('name', value, 300), 'name', 'must not be empty');
  });

  it('should treat an optional text made only of invisible characters as absent', () => {
    expect(optionalText('shortName', '\u200B\u2060', 300)).toBeUndefined();
  });

  it.each([
    ['NUL characters', '\u0000\u0000'],
    ['a NUL inside a name', 'Рога\u0000и копыта'],
    ['an escape sequence', 'Ромашка\u001B[31m'],
    ['a C1 control', 'Ромашка\u0085'],
  ])('should refuse a name with %s', (_case, value) => {
    expectBadInput(
      () => requiredText('name', value, 300),
      'name',
      'must not contain control characters other than line breaks and tabs',
    );
  });

  it.each([
    ['a right-to-left override', 'Ромашка\u202Eакшамор'],
    ['only overrides', '\u202E\u202D'],
    ['a left-to-right isolate', '\u2066Ромашка\u2069'],
  ])('should refuse a name with %s', (_case, value) => {
    expectBadInput(
      () => requiredText('name', value, 300),
      'name',
      'must not contain bidirectional override characters',
    );
  });

  it('should refuse half of a surrogate pair', () => {
    expectBadInput(
      () => requiredText('name', 'Ромашка\uD83D', 300),
      'name',
      'must be well-formed Unicode text',
    );
  });

  it('should keep line breaks, tabs and joiners inside a text', () => {
    expect(requiredText('text', 'Первое.\r\n\tВторое.', 100)).toBe('Первое.\r\n\tВторое.');
    expect(requiredText('name', '👩\u200D💻 Ромашка', 100)).toBe('👩\u200D💻 Ромашка');
  });

  it('should refuse line breaks and tabs only in a one-line text', () => {
    expect(textFault('Первое.\nВторое.', { multiline: true })).toBeUndefined();
    expect(textFault('Первое.\nВторое.', { multiline: false })).toBe(
      'must be one line, without line breaks or tabs',
    );
    expect(textFault('Ромашка\t', { multiline: false })).toBe(
      'must be one line, without line breaks or tabs',
    );
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

  it.each(['1900-01-01', '2016-04-21', '2999-12-31'])(
    'should accept %s when it lies within the years a record may hold',
    (value) => {
      expect(calendarDate('startsOn', value)).toBe(value);
    },
  );

  it.each(['0000-01-01', '1899-12-31', '3000-01-01', '9999-12-31'])(
    'should refuse %s when its year is outside 1900–2999',
    (value) => {
      expectBadInput(
        () => calendarDate('startsOn', value),
        'startsOn',
        'must be a date from 1900 to 2999',
      );
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

describe('instant', () => {
  it('should return a point in time of a past meeting unchanged', () => {
    const startsAt = new Date('2016-04-21T10:00:00+03:00');
    expect(instant('startsAt', startsAt)).toBe(startsAt);
  });

  it.each(['0000-01-01T00:00:00Z', '1899-12-31T23:59:59Z', '3000-01-01T00:00:00Z'])(
    'should refuse %s when its year is outside 1900–2999',
    (value) => {
      expectBadInput(
        () => instant('startsAt', new Date(value)),
        'startsAt',
        'must be a date and time from 1900 to 2999',
      );
    },
  );

  it('should refuse a date that does not exist', () => {
    expectBadInput(
      () => instant('startsAt', new Date('nonsense')),
      'startsAt',
      'must be a valid date and time',
    );
  });
});

describe('isoDate', () => {
  it('should give the UTC calendar date when given an instant', () => {
    expect(isoDate(new Date('2026-03-10T23:59:59.999Z'))).toBe('2026-03-10');
    expect(isoDate(new Date('2026-03-11T00:00:00+03:00'))).toBe('2026-03-10');
  });
});

describe('httpUrl', () => {
  it('should keep an http(s) address as the URL parser writes it', () => {
    expect(httpUrl('url', ' https://akitrf.ru/news/2016 ', 2000)).toBe(
      'https://akitrf.ru/news/2016',
    );
    expect(httpUrl('url', 'HTTP://Example.org', 2000)).toBe('http://example.org/');
  });

  it.each(['ftp://example.org/file', 'javascript:alert(1)', 'akitrf.ru/news', ''])(
    'should refuse %j naming the field',
    (value) => {
      expect(thrownBy(() => httpUrl('source.url', value, 2000))).toMatchObject({
        code: 'BAD_USER_INPUT',
        details: { field: 'source.url' },
      });
    },
  );
});
