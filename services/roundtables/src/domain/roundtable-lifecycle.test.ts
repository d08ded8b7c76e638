import {
  aConference,
  aLiveRoundtable,
  aRoundtable,
  contextAt,
  CREATED_AT,
  refusal,
} from './roundtable.fixture';
import {
  approveMinutes,
  cancelRoundtable,
  concludeRoundtable,
  rescheduleRoundtable,
  type ScheduleRoundtable,
  scheduleRoundtable,
  startRoundtable,
  updateRoundtable,
} from './roundtable-lifecycle';
import type { Resolution } from './roundtable';

const command: ScheduleRoundtable = {
  title: ' Индустрия 4.0 в ТЭК и ОПК: кластеры как точки роста ',
  format: 'ROUND_TABLE',
  conferenceId: 'conf-1',
  startsAt: new Date('2016-11-10T08:00:00.000Z'),
  endsAt: new Date('2016-11-10T10:00:00.000Z'),
  venue: 'Малый зал',
  moderator: { kind: 'PERSON', id: ' person-moderator ' },
  description: null,
  published: true,
};

describe('scheduleRoundtable', () => {
  const context = contextAt('2016-10-01T09:00:00.000Z', 'rt-1');

  it('should schedule a round table in its conference when the conference is open to it', () => {
    const { state, changes } = scheduleRoundtable(command, context, aConference());

    expect(state).toEqual(aRoundtable());
    expect(state.createdAt).toBe(context.now);
    expect(changes).toEqual([{ kind: 'scheduled' }]);
  });

  it('should schedule a round table on its own when no conference is named', () => {
    const { conferenceId: _conferenceId, endsAt: _endsAt, venue: _venue, ...standalone } = command;

    const { state } = scheduleRoundtable(
      { ...standalone, published: null },
      contextAt('2016-10-01T09:00:00.000Z', 'rt-2'),
    );

    expect(state).toEqual({
      id: 'rt-2',
      tenantId: 'akit',
      version: 1,
      title: 'Индустрия 4.0 в ТЭК и ОПК: кластеры как точки роста',
      format: 'ROUND_TABLE',
      startsAt: new Date('2016-11-10T08:00:00.000Z'),
      moderator: { kind: 'PERSON', id: 'person-moderator' },
      published: false,
      status: 'SCHEDULED',
      participants: [],
      agenda: [],
      resolutions: [],
      statementCount: 0,
      lastStatementSequence: 0,
      createdAt: CREATED_AT,
      updatedAt: CREATED_AT,
    });
  });

  it('should schedule into an open conference when it is already running', () => {
    const { state } = scheduleRoundtable(
      command,
      contextAt('2016-11-10T07:00:00Z', 'rt-3'),
      aConference({ status: 'OPEN' }),
    );

    expect(state.conferenceId).toBe('conf-1');
  });

  it('should refuse when the named conference was not found', () => {
    const error = refusal(() => scheduleRoundtable(command, contextAt('2016-10-01T09:00:00Z')));

    expect(error).toMatchObject({
      code: 'NOT_FOUND',
      message: 'conference conf-1 was not found',
    });
  });

  it('should refuse when the conference passed is another one', () => {
    const error = refusal(() =>
      scheduleRoundtable(command, contextAt('2016-10-01T09:00:00Z'), aConference({ id: 'conf-2' })),
    );

    expect(error).toMatchObject({ code: 'NOT_FOUND', message: 'conference conf-1 was not found' });
  });

  it('should refuse when the conference is closed', () => {
    const error = refusal(() =>
      scheduleRoundtable(
        command,
        contextAt('2016-11-11T09:00:00Z', 'rt-4'),
        aConference({ status: 'CLOSED' }),
      ),
    );

    expect(error).toMatchObject({
      code: 'CONFLICT',
      message: 'a CLOSED conference cannot take new round tables (status CLOSED)',
      details: { currentState: 'CLOSED' },
    });
  });

  it.each([
    ['an empty title', { title: '' }, 'title', 'title: must not be empty'],
    [
      'an end before the start',
      { endsAt: new Date('2016-11-10T07:00:00Z') },
      'endsAt',
      'endsAt: must be after startsAt',
    ],
    [
      'an end equal to the start',
      { endsAt: new Date('2016-11-10T08:00:00Z') },
      'endsAt',
      'endsAt: must be after startsAt',
    ],
    [
      'a start that is no time',
      { startsAt: new Date('not a date') },
      'startsAt',
      'startsAt: must be a valid date and time',
    ],
    [
      'a moderator without an id',
      { moderator: { kind: 'PERSON', id: ' ' } },
      'moderator',
      'moderator: must name an organisation or a person',
    ],
  ] as const)('should refuse the command when it has %s', (_case, patch, field, message) => {
    const error = refusal(() =>
      scheduleRoundtable(
        { ...command, ...patch },
        contextAt('2016-10-01T09:00:00Z', 'rt-5'),
        aConference(),
      ),
    );

    expect(error).toMatchObject({ code: 'BAD_USER_INPUT', message, details: { field } });
  });
});

