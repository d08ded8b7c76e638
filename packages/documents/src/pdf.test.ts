import { heading, paragraph } from './document';
import { aReport, squeezed, textsOf } from './paged.fixture';
import { renderPdf } from './pdf';
import { pdfPages } from './testing';

describe('renderPdf', () => {
  it('should set every text of the document, in order, readable back as Russian text', async () => {
    const document = aReport();
    const pdf = await renderPdf(document);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const text = squeezed(pdfPages(pdf).join('\n'));
    let from = 0;
    for (const expected of textsOf(document)) {
      const at = text.indexOf(squeezed(expected), from);
      expect({ expected, found: at >= 0 }).toEqual({ expected, found: true });
      from = at;
    }
    // The list keeps its numbers; markup in the text stays text.
    expect(text).toContain(squeezed('3.Рекомендация.'));
    expect(text).toContain(squeezed('4.<b>не жирный</b>'));
  });

  it('should embed its font rather than rely on the reader’s', async () => {
    const pdf = (await renderPdf(aReport(1))).toString('latin1');
    expect(pdf).toContain('DejaVuSerif');
    expect(pdf).toContain('/FontFile2');
    expect(pdf).not.toContain('/Helvetica');
  });

  it('should repeat the table header and number the pages when the table runs over pages', async () => {
    const pages = pdfPages(await renderPdf(aReport(120)));
    expect(pages.length).toBeGreaterThan(2);
    pages.forEach((page, index) => {
      const lines = page.split('\n').map((line) => line.trim());
      expect(lines).toContain(String(index + 1));
      if (index > 0) expect(squeezed(page)).toContain('КодЧтоКтоСтатус');
    });
    const rows = pages.join('\n').match(/R-2016-\d+/g) ?? [];
    // Every row once: a row moved to the next page is not left half-set on the previous one.
    expect(rows).toHaveLength(120);
    expect(new Set(rows).size).toBe(120);
  });

  it('should keep a heading with what follows it', async () => {
    // Sections of different lengths, so that headings fall at every height of a page.
    const blocks = Array.from({ length: 80 }, (_, index) => [
      ...Array.from({ length: (index % 4) + 1 }, () => paragraph([`Строка раздела ${index}`])),
      heading(3, `Раздел ${index}`),
      paragraph([`Текст раздела ${index}`]),
    ]).flat();
    const pages = pdfPages(await renderPdf({ title: 't', blocks }));
    expect(pages.length).toBeGreaterThan(3);
    for (let index = 0; index < 80; index += 1) {
      const page = pages.find((text) => text.includes(`Раздел ${index}\n`));
      expect(page).toContain(`Текст раздела ${index}`);
    }
  });
});
