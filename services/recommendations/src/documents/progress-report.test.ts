import { renderMarkdown } from '@kollegia/documents';
import { NameBook } from '@kollegia/service-kit';

import { takeUnderControl, type ControlItem } from '../domain/control-item';
import {
  anAdoptedRecommendation,
  aRecommendation,
  ASSOCIATION,
  contextAt,
  MINPROMTORG,
  NTI_OFFICE,
} from '../domain/recommendation.fixture';
import { daysText, progressReport } from './progress-report';

const names = new NameBook([
  { kind: 'ORGANIZATION', id: MINPROMTORG, name: 'Минпромторг', shortName: 'Минпромторг России' },
  { kind: 'ORGANIZATION', id: NTI_OFFICE, name: 'Проектный офис НТИ' },
  { kind: 'ORGANIZATION', id: ASSOCIATION, name: 'Ассоциация', shortName: 'АКИТ РФ' },
]);

const conference = { title: 'Промышленная Россия 4.0' };
// 3 July 2017, 12:00 in Moscow: R-2016-04, due 30 June, is three days late.
const now = new Date('2017-07-03T09:00:00Z');

function report(recommendations = [anAdoptedRecommendation()], controlItems: ControlItem[] = []) {
  return renderMarkdown(
    progressReport({
      conference,
      recommendations,
      controlItems,
      names,
      now,
      timeZone: 'Europe/Moscow',
    }),
  );
}

/** An item Минпромторг took under control at the sitting of 10 November 2016, АКИТ РФ responsible. */
function anItemUnderControl(overrides: Partial<ControlItem> = {}): ControlItem {
  const { state } = takeUnderControl(
    {
      conferenceId: 'conf-1',
      roundtableId: 'rt-1',
      meetingDate: '2016-11-10',
      published: true,
      resolution: {
        id: 'res-9',
        kind: 'CONTROL_ITEM',
        text: 'Подготовить перечень проектов кластеров',
        addresseeIds: [MINPROMTORG],
        responsible: { kind: 'ORGANIZATION', id: ASSOCIATION },
        dueDate: '2017-06-01',
      },
    },
    contextAt('2016-11-10T10:10:00.000Z', 'ci-1'),
  );
  return { ...state, ...overrides };
}

