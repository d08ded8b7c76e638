import { renderMarkdown } from '@kollegia/documents';
import { NameBook } from '@kollegia/service-kit';

import { aLiveRoundtable } from '../domain/roundtable.fixture';
import type { Statement } from '../domain/statement';
import { conferenceResolutions } from './conference-resolutions';
import { roundtableMinutes } from './minutes';
import { aConference } from '../domain/roundtable.fixture';

const names = new NameBook([
  { kind: 'PERSON', id: 'person-moderator', name: 'Петров Алексей Николаевич' },
  { kind: 'PERSON', id: 'person-speaker', name: 'Иванова Мария Сергеевна' },
  { kind: 'ORGANIZATION', id: 'org-akit', name: 'Ассоциация кластеров', shortName: 'АКИТ РФ' },
]);

function statement(sequence: number, agendaItemId: string | undefined, text: string): Statement {
  return {
    id: `st-${sequence}`,
    tenantId: 'akit',
    roundtableId: 'rt-1',
    sequence,
    speaker: { kind: 'PERSON', id: sequence % 2 ? 'person-speaker' : 'person-moderator' },
    ...(agendaItemId ? { agendaItemId } : {}),
    text,
    recordedAt: new Date(`2016-11-10T08:1${sequence}:00.000Z`),
    occurredAt: new Date(`2016-11-10T08:1${sequence}:00.000Z`),
  };
}

const concluded = aLiveRoundtable({
  status: 'CONCLUDED',
  agenda: [
    { id: 'item-1', title: 'Опыт Германии и Китая', status: 'DISCUSSED' },
    { id: 'item-2', title: '«Мягкая ловушка»', status: 'DEFERRED' },
  ],
  resolutions: [
    {
      id: 'res-1',
      kind: 'RECOMMENDATION',
      text: 'Продолжить работу в регионах',
      addresseeIds: ['org-minprom'],
      responsible: { kind: 'ORGANIZATION', id: 'org-akit' },
      dueDate: '2017-06-30',
      status: 'ADOPTED',
    },
    {
      id: 'res-2',
      kind: 'DECISION',
      text: 'Снято',
      addresseeIds: [],
      status: 'WITHDRAWN',
      withdrawReason: 'Дубль',
    },
  ],
});

describe('roundtableMinutes', () => {
  const markdown = renderMarkdown(
    roundtableMinutes({
      roundtable: concluded,
      conference: aConference(),
      statements: [
        statement(1, undefined, 'Добрый день.'),
        statement(2, 'item-1', 'Германия начала в 2011 году.'),
        statement(3, 'item-1', 'Китай ответил своей программой.'),
      ],
      names,
      timeZone: 'Europe/Moscow',
    }),
  );

  it('should open with the sitting’s title, conference, time it began, place, format and moderator', () => {
    expect(markdown).toMatch(
      /^# Протокол круглого стола «Индустрия 4\.0 в ТЭК и ОПК: кластеры как точки роста»\n\n\*\*Мероприятие:\*\* Промышленная Россия 4\.0: механизмы опережающего развития, Москва\\\n\*\*Дата:\*\* 10 ноября 2016 г\., 11:05–13:00\\\n\*\*Место:\*\* Малый зал\\\n\*\*Формат:\*\* круглый стол\\\n\*\*Модератор:\*\* Петров Алексей Николаевич\n/,
    );
  });

  it('should list participants with whom they speak for, and the agenda with its outcome', () => {
    expect(markdown).toContain(
      '## Участники\n\n1. Иванова Мария Сергеевна (АКИТ РФ) — спикер\n2. организация org-minprom — наблюдатель',
    );
    expect(markdown).toContain(
      '## Повестка\n\n1. Опыт Германии и Китая — рассмотрен\n2. «Мягкая ловушка» — отложен',
    );
  });

  it('should give the statements in order under the question spoken to', () => {
    expect(markdown).toContain(
      [
        '## Ход обсуждения',
        '### Вне повестки',
        '**11:11 Иванова Мария Сергеевна (АКИТ РФ):** Добрый день.',
        '### 1. Опыт Германии и Китая',
        '**11:12 Петров Алексей Николаевич:** Германия начала в 2011 году.',
        '**11:13 Иванова Мария Сергеевна (АКИТ РФ):** Китай ответил своей программой.',
      ].join('\n\n'),
    );
  });

  it('should list adopted resolutions with addressees, responsible and due date, and withdrawn ones apart', () => {
    expect(markdown).toContain(
      '## Решения\n\n1. **Рекомендация.** Продолжить работу в регионах\\\n   *Адресаты:* организация org-minprom\\\n   *Ответственный:* АКИТ РФ\\\n   *Срок:* 30 июня 2017 г.\n\n### Отозванные предложения\n\n- Снято\\\n  *Причина:* Дубль',
    );
    expect(
      markdown.trimEnd().endsWith('*Всего выступлений: 3.*\n\n*Проект протокола: не утверждён.*'),
    ).toBe(true);
  });
});

