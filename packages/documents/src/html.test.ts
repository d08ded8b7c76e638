import { alignedParagraph, heading, orderedList, paragraph, strong, table } from './document';
import { escapeHtml, renderHtml } from './html';

describe('renderHtml', () => {
  it('should escape every text from the data', () => {
    expect(escapeHtml(`<img src=x onerror="alert('1')"> & co`)).toBe(
      '&lt;img src=x onerror=&quot;alert(&#39;1&#39;)&quot;&gt; &amp; co',
    );
  });

  it('should render a complete page with escaped title, headings, paragraphs and lists', () => {
    const html = renderHtml({
      title: 'Протокол <b>',
      blocks: [
        heading(1, 'Протокол <b>'),
        paragraph([strong('Дата:'), ' 10 ноября'], ['строка <i>\nещё']),
        orderedList([[['один']], [['два']]], 2),
      ],
    });
    expect(html).toBe(
      [
        '<!DOCTYPE html>',
        '<html lang="ru">',
        '<head>',
        '<meta charset="utf-8">',
        '<title>Протокол &lt;b&gt;</title>',
        '</head>',
        '<body>',
        '<h1>Протокол &lt;b&gt;</h1>',
        '<p><strong>Дата:</strong> 10 ноября<br>\nстрока &lt;i&gt;<br>\nещё</p>',
        '<ol start="2">\n<li>один</li>\n<li>два</li>\n</ol>',
        '</body>',
        '</html>',
        '',
      ].join('\n'),
    );
  });
});

describe('tables', () => {
  it('should write a table with a header row and escaped cells', () => {
    const html = renderHtml({
      title: 't',
      blocks: [
        table(
          ['Код', 'Статус <i>'],
          [[[['R-2016-01']], [[strong('просрочен'), ' с 1 июля\n<b>']]]],
        ),
      ],
    });
    expect(html).toContain(
      [
        '<table>',
        '<thead><tr><th>Код</th><th>Статус &lt;i&gt;</th></tr></thead>',
        '<tbody>',
        '<tr><td>R-2016-01</td><td><strong>просрочен</strong> с 1 июля<br>\n&lt;b&gt;</td></tr>',
        '</tbody>',
        '</table>',
      ].join('\n'),
    );
  });
});

describe('alignment', () => {
  it('should set an aligned paragraph’s alignment as its style', () => {
    const html = renderHtml({ title: 't', blocks: [alignedParagraph('right', ['Министерство'])] });
    expect(html).toContain('<p style="text-align: right">Министерство</p>');
  });
});