describe('progressReport', () => {
  it('should give what, who, by when, the status and the days overdue of each recommendation', () => {
    const markdown = report([
      anAdoptedRecommendation({ status: 'IN_PROGRESS', lastProgressPercent: 40 }),
      anAdoptedRecommendation({
        id: 'rec-5',
        code: 'R-2016-05',
        title: 'Рабочая группа по диверсификации ОПК',
        status: 'IMPLEMENTED',
        addresseeIds: [MINPROMTORG],
        responsible: undefined,
        dueDate: '2017-03-01',
      }),
      aRecommendation({
        id: 'rec-6',
        code: 'R-2016-06',
        dueDate: undefined,
        addresseeIds: [],
        responsible: undefined,
      }),
    ]);
    expect(markdown).toContain(
      '# Ход исполнения рекомендаций по итогам «Промышленная Россия 4.0»\n\nПо состоянию на 3 июля 2017 г.',
    );
    expect(markdown).toContain(
      '**Всего рекомендаций:** 3\n\n- исполнена: 1\n- исполняется: 1\n- предложена: 1\n\n**Просрочено:** 1',
    );
    expect(markdown).toContain('| Код | Рекомендация | Кто исполняет | Срок | Статус |');
    expect(markdown).toContain(
      '| R-2016-04 | Отбор совместных проектов участников промышленных кластеров | Минпромторг России; Проектный офис НТИ<br>*Отв.:* АКИТ РФ | 30 июня 2017 г. | исполняется, 40 %<br>**просрочена на 3 дня** |',
    );
    // Finished before its date passed: never overdue.
    expect(markdown).toContain(
      '| R-2016-05 | Рабочая группа по диверсификации ОПК | Минпромторг России | 1 марта 2017 г. | исполнена |',
    );
    expect(markdown).toContain(
      '| R-2016-06 | Отбор совместных проектов участников промышленных кластеров | — | — | предложена |',
    );
    expect(markdown).toContain(
      '## Просроченные рекомендации\n\n1. **R-2016-04** Отбор совместных проектов участников промышленных кластеров\\\n   *Срок:* 30 июня 2017 г., просрочена на 3 дня\\\n   Минпромторг России; Проектный офис НТИ\\\n   *Отв.:* АКИТ РФ\n',
    );
  });

  it('should list an overdue recommendation without addressees or responsible without a «who» line', () => {
    const markdown = report([
      anAdoptedRecommendation({ addresseeIds: [], responsible: undefined }),
    ]);
    expect(markdown).toContain(
      '1. **R-2016-04** Отбор совместных проектов участников промышленных кластеров\\\n   *Срок:* 30 июня 2017 г., просрочена на 3 дня\n',
    );
  });

  it('should give the short title in the table and the whole one among the overdue', () => {
    const title =
      'Рекомендовать Министерству промышленности и торговли Российской Федерации совместно с Проектным офисом Национальной технологической инициативы провести отбор проектов';
    const markdown = report([anAdoptedRecommendation({ title })]);
    expect(markdown).toContain(
      '| R-2016-04 | Рекомендовать Министерству промышленности и торговли Российской Федерации совместно с Проектным офисом Национальной… |',
    );
    expect(markdown).toContain(`1. **R-2016-04** ${title}\\\n`);
  });

  it('should not call a recommendation overdue on its due date, nor list the overdue when none is', () => {
    const onTheDay = renderMarkdown(
      progressReport({
        conference,
        recommendations: [anAdoptedRecommendation()],
        controlItems: [],
        names,
        // 30 June 2017, 23:30 in Moscow.
        now: new Date('2017-06-30T20:30:00Z'),
        timeZone: 'Europe/Moscow',
      }),
    );
    expect(onTheDay).toContain('**Просрочено:** 0');
    expect(onTheDay).toContain('| 30 июня 2017 г. | принята |');
    expect(onTheDay).not.toContain('Просроченные');
  });

  it('should say so when the conference has no recommendations yet', () => {
    expect(report([])).toContain('Рекомендаций по итогам мероприятия нет.');
  });

  it('should give who controls, who answers for, what, by when, the status and the days overdue of each item under control', () => {
    const markdown = report(
      [],
      [
        anItemUnderControl({
          progress: [
            {
              id: 'p-1',
              author: { kind: 'ORGANIZATION', id: ASSOCIATION },
              text: 'Перечень согласован',
              percent: 60,
              reportedAt: new Date('2017-05-01T09:00:00Z'),
            },
          ],
        }),
        anItemUnderControl({
          id: 'ci-2',
          text: 'Провести совещание с Проектным офисом НТИ',
          controllerId: undefined,
          responsible: { kind: 'ORGANIZATION', id: NTI_OFFICE },
          status: 'DONE',
        }),
        anItemUnderControl({
          id: 'ci-3',
          text: 'Подготовить дорожную карту',
          responsible: undefined,
          dueDate: undefined,
          status: 'REMOVED',
        }),
      ],
    );
    // Without recommendations, the items under control are still reported.
    expect(markdown).toContain('Рекомендаций по итогам мероприятия нет.');
    expect(markdown).toContain(
      '## Взято на контроль\n\n**Всего на контроль взято:** 3\n\n- исполнено: 1\n- на контроле: 1\n- снято с контроля: 1\n\n**Просрочено:** 1',
    );
    expect(markdown).toContain('| Что | Контролирует | Ответственный | Срок | Статус |');
    expect(markdown).toContain(
      '| Подготовить перечень проектов кластеров | Минпромторг России | АКИТ РФ | 1 июня 2017 г. | на контроле, 60 %<br>**просрочено на 32 дня** |',
    );
    // Done on time or not: a closed item is never overdue; without a body, the workspace controls it.
    expect(markdown).toContain(
      '| Провести совещание с Проектным офисом НТИ | секретариат | Проектный офис НТИ | 1 июня 2017 г. | исполнено |',
    );
    expect(markdown).toContain(
      '| Подготовить дорожную карту | Минпромторг России | — | — | снято с контроля |',
    );
  });

  it('should leave the items under control out when the conference has none', () => {
    expect(report()).not.toContain('Взято на контроль');
  });
});

describe('daysText', () => {
  it.each([
    [1, '1 день'],
    [3, '3 дня'],
    [5, '5 дней'],
    [11, '11 дней'],
    [21, '21 день'],
    [112, '112 дней'],
    [124, '124 дня'],
  ])('should count %i as %j', (days, text) => {
    expect(daysText(days)).toBe(text);
  });
});
