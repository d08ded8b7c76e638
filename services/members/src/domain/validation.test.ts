import { DomainError } from '@kollegia/service-kit/domain';

import { LIMITS, optionalWebsite, tags } from './validation';

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

describe('LIMITS', () => {
  it('should cap names, texts, tags and tag counts when read', () => {
    expect(LIMITS).toEqual({ name: 300, text: 2000, tag: 60, tags: 30 });
  });
});

describe('tags', () => {
  it('should lower-case, trim and de-duplicate the tags, keeping their order, when given', () => {
    expect(tags('industries', [' Энергетика', 'IT ', 'энергетика', 'it', 'Финансы'])).toEqual([
      'энергетика',
      'it',
      'финансы',
    ]);
  });

  it.each([
    ['undefined', undefined],
    ['null', null],
    ['empty', []],
  ])('should return no tags when the value is %s', (_case, value) => {
    expect(tags('industries', value)).toEqual([]);
  });

  it('should refuse the tags when one is blank', () => {
    expectBadInput(
      () => tags('industries', ['it', '  ']),
      'industries',
      'must not contain empty values',
    );
  });

  it('should refuse the tags when one is only zero-width characters', () => {
    expectBadInput(
      () => tags('industries', ['it', '\u200B\u200C']),
      'industries',
      'must not contain empty values',
    );
  });

  it('should count a tag of emoji in characters, not UTF-16 units', () => {
    const longest = '🏭'.repeat(60);

    expect(tags('industries', [longest])).toEqual([longest]);
  });

  it('should accept a tag when its trimmed length equals LIMITS.tag', () => {
    const longest = 'x'.repeat(60);

    expect(tags('expertise', [` ${longest} `])).toEqual([longest]);
  });

  it('should refuse the tags when one is longer than LIMITS.tag', () => {
    expectBadInput(
      () => tags('expertise', ['x'.repeat(61)]),
      'expertise',
      'values must be at most 60 characters',
    );
  });

  it('should accept the tags when there are exactly LIMITS.tags distinct values', () => {
    const thirty = Array.from({ length: 30 }, (_, i) => `tag-${i}`);

    expect(tags('industries', thirty)).toEqual(thirty);
  });

  it('should refuse the tags when there are more than LIMITS.tags distinct values', () => {
    const thirtyOne = Array.from({ length: 31 }, (_, i) => `tag-${i}`);

    expectBadInput(
      () => tags('industries', thirtyOne),
      'industries',
      'must have at most 30 values',
    );
  });

  it('should accept the tags when duplicates bring more than LIMITS.tags values down to the limit', () => {
    const thirty = Array.from({ length: 30 }, (_, i) => `tag-${i}`);
    const withDuplicates = [...thirty, ...thirty.map((tag) => tag.toUpperCase())];

    expect(tags('industries', withDuplicates)).toEqual(thirty);
  });
});

describe('optionalWebsite', () => {
  it('should return the URL in its normalised form when it is https', () => {
    expect(optionalWebsite('website', '  https://Example.RU ')).toBe('https://example.ru/');
  });

  it('should keep path and query when the URL is http', () => {
    expect(optionalWebsite('website', 'http://example.ru/about?lang=ru')).toBe(
      'http://example.ru/about?lang=ru',
    );
  });

  it.each([
    ['undefined', undefined],
    ['null', null],
    ['empty', ''],
    ['blank', '  '],
  ])('should return undefined when the value is %s', (_case, value) => {
    expect(optionalWebsite('website', value)).toBeUndefined();
  });

  it.each([
    ['ftp://example.ru', 'another protocol'],
    ['mailto:info@example.ru', 'a mail address'],
    ['javascript:alert(1)', 'a script'],
    ['example.ru', 'without a protocol'],
    ['not a url', 'not a URL'],
  ])('should refuse %j when it is %s', (value) => {
    expectBadInput(() => optionalWebsite('website', value), 'website', 'must be an http(s) URL');
  });

  it('should refuse the URL when it is longer than LIMITS.text', () => {
    expectBadInput(
      () => optionalWebsite('website', `https://example.ru/${'a'.repeat(2000)}`),
      'website',
      'must be at most 2000 characters',
    );
  });
});
