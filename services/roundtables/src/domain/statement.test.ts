import { aLiveRoundtable, contextAt, refusal } from './roundtable.fixture';
import { correctStatement, recordStatement, type Statement } from './statement';

describe('recordStatement', () => {
  const context = contextAt('2016-11-10T09:14:30.000Z', 'st-17');
  const text =
    'Если строить Индустрию 4.0 только на зарубежных платформах, отрасль попадёт в «мягкую ловушку».';

  it('should number the statement after the last one when a participant speaks to the question in discussion', () => {
    const roundtable = aLiveRoundtable();

    const { state, changes, statement } = recordStatement(
      roundtable,
      {
        speaker: { kind: 'PERSON', id: 'person-speaker' },
        agendaItemId: 'item-2',
        text: ` ${text}\n`,
      },
      context,
    );

    const expected = {
      id: 'st-17',
      tenantId: 'akit',
      roundtableId: 'rt-1',
      conferenceId: 'conf-1',
      sequence: 17,
      speaker: { kind: 'PERSON', id: 'person-speaker' },
      agendaItemId: 'item-2',
      text,
      recordedAt: context.now,
      occurredAt: context.now,
    };
    expect(statement).toEqual(expected);
    expect(state).toEqual({
      ...roundtable,
      statementCount: 17,
      lastStatementSequence: 17,
      lastStatementAt: context.now,
      updatedAt: context.now,
    });
    expect(changes).toEqual([{ kind: 'statement-recorded', statement: expected }]);
  });

  it('should record a general remark of the moderator when no question is named', () => {
    const { statement } = recordStatement(
      aLiveRoundtable({ conferenceId: undefined }),
      {
        speaker: { kind: 'PERSON', id: 'person-moderator' },
        agendaItemId: null,
        text: 'Переходим к следующему вопросу.',
      },
      contextAt('2016-11-10T09:15:00.000Z', 'st-18'),
    );

    expect(statement).toEqual({
      id: 'st-18',
      tenantId: 'akit',
      roundtableId: 'rt-1',
      sequence: 17,
      speaker: { kind: 'PERSON', id: 'person-moderator' },
      text: 'Переходим к следующему вопросу.',
      recordedAt: new Date('2016-11-10T09:15:00.000Z'),
      occurredAt: new Date('2016-11-10T09:15:00.000Z'),
    });
  });

  it.each([
    ['seated on its own', 'org-minprom'],
    ['represented by a seated person', 'org-akit'],
  ])('should record an organisation as speaker when it is %s', (_case, id) => {
    const { statement } = recordStatement(
      aLiveRoundtable(),
      { speaker: { kind: 'ORGANIZATION', id }, text: 'Позиция организации.' },
      contextAt('2016-11-10T09:16:00.000Z', 'st-19'),
    );

    expect(statement.speaker).toEqual({ kind: 'ORGANIZATION', id });
  });

  it('should keep numbering when statements follow one another', () => {
    const first = recordStatement(
      aLiveRoundtable(),
      { speaker: { kind: 'PERSON', id: 'person-speaker' }, text: 'Первое.' },
      contextAt('2016-11-10T09:16:00.000Z', 'st-a'),
    );
    const second = recordStatement(
      first.state,
      { speaker: { kind: 'PERSON', id: 'person-moderator' }, text: 'Второе.' },
      contextAt('2016-11-10T09:17:00.000Z', 'st-b'),
    );

    expect([first.statement.sequence, second.statement.sequence]).toEqual([17, 18]);
    expect(second.state.statementCount).toBe(18);
  });

  it.each([
    ['an empty text', { text: '  ' }, 'text', 'text: must not be empty'],
    [
      'a text over 20000 characters',
      { text: 'а'.repeat(20001) },
      'text',
      'text: must be at most 20000 characters',
    ],
    [
      'a speaker not at the table',
      { speaker: { kind: 'PERSON', id: 'person-stranger' } },
      'speaker',
      'speaker: must be the moderator or a registered participant',
    ],
    [
      'a person id given as an organisation',
      { speaker: { kind: 'ORGANIZATION', id: 'person-speaker' } },
      'speaker',
      'speaker: must be the moderator or a registered participant',
    ],
    [
      'an unknown question',
      { agendaItemId: 'item-404' },
      'agendaItemId',
      'agendaItemId: agenda item item-404 does not exist',
    ],
  ] as const)('should refuse the statement when it has %s', (_case, patch, field, message) => {
    const error = refusal(() =>
      recordStatement(
        aLiveRoundtable(),
        { speaker: { kind: 'PERSON', id: 'person-speaker' }, text, ...patch },
        contextAt('2016-11-10T09:16:00Z', 'st-x'),
      ),
    );

    expect(error).toMatchObject({ code: 'BAD_USER_INPUT', message, details: { field } });
  });

  it('should accept a text of exactly 20000 characters', () => {
    const { statement } = recordStatement(
      aLiveRoundtable(),
      { speaker: { kind: 'PERSON', id: 'person-speaker' }, text: 'а'.repeat(20000) },
      contextAt('2016-11-10T09:16:00Z', 'st-long'),
    );

    expect(statement.text).toHaveLength(20000);
  });

  it.each([
    ['item-1', 'DISCUSSED'],
    ['item-3', 'PENDING'],
  ])('should refuse a statement on %s when it is %s', (id, status) => {
    const error = refusal(() =>
      recordStatement(
        aLiveRoundtable(),
        { speaker: { kind: 'PERSON', id: 'person-speaker' }, agendaItemId: id, text },
        contextAt('2016-11-10T09:16:00Z', 'st-x'),
      ),
    );

    expect(error).toMatchObject({
      code: 'CONFLICT',
      message: `statements go to the question in discussion; agenda item ${id} is ${status} (status ${status})`,
      details: { currentState: status },
    });
  });

  it.each(['SCHEDULED', 'CANCELLED'] as const)(
    'should refuse when the round table is %s',
    (status) => {
      const error = refusal(() =>
        recordStatement(
          aLiveRoundtable({ status }),
          { speaker: { kind: 'PERSON', id: 'person-speaker' }, text },
          contextAt('2016-11-10T09:16:00Z', 'st-x'),
        ),
      );

      expect(error).toMatchObject({
        code: 'CONFLICT',
        message: `a ${status} round table cannot record statements (status ${status})`,
        details: { currentState: status },
      });
    },
  );

  it('should keep when it was said apart from when it was recorded when a moment is given', () => {
    const said = new Date('2016-11-10T08:40:00.000Z');

    const typing = contextAt('2016-11-10T09:14:30.000Z', 'st-17');

    const { state, statement } = recordStatement(
      aLiveRoundtable({ lastStatementAt: new Date('2016-11-10T08:50:00.000Z') }),
      {
        speaker: { kind: 'PERSON', id: 'person-speaker' },
        agendaItemId: 'item-2',
        text,
        occurredAt: said,
      },
      typing,
    );

    expect(statement).toMatchObject({ recordedAt: typing.now, occurredAt: said });
    // The latest moment on record stays the latest.
    expect(state.lastStatementAt).toEqual(new Date('2016-11-10T08:50:00.000Z'));
  });

  it('should refuse a statement said before the sitting began', () => {
    const error = refusal(() =>
      recordStatement(
        aLiveRoundtable(),
        {
          speaker: { kind: 'PERSON', id: 'person-speaker' },
          text,
          occurredAt: new Date('2016-11-10T08:00:00.000Z'),
        },
        context,
      ),
    );

    expect(error).toMatchObject({
      code: 'BAD_USER_INPUT',
      message: "occurredAt: must not be before the round table's start (2016-11-10T08:05:00.000Z)",
    });
  });

  describe('typed up once the round table concluded', () => {
    const concluded = aLiveRoundtable({
      status: 'CONCLUDED',
      agenda: [
        { id: 'item-1', title: 'Опыт Германии и Китая', status: 'DISCUSSED' },
        { id: 'item-2', title: '«Мягкая ловушка»', status: 'DISCUSSED' },
        { id: 'item-3', title: 'Кластеры и диверсификация ОПК', status: 'PENDING' },
      ],
      concludedAt: new Date('2016-11-10T10:10:00.000Z'),
    });
    const typing = contextAt('2016-11-14T12:00:00.000Z', 'st-17');

    it('should record a statement on any question at the moment it was said', () => {
      const said = new Date('2016-11-10T08:20:00.000Z');

      const { statement } = recordStatement(
        concluded,
        {
          speaker: { kind: 'PERSON', id: 'person-speaker' },
          agendaItemId: 'item-1',
          text,
          occurredAt: said,
        },
        typing,
      );

      expect(statement).toMatchObject({
        agendaItemId: 'item-1',
        occurredAt: said,
        recordedAt: typing.now,
      });
    });

    it('should require the moment it was said', () => {
      const error = refusal(() =>
        recordStatement(
          concluded,
          { speaker: { kind: 'PERSON', id: 'person-speaker' }, text },
          typing,
        ),
      );

      expect(error).toMatchObject({ code: 'BAD_USER_INPUT', details: { field: 'occurredAt' } });
    });

    it('should refuse a moment after the round table concluded', () => {
      const error = refusal(() =>
        recordStatement(
          concluded,
          {
            speaker: { kind: 'PERSON', id: 'person-speaker' },
            text,
            occurredAt: new Date('2016-11-10T10:11:00.000Z'),
          },
          typing,
        ),
      );

      expect(error).toMatchObject({
        code: 'BAD_USER_INPUT',
        message:
          "occurredAt: must not be after the round table's conclusion (2016-11-10T10:10:00.000Z)",
      });
    });

    it('should refuse once the minutes are approved, naming the state', () => {
      const error = refusal(() =>
        recordStatement(
          { ...concluded, minutesApprovedAt: new Date('2016-11-14T10:00:00.000Z') },
          {
            speaker: { kind: 'PERSON', id: 'person-speaker' },
            text,
            occurredAt: new Date('2016-11-10T09:00:00.000Z'),
          },
          typing,
        ),
      );

      expect(error).toMatchObject({
        code: 'CONFLICT',
        message:
          'the minutes of round table rt-1 are APPROVED and cannot record statements (status APPROVED)',
        details: { currentState: 'APPROVED' },
      });
    });
  });
});

