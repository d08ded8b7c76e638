import {
  codeYear,
  givenMeetingDate,
  meetingDateOf,
  needsRenumbering,
  onMeetingDay,
  redateRecommendation,
  renumberRecommendation,
} from './meeting-year';
import { aRecommendation, contextAt, refusal } from './recommendation.fixture';

const MOSCOW = 'Europe/Moscow';

describe('meetingDateOf', () => {
  it('should read the day in the workspace calendar when the sitting ended near midnight', () => {
    // 23:30 in London on 31 December 2016 is already 1 January 2017 in Moscow.
    expect(meetingDateOf(new Date('2016-12-31T23:30:00+00:00'), MOSCOW)).toBe('2017-01-01');
    expect(meetingDateOf(new Date('2016-11-10T13:10:00+03:00'), MOSCOW)).toBe('2016-11-10');
  });
});

describe('givenMeetingDate', () => {
  it('should take a past or today’s date, and nothing when none is given', () => {
    expect(givenMeetingDate('meetingDate', '2016-11-10', '2026-12-07')).toBe('2016-11-10');
    expect(givenMeetingDate('meetingDate', '2026-12-07', '2026-12-07')).toBe('2026-12-07');
    expect(givenMeetingDate('meetingDate', null, '2026-12-07')).toBeUndefined();
  });

  it.each([
    ['a future day', '2026-12-08', 'meetingDate: must not be in the future (today is 2026-12-07)'],
    ['no such day', '2016-02-30', 'meetingDate: must be a date YYYY-MM-DD'],
  ])('should refuse %s naming the field', (_case, value, message) => {
    const error = refusal(() => givenMeetingDate('meetingDate', value, '2026-12-07'));

    expect(error).toMatchObject({
      code: 'BAD_USER_INPUT',
      message,
      details: { field: 'meetingDate' },
    });
  });
});

describe('codeYear and needsRenumbering', () => {
  const recordedIn2026 = new Date('2026-12-07T09:00:00.000Z');

  it('should take the meeting’s year when its day is known', () => {
    const state = aRecommendation({
      code: 'R-2026-03',
      createdAt: recordedIn2026,
      source: { roundtableId: 'rt-1', meetingDate: '2016-11-10' },
    });

    expect(codeYear(state, MOSCOW)).toBe('2016');
    expect(needsRenumbering(state, MOSCOW)).toBe(true);
  });

  it('should take the year it was recorded in, in the workspace calendar, when no meeting day is known', () => {
    const state = aRecommendation({
      code: 'R-2016-07',
      createdAt: new Date('2016-12-31T22:30:00.000Z'),
      source: { roundtableId: 'rt-1' },
    });

    expect(codeYear(state, MOSCOW)).toBe('2017');
    expect(needsRenumbering(state, MOSCOW)).toBe(true);
  });

  it('should leave a code of the right year, and a code given by hand, as they are', () => {
    const right = aRecommendation({
      code: 'R-2016-01',
      createdAt: recordedIn2026,
      source: { meetingDate: '2016-11-10' },
    });
    const byHand = aRecommendation({
      code: 'АКИТ/2026-5',
      createdAt: recordedIn2026,
      source: { meetingDate: '2016-11-10' },
    });

    expect(needsRenumbering(right, MOSCOW)).toBe(false);
    expect(needsRenumbering(byHand, MOSCOW)).toBe(false);
  });
});

describe('renumberRecommendation', () => {
  it('should change only the code, keeping the status, and say which code it replaced', () => {
    const state = aRecommendation({ code: 'R-2026-03', status: 'ADOPTED' });
    const context = contextAt('2026-12-07T09:00:00.000Z', 'tl-1');

    const decision = renumberRecommendation(state, 'R-2016-01', context);

    expect(decision.state).toEqual({
      ...state,
      code: 'R-2016-01',
      updatedAt: new Date('2026-12-07T09:00:00.000Z'),
    });
    expect(decision.changes).toEqual([{ kind: 'renumbered', previousCode: 'R-2026-03' }]);
    expect(decision.timeline).toHaveLength(1);
  });
});