describe('updateRoundtable', () => {
  const context = contextAt('2016-10-20T09:00:00.000Z');

  it('should change the card and report the fields when format and moderator change', () => {
    const { state, changes } = updateRoundtable(
      aRoundtable(),
      { format: 'PANEL_DISCUSSION', moderator: { kind: 'PERSON', id: 'person-other' } },
      context,
    );

    expect(state).toEqual(
      aRoundtable({
        format: 'PANEL_DISCUSSION',
        moderator: { kind: 'PERSON', id: 'person-other' },
        updatedAt: context.now,
      }),
    );
    expect(changes).toEqual([{ kind: 'updated', changedFields: ['format', 'moderator'] }]);
  });

  it('should publish a concluded round table when its minutes are final', () => {
    const concluded = aLiveRoundtable({ status: 'CONCLUDED', published: false });

    const { state, changes } = updateRoundtable(concluded, { published: true }, context);

    expect(state).toEqual({ ...concluded, published: true, updatedAt: context.now });
    expect(changes).toEqual([{ kind: 'updated', changedFields: ['published'] }]);
  });

  it('should clear the description when it is set to null', () => {
    const { state, changes } = updateRoundtable(
      aRoundtable({ description: 'Черновик' }),
      { description: null },
      context,
    );

    expect(state).not.toHaveProperty('description');
    expect(changes).toEqual([{ kind: 'updated', changedFields: ['description'] }]);
  });

  it('should change nothing when the patch repeats the card', () => {
    const roundtable = aRoundtable();

    const { state, changes } = updateRoundtable(roundtable, { title: roundtable.title }, context);

    expect(state).toBe(roundtable);
    expect(changes).toEqual([]);
  });

  it('should refuse when the round table is cancelled', () => {
    const error = refusal(() =>
      updateRoundtable(aRoundtable({ status: 'CANCELLED' }), { published: false }, context),
    );

    expect(error).toMatchObject({
      code: 'CONFLICT',
      message: 'a CANCELLED round table cannot be changed (status CANCELLED)',
      details: { currentState: 'CANCELLED' },
    });
  });

  it('should refuse when the title is emptied', () => {
    const error = refusal(() => updateRoundtable(aRoundtable(), { title: '  ' }, context));

    expect(error).toMatchObject({ code: 'BAD_USER_INPUT', details: { field: 'title' } });
  });
});