describe('correctStatement', () => {
  const concluded = aLiveRoundtable({
    status: 'CONCLUDED',
    agenda: [
      { id: 'item-1', title: 'Опыт Германии и Китая', status: 'DISCUSSED' },
      { id: 'item-2', title: '«Мягкая ловушка»', status: 'DISCUSSED' },
      { id: 'item-3', title: 'Кластеры и диверсификация ОПК', status: 'PENDING' },
    ],
    concludedAt: new Date('2016-11-10T10:10:00.000Z'),
    lastStatementAt: new Date('2016-11-10T09:00:00.000Z'),
  });
  const line: Statement = {
    id: 'st-5',
    tenantId: 'akit',
    roundtableId: 'rt-1',
    conferenceId: 'conf-1',
    sequence: 5,
    speaker: { kind: 'PERSON', id: 'person-speaker' },
    agendaItemId: 'item-1',
    text: 'Германия начала в 2012 году.',
    recordedAt: new Date('2016-11-10T08:30:00.000Z'),
    occurredAt: new Date('2016-11-10T08:30:00.000Z'),
  };
  const context = contextAt('2016-11-14T12:00:00.000Z');

  it('should correct what was said and on which question, raising the revision', () => {
    const { state, changes, statement } = correctStatement(
      concluded,
      line,
      { text: 'Германия начала в 2011 году.', agendaItemId: 'item-2' },
      context,
    );

    const corrected = {
      ...line,
      text: 'Германия начала в 2011 году.',
      agendaItemId: 'item-2',
      revision: 1,
    };
    expect(statement).toEqual(corrected);
    expect(state).toEqual({ ...concluded, updatedAt: context.now });
    expect(changes).toEqual([
      {
        kind: 'statement-corrected',
        statement: corrected,
        changedFields: ['agendaItemId', 'text'],
      },
    ]);
  });

  it('should move a statement to the moment it was said and take it off its question', () => {
    const { statement, state, changes } = correctStatement(
      concluded,
      { ...line, revision: 2 },
      { occurredAt: new Date('2016-11-10T09:30:00.000Z'), agendaItemId: null },
      context,
    );

    expect(statement).toMatchObject({
      occurredAt: new Date('2016-11-10T09:30:00.000Z'),
      revision: 3,
    });
    expect(statement).not.toHaveProperty('agendaItemId');
    expect(state.lastStatementAt).toEqual(new Date('2016-11-10T09:30:00.000Z'));
    expect(changes).toMatchObject([{ changedFields: ['agendaItemId', 'occurredAt'] }]);
  });

  it('should change nothing when the correction repeats the statement', () => {
    const { state, changes, statement } = correctStatement(
      concluded,
      line,
      { text: line.text, speaker: line.speaker },
      context,
    );

    expect(changes).toEqual([]);
    expect(state).toBe(concluded);
    expect(statement).toBe(line);
  });

  it.each([
    [{ speaker: { kind: 'PERSON' as const, id: 'person-x' } }, 'speaker'],
    [{ agendaItemId: 'item-404' }, 'agendaItemId'],
    [{ occurredAt: new Date('2016-11-10T10:11:00.000Z') }, 'occurredAt'],
    [{ text: ' ' }, 'text'],
  ])('should refuse the correction %o, naming the field', (command, field) => {
    const error = refusal(() => correctStatement(concluded, line, command, context));

    expect(error).toMatchObject({ code: 'BAD_USER_INPUT', details: { field } });
  });

  it('should refuse once the minutes are approved, naming the state', () => {
    const error = refusal(() =>
      correctStatement(
        { ...concluded, minutesApprovedAt: new Date('2016-11-14T10:00:00.000Z') },
        line,
        { text: 'Иначе' },
        context,
      ),
    );

    expect(error).toMatchObject({
      code: 'CONFLICT',
      message:
        'the minutes of round table rt-1 are APPROVED and cannot correct statements (status APPROVED)',
    });
  });
});
