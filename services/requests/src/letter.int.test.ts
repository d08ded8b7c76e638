import { docxHtml, pdfPages } from '@kollegia/documents/testing';

import {
  announceMembers,
  appealTo,
  dataOf,
  DRAFT,
  hexId,
  knowOrganizations,
  personAnnounced,
  startRequests,
  SUBMIT,
  testClock,
  type Requests,
} from './test/harness';

// 5 December 2016, 10:00 in Moscow.
const clock = testClock('2016-12-05T07:00:00.000Z');
let requests: Requests;
const MINISTRY = hexId();
const MINISTRY_NAME = 'Министерство промышленности и торговли Российской Федерации';

beforeAll(async () => {
  requests = await startRequests('letter', { clock });
  await knowOrganizations(requests, [{ id: MINISTRY, name: MINISTRY_NAME, kind: 'MINISTRY' }]);
  await announceMembers(requests, [
    personAnnounced({ id: 'person-president', fullName: 'Петров Алексей Николаевич' }),
  ]);
});

afterAll(() => requests.stop());

const LETTER = `query($id: ID!) { request(id: $id) { outgoingNumber letter { title markdown
  docx: file(format: DOCX) { fileName base64 }
  pdf: file(format: PDF) { fileName mimeType base64 } } } }`;

/** Text without white space: a PDF breaks its lines where the page needs. */
const squeezed = (text: string) => text.replace(/\s+/g, '');

describe('the letter of a request', () => {
  it('should be a draft until sent, then carry the outgoing number and date, in every format', async () => {
    const drafted = dataOf(
      await requests.gql(DRAFT, {
        input: appealTo(MINISTRY, {
          body: 'Ассоциация просит рассмотреть возможность провести отбор проектов.\n\nПриложение: на 3 л.',
          signatory: { kind: 'PERSON', id: 'person-president' },
        }),
      }),
    ).draftRequest;
    const draft = dataOf(await requests.gql(LETTER, { id: drafted.id })).request.letter;
    expect(draft.title).toMatch(/^Проект: обращение «О конкурсном отборе/);
    expect(draft.markdown).toContain(
      '*Проект: исходящий номер и дата присваиваются при отправке.*',
    );

    dataOf(await requests.gql(SUBMIT, { id: drafted.id, v: drafted.version }));
    const { outgoingNumber, letter } = dataOf(
      await requests.gql(LETTER, { id: drafted.id }),
    ).request;
    expect(outgoingNumber).toMatch(/\/\d+$/);
    const lines = [
      MINISTRY_NAME,
      `Исх. № ${outgoingNumber} от 5 декабря 2016 г.`,
      'О конкурсном отборе совместных проектов участников промышленных кластеров',
      'Ассоциация просит рассмотреть возможность провести отбор проектов.',
      'Приложение: на 3 л.',
      'Петров Алексей Николаевич',
    ];
    expect(letter.markdown).toBe(
      `${lines.map((line, index) => (index === 2 ? `**${line}**` : line)).join('\n\n')}\n`,
    );
    expect(letter.pdf.mimeType).toBe('application/pdf');
    // Named after the title, cut at a word; the outgoing number's slash is no part of a file name.
    expect(letter.pdf.fileName).toMatch(/^Обращение № [^/]+ «О конкурсном отборе [^/]+\.pdf$/);
    expect(letter.docx.fileName).toBe(letter.pdf.fileName.replace(/pdf$/, 'docx'));

    const word = await docxHtml(Buffer.from(letter.docx.base64, 'base64'));
    const pdf = squeezed(pdfPages(Buffer.from(letter.pdf.base64, 'base64')).join('\n'));
    for (const line of lines) {
      expect(word).toContain(line);
      expect(pdf).toContain(squeezed(line));
    }
    expect(word).toContain(
      '<p><strong>О конкурсном отборе совместных проектов участников промышленных кластеров</strong></p>',
    );
  });
});
