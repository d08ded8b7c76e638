import {
  closeAgendaItem,
  deferAgendaItem,
  openAgendaItem,
  recordAgendaResult,
  setAgenda,
} from './agenda';
import { aLiveRoundtable, aRoundtable, contextAt, refusal } from './roundtable.fixture';

describe('setAgenda', () => {
  it('should give new questions ids in order when a scheduled round table gets its agenda', () => {
    const context = contextAt('2016-11-01T09:00:00.000Z', 'item-1', 'item-2');

    const { state, changes } = setAgenda(
      aRoundtable(),
      { items: [{ title: ' Опыт Германии и Китая ' }, { title: 'Кластеры и диверсификация ОПК' }] },
      context,
    );

    expect(state).toEqual(
      aRoundtable({
        agenda: [
          { id: 'item-1', title: 'Опыт Германии и Китая', status: 'PENDING' },
          { id: 'item-2', title: 'Кластеры и диверсификация ОПК', status: 'PENDING' },
        ],
        updatedAt: context.now,
      }),
    );
    expect(changes).toEqual([{ kind: 'agenda-set' }]);
  });

  it('should reorder, retitle, add and drop pending questions when the round table is live', () => {
    const context = contextAt('2016-11-10T09:00:00.000Z', 'item-4');

    const { state, changes } = setAgenda(
      aLiveRoundtable(),
      {
        items: [
          { id: 'item-2', title: '«Мягкая ловушка» зарубежных платформ' },
          { id: 'item-1', title: 'Опыт Германии и Китая' },
          { title: 'Молодёжное технологическое предпринимательство' },
        ],
      },
      context,
    );

    expect(state.agenda).toEqual([
      { id: 'item-2', title: '«Мягкая ловушка» зарубежных платформ', status: 'IN_DISCUSSION' },
      { id: 'item-1', title: 'Опыт Германии и Китая', status: 'DISCUSSED' },
      { id: 'item-4', title: 'Молодёжное технологическое предпринимательство', status: 'PENDING' },
    ]);
    expect(state.updatedAt).toBe(context.now);
    expect(changes).toEqual([{ kind: 'agenda-set' }]);
  });

  it('should change nothing when the agenda is the same', () => {
    const roundtable = aLiveRoundtable();

    const { state, changes } = setAgenda(
      roundtable,
      { items: roundtable.agenda.map(({ id, title }) => ({ id, title })) },
      contextAt('2016-11-10T09:00:00.000Z'),
    );

    expect(state).toBe(roundtable);
    expect(changes).toEqual([]);
  });

  it.each([
    ['item-1', 'DISCUSSED'],
    ['item-2', 'IN_DISCUSSION'],
  ])('should refuse to drop %s when it is %s', (id, status) => {
    const roundtable = aLiveRoundtable();
    const kept = roundtable.agenda.filter((item) => item.id !== id);

    const error = refusal(() =>
      setAgenda(
        roundtable,
        { items: kept.map(({ id: keptId, title }) => ({ id: keptId, title })) },
        contextAt('2016-11-10T09:00:00Z'),
      ),
    );

    expect(error).toMatchObject({
      code: 'CONFLICT',
      message: `agenda item ${id} is ${status} and cannot be removed (status ${status})`,
      details: { currentState: status },
    });
  });

  it('should refuse to retitle a question when it was discussed', () => {
    const error = refusal(() =>
      setAgenda(
        aLiveRoundtable(),
        {
          items: [
            { id: 'item-1', title: 'Другой вопрос' },
            { id: 'item-2', title: '«Мягкая ловушка» зарубежных технологий' },
          ],
        },
        contextAt('2016-11-10T09:00:00Z'),
      ),
    );

    expect(error).toMatchObject({
      code: 'CONFLICT',
      message: 'agenda item item-1 is DISCUSSED and cannot be retitled (status DISCUSSED)',
    });
  });

  it.each([
    ['an empty title', [{ title: ' ' }], 'items[0].title', 'items[0].title: must not be empty'],
    [
      'an unknown id',
      [{ id: 'item-404', title: 'Вопрос' }],
      'items[0].id',
      'items[0].id: agenda item item-404 does not exist',
    ],
    [
      'an id twice',
      [
        { id: 'item-3', title: 'Вопрос' },
        { id: 'item-3', title: 'Вопрос' },
      ],
      'items[1].id',
      'items[1].id: lists agenda item item-3 twice',
    ],
    [
      '101 questions',
      Array.from({ length: 101 }, () => ({ title: 'Вопрос' })),
      'items',
      'items: must have at most 100 questions',
    ],
  ])('should refuse the agenda when it has %s', (_case, items, field, message) => {
    const error = refusal(() =>
      setAgenda(
        aRoundtable({ agenda: [{ id: 'item-3', title: 'Вопрос', status: 'PENDING' }] }),
        { items },
        contextAt('2016-11-01T09:00:00Z', 'n-1', 'n-2'),
      ),
    );

    expect(error).toMatchObject({ code: 'BAD_USER_INPUT', message, details: { field } });
  });

  it.each(['CONCLUDED', 'CANCELLED'] as const)(
    'should refuse when the round table is %s',
    (status) => {
      const error = refusal(() =>
        setAgenda(aRoundtable({ status }), { items: [] }, contextAt('2016-11-10T09:00:00Z')),
      );

      expect(error).toMatchObject({
        code: 'CONFLICT',
        message: `a ${status} round table cannot change its agenda (status ${status})`,
        details: { currentState: status },
      });
    },
  );
});

