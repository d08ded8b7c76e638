import { recordSitting, type RecordSitting } from './record-sitting';
import { aConference, contextAt, refusal } from './roundtable.fixture';

// A working meeting typed up from its minutes long after it sat (10 November 2016, Moscow time).
const at = (time: string) => new Date(`2016-11-10T${time}:00.000+03:00`);
const speaker = { kind: 'PERSON', id: 'person-speaker' } as const;
const ministry = { kind: 'ORGANIZATION', id: 'org-minprom' } as const;

const sitting: RecordSitting = {
  conferenceId: 'conf-1',
  title: 'Рабочая встреча с Минпромторгом России',
  format: 'WORKING_MEETING',
  moderator: { kind: 'PERSON', id: 'person-moderator' },
  startedAt: at('11:00'),
  concludedAt: at('13:00'),
  participants: [
    { personId: 'person-speaker', organizationId: 'org-akit', role: 'SPEAKER' },
    {
      organizationId: 'org-minprom',
      role: 'PARTICIPANT',
      attendance: 'ATTENDED',
      delegation: { description: 'руководство и специалисты министерства', headCount: 4 },
    },
  ],
  agenda: [
    { title: 'Отбор проектов кластеров', result: 'Подготовить перечень проектов' },
    { title: 'Диверсификация ОПК' },
    { title: 'Молодёжное предпринимательство', result: 'Вопрос взят на контроль' },
  ],
  statements: [
    { speaker, question: 1, text: 'Предлагаем отбор проектов.', occurredAt: at('11:05') },
    { speaker: ministry, question: 1, text: 'Министерство готово.', occurredAt: at('11:20') },
    { speaker, question: 2, text: 'О диверсификации.', occurredAt: at('11:40') },
    { speaker, question: null, text: 'Перерыв.', occurredAt: at('11:50') },
    { speaker: ministry, question: 1, text: 'Уточнение по отбору.', occurredAt: at('12:10') },
  ],
  resolutions: [
    {
      kind: 'CONTROL_ITEM',
      text: 'Взять на контроль отбор проектов и диверсификацию',
      addresseeIds: ['org-minprom'],
      questions: [2, 1],
    },
    { kind: 'QUESTION_TO_REGULATOR', text: 'Спросить о мерах', addresseeIds: ['org-minprom'] },
  ],
};

const ids = (count: number) => Array.from({ length: count }, (_, index) => `id-${index + 1}`);
const typing = () => contextAt('2026-12-07T10:00:00.000Z', ...ids(40));
const closed = aConference({ status: 'CLOSED' });

