import { bulletList, heading, orderedList, paragraph, strong, table } from './document';
import { escapeMarkdown, renderMarkdown } from './markdown';

describe('escapeMarkdown', () => {
  it.each([
    ['**жирный** и _курсив_', '\\*\\*жирный\\*\\* и \\_курсив\\_'],
    ['<script>alert(1)</script>', '\\<script\\>alert(1)\\</script\\>'],
    ['[ссылка](http://x)', '\\[ссылка\\](http://x)'],
    ['# не заголовок', '\\# не заголовок'],
    ['- не пункт', '\\- не пункт'],
    ['> не цитата', '\\> не цитата'],
    ['2016. год', '2016\\. год'],
    ['ТЭК & ОПК, &amp;', 'ТЭК & ОПК, \\&amp;'],
    ['a | b ~ c `d`', 'a \\| b \\~ c \\`d\\`'],
  ])('should make %j literal', (text, escaped) => {
    expect(escapeMarkdown(text)).toBe(escaped);
  });

  it('should leave ordinary Russian text as it is', () => {
    const text = 'Кластеры — точки роста: «Индустрия 4.0», 104,1 % (выше среднего)!';
    expect(escapeMarkdown(text)).toBe(text);
  });
});

describe('renderMarkdown', () => {
  it('should keep the line breaks of a text as hard breaks and escape every line', () => {
    const markdown = renderMarkdown({
      title: 't',
      blocks: [paragraph([strong('12:14 Иванова:'), ' Первая строка\n\n# вторая\n1. третья'])],
    });
    expect(markdown).toBe('**12:14 Иванова:** Первая строка\\\n\\# вторая\\\n1\\. третья\n');
  });

  it('should number an ordered list from its start and indent continuation lines', () => {
    const markdown = renderMarkdown({
      title: 't',
      blocks: [
        heading(2, 'Решения'),
        orderedList(
          [[[strong('Рекомендация.'), ' Текст'], ['Адресаты: Минпромторг России']], [['Второе']]],
          3,
        ),
        bulletList([[['пункт']]]),
      ],
    });
    expect(markdown).toBe(
      '## Решения\n\n3. **Рекомендация.** Текст\\\n   Адресаты: Минпромторг России\n4. Второе\n\n- пункт\n',
    );
  });
});

describe('headings', () => {
  it('should keep a leading number and escape every # of a heading', () => {
    expect(
      renderMarkdown({ title: 't', blocks: [heading(3, '1. Вопрос №1 # и ## ещё <b>')] }),
    ).toBe('### 1. Вопрос №1 \\# и \\#\\# ещё \\<b\\>\n');
  });
});

describe('tables', () => {
  it('should write a GFM table with escaped cells and a cell’s line breaks as <br>', () => {
    const markdown = renderMarkdown({
      title: 't',
      blocks: [
        table(
          ['Код', 'Что | как'],
          [
            [[['R-2016-01']], [[strong('просрочен'), ' a | b\nвторая'], ['третья']]],
            [[['']], [['<b>']]],
          ],
        ),
      ],
    });
    expect(markdown).toBe(
      [
        '| Код | Что \\| как |',
        '| --- | --- |',
        '| R-2016-01 | **просрочен** a \\| b<br>вторая<br>третья |',
        '|   | \\<b\\> |',
        '',
      ].join('\n'),
    );
  });

  it('should refuse a row that does not match the header', () => {
    expect(() => table(['a', 'b'], [[[['1']]]])).toThrow('a table row has 1 cells, its header 2');
  });
});