describe('roundtableMinutes typed up after the sitting', () => {
  const said = (sequence: number, time: string, text: string): Statement => ({
    ...statement(sequence, 'item-1', text),
    // Typed in on 14 November; said on 10 November.
    recordedAt: new Date('2016-11-14T09:00:00.000Z'),
    occurredAt: new Date(`2016-11-10T${time}:00.000Z`),
  });
  const markdown = renderMarkdown(
    roundtableMinutes({
      roundtable: {
        ...concluded,
        startedAt: new Date('2016-11-10T08:00:00.000Z'),
        concludedAt: new Date('2016-11-10T10:00:00.000Z'),
        minutesApprovedAt: new Date('2016-11-14T13:00:00.000Z'),
        participants: [
          {
            id: 'part-3',
            organizationId: 'org-akit',
            role: 'PARTICIPANT',
            attendance: 'ATTENDED',
            delegation: { description: 'руководство и специалисты', headCount: 3 },
          },
        ],
        agenda: [{ ...concluded.agenda[0]!, result: 'Учесть опыт Германии' }, concluded.agenda[1]!],
        resolutions: [
          {
            ...concluded.resolutions[0]!,
            agendaItemId: 'item-1',
            agendaItemIds: ['item-1', 'item-2'],
          },
        ],
      },
      statements: [said(1, '08:30', 'Второе по времени.'), said(2, '08:10', 'Первое по времени.')],
      names,
      timeZone: 'Europe/Moscow',
    }),
  );

  it('should print when it sat and each statement at the time said, in the order said', () => {
    expect(markdown).toContain('**Дата:** 10 ноября 2016 г., 11:00–13:00');
    expect(markdown.indexOf('**11:10 ')).toBeGreaterThan(0);
    expect(markdown.indexOf('**11:10 ')).toBeLessThan(markdown.indexOf('**11:30 '));
    expect(markdown).not.toContain('12:00 ');
  });

  it('should print the delegation, the result, the questions of a resolution and the approval', () => {
    expect(markdown).toContain('1. АКИТ РФ: руководство и специалисты (3 чел.) — участник');
    expect(markdown).toContain('*Итог:* Учесть опыт Германии');
    expect(markdown).toContain('*По вопросам повестки:* 1, 2');
    expect(markdown.trimEnd().endsWith('*Протокол утверждён 14 ноября 2016 г.*')).toBe(true);
  });
});

describe('roundtableMinutes for a reader of published material', () => {
  // АКИТ РФ is not published; the ministry (an observer and the addressee) is not in the directory.
  const markdown = renderMarkdown(
    roundtableMinutes({
      roundtable: concluded,
      statements: [statement(1, undefined, 'Добрый день.')],
      names: new NameBook(
        [
          { kind: 'PERSON', id: 'person-moderator', name: 'Петров Алексей Николаевич' },
          { kind: 'PERSON', id: 'person-speaker', name: 'Иванова Мария Сергеевна' },
          {
            kind: 'ORGANIZATION',
            id: 'org-akit',
            name: 'Ассоциация кластеров',
            shortName: 'АКИТ РФ',
            published: false,
          },
        ],
        true,
      ),
      timeZone: 'Europe/Moscow',
    }),
  );

  it('should print no name of an unpublished or unknown organisation, nor its id', () => {
    expect(markdown).not.toMatch(/АКИТ|Ассоциация кластеров|org-akit|org-minprom/);
    expect(markdown).toContain(
      '## Участники\n\n1. Иванова Мария Сергеевна — спикер\n2. организация — наблюдатель',
    );
    expect(markdown).toContain('**11:11 Иванова Мария Сергеевна:** Добрый день.');
    expect(markdown).toContain('*Адресаты:* организация\\\n   *Ответственный:* организация\\\n');
  });
});

describe('conferenceResolutions', () => {
  it('should say so when no round table has adopted anything yet', () => {
    const markdown = renderMarkdown(
      conferenceResolutions({
        conference: aConference({ organizerIds: [] }),
        roundtables: [],
        names,
        timeZone: 'Europe/Moscow',
      }),
    );
    expect(markdown).toBe(
      '# Рекомендации по итогам конференции «Промышленная Россия 4.0: механизмы опережающего развития»\n\nМосква, 10 ноября 2016 г.\n\nРекомендации и решения ещё не приняты.\n',
    );
  });
});
