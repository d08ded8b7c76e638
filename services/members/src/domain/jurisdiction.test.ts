import { DomainError } from '@kollegia/service-kit/domain';

import { ISO_3166_CODES } from './iso-3166-codes';
import { countryCode, jurisdictionFilter, subdivisionCode } from './jurisdiction';

const codesOf = (country: string) => (ISO_3166_CODES[country] ?? '').split(' ');

function thrownBy(action: () => unknown): unknown {
  try {
    action();
  } catch (error) {
    return error;
  }
  throw new Error('expected the action to throw, but it returned');
}

describe('the shipped ISO 3166 codes', () => {
  it('should list the 83 subjects of Russia that ISO 3166-2 codes, after the 2005–2008 mergers', () => {
    const russia = codesOf('RU');

    expect(russia).toHaveLength(83);
    expect(russia).toEqual(expect.arrayContaining(['MOW', 'SPE', 'TA', 'KAM', 'PER', 'ZAB']));
    // Merged into Perm, Krasnoyarsk, Kamchatka, Irkutsk and Zabaykalsky krais: withdrawn codes.
    for (const gone of ['KOP', 'TAY', 'EVE', 'KOR', 'UOB', 'CHI', 'AGB']) {
      expect(russia).not.toContain(gone);
    }
  });

  it('should list the 6 regions of Belarus and the city of Minsk', () => {
    expect(codesOf('BY')).toEqual(['BR', 'HM', 'HO', 'HR', 'MA', 'MI', 'VI']);
  });

  it('should list the 17 regions and 3 cities of Kazakhstan, the regions formed in 2022 included', () => {
    const kazakhstan = codesOf('KZ');

    expect(kazakhstan).toHaveLength(20);
    expect(kazakhstan).toEqual(expect.arrayContaining(['10', '11', '19']));
  });

  it('should list every assigned ISO 3166-1 alpha-2 code', () => {
    expect(Object.keys(ISO_3166_CODES)).toHaveLength(249);
  });
});

describe('countryCode', () => {
  it('should upper-case a real code when it arrives untidy', () => {
    expect(countryCode('country', ' by ')).toBe('BY');
  });
});

describe('subdivisionCode', () => {
  it('should accept the city of Minsk as a subdivision of Belarus', () => {
    expect(subdivisionCode('subdivision', 'by-hm', 'BY')).toBe('BY-HM');
  });
});

describe('jurisdictionFilter', () => {
  it.each([
    ['nothing', {}, {}],
    ['a country', { country: 'by' }, { country: 'BY' }],
    ['a subdivision alone', { subdivision: 'ru-vgg' }, { subdivision: 'RU-VGG' }],
    ['both', { country: 'BY', subdivision: 'BY-HM' }, { country: 'BY', subdivision: 'BY-HM' }],
  ])('should give the checked codes when the filter names %s', (_case, filter, expected) => {
    expect(jurisdictionFilter(filter)).toEqual(expected);
  });

  it.each([
    ['the country is not a code', { country: 'Беларусь' }, 'country'],
    ['the subdivision is not a code', { subdivision: 'RU-BY' }, 'subdivision'],
    [
      'the subdivision is not of the country',
      { country: 'BY', subdivision: 'RU-MOW' },
      'subdivision',
    ],
  ])('should refuse with BAD_USER_INPUT naming the field when %s', (_case, filter, field) => {
    const error = thrownBy(() => jurisdictionFilter(filter));

    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ code: 'BAD_USER_INPUT', details: { field } });
  });
});