describe('openAgendaItem', () => {
  const context = contextAt('2016-11-10T09:10:00.000Z');
  const betweenQuestions = aLiveRoundtable({
    agenda: [
      { id: 'item-1', title: 'Опыт Германии и Китая', status: 'DISCUSSED' },
      { id: 'item-2', title: '«Мягкая ловушка»', status: 'DEFERRED' },
      { id: 'item-3', title: 'Кластеры и диверсификация ОПК', status: 'PENDING' },
    ],
  });

  it.each([
    ['item-3', 'PENDING'],
    ['item-2', 'DEFERRED'],
    ['item-1', 'DISCUSSED'],
  ])('should take up %s when it is %s and nothing else is in discussion', (id) => {
    const { state, changes } = openAgendaItem(betweenQuestions, { agendaItemId: id }, context);

    const item = {
      ...betweenQuestions.agenda.find((candidate) => candidate.id === id),
      status: 'IN_DISCUSSION',
      openedAt: context.now,
    };
    expect(state).toEqual({
      ...betweenQuestions,
      agenda: betweenQuestions.agenda.map((candidate) => (candidate.id === id ? item : candidate)),
      updatedAt: context.now,
    });
    expect(changes).toEqual([{ kind: 'agenda-item-opened', item, occurredAt: context.now }]);
  });

  it('should take up the question at the moment given when the minutes are typed up later', () => {
    const at = new Date('2016-11-10T08:40:00.000Z');

    const { state, changes } = openAgendaItem(
      betweenQuestions,
      { agendaItemId: 'item-3', occurredAt: at },
      contextAt('2026-12-07T10:00:00.000Z'),
    );

    expect(state.agenda[2]).toMatchObject({ status: 'IN_DISCUSSION', openedAt: at });
    expect(changes).toMatchObject([{ kind: 'agenda-item-opened', occurredAt: at }]);
  });

  it.each([
    ['2016-11-10T08:00:00.000Z', "the round table's start"],
    ['2016-11-10T09:11:00.000Z', 'in the future'],
  ])('should refuse a moment of %s (%s)', (iso, what) => {
    const error = refusal(() =>
      openAgendaItem(
        betweenQuestions,
        { agendaItemId: 'item-3', occurredAt: new Date(iso) },
        contextAt('2016-11-10T09:05:00.000Z'),
      ),
    );

    expect(error).toMatchObject({ code: 'BAD_USER_INPUT', details: { field: 'occurredAt' } });
    expect(error.message).toContain(what);
  });

  it('should refuse to take a question up again before its last discussion ended', () => {
    const closed = {
      ...betweenQuestions,
      agenda: [
        { ...betweenQuestions.agenda[0]!, closedAt: new Date('2016-11-10T08:30:00.000Z') },
        ...betweenQuestions.agenda.slice(1),
      ],
    };

    const error = refusal(() =>
      openAgendaItem(
        closed,
        { agendaItemId: 'item-1', occurredAt: new Date('2016-11-10T08:20:00.000Z') },
        context,
      ),
    );

    expect(error).toMatchObject({ code: 'BAD_USER_INPUT', details: { field: 'occurredAt' } });
    expect(error.message).toContain('the end of its last discussion');
  });

  it('should refuse when another question is still in discussion', () => {
    const error = refusal(() =>
      openAgendaItem(aLiveRoundtable(), { agendaItemId: 'item-3' }, context),
    );

    expect(error).toMatchObject({
      code: 'CONFLICT',
      message: 'agenda item item-2 is still IN_DISCUSSION: close or defer it first',
      details: { currentState: 'IN_DISCUSSION' },
    });
  });

  it.each([['item-2', 'IN_DISCUSSION']])('should refuse to open %s when it is %s', (id, status) => {
    const error = refusal(() => openAgendaItem(aLiveRoundtable(), { agendaItemId: id }, context));

    expect(error).toMatchObject({
      code: 'CONFLICT',
      message: `agenda item ${id} is ${status} and cannot be opened (status ${status})`,
    });
  });

  it('should refuse when the question is unknown', () => {
    const error = refusal(() =>
      openAgendaItem(betweenQuestions, { agendaItemId: 'item-404' }, context),
    );

    expect(error).toMatchObject({
      code: 'NOT_FOUND',
      message: 'agenda item item-404 was not found',
    });
  });

  it.each(['SCHEDULED', 'CONCLUDED', 'CANCELLED'] as const)(
    'should refuse when the round table is %s',
    (status) => {
      const error = refusal(() =>
        openAgendaItem({ ...betweenQuestions, status }, { agendaItemId: 'item-3' }, context),
      );

      expect(error).toMatchObject({
        code: 'CONFLICT',
        message: `a ${status} round table cannot open agenda items (status ${status})`,
        details: { currentState: status },
      });
    },
  );
});

