import { type Block } from './document';
import { renderDocx } from './docx';
import { aReport, squeezed, textsOf } from './paged.fixture';
import { docxHtml } from './testing';

const ENTITIES: Record<string, string> = { '&lt;': '<', '&gt;': '>', '&amp;': '&', '&quot;': '"' };

/** The text of HTML as a reader sees it. */
const textOf = (html: string) =>
  html.replace(/<[^>]+>/g, ' ').replace(/&(lt|gt|amp|quot);/g, (entity) => ENTITIES[entity]!);

describe('renderDocx', () => {
  it('should write a Word document whose every text reads back in order', async () => {
    const document = aReport();
    const docx = await renderDocx(document);
    // A ZIP package, as every Office Open XML file is.
    expect(docx.subarray(0, 2).toString()).toBe('PK');
    const text = squeezed(textOf(await docxHtml(docx)));
    let from = 0;
    for (const expected of textsOf(document)) {
      const at = text.indexOf(squeezed(expected), from);
      expect({ expected, found: at >= 0 }).toEqual({ expected, found: true });
      from = at;
    }
  });

  it('should set headings in Word’s heading styles, bold runs bold and the list’s numbers as text', async () => {
    const document = aReport();
    const html = await docxHtml(await renderDocx(document));
    const headings = document.blocks.filter(
      (block): block is Extract<Block, { kind: 'heading' }> => block.kind === 'heading',
    );
    for (const { level, text } of headings) {
      expect(html).toContain(`<h${level}>${text}</h${level}>`);
    }
    expect(html).toContain('<strong>Мероприятие:</strong> Промышленная Россия 4.0, Москва');
    expect(html).toContain('<p>3.\t<strong>Рекомендация.</strong>');
    // Markup in the text stays text.
    expect(html).toContain('4.\t&lt;b&gt;не жирный&lt;/b&gt; &amp; «кавычки» **не markdown**');
  });

  it('should write the table as a Word table with a header row', async () => {
    const document = aReport(30);
    const html = await docxHtml(await renderDocx(document));
    const table = /<table>.*<\/table>/s.exec(html)?.[0] ?? '';
    expect(table.match(/<tr>/g)).toHaveLength(31);
    expect(table).toContain('<thead><tr><th><p><strong>Код</strong></p></th>');
    expect(table).toContain('<td><p>R-2016-30</p></td>');
    expect(table).toContain('<td><p><strong>просрочен</strong></p></td>');
  });
});