describe('rescheduleRoundtable', () => {
  const context = contextAt('2016-11-08T09:00:00.000Z');
  const startsAt = new Date('2016-11-10T11:00:00.000Z');

  it('should move a scheduled round table and keep the previous schedule when the time changes', () => {
    const { state, changes } = rescheduleRoundtable(
      aRoundtable(),
      { startsAt, endsAt: new Date('2016-11-10T13:00:00.000Z'), venue: 'Большой зал' },
      context,
    );

    expect(state).toEqual(
      aRoundtable({
        startsAt,
        endsAt: new Date('2016-11-10T13:00:00.000Z'),
        venue: 'Большой зал',
        updatedAt: context.now,
      }),
    );
    expect(changes).toEqual([
      {
        kind: 'rescheduled',
        previous: {
          startsAt: new Date('2016-11-10T08:00:00.000Z'),
          endsAt: new Date('2016-11-10T10:00:00.000Z'),
          venue: 'Малый зал',
        },
      },
    ]);
  });

  it('should drop the end and the venue when they are set to null', () => {
    const { state } = rescheduleRoundtable(aRoundtable(), { endsAt: null, venue: null }, context);

    expect(state).not.toHaveProperty('endsAt');
    expect(state).not.toHaveProperty('venue');
  });

  it('should change nothing when the schedule is the same', () => {
    const roundtable = aRoundtable();

    const { state, changes } = rescheduleRoundtable(
      roundtable,
      { startsAt: new Date('2016-11-10T08:00:00.000Z'), venue: ' Малый зал ' },
      context,
    );

    expect(state).toBe(roundtable);
    expect(changes).toEqual([]);
  });

  it('should refuse when the new start comes after the kept end', () => {
    const error = refusal(() => rescheduleRoundtable(aRoundtable(), { startsAt }, context));

    expect(error).toMatchObject({
      code: 'BAD_USER_INPUT',
      message: 'endsAt: must be after startsAt',
    });
  });

  it.each(['LIVE', 'CONCLUDED', 'CANCELLED'] as const)(
    'should refuse when the round table is %s',
    (status) => {
      const error = refusal(() =>
        rescheduleRoundtable(aRoundtable({ status }), { startsAt }, context),
      );

      expect(error).toMatchObject({
        code: 'CONFLICT',
        message: `a ${status} round table cannot be rescheduled (status ${status})`,
        details: { currentState: status },
      });
    },
  );
});

describe('startRoundtable', () => {
  it('should go live when the round table is scheduled', () => {
    const context = contextAt('2016-11-10T08:05:00.000Z');

    const { state, changes } = startRoundtable(aRoundtable(), {}, context);

    expect(state).toEqual(
      aRoundtable({ status: 'LIVE', startedAt: context.now, updatedAt: context.now }),
    );
    expect(changes).toEqual([{ kind: 'started' }]);
  });

  it.each(['LIVE', 'CONCLUDED', 'CANCELLED'] as const)(
    'should refuse when the round table is %s',
    (status) => {
      const error = refusal(() =>
        startRoundtable(aRoundtable({ status }), {}, contextAt('2016-11-10T08:05:00Z')),
      );

      expect(error).toMatchObject({
        code: 'CONFLICT',
        message: `a ${status} round table cannot be started (status ${status})`,
        details: { currentState: status },
      });
    },
  );
});

describe('concludeRoundtable', () => {
  const context = contextAt('2016-11-10T10:10:00.000Z');

  it('should adopt proposed resolutions and finish the question in discussion when concluding', () => {
    const live = aLiveRoundtable();
    const withdrawn: Resolution = {
      id: 'res-2',
      kind: 'DECISION',
      text: 'Снято автором',
      addresseeIds: [],
      status: 'WITHDRAWN',
    };

    const { state, changes } = concludeRoundtable(
      { ...live, resolutions: [...live.resolutions, withdrawn] },
      {},
      context,
    );

    expect(state.status).toBe('CONCLUDED');
    expect(state.concludedAt).toBe(context.now);
    expect(state.updatedAt).toBe(context.now);
    expect(state.agenda.map((item) => [item.id, item.status])).toEqual([
      ['item-1', 'DISCUSSED'],
      ['item-2', 'DISCUSSED'],
      ['item-3', 'PENDING'],
    ]);
    expect(state.resolutions.map((resolution) => [resolution.id, resolution.status])).toEqual([
      ['res-1', 'ADOPTED'],
      ['res-2', 'WITHDRAWN'],
    ]);
    expect(changes).toEqual([{ kind: 'concluded' }]);
  });

  it('should conclude with nothing resolved when the round table took no resolutions', () => {
    const { state } = concludeRoundtable(
      aLiveRoundtable({ resolutions: [], agenda: [] }),
      {},
      context,
    );

    expect(state).toMatchObject({ status: 'CONCLUDED', resolutions: [], agenda: [] });
  });

  it.each(['SCHEDULED', 'CONCLUDED', 'CANCELLED'] as const)(
    'should refuse when the round table is %s',
    (status) => {
      const error = refusal(() => concludeRoundtable(aRoundtable({ status }), {}, context));

      expect(error).toMatchObject({
        code: 'CONFLICT',
        message: `a ${status} round table cannot be concluded (status ${status})`,
        details: { currentState: status },
      });
    },
  );
});

