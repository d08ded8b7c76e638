import { docxHtml, pdfPages } from '@kollegia/documents/testing';
import { deterministicId } from '@kollegia/service-kit';
import { errorCode, expectEventually, uniqueId } from '@kollegia/testing';

import {
  ASSOCIATION,
  CHAIR,
  DRAFT,
  MINPROMTORG,
  NTI_OFFICE,
  concluded,
  dataOf,
  resolution,
  startRecommendations,
  testClock,
  type Recommendations,
} from './test/harness';

// 15 March 2017 in Moscow: the first recommendation, due 1 March, is 14 days overdue.
const clock = testClock('2017-03-15T09:00:00.000Z');
let service: Recommendations;
const conferenceId = uniqueId('conf');

async function draft(input: Record<string, unknown>) {
  return dataOf(
    await service.gql(DRAFT, {
      input: {
        actionType: 'PROPOSAL',
        recommendedText: 'Текст рекомендации.',
        conferenceId,
        ...input,
      },
    }),
  ).draftRecommendation as { id: string; code: string };
}

async function adopt(id: string) {
  for (const mutation of [
    `mutation($id: ID!) { proposeRecommendation(id: $id, expectedVersion: 1) { id } }`,
    `mutation($id: ID!) { adoptRecommendation(id: $id, expectedVersion: 2, input: { decidedBy: { kind: PERSON, id: "${CHAIR}" } }) { id } }`,
  ]) {
    dataOf(await service.gql(mutation, { id }));
  }
}

