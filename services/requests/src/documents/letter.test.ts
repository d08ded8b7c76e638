import { renderMarkdown, renderHtml } from '@kollegia/documents';
import { NameBook } from '@kollegia/service-kit';

import { aRequest, aSubmittedRequest, MINPROMTORG } from '../domain/request.fixture';
import { requestLetter } from './letter';

const names = new NameBook([
  {
    kind: 'ORGANIZATION',
    id: MINPROMTORG,
    name: 'Министерство промышленности и торговли Российской Федерации',
    shortName: 'Минпромторг России',
  },
  { kind: 'PERSON', id: 'person-president', name: 'Петров Алексей Николаевич' },
]);

describe('requestLetter', () => {
  it('should write the letter as sent: addressee, outgoing number and date, subject, body, signatory', () => {
    const request = aSubmittedRequest({
      body: 'Первый абзац,\nс переносом строки.\n\n  Второй абзац.\n\n\n',
    });
    const letter = requestLetter(request, names);
    expect(letter.title).toBe(
      'Обращение № АКИТ-2016/014 «О конкурсном отборе совместных проектов участников промышленных кластеров»',
    );
    expect(renderMarkdown(letter)).toBe(
      [
        'Министерство промышленности и торговли Российской Федерации',
        'Исх. № АКИТ-2016/014 от 5 декабря 2016 г.',
        '**О конкурсном отборе совместных проектов участников промышленных кластеров**',
        'Первый абзац,\\\nс переносом строки.',
        'Второй абзац.',
        'Петров Алексей Николаевич',
      ].join('\n\n') + '\n',
    );
    // The addressee and the signatory on the right, as letters set them.
    const html = renderHtml(letter);
    expect(html).toContain(
      '<p style="text-align: right">Министерство промышленности и торговли Российской Федерации</p>',
    );
    expect(html).toContain('<p style="text-align: right">Петров Алексей Николаевич</p>');
  });

  it('should mark a draft as one, without a number or date', () => {
    const letter = requestLetter(aRequest({ kind: 'QUESTION', signatory: undefined }), names);
    expect(letter.title).toBe(
      'Проект: запрос «О конкурсном отборе совместных проектов участников промышленных кластеров»',
    );
    const markdown = renderMarkdown(letter);
    expect(markdown).toContain('*Проект: исходящий номер и дата присваиваются при отправке.*');
    expect(markdown).not.toContain('Исх.');
    expect(markdown).not.toContain('Петров');
  });
});
