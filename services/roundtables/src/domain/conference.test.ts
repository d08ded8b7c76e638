import {
  closeConference,
  type ConferenceCard,
  openConference,
  scheduleConference,
  updateConference,
} from './conference';
import { aConference, contextAt, CREATED_AT, refusal } from './roundtable.fixture';

const card: ConferenceCard = {
  title: '  Промышленная Россия 4.0: механизмы опережающего развития ',
  kind: 'CONFERENCE',
  startsOn: '2016-11-10',
  endsOn: '2016-11-10',
  city: 'Москва',
  organizerIds: ['org-akit', ' org-akit '],
  description: '',
  published: true,
};

describe('scheduleConference', () => {
  it('should plan a conference with a trimmed card when the card is valid', () => {
    const context = contextAt('2016-10-01T09:00:00.000Z', 'conf-1');

    const { state, changes } = scheduleConference(card, context);

    expect(state).toEqual({
      id: 'conf-1',
      tenantId: 'akit',
      version: 1,
      title: 'Промышленная Россия 4.0: механизмы опережающего развития',
      kind: 'CONFERENCE',
      startsOn: '2016-11-10',
      endsOn: '2016-11-10',
      city: 'Москва',
      organizerIds: ['org-akit'],
      published: true,
      status: 'PLANNED',
      createdAt: CREATED_AT,
      updatedAt: CREATED_AT,
    });
    expect(changes).toEqual([{ kind: 'scheduled' }]);
  });

  it('should keep it internal when published is not given', () => {
    const { published: _published, ...unpublished } = card;

    const { state } = scheduleConference(unpublished, contextAt('2016-10-01T09:00:00Z', 'c-2'));

    expect(state.published).toBe(false);
  });

  it.each([
    ['an empty title', { title: ' ' }, 'title', 'title: must not be empty'],
    ['no city', { city: '' }, 'city', 'city: must not be empty'],
    [
      'a day that does not exist',
      { startsOn: '2016-11-31' },
      'startsOn',
      'startsOn: must be a date YYYY-MM-DD',
    ],
    [
      'a date not in ISO form',
      { endsOn: '10.11.2016' },
      'endsOn',
      'endsOn: must be a date YYYY-MM-DD',
    ],
    [
      'a last day before the first',
      { endsOn: '2016-11-09' },
      'endsOn',
      'endsOn: must not be before startsOn',
    ],
    [
      'an empty organiser id',
      { organizerIds: [''] },
      'organizerIds',
      'organizerIds: must not contain empty ids',
    ],
    [
      'a venue of 301 characters',
      { venue: 'з'.repeat(301) },
      'venue',
      'venue: must be at most 300 characters',
    ],
  ])('should refuse the card when it has %s', (_case, patch, field, message) => {
    const error = refusal(() =>
      scheduleConference({ ...card, ...patch }, contextAt('2016-10-01T09:00:00Z', 'c-3')),
    );

    expect(error).toMatchObject({ code: 'BAD_USER_INPUT', message, details: { field } });
  });
});

describe('updateConference', () => {
  const later = contextAt('2016-10-15T12:00:00.000Z');

  it('should reschedule and report the changed fields when the dates move', () => {
    const { state, changes } = updateConference(
      aConference(),
      { startsOn: '2016-11-10', endsOn: '2016-11-11', venue: 'Большой зал' },
      later,
    );

    expect(state).toEqual(
      aConference({ endsOn: '2016-11-11', venue: 'Большой зал', updatedAt: later.now }),
    );
    expect(changes).toEqual([{ kind: 'updated', changedFields: ['endsOn', 'venue'] }]);
  });

  it('should clear an optional field when it is set to null', () => {
    const { state, changes } = updateConference(
      aConference({ venue: 'Большой зал' }),
      { venue: null },
      later,
    );

    expect(state).toEqual(aConference({ updatedAt: later.now }));
    expect(state).not.toHaveProperty('venue');
    expect(changes).toEqual([{ kind: 'updated', changedFields: ['venue'] }]);
  });

  it('should change nothing when the patch repeats the card', () => {
    const conference = aConference();

    const { state, changes } = updateConference(conference, { city: ' Москва ' }, later);

    expect(state).toBe(conference);
    expect(changes).toEqual([]);
  });

  it('should update an open conference when its last day moves', () => {
    const { changes } = updateConference(
      aConference({ status: 'OPEN' }),
      { endsOn: '2016-11-12' },
      later,
    );

    expect(changes).toEqual([{ kind: 'updated', changedFields: ['endsOn'] }]);
  });

  it('should refuse when the conference is closed', () => {
    const error = refusal(() =>
      updateConference(aConference({ status: 'CLOSED' }), { title: 'Другое' }, later),
    );

    expect(error).toMatchObject({
      code: 'CONFLICT',
      message: 'a CLOSED conference cannot be changed (status CLOSED)',
      details: { currentState: 'CLOSED' },
    });
  });

  it('should refuse when the new last day comes before the first', () => {
    const error = refusal(() => updateConference(aConference(), { endsOn: '2016-11-01' }, later));

    expect(error).toMatchObject({ code: 'BAD_USER_INPUT', details: { field: 'endsOn' } });
  });
});

