import {
  MAX_QUERY_TOKENS,
  normalize,
  queryTokens,
  searchTokens,
  sortKey,
  tokenize,
} from './search';

describe('normalize', () => {
  it('should lower-case Cyrillic and Latin when the text has capitals', () => {
    expect(normalize('Минпромторг РФ and IT')).toBe('минпромторг рф and it');
  });

  it('should read ё as е when the text has ё in either case', () => {
    expect(normalize('Ёлки Зелёные')).toBe('елки зеленые');
  });

  it('should keep spaces and punctuation when normalising', () => {
    expect(normalize('  «Ромашка», ООО ')).toBe('  «ромашка», ооо ');
  });
});

describe('tokenize', () => {
  it('should split on spaces when the text has Cyrillic and Latin words', () => {
    expect(tokenize('Группа Компаний Softline')).toEqual(['группа', 'компаний', 'softline']);
  });

  it('should treat «quotes», "quotes", hyphens and punctuation as separators when present', () => {
    expect(tokenize('ООО «Ромашка-2», АО "Лес"; № 5 (x_y)')).toEqual([
      'ооо',
      'ромашка',
      '2',
      'ао',
      'лес',
      '5',
      'x',
      'y',
    ]);
  });

  it('should keep digits inside a token when letters and digits are adjacent', () => {
    expect(tokenize('1С-Битрикс 24x7')).toEqual(['1с', 'битрикс', '24x7']);
  });

  it('should normalise ё and case when tokenising', () => {
    expect(tokenize('ЗЕЛЁНЫЙ Город')).toEqual(['зеленый', 'город']);
  });

  it('should return no tokens when the text has only separators', () => {
    expect(tokenize(' «» — , . ')).toEqual([]);
  });

  it('should return no tokens when the text is empty', () => {
    expect(tokenize('')).toEqual([]);
  });
});

describe('searchTokens', () => {
  it('should return the distinct tokens in first-seen order when texts repeat words', () => {
    expect(searchTokens('Ромашка', 'ООО «Ромашка»', 'ромашка ёлка', 'Елка')).toEqual([
      'ромашка',
      'ооо',
      'елка',
    ]);
  });

  it('should skip texts when they are undefined or empty', () => {
    expect(searchTokens(undefined, 'Альфа', '', undefined, 'Бета')).toEqual(['альфа', 'бета']);
  });

  it('should return no tokens when given no texts', () => {
    expect(searchTokens()).toEqual([]);
  });
});

describe('queryTokens', () => {
  it('should allow eight tokens when MAX_QUERY_TOKENS is read', () => {
    expect(MAX_QUERY_TOKENS).toBe(8);
  });

  it('should keep the first MAX_QUERY_TOKENS tokens when the query has more', () => {
    const query = 'один два три четыре пять шесть семь восемь девять десять';

    expect(queryTokens(query)).toEqual([
      'один',
      'два',
      'три',
      'четыре',
      'пять',
      'шесть',
      'семь',
      'восемь',
    ]);
  });

  it('should de-duplicate before capping when the query repeats words', () => {
    const query = 'а а б б в в г г д д е е ж ж з з и и';

    expect(queryTokens(query)).toEqual(['а', 'б', 'в', 'г', 'д', 'е', 'ж', 'з']);
  });

  it('should keep every token when the query has exactly MAX_QUERY_TOKENS of them', () => {
    expect(queryTokens('a b c d e f g h')).toEqual(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h']);
  });

  it('should normalise the query when it has capitals and ё', () => {
    expect(queryTokens('ЁЛКА, Ёлка')).toEqual(['елка']);
  });
});

describe('sortKey', () => {
  it('should lower-case, read ё as е and trim when building the key', () => {
    expect(sortKey('  Ёжик В Тумане ')).toBe('ежик в тумане');
  });

  it('should give equal keys when names differ only in case, ё and outer spaces', () => {
    expect(sortKey('Зелёный')).toBe(sortKey(' ЗЕЛЕНЫЙ'));
  });

  it('should keep inner punctuation when building the key', () => {
    expect(sortKey('ООО «Ромашка»')).toBe('ооо «ромашка»');
  });

  it('should tokenise a decomposed (NFD) name like its composed form when the text uses combining marks', () => {
    const decomposed = 'Ёлкин Йошкар'.normalize('NFD');

    expect(tokenize(decomposed)).toEqual(['елкин', 'йошкар']);
  });
});
