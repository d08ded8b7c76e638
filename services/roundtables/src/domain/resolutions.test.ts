import {
  amendResolution,
  proposeResolution,
  type ResolutionDraft,
  withdrawResolution,
} from './resolutions';
import type { Resolution } from './roundtable';
import { aLiveRoundtable, contextAt, refusal } from './roundtable.fixture';

const appeal: ResolutionDraft = {
  kind: 'RECOMMENDATION',
  text:
    ' Предложить Минпромторгу России и Проектному офису НТИ провести отбор совместных проектов ' +
    'участников промышленных кластеров для финансирования из средств дорожных карт НТИ. ',
  addresseeIds: ['org-minprom', 'org-nti', 'org-minprom'],
  responsible: { kind: 'ORGANIZATION', id: 'org-akit' },
  dueDate: '2017-06-30',
  agendaItemId: 'item-2',
};

const proposed: Resolution = {
  id: 'res-2',
  kind: 'RECOMMENDATION',
  text:
    'Предложить Минпромторгу России и Проектному офису НТИ провести отбор совместных проектов ' +
    'участников промышленных кластеров для финансирования из средств дорожных карт НТИ.',
  addresseeIds: ['org-minprom', 'org-nti'],
  responsible: { kind: 'ORGANIZATION', id: 'org-akit' },
  dueDate: '2017-06-30',
  agendaItemId: 'item-2',
  agendaItemIds: ['item-2'],
  status: 'PROPOSED',
};

describe('proposeResolution', () => {
  it('should add a proposed resolution with distinct addressees when the round table is live', () => {
    const context = contextAt('2016-11-10T09:50:00.000Z', 'res-2');
    const roundtable = aLiveRoundtable();

    const { state, changes } = proposeResolution(roundtable, appeal, context);

    expect(state).toEqual({
      ...roundtable,
      resolutions: [...roundtable.resolutions, proposed],
      updatedAt: context.now,
    });
    expect(changes).toEqual([{ kind: 'resolution-proposed', resolution: proposed }]);
  });

  it('should leave out what is not given when a decision names no one', () => {
    const { changes } = proposeResolution(
      aLiveRoundtable(),
      { kind: 'DECISION', text: 'Провести следующее заседание в 2017 году' },
      contextAt('2016-11-10T09:55:00.000Z', 'res-3'),
    );

    expect(changes).toEqual([
      {
        kind: 'resolution-proposed',
        resolution: {
          id: 'res-3',
          kind: 'DECISION',
          text: 'Провести следующее заседание в 2017 году',
          addresseeIds: [],
          status: 'PROPOSED',
        },
      },
    ]);
  });

  it.each([
    [
      'a question to a regulator with no addressee',
      { kind: 'QUESTION_TO_REGULATOR', addresseeIds: [] },
      'addresseeIds',
      'addresseeIds: a QUESTION_TO_REGULATOR needs at least one addressee',
    ],
    ['an empty text', { text: '' }, 'text', 'text: must not be empty'],
    [
      'a due date not in ISO form',
      { dueDate: '30.06.2017' },
      'dueDate',
      'dueDate: must be a date YYYY-MM-DD',
    ],
    [
      'an unknown question',
      { agendaItemId: 'item-404' },
      'agendaItemId',
      'agendaItemId: agenda item item-404 does not exist',
    ],
    [
      'a responsible party without an id',
      { responsible: { kind: 'PERSON', id: '' } },
      'responsible',
      'responsible: must name an organisation or a person',
    ],
    [
      'an empty addressee',
      { addresseeIds: [' '] },
      'addresseeIds',
      'addresseeIds: must not contain empty ids',
    ],
  ] as const)('should refuse the resolution when it has %s', (_case, patch, field, message) => {
    const error = refusal(() =>
      proposeResolution(
        aLiveRoundtable(),
        { ...appeal, ...patch },
        contextAt('2016-11-10T09:50:00Z', 'res-x'),
      ),
    );

    expect(error).toMatchObject({ code: 'BAD_USER_INPUT', message, details: { field } });
  });

  it('should refuse when the round table already has 200 resolutions', () => {
    const resolutions = Array.from({ length: 200 }, (_, index) => ({
      ...proposed,
      id: `res-${index}`,
    }));

    const error = refusal(() =>
      proposeResolution(
        aLiveRoundtable({ resolutions }),
        appeal,
        contextAt('2016-11-10T09:50:00Z', 'res-x'),
      ),
    );

    expect(error).toMatchObject({
      code: 'CONFLICT',
      message: 'a round table has at most 200 resolutions',
    });
  });

  it.each(['SCHEDULED', 'CONCLUDED', 'CANCELLED'] as const)(
    'should refuse when the round table is %s',
    (status) => {
      const error = refusal(() =>
        proposeResolution(
          aLiveRoundtable({ status }),
          appeal,
          contextAt('2016-11-10T09:50:00Z', 'res-x'),
        ),
      );

      expect(error).toMatchObject({
        code: 'CONFLICT',
        message: `a ${status} round table cannot take resolutions (status ${status})`,
        details: { currentState: status },
      });
    },
  );
});

