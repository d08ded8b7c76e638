import { aLiveRoundtable, contextAt, refusal } from './roundtable.fixture';
import { recordStatement } from './statement';

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
    };
    expect(statement).toEqual(expected);
    expect(state).toEqual({
      ...roundtable,
      statementCount: 17,
      lastStatementSequence: 17,
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

  it.each(['SCHEDULED', 'CONCLUDED', 'CANCELLED'] as const)(
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
});
