import { heading } from './document';
import { fileName, renderFile } from './file';

describe('fileName', () => {
  it.each([
    ['Протокол круглого стола «Индустрия 4.0»', 'Протокол круглого стола «Индустрия 4.0».pdf'],
    ['Отчёт: 2016/2017 "итоги"?', 'Отчёт 2016 2017 итоги.pdf'],
    ['Письмо…\n№ 12. ', 'Письмо… № 12.pdf'],
    ['/:*?', 'document.pdf'],
  ])('should name a file after %j', (title, name) => {
    expect(fileName(title, 'PDF')).toBe(name);
  });

  it('should cut a long title at a word boundary', () => {
    const title = `Рекомендации по итогам ${'очень длинного названия '.repeat(10)}`;
    const name = fileName(title, 'DOCX');
    expect(name).toMatch(/\.docx$/);
    const stem = name.slice(0, -'.docx'.length);
    expect(stem.length).toBeLessThanOrEqual(100);
    expect(stem.length).toBeGreaterThan(80);
    expect(title.startsWith(`${stem} `)).toBe(true);
  });
});

describe('renderFile', () => {
  it('should give the file its name, MIME type and content', async () => {
    const document = { title: 'Протокол', blocks: [heading(1, 'Протокол')] };
    const pdf = await renderFile(document, 'PDF');
    expect(pdf).toMatchObject({ fileName: 'Протокол.pdf', mimeType: 'application/pdf' });
    expect(pdf.content.subarray(0, 5).toString()).toBe('%PDF-');
    const docx = await renderFile(document, 'DOCX');
    expect(docx).toMatchObject({
      fileName: 'Протокол.docx',
      mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    });
    expect(docx.content.subarray(0, 2).toString()).toBe('PK');
  });
});