describe('amendResolution', () => {
  const context = contextAt('2016-11-10T10:00:00.000Z');
  const roundtable = aLiveRoundtable({ resolutions: [proposed] });

  it('should amend the resolution and report the fields when it becomes a question to the ministry', () => {
    const { state, changes } = amendResolution(
      roundtable,
      {
        resolutionId: 'res-2',
        kind: 'QUESTION_TO_REGULATOR',
        addresseeIds: ['org-minprom'],
        dueDate: null,
      },
      context,
    );

    const { dueDate: _dueDate, ...withoutDueDate } = proposed;
    const amended: Resolution = {
      ...withoutDueDate,
      kind: 'QUESTION_TO_REGULATOR',
      addresseeIds: ['org-minprom'],
    };
    expect(state).toEqual({ ...roundtable, resolutions: [amended], updatedAt: context.now });
    expect(changes).toEqual([
      {
        kind: 'resolution-amended',
        resolution: amended,
        changedFields: ['kind', 'addresseeIds', 'dueDate'],
      },
    ]);
  });

  it('should change nothing when the amendment repeats the resolution', () => {
    const { state, changes } = amendResolution(
      roundtable,
      { resolutionId: 'res-2', text: ` ${proposed.text} ` },
      context,
    );

    expect(state).toBe(roundtable);
    expect(changes).toEqual([]);
  });

  it('should refuse when dropping the addressees of a question to a regulator', () => {
    const question = aLiveRoundtable({
      resolutions: [{ ...proposed, kind: 'QUESTION_TO_REGULATOR' }],
    });

    const error = refusal(() =>
      amendResolution(question, { resolutionId: 'res-2', addresseeIds: null }, context),
    );

    expect(error).toMatchObject({ code: 'BAD_USER_INPUT', details: { field: 'addresseeIds' } });
  });

  it('should refuse when the resolution was withdrawn', () => {
    const error = refusal(() =>
      amendResolution(
        aLiveRoundtable({ resolutions: [{ ...proposed, status: 'WITHDRAWN' }] }),
        { resolutionId: 'res-2', text: 'Новый текст' },
        context,
      ),
    );

    expect(error).toMatchObject({
      code: 'CONFLICT',
      message: 'resolution res-2 is WITHDRAWN and cannot be amended (status WITHDRAWN)',
      details: { currentState: 'WITHDRAWN' },
    });
  });

  it('should refuse when the resolution is unknown', () => {
    const error = refusal(() =>
      amendResolution(roundtable, { resolutionId: 'res-404', text: 'Новый текст' }, context),
    );

    expect(error).toMatchObject({ code: 'NOT_FOUND', message: 'resolution res-404 was not found' });
  });

  it('should refuse when the round table concluded and its resolutions are frozen', () => {
    const error = refusal(() =>
      amendResolution(
        aLiveRoundtable({ status: 'CONCLUDED', resolutions: [{ ...proposed, status: 'ADOPTED' }] }),
        { resolutionId: 'res-2', text: 'Новый текст' },
        context,
      ),
    );

    expect(error).toMatchObject({
      code: 'CONFLICT',
      message: 'a CONCLUDED round table cannot amend resolutions (status CONCLUDED)',
      details: { currentState: 'CONCLUDED' },
    });
  });
});