describe('recordSitting', () => {
  it('should record the sitting step by step as a live one, at the moments it happened', () => {
    const context = typing();

    const { state, steps, statements } = recordSitting(sitting, context, closed);

    expect(steps.flatMap((step) => step.changes.map((change) => change.kind))).toEqual([
      'scheduled',
      'participant-registered',
      'participant-registered',
      'agenda-set',
      'started',
      'agenda-item-opened',
      'statement-recorded',
      'statement-recorded',
      'agenda-item-closed',
      'agenda-item-opened',
      'statement-recorded',
      'statement-recorded',
      'agenda-item-closed',
      'agenda-item-opened',
      'statement-recorded',
      'agenda-item-closed',
      'agenda-item-opened',
      'agenda-item-closed',
      'resolution-proposed',
      'resolution-proposed',
      'concluded',
    ]);
    expect(state).toMatchObject({
      status: 'CONCLUDED',
      startsAt: at('11:00'),
      endsAt: at('13:00'),
      startedAt: at('11:00'),
      concludedAt: at('13:00'),
      statementCount: 5,
      lastStatementAt: at('12:10'),
      createdAt: context.now,
      updatedAt: context.now,
    });
    expect(state.participants[1]).toMatchObject({
      organizationId: 'org-minprom',
      delegation: { description: 'руководство и специалисты министерства', headCount: 4 },
    });
    expect(
      state.agenda.map(({ status, result, openedAt, closedAt }) => ({
        status,
        result,
        openedAt,
        closedAt,
      })),
    ).toEqual([
      {
        status: 'DISCUSSED',
        result: 'Подготовить перечень проектов',
        openedAt: at('12:10'),
        closedAt: at('12:10'),
      },
      { status: 'DISCUSSED', result: undefined, openedAt: at('11:40'), closedAt: at('11:40') },
      // No statement on it, but a result: discussed at the end of what is on record.
      {
        status: 'DISCUSSED',
        result: 'Вопрос взят на контроль',
        openedAt: at('12:10'),
        closedAt: at('12:10'),
      },
    ]);
    expect(statements.map((s) => [s.sequence, s.occurredAt, s.recordedAt])).toEqual([
      [1, at('11:05'), context.now],
      [2, at('11:20'), context.now],
      [3, at('11:40'), context.now],
      [4, at('11:50'), context.now],
      [5, at('12:10'), context.now],
    ]);
    expect(statements.map((s) => s.agendaItemId)).toEqual([
      state.agenda[0]!.id,
      state.agenda[0]!.id,
      state.agenda[1]!.id,
      undefined,
      state.agenda[0]!.id,
    ]);
    expect(state.resolutions).toMatchObject([
      {
        kind: 'CONTROL_ITEM',
        status: 'ADOPTED',
        agendaItemId: state.agenda[0]!.id,
        agendaItemIds: [state.agenda[0]!.id, state.agenda[1]!.id],
      },
      { kind: 'QUESTION_TO_REGULATOR', status: 'ADOPTED' },
    ]);
  });

  it('should close the question left in discussion at its last statement', () => {
    const { state } = recordSitting(
      { ...sitting, statements: sitting.statements!.slice(0, 2) },
      typing(),
      closed,
    );

    expect(state.agenda[0]).toMatchObject({ status: 'DISCUSSED', closedAt: at('11:20') });
    expect(state.agenda[1]).toMatchObject({ status: 'PENDING' });
  });

  it('should defer a question put off: after what was said on it, or at once when nothing was', () => {
    const { state, steps } = recordSitting(
      {
        ...sitting,
        agenda: [
          sitting.agenda![0]!,
          { title: 'Диверсификация ОПК', deferred: true, deferReason: 'Нет представителя ОПК' },
          { title: 'Молодёжное предпринимательство', deferred: true },
        ],
      },
      typing(),
      closed,
    );

    expect(state.agenda.map(({ status, closedAt }) => ({ status, closedAt }))).toEqual([
      { status: 'DISCUSSED', closedAt: at('12:10') },
      { status: 'DEFERRED', closedAt: undefined },
      { status: 'DEFERRED', closedAt: undefined },
    ]);
    const deferrals = steps
      .flatMap((step) => step.changes)
      .filter((change) => change.kind === 'agenda-item-deferred');
    expect(deferrals).toEqual([
      expect.objectContaining({ occurredAt: at('11:40'), reason: 'Нет представителя ОПК' }),
      expect.objectContaining({ occurredAt: at('12:10') }),
    ]);
    expect(deferrals[1]).not.toHaveProperty('reason');
  });

  it.each([
    [
      'a statement before the one above it',
      { statements: [sitting.statements![1]!, sitting.statements![0]!] },
      'statements[1].occurredAt',
    ],
    [
      'a statement after the sitting',
      { statements: [{ speaker, text: 'Поздно', occurredAt: at('13:01') }] },
      'statements[0].occurredAt',
    ],
    [
      'a statement before the sitting',
      { statements: [{ speaker, text: 'Рано', occurredAt: at('10:59') }] },
      'statements[0].occurredAt',
    ],
    [
      'a speaker not at the table',
      {
        statements: [
          {
            speaker: { kind: 'PERSON', id: 'person-x' } as const,
            text: 'Я',
            occurredAt: at('11:10'),
          },
        ],
      },
      'statements[0].speaker',
    ],
    [
      'a statement on a question not on the agenda',
      { statements: [{ speaker, question: 4, text: 'Вне', occurredAt: at('11:10') }] },
      'statements[0].question',
    ],
    [
      'a resolution on a question not on the agenda',
      { resolutions: [{ kind: 'DECISION' as const, text: 'Решение', questions: [0] }] },
      'resolutions[0].questions',
    ],
    [
      'a resolution without text',
      { resolutions: [{ kind: 'DECISION' as const, text: ' ' }] },
      'resolutions[0].text',
    ],
    [
      'a delegation naming a person',
      {
        participants: [
          {
            personId: 'person-x',
            role: 'PARTICIPANT' as const,
            delegation: { description: 'специалисты' },
          },
        ],
      },
      'participants[0].delegation',
    ],
    ['an agenda question without a title', { agenda: [{ title: '' }] }, 'agenda[0].title'],
    [
      'a deferred question with a result',
      { agenda: [{ title: 'Вопрос', deferred: true, result: 'Решено' }] },
      'agenda[0].result',
    ],
    [
      'a reason for a question not deferred',
      { agenda: [{ title: 'Вопрос', deferReason: 'Нет времени' }] },
      'agenda[0].deferReason',
    ],
    ['a conclusion before the start', { concludedAt: at('10:00') }, 'concludedAt'],
    [
      'a sitting in the future',
      {
        startedAt: new Date('2027-01-01T10:00:00.000Z'),
        concludedAt: new Date('2027-01-01T12:00:00.000Z'),
        statements: [],
      },
      'startedAt',
    ],
  ])('should refuse %s, naming the field', (_case, change, field) => {
    const error = refusal(() => recordSitting({ ...sitting, ...change }, typing(), closed));

    expect(error).toMatchObject({ code: 'BAD_USER_INPUT', details: { field } });
  });

  it('should refuse an unknown conference', () => {
    const error = refusal(() => recordSitting(sitting, typing()));

    expect(error).toMatchObject({ code: 'NOT_FOUND', message: 'conference conf-1 was not found' });
  });
});