describe('redateRecommendation', () => {
  const context = contextAt('2026-12-07T09:00:00.000Z', 'tl-1');
  const typedUpAt = new Date('2026-12-07T08:00:00.000Z');
  const concludedIn2026 = aRecommendation({
    code: 'R-2026-03',
    createdAt: typedUpAt,
    proposedAt: typedUpAt,
    source: { roundtableId: 'rt-1', resolutionId: 'res-4', meetingDate: '2026-12-07' },
  });
  const heldAt = new Date('2016-11-10T10:10:00.000Z');
  const onto = (meetingDate: string, concludedAt = heldAt) => ({
    meetingDate,
    concludedAt,
    previousConcludedAt: typedUpAt,
  });

  it('should move it to the new day and proposal time, renumbered when its code would name another year', () => {
    expect(needsRenumbering(onMeetingDay(concludedIn2026, '2016-11-10'), MOSCOW)).toBe(true);

    const decision = redateRecommendation(
      concludedIn2026,
      onto('2016-11-10'),
      'R-2016-01',
      context,
    );

    expect(decision.state).toEqual({
      ...concludedIn2026,
      code: 'R-2016-01',
      source: { ...concludedIn2026.source, meetingDate: '2016-11-10' },
      proposedAt: heldAt,
      updatedAt: new Date('2026-12-07T09:00:00.000Z'),
    });
    expect(decision.changes).toEqual([{ kind: 'renumbered', previousCode: 'R-2026-03' }]);
    expect(decision.timeline).toHaveLength(1);
  });

  it('should keep a proposal made by hand after the sitting where it was', () => {
    const proposedLater = { ...concludedIn2026, proposedAt: new Date('2026-12-07T08:30:00.000Z') };

    const decision = redateRecommendation(proposedLater, onto('2016-11-10'), 'R-2016-01', context);

    expect(decision.state.proposedAt).toEqual(new Date('2026-12-07T08:30:00.000Z'));
  });

  it('should move it silently within the year, and keep a code given by hand', () => {
    const byHand = { ...concludedIn2026, code: 'АКИТ/2026-5' };
    const novemberTenth = new Date('2026-11-10T10:10:00.000Z');
    expect(needsRenumbering(onMeetingDay(concludedIn2026, '2026-11-10'), MOSCOW)).toBe(false);
    expect(needsRenumbering(onMeetingDay(byHand, '2016-11-10'), MOSCOW)).toBe(false);

    const sameYear = redateRecommendation(
      concludedIn2026,
      onto('2026-11-10', novemberTenth),
      undefined,
      context,
    );
    const kept = redateRecommendation(byHand, onto('2016-11-10'), undefined, context);

    expect(sameYear.state.source.meetingDate).toBe('2026-11-10');
    expect(sameYear.state.proposedAt).toEqual(novemberTenth);
    expect(sameYear.state.code).toBe('R-2026-03');
    expect(sameYear.changes).toEqual([]);
    expect(sameYear.timeline).toEqual([]);
    expect(kept.state).toMatchObject({
      code: 'АКИТ/2026-5',
      source: { meetingDate: '2016-11-10' },
    });
    expect(kept.changes).toEqual([]);
  });

  it('should change nothing when it is on that day and proposal time already', () => {
    const decision = redateRecommendation(
      concludedIn2026,
      onto('2026-12-07', typedUpAt),
      undefined,
      context,
    );

    expect(decision).toEqual({ state: concludedIn2026, changes: [], timeline: [] });
  });

  it('should move the proposal alone when the sitting moved within its day', () => {
    const later = new Date('2026-12-07T08:45:00.000Z');

    const decision = redateRecommendation(
      concludedIn2026,
      onto('2026-12-07', later),
      undefined,
      context,
    );

    expect(decision.state.proposedAt).toEqual(later);
    expect(decision.state.source.meetingDate).toBe('2026-12-07');
  });
});
