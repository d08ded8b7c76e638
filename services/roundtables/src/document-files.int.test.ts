import { docxHtml, pdfPages } from '@kollegia/documents/testing';

import {
  aLiveRoundtable,
  CONCLUDE,
  dataOf,
  RECORD_MANY,
  startRoundtables,
  type Roundtables,
} from './test/harness';

let rt: Roundtables;

beforeAll(async () => {
  rt = await startRoundtables('document-files', { clock: () => new Date('2016-11-10T09:14:30Z') });
});

afterAll(() => rt.stop());

const FILES = `query($id: ID!) { roundtableMinutes(id: $id) {
  title markdown
  docx: file(format: DOCX) { fileName mimeType base64 size }
  pdf: file(format: PDF) { fileName mimeType base64 size } } }`;

const STATEMENTS = 200;

/** Text without white space: a PDF breaks its lines where the page needs. */
const squeezed = (text: string) => text.replace(/\s+/g, '');

describe('the minutes as files', () => {
  it('should give a 200-statement sitting’s minutes as a DOCX and a PDF that read back as the minutes', async () => {
    // The cast is announced under its names: Иванова Мария Сергеевна of АКИТ РФ speaks.
    const { roundtable, who } = await aLiveRoundtable(rt);
    for (let from = 0; from < STATEMENTS; from += 100) {
      const statements = Array.from({ length: 100 }, (_, i) => ({
        speaker: { kind: 'PERSON', id: who.speaker },
        agendaItemId: roundtable.agenda[0].id,
        text: `Реплика №${from + i + 1}: кластеры, технопарки и «дорожные карты» НТИ <b>не разметка</b>.`,
      }));
      dataOf(await rt.gql(RECORD_MANY, { id: roundtable.id, statements }));
    }
    const { version } = dataOf(
      await rt.gql(`query($id: ID!) { roundtable(id: $id) { version } }`, { id: roundtable.id }),
    ).roundtable;
    dataOf(await rt.gql(CONCLUDE, { id: roundtable.id, v: version }));

    const minutes = dataOf(await rt.gql(FILES, { id: roundtable.id })).roundtableMinutes;
    const docx = Buffer.from(minutes.docx.base64, 'base64');
    const pdf = Buffer.from(minutes.pdf.base64, 'base64');
    // Named after the title, less what a file system does not allow (the colon).
    const name = 'Протокол круглого стола «Индустрия 4.0 в ТЭК и ОПК кластеры как точки роста»';
    expect(minutes.title).toBe(
      'Протокол круглого стола «Индустрия 4.0 в ТЭК и ОПК: кластеры как точки роста»',
    );
    expect(minutes.docx).toMatchObject({
      fileName: `${name}.docx`,
      mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      size: docx.length,
    });
    expect(minutes.pdf).toMatchObject({
      fileName: `${name}.pdf`,
      mimeType: 'application/pdf',
      size: pdf.length,
    });

    // What the Markdown says the minutes hold, the files hold too, in the same order.
    const lines = [
      minutes.title,
      'Участники',
      'Иванова Мария Сергеевна (АКИТ РФ) — спикер',
      'Повестка',
      'Industrie 4.0 и «Made in China 2025»: опыт Германии и Китая',
      'Ход обсуждения',
      ...Array.from(
        { length: STATEMENTS },
        (_, i) =>
          `Реплика №${i + 1}: кластеры, технопарки и «дорожные карты» НТИ <b>не разметка</b>.`,
      ),
      `Всего выступлений: ${STATEMENTS}.`,
    ];
    const word = await docxHtml(docx);
    const wordText = squeezed(
      word
        .replace(/<[^>]+>/g, ' ')
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>'),
    );
    const pdfText = squeezed(pdfPages(pdf).join('\n'));
    for (const text of [wordText, pdfText]) {
      let from = 0;
      for (const line of lines) {
        const at = text.indexOf(squeezed(line), from);
        expect({ line, found: at >= 0 }).toEqual({ line, found: true });
        from = at;
      }
    }
    expect(word).toContain(`<h1>${minutes.title}</h1>`);
    expect(word).toContain('<h2>Ход обсуждения</h2>');
    expect(word).toMatch(
      /<strong>12:14 Иванова Мария Сергеевна \(АКИТ РФ\):<\/strong> Реплика №1:/,
    );
    expect(pdfPages(pdf).length).toBeGreaterThan(5);
  });
});