describe('closeAgendaItem', () => {
  const context = contextAt('2016-11-10T09:40:00.000Z');

  it('should mark the question discussed when it is in discussion', () => {
    const roundtable = aLiveRoundtable();

    const { state, changes } = closeAgendaItem(roundtable, { agendaItemId: 'item-2' }, context);

    const item = {
      id: 'item-2',
      title: '«Мягкая ловушка» зарубежных технологий',
      status: 'DISCUSSED',
      closedAt: context.now,
    };
    expect(state).toEqual({
      ...roundtable,
      agenda: [roundtable.agenda[0], item, roundtable.agenda[2]],
      updatedAt: context.now,
    });
    expect(changes).toEqual([{ kind: 'agenda-item-closed', item, occurredAt: context.now }]);
  });

  it('should keep the result the discussion came to when one is given', () => {
    const { state } = closeAgendaItem(
      aLiveRoundtable(),
      { agendaItemId: 'item-2', result: ' Подготовить обращение в Минпромторг ' },
      context,
    );

    expect(state.agenda[1]).toMatchObject({ result: 'Подготовить обращение в Минпромторг' });
  });

  it('should refuse to close a question before it was taken up', () => {
    const opened = aLiveRoundtable();
    opened.agenda[1] = { ...opened.agenda[1]!, openedAt: new Date('2016-11-10T09:00:00.000Z') };

    const error = refusal(() =>
      closeAgendaItem(
        opened,
        { agendaItemId: 'item-2', occurredAt: new Date('2016-11-10T08:59:00.000Z') },
        context,
      ),
    );

    expect(error).toMatchObject({
      code: 'BAD_USER_INPUT',
      message:
        'occurredAt: must not be before the moment it was taken up (2016-11-10T09:00:00.000Z)',
    });
  });

  it.each([
    ['item-1', 'DISCUSSED'],
    ['item-3', 'PENDING'],
  ])('should refuse to close %s when it is %s', (id, status) => {
    const error = refusal(() => closeAgendaItem(aLiveRoundtable(), { agendaItemId: id }, context));

    expect(error).toMatchObject({
      code: 'CONFLICT',
      message: `agenda item ${id} is ${status} and cannot be closed (status ${status})`,
      details: { currentState: status },
    });
  });

  it('should refuse when the round table is not live', () => {
    const error = refusal(() =>
      closeAgendaItem(
        aLiveRoundtable({ status: 'CONCLUDED' }),
        { agendaItemId: 'item-2' },
        context,
      ),
    );

    expect(error).toMatchObject({
      code: 'CONFLICT',
      message: 'a CONCLUDED round table cannot close agenda items (status CONCLUDED)',
    });
  });

  it('should refuse when the question is unknown', () => {
    const error = refusal(() =>
      closeAgendaItem(aLiveRoundtable(), { agendaItemId: 'item-404' }, context),
    );

    expect(error).toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('deferAgendaItem', () => {
  const context = contextAt('2016-11-10T09:50:00.000Z');

  it('should put off the question in discussion with a reason when asked', () => {
    const roundtable = aLiveRoundtable();

    const { state, changes } = deferAgendaItem(
      roundtable,
      { agendaItemId: 'item-2', reason: 'Нужны данные реестра кластеров' },
      context,
    );

    const item = {
      id: 'item-2',
      title: '«Мягкая ловушка» зарубежных технологий',
      status: 'DEFERRED',
    };
    expect(state.agenda).toEqual([roundtable.agenda[0], item, roundtable.agenda[2]]);
    expect(state.updatedAt).toBe(context.now);
    expect(changes).toEqual([
      {
        kind: 'agenda-item-deferred',
        item,
        occurredAt: context.now,
        reason: 'Нужны данные реестра кластеров',
      },
    ]);
  });

  it('should put off a pending question without a reason when none is given', () => {
    const { changes } = deferAgendaItem(aLiveRoundtable(), { agendaItemId: 'item-3' }, context);

    expect(changes).toEqual([
      {
        kind: 'agenda-item-deferred',
        item: { id: 'item-3', title: 'Кластеры и диверсификация ОПК', status: 'DEFERRED' },
        occurredAt: context.now,
      },
    ]);
  });

  it('should refuse when the question was discussed', () => {
    const error = refusal(() =>
      deferAgendaItem(aLiveRoundtable(), { agendaItemId: 'item-1' }, context),
    );

    expect(error).toMatchObject({
      code: 'CONFLICT',
      message: 'agenda item item-1 is DISCUSSED and cannot be deferred (status DISCUSSED)',
    });
  });

  it('should refuse when the round table is not live', () => {
    const error = refusal(() =>
      deferAgendaItem(
        aLiveRoundtable({ status: 'SCHEDULED' }),
        { agendaItemId: 'item-3' },
        context,
      ),
    );

    expect(error).toMatchObject({
      code: 'CONFLICT',
      message: 'a SCHEDULED round table cannot defer agenda items (status SCHEDULED)',
    });
  });
});

describe('recordAgendaResult', () => {
  const context = contextAt('2016-11-14T12:00:00.000Z');
  const concluded = aLiveRoundtable({
    status: 'CONCLUDED',
    concludedAt: new Date('2016-11-10T10:10:00.000Z'),
  });

  it('should record the result of a question when the minutes of a concluded round table are typed up', () => {
    const { state, changes } = recordAgendaResult(
      concluded,
      { agendaItemId: 'item-1', result: 'Опыт Германии учесть в дорожных картах НТИ' },
      context,
    );

    expect(state.agenda[0]).toEqual({
      id: 'item-1',
      title: 'Опыт Германии и Китая',
      status: 'DISCUSSED',
      result: 'Опыт Германии учесть в дорожных картах НТИ',
    });
    expect(changes).toEqual([{ kind: 'agenda-set' }]);
  });

  it('should clear the result when given null', () => {
    const withResult = {
      ...concluded,
      agenda: [{ ...concluded.agenda[0]!, result: 'Учесть' }, ...concluded.agenda.slice(1)],
    };

    const { state } = recordAgendaResult(
      withResult,
      { agendaItemId: 'item-1', result: null },
      context,
    );

    expect(state.agenda[0]).not.toHaveProperty('result');
  });

  it('should refuse once the minutes are approved, naming the state', () => {
    const approved = { ...concluded, minutesApprovedAt: new Date('2016-11-14T10:00:00.000Z') };

    const error = refusal(() =>
      recordAgendaResult(approved, { agendaItemId: 'item-1', result: 'Учесть' }, context),
    );

    expect(error).toMatchObject({
      code: 'CONFLICT',
      message:
        'the minutes of round table rt-1 are APPROVED and cannot record results (status APPROVED)',
      details: { currentState: 'APPROVED' },
    });
  });

  it('should refuse before the round table sits', () => {
    const error = refusal(() =>
      recordAgendaResult(aRoundtable(), { agendaItemId: 'item-1', result: 'Учесть' }, context),
    );

    expect(error).toMatchObject({ code: 'CONFLICT', details: { currentState: 'SCHEDULED' } });
  });
});
