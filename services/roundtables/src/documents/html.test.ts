import { heading, orderedList, paragraph, strong } from './document';
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