describe('cancelRoundtable', () => {
  const context = contextAt('2016-11-08T14:00:00.000Z');
  const reason = ' Ключевые участники не смогут приехать ';

  it.each(['SCHEDULED', 'LIVE'] as const)(
    'should call the round table off with its reason when it is %s',
    (status) => {
      const roundtable = aRoundtable({ status });

      const { state, changes } = cancelRoundtable(roundtable, { reason }, context);

      expect(state).toEqual({
        ...roundtable,
        status: 'CANCELLED',
        cancelledAt: context.now,
        cancelReason: 'Ключевые участники не смогут приехать',
        updatedAt: context.now,
      });
      expect(changes).toEqual([
        {
          kind: 'cancelled',
          previousStatus: status,
          reason: 'Ключевые участники не смогут приехать',
        },
      ]);
    },
  );

  it('should leave proposed resolutions unadopted when a live round table is cancelled', () => {
    const { state } = cancelRoundtable(aLiveRoundtable(), { reason }, context);

    expect(state.resolutions.map((resolution) => resolution.status)).toEqual(['PROPOSED']);
  });

  it('should refuse when no reason is given', () => {
    const error = refusal(() => cancelRoundtable(aRoundtable(), { reason: ' ' }, context));

    expect(error).toMatchObject({
      code: 'BAD_USER_INPUT',
      message: 'reason: must not be empty',
      details: { field: 'reason' },
    });
  });

  it.each(['CONCLUDED', 'CANCELLED'] as const)(
    'should refuse when the round table is %s',
    (status) => {
      const error = refusal(() => cancelRoundtable(aRoundtable({ status }), { reason }, context));

      expect(error).toMatchObject({
        code: 'CONFLICT',
        message: `a ${status} round table cannot be cancelled (status ${status})`,
        details: { currentState: status },
      });
    },
  );
});

describe('when it happened', () => {
  const now = contextAt('2026-12-07T10:00:00.000Z');
  const began = new Date('2016-11-10T08:05:00.000Z');

  it('should start at the moment given and keep the clock for updatedAt', () => {
    const { state } = startRoundtable(aRoundtable(), { occurredAt: began }, now);

    expect(state).toMatchObject({ status: 'LIVE', startedAt: began, updatedAt: now.now });
  });

  it('should refuse a start in the future', () => {
    const error = refusal(() =>
      startRoundtable(aRoundtable(), { occurredAt: new Date('2026-12-08T10:00:00.000Z') }, now),
    );

    expect(error).toMatchObject({ code: 'BAD_USER_INPUT', details: { field: 'startedAt' } });
  });

  it('should conclude at the moment given when it is after everything on record', () => {
    const live = aLiveRoundtable({ lastStatementAt: new Date('2016-11-10T09:55:00.000Z') });
    const ended = new Date('2016-11-10T10:00:00.000Z');

    const { state } = concludeRoundtable(live, { occurredAt: ended }, now);

    expect(state).toMatchObject({ status: 'CONCLUDED', concludedAt: ended, updatedAt: now.now });
    expect(state.agenda[1]).toMatchObject({ status: 'DISCUSSED', closedAt: ended });
  });

  it.each([
    ['its start', {}, '2016-11-10T08:00:00.000Z', '2016-11-10T08:05:00.000Z'],
    [
      'the last statement',
      { lastStatementAt: new Date('2016-11-10T09:55:00.000Z') },
      '2016-11-10T09:50:00.000Z',
      '2016-11-10T09:55:00.000Z',
    ],
  ])('should refuse a conclusion before %s', (_what, overrides, iso, latest) => {
    const error = refusal(() =>
      concludeRoundtable(aLiveRoundtable(overrides), { occurredAt: new Date(iso) }, now),
    );

    expect(error).toMatchObject({
      code: 'BAD_USER_INPUT',
      message: `concludedAt: must not be before the last moment on record of the round table (${latest})`,
    });
  });
});