describe('openConference', () => {
  it('should open a planned conference when asked', () => {
    const context = contextAt('2016-11-10T07:00:00.000Z');

    const { state, changes } = openConference(aConference(), {}, context);

    expect(state).toEqual(
      aConference({ status: 'OPEN', openedAt: context.now, updatedAt: context.now }),
    );
    expect(changes).toEqual([{ kind: 'opened' }]);
  });

  it.each(['OPEN', 'CLOSED'] as const)('should refuse when the conference is %s', (status) => {
    const error = refusal(() =>
      openConference(aConference({ status }), {}, contextAt('2016-11-10T07:00:00Z')),
    );

    expect(error).toMatchObject({
      code: 'CONFLICT',
      message: `${status === 'OPEN' ? 'an' : 'a'} ${status} conference cannot be opened (status ${status})`,
      details: { currentState: status },
    });
  });
});

describe('closeConference', () => {
  it('should close an open conference when asked', () => {
    const context = contextAt('2016-11-10T15:30:00.000Z');
    const openedAt = new Date('2016-11-10T07:00:00.000Z');

    const { state, changes } = closeConference(
      aConference({ status: 'OPEN', openedAt }),
      {},
      context,
    );

    expect(state).toEqual(
      aConference({ status: 'CLOSED', openedAt, closedAt: context.now, updatedAt: context.now }),
    );
    expect(changes).toEqual([{ kind: 'closed' }]);
  });

  it.each(['PLANNED', 'CLOSED'] as const)('should refuse when the conference is %s', (status) => {
    const error = refusal(() =>
      closeConference(aConference({ status }), {}, contextAt('2016-11-10T15:30:00Z')),
    );

    expect(error).toMatchObject({
      code: 'CONFLICT',
      message: `a ${status} conference cannot be closed (status ${status})`,
      details: { currentState: status },
    });
  });
});

describe('when a conference opened and closed', () => {
  const context = contextAt('2026-12-07T10:00:00.000Z');

  it('should keep the moments given', () => {
    const openedAt = new Date('2016-11-10T06:30:00.000Z');
    const closedAt = new Date('2016-11-10T15:30:00.000Z');

    const opened = openConference(aConference(), { occurredAt: openedAt }, context).state;
    const { state } = closeConference(opened, { occurredAt: closedAt }, context);

    expect(state).toMatchObject({ status: 'CLOSED', openedAt, closedAt, updatedAt: context.now });
  });

  it('should refuse a closing before the opening', () => {
    const opened = aConference({ status: 'OPEN', openedAt: new Date('2016-11-10T06:30:00.000Z') });

    const error = refusal(() =>
      closeConference(opened, { occurredAt: new Date('2016-11-10T06:00:00.000Z') }, context),
    );

    expect(error).toMatchObject({
      code: 'BAD_USER_INPUT',
      message: 'closedAt: must not be before the conference opening (2016-11-10T06:30:00.000Z)',
    });
  });

  it('should refuse an opening in the future', () => {
    const error = refusal(() =>
      openConference(aConference(), { occurredAt: new Date('2027-01-01T00:00:00.000Z') }, context),
    );

    expect(error).toMatchObject({ code: 'BAD_USER_INPUT', details: { field: 'openedAt' } });
  });
});