describe('withdrawResolution', () => {
  const context = contextAt('2016-11-10T10:05:00.000Z');
  const roundtable = aLiveRoundtable({ resolutions: [proposed] });

  it('should withdraw the resolution and keep it on record when it is proposed', () => {
    const { state, changes } = withdrawResolution(
      roundtable,
      { resolutionId: 'res-2', reason: 'Поглощена более общей рекомендацией' },
      context,
    );

    const withdrawn: Resolution = {
      ...proposed,
      status: 'WITHDRAWN',
      withdrawReason: 'Поглощена более общей рекомендацией',
    };
    expect(state).toEqual({ ...roundtable, resolutions: [withdrawn], updatedAt: context.now });
    expect(changes).toEqual([
      {
        kind: 'resolution-withdrawn',
        resolution: withdrawn,
        reason: 'Поглощена более общей рекомендацией',
      },
    ]);
  });

  it('should withdraw without a reason when none is given', () => {
    const { changes } = withdrawResolution(roundtable, { resolutionId: 'res-2' }, context);

    expect(changes).toEqual([
      { kind: 'resolution-withdrawn', resolution: { ...proposed, status: 'WITHDRAWN' } },
    ]);
  });

  it('should refuse when the resolution was already withdrawn', () => {
    const error = refusal(() =>
      withdrawResolution(
        aLiveRoundtable({ resolutions: [{ ...proposed, status: 'WITHDRAWN' }] }),
        { resolutionId: 'res-2' },
        context,
      ),
    );

    expect(error).toMatchObject({
      code: 'CONFLICT',
      message: 'resolution res-2 is WITHDRAWN and cannot be withdrawn (status WITHDRAWN)',
    });
  });

  it('should refuse when the resolution is unknown', () => {
    const error = refusal(() =>
      withdrawResolution(roundtable, { resolutionId: 'res-404' }, context),
    );

    expect(error).toMatchObject({ code: 'NOT_FOUND', message: 'resolution res-404 was not found' });
  });

  it.each(['SCHEDULED', 'CONCLUDED', 'CANCELLED'] as const)(
    'should refuse when the round table is %s',
    (status) => {
      const error = refusal(() =>
        withdrawResolution(aLiveRoundtable({ status }), { resolutionId: 'res-1' }, context),
      );

      expect(error).toMatchObject({
        code: 'CONFLICT',
        message: `a ${status} round table cannot withdraw resolutions (status ${status})`,
        details: { currentState: status },
      });
    },
  );
});

describe('resolutions over several questions', () => {
  const roundtable = aLiveRoundtable();

  it('should keep the questions in agenda order, the first as agendaItemId', () => {
    const { state } = proposeResolution(
      roundtable,
      { kind: 'CONTROL_ITEM', text: 'Взять на контроль', agendaItemIds: ['item-3', 'item-1'] },
      contextAt('2016-11-10T09:50:00.000Z', 'res-2'),
    );

    expect(state.resolutions.at(-1)).toMatchObject({
      agendaItemId: 'item-1',
      agendaItemIds: ['item-1', 'item-3'],
    });
  });

  it('should leave both out when the resolution resolves no question', () => {
    const { state } = proposeResolution(
      roundtable,
      { kind: 'DECISION', text: 'Провести следующее заседание в марте', agendaItemIds: [] },
      contextAt('2016-11-10T09:50:00.000Z', 'res-2'),
    );

    expect(state.resolutions.at(-1)).not.toHaveProperty('agendaItemId');
    expect(state.resolutions.at(-1)).not.toHaveProperty('agendaItemIds');
  });

  it.each([
    [
      { agendaItemIds: ['item-1', 'item-404'] },
      'agendaItemIds',
      'agenda item item-404 does not exist',
    ],
    [
      { agendaItemId: 'item-2', agendaItemIds: ['item-1'] },
      'agendaItemId',
      'must be one of agendaItemIds',
    ],
  ])('should refuse the questions %o', (questions, field, message) => {
    const error = refusal(() =>
      proposeResolution(
        roundtable,
        { kind: 'DECISION', text: 'Решение', ...questions },
        contextAt('2016-11-10T09:50:00.000Z', 'res-2'),
      ),
    );

    expect(error).toMatchObject({ code: 'BAD_USER_INPUT', message: `${field}: ${message}` });
  });

  it('should report agendaItemId as changed when the questions change', () => {
    const { state, changes } = amendResolution(
      aLiveRoundtable({ resolutions: [proposed] }),
      { resolutionId: 'res-2', agendaItemIds: ['item-2', 'item-3'] },
      contextAt('2016-11-10T10:00:00.000Z'),
    );

    expect(state.resolutions[0]).toMatchObject({
      agendaItemId: 'item-2',
      agendaItemIds: ['item-2', 'item-3'],
    });
    expect(changes).toMatchObject([
      { kind: 'resolution-amended', changedFields: ['agendaItemId'] },
    ]);
  });

  it('should change nothing when a resolution stored with one question is amended to the same', () => {
    const { agendaItemIds: _list, ...stored } = proposed;

    const { changes } = amendResolution(
      aLiveRoundtable({ resolutions: [stored] }),
      { resolutionId: 'res-2', agendaItemIds: ['item-2'] },
      contextAt('2016-11-10T10:00:00.000Z'),
    );

    expect(changes).toEqual([]);
  });
});