const REPORT = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Conference {
  recommendationProgress { title markdown
    docx: file(format: DOCX) { fileName base64 }
    pdf: file(format: PDF) { fileName mimeType base64 } } } } }`;

/** Text without white space: a PDF breaks its lines where the page needs. */
const squeezed = (text: string) => text.replace(/\s+/g, '');

beforeAll(async () => {
  service = await startRecommendations('progress-report', { clock });
});

afterAll(() => service.stop());

describe('the progress report of a conference’s recommendations', () => {
  it('should say what, who, by when, the status and the days overdue, in Markdown, DOCX and PDF', async () => {
    const late = await draft({
      title: 'Поддержка молодёжного технологического предпринимательства',
      addresseeIds: [MINPROMTORG, NTI_OFFICE],
      responsible: { kind: 'ORGANIZATION', id: ASSOCIATION },
      dueDate: '2017-03-01',
    });
    const onTime = await draft({
      title: 'Экспертный совет по законодательству о кластерах',
      addresseeIds: [MINPROMTORG],
      dueDate: '2017-12-31',
    });
    await draft({ title: 'Черновик, которого нет в отчёте' });
    await adopt(late.id);
    await adopt(onTime.id);

    const report = dataOf(
      await service.gql(REPORT, {
        r: [{ __typename: 'Conference', id: conferenceId, title: 'Промышленная Россия 4.0' }],
      }),
    )._entities[0].recommendationProgress;
    const title = 'Ход исполнения рекомендаций по итогам «Промышленная Россия 4.0»';
    expect(report.title).toBe(title);
    expect(report.markdown).toContain('По состоянию на 15 марта 2017 г.');
    expect(report.markdown).toContain('**Всего рекомендаций:** 2');
    expect(report.markdown).toContain('**Просрочено:** 1');
    expect(report.markdown).toContain(
      `| ${late.code} | Поддержка молодёжного технологического предпринимательства | Минпромторг России; Проектный офис НТИ<br>*Отв.:* АКИТ РФ | 1 марта 2017 г. | принята<br>**просрочена на 14 дней** |`,
    );
    expect(report.markdown).toContain(
      `| ${onTime.code} | Экспертный совет по законодательству о кластерах | Минпромторг России | 31 декабря 2017 г. | принята |`,
    );
    expect(report.markdown).not.toContain('Черновик');
    expect(report.pdf).toMatchObject({ fileName: `${title}.pdf`, mimeType: 'application/pdf' });
    expect(report.docx.fileName).toBe(`${title}.docx`);

    const word = await docxHtml(Buffer.from(report.docx.base64, 'base64'));
    expect(word).toContain(`<h1>${title}</h1>`);
    expect(word).toContain('<h2>Просроченные рекомендации</h2>');
    expect(word).toContain(
      `<tr><td><p>${late.code}</p></td><td><p>Поддержка молодёжного технологического предпринимательства</p></td>`,
    );
    expect(word).toContain('<p>принята<br /><strong>просрочена на 14 дней</strong></p>');
    const pdf = squeezed(pdfPages(Buffer.from(report.pdf.base64, 'base64')).join('\n'));
    for (const text of [
      title,
      'КодРекомендацияКто исполняетСрокСтатус',
      late.code,
      'Минпромторг России; Проектный офис НТИ',
      'Отв.: АКИТ РФ',
      'просрочена на 14 дней',
      onTime.code,
      '31 декабря 2017 г.',
    ]) {
      expect(pdf).toContain(squeezed(text));
    }
    expect(pdf).not.toContain('Черновик');
  });

  it('should add the items under control of its sittings, as far as the reader may see them', async () => {
    const conference = uniqueId('conf');
    const controlled = resolution({
      kind: 'CONTROL_ITEM',
      text: 'Подготовить перечень совместных проектов участников кластеров',
      addresseeIds: [MINPROMTORG],
      responsible: { kind: 'ORGANIZATION', id: ASSOCIATION },
      dueDate: '2017-03-01',
    });
    const elsewhere = resolution({
      kind: 'CONTROL_ITEM',
      text: 'Провести совещание по дорожным картам НТИ',
      addresseeIds: [NTI_OFFICE],
      responsible: { kind: 'ORGANIZATION', id: NTI_OFFICE },
      dueDate: '2017-12-31',
    });
    const sitting = concluded({ conferenceId: conference, resolutions: [controlled, elsewhere] });
    await service.publish([sitting]);
    const id = deterministicId(sitting.subject, controlled.id);
    await expectEventually(async () => {
      expect(
        dataOf(await service.gql(`query($id: ID!) { controlItem(id: $id) { id } }`, { id }))
          .controlItem,
      ).not.toBeNull();
    });
    // The responsible side reports.
    dataOf(
      await service.gql(
        `mutation($id: ID!) { reportControlItemProgress(id: $id, expectedVersion: 1, input: { text: "Перечень согласован", percent: 60 }) { id } }`,
        { id },
        { role: 'addressee', org: ASSOCIATION },
      ),
    );

    const reportAs = async (who?: { role: 'addressee'; org: string }) =>
      dataOf(
        await service.gql(
          REPORT,
          { r: [{ __typename: 'Conference', id: conference, title: 'Промышленная Россия 4.0' }] },
          who,
        ),
      )._entities[0].recommendationProgress.markdown as string;
    const markdown = await reportAs();
    expect(markdown).toContain('Рекомендаций по итогам мероприятия нет.');
    expect(markdown).toContain('**Всего на контроль взято:** 2');
    expect(markdown).toContain('**Просрочено:** 1');
    expect(markdown).toContain(
      '| Подготовить перечень совместных проектов участников кластеров | Минпромторг России | АКИТ РФ | 1 марта 2017 г. | на контроле, 60 %<br>**просрочено на 14 дней** |',
    );
    expect(markdown).toContain(
      '| Провести совещание по дорожным картам НТИ | Проектный офис НТИ | Проектный офис НТИ | 31 декабря 2017 г. | на контроле |',
    );
    // The ministry controls the first only: the other is not its business.
    const ministry = await reportAs({ role: 'addressee', org: MINPROMTORG });
    expect(ministry).toContain('**Всего на контроль взято:** 1');
    expect(ministry).toContain('Подготовить перечень совместных проектов участников кластеров');
    expect(ministry).not.toContain('Провести совещание');
  });

  it('should refuse a reference without the conference title, which the gateway always sends', async () => {
    const response = await service.gql(REPORT, {
      r: [{ __typename: 'Conference', id: conferenceId }],
    });
    expect(errorCode(response)).toBe('BAD_USER_INPUT');
    expect(response.errors?.[0]?.extensions).toMatchObject({ field: 'title' });
  });
});
