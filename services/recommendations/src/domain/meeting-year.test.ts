import {
  codeYear,
  givenMeetingDate,
  meetingDateOf,
  needsRenumbering,
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