describe('approveMinutes', () => {
  const concluded = aLiveRoundtable({
    status: 'CONCLUDED',
    concludedAt: new Date('2016-11-10T10:10:00.000Z'),
  });
  const context = contextAt('2026-12-07T10:00:00.000Z');

  it('should approve the minutes at the moment given', () => {
    const at = new Date('2016-11-14T13:00:00.000Z');

    const { state, changes } = approveMinutes(concluded, { occurredAt: at }, context);

    expect(state).toEqual({ ...concluded, minutesApprovedAt: at, updatedAt: context.now });
    expect(changes).toEqual([{ kind: 'minutes-approved' }]);
  });

  it('should refuse an approval before the round table concluded', () => {
    const error = refusal(() =>
      approveMinutes(concluded, { occurredAt: new Date('2016-11-10T10:00:00.000Z') }, context),
    );

    expect(error).toMatchObject({ code: 'BAD_USER_INPUT', details: { field: 'approvedAt' } });
  });

  it('should refuse approved minutes, naming the state', () => {
    const approved = { ...concluded, minutesApprovedAt: new Date('2016-11-14T13:00:00.000Z') };

    const error = refusal(() => approveMinutes(approved, {}, context));

    expect(error).toMatchObject({
      code: 'CONFLICT',
      message:
        'the minutes of round table rt-1 are APPROVED and cannot be approved again (status APPROVED)',
      details: { currentState: 'APPROVED' },
    });
  });

  it.each(['SCHEDULED', 'LIVE', 'CANCELLED'] as const)(
    'should refuse when the round table is %s',
    (status) => {
      const error = refusal(() => approveMinutes(aLiveRoundtable({ status }), {}, context));

      expect(error).toMatchObject({ code: 'CONFLICT', details: { currentState: status } });
    },
  );
});

describe('source and working group', () => {
  const source = {
    url: ' https://akitrf.ru/news/promyshlennaya-rossiya ',
    title: 'Итоги конференции',
    publisher: null,
  };

  it('should keep where the record was published and the working group that held it', () => {
    const { state } = scheduleRoundtable(
      { ...command, source, workingGroupId: ' wg-1 ' },
      contextAt('2016-10-01T09:00:00.000Z', 'rt-1'),
      aConference(),
    );

    expect(state).toMatchObject({
      source: { url: 'https://akitrf.ru/news/promyshlennaya-rossiya', title: 'Итоги конференции' },
      workingGroupId: 'wg-1',
    });
    expect(state.source).not.toHaveProperty('publisher');
  });

  it('should report the source as changed when added to a concluded round table', () => {
    const concluded = aLiveRoundtable({ status: 'CONCLUDED' });

    const { state, changes } = updateRoundtable(
      concluded,
      { source: { url: 'https://minpromtorg.gov.ru/press' } },
      contextAt('2016-11-20T09:00:00.000Z'),
    );

    expect(state.source).toEqual({ url: 'https://minpromtorg.gov.ru/press' });
    expect(changes).toEqual([{ kind: 'links-updated' }]);
  });

  it('should report card fields and links apart when both change', () => {
    const { changes } = updateRoundtable(
      aRoundtable(),
      { title: 'Новое название', workingGroupId: 'wg-2' },
      contextAt('2016-11-01T09:00:00.000Z'),
    );

    expect(changes).toEqual([
      { kind: 'updated', changedFields: ['title'] },
      { kind: 'links-updated' },
    ]);
  });

  it('should refuse a source that is not an http(s) address', () => {
    const error = refusal(() =>
      scheduleRoundtable(
        { ...command, source: { url: 'file:///etc/passwd' } },
        contextAt('2016-10-01T09:00:00.000Z', 'rt-1'),
        aConference(),
      ),
    );

    expect(error).toMatchObject({ code: 'BAD_USER_INPUT', details: { field: 'source.url' } });
  });
});
