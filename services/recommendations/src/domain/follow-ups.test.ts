import {
  announceFollowUps,
  dueFollowUps,
  followUpDate,
  nextFollowUpDate,
  overdue,
} from './follow-ups';
import {
  anAdoptedRecommendation,
  aRecommendation,
  contextAt,
  refusal,
} from './recommendation.fixture';

// Due 2017-06-30, review 2017-03-01; Moscow is UTC+3, so 21:00 UTC is already the next day there.

describe('overdue', () => {
  it('should not be overdue on the due date itself when it is late evening in Moscow', () => {
    expect(overdue(anAdoptedRecommendation(), new Date('2017-06-30T20:59:59.999Z'))).toBe(false);
  });

  it('should be overdue from midnight in Moscow after the due date when unfinished', () => {
    expect(overdue(anAdoptedRecommendation(), new Date('2017-06-30T21:00:00.000Z'))).toBe(true);
  });

  it('should read the day in the tenant’s time zone when another one is given', () => {
    const at = new Date('2017-06-30T21:00:00.000Z');

    expect(overdue(anAdoptedRecommendation(), at, 'Europe/London')).toBe(false);
  });

  it.each(['DRAFT', 'PROPOSED', 'IN_PROGRESS'] as const)(
    'should count a %s recommendation as overdue when its date passed',
    (status) => {
      expect(overdue(aRecommendation({ status }), new Date('2017-07-05T09:00:00.000Z'))).toBe(true);
    },
  );

  it.each(['IMPLEMENTED', 'PARTIALLY_IMPLEMENTED', 'REJECTED', 'WITHDRAWN', 'SUPERSEDED'] as const)(
    'should not be overdue when it is finished as %s',
    (status) => {
      expect(overdue(aRecommendation({ status }), new Date('2017-07-05T09:00:00.000Z'))).toBe(
        false,
      );
    },
  );

  it('should never be overdue when it has no due date', () => {
    expect(
      overdue(anAdoptedRecommendation({ dueDate: undefined }), new Date('2030-01-01T00:00:00Z')),
    ).toBe(false);
  });
});

describe('dueFollowUps', () => {
  // The review of 1 March was announced; these tests are about the due date.
  const reviewed = anAdoptedRecommendation({ announced: { reviewDue: '2017-03-01' } });

  it('should announce nothing when the due date is more than two weeks away', () => {
    expect(dueFollowUps(reviewed, new Date('2017-06-15T20:59:00.000Z'))).toEqual([]);
  });

  it('should be due soon when the due date is fourteen days away in Moscow', () => {
    expect(dueFollowUps(reviewed, new Date('2017-06-15T21:00:00.000Z'))).toEqual([
      { kind: 'due-soon', dueDate: '2017-06-30', daysRemaining: 14 },
    ]);
  });

  it('should be due soon with no day left when it is the due date', () => {
    expect(dueFollowUps(reviewed, new Date('2017-06-30T09:00:00.000Z'))).toEqual([
      { kind: 'due-soon', dueDate: '2017-06-30', daysRemaining: 0 },
    ]);
  });

  it('should announce only the overdue when the date passed before due-soon was ever announced', () => {
    expect(dueFollowUps(reviewed, new Date('2017-07-02T09:00:00.000Z'))).toEqual([
      { kind: 'overdue', dueDate: '2017-06-30', daysOverdue: 2 },
    ]);
  });

  it('should take the lead time of the tenant when it is given', () => {
    const options = { timeZone: 'Europe/Moscow', dueSoonDays: 3 };

    expect(dueFollowUps(reviewed, new Date('2017-06-26T09:00:00.000Z'), options)).toEqual([]);
    expect(dueFollowUps(reviewed, new Date('2017-06-27T09:00:00.000Z'), options)).toEqual([
      { kind: 'due-soon', dueDate: '2017-06-30', daysRemaining: 3 },
    ]);
  });

  it('should announce the review when the review date is reached', () => {
    expect(dueFollowUps(anAdoptedRecommendation(), new Date('2017-02-28T21:00:00.000Z'))).toEqual([
      { kind: 'review-due', reviewDate: '2017-03-01' },
    ]);
  });

  it('should announce the review of a proposal but not its due date when it was never adopted', () => {
    expect(dueFollowUps(aRecommendation(), new Date('2017-07-02T09:00:00.000Z'))).toEqual([
      { kind: 'review-due', reviewDate: '2017-03-01' },
    ]);
  });

  it('should announce nothing when each follow-up was announced for the current dates', () => {
    const announced = anAdoptedRecommendation({
      announced: { dueSoon: '2017-06-30', overdue: '2017-06-30', reviewDue: '2017-03-01' },
    });

    expect(dueFollowUps(announced, new Date('2017-07-02T09:00:00.000Z'))).toEqual([]);
  });

  it('should announce again when a date changed after it was announced', () => {
    const moved = anAdoptedRecommendation({
      dueDate: '2017-09-30',
      reviewDate: '2017-07-01',
      announced: { dueSoon: '2017-06-30', overdue: '2017-06-30', reviewDue: '2017-03-01' },
    });

    expect(dueFollowUps(moved, new Date('2017-09-20T09:00:00.000Z'))).toEqual([
      { kind: 'due-soon', dueDate: '2017-09-30', daysRemaining: 10 },
      { kind: 'review-due', reviewDate: '2017-07-01' },
    ]);
  });

  it.each(['IMPLEMENTED', 'WITHDRAWN'] as const)(
    'should announce nothing when the recommendation is %s',
    (status) => {
      expect(
        dueFollowUps(anAdoptedRecommendation({ status }), new Date('2017-07-02T09:00:00.000Z')),
      ).toEqual([]);
    },
  );

  it('should refuse a time zone the runtime does not know', () => {
    const error = refusal(() =>
      dueFollowUps(anAdoptedRecommendation(), new Date('2017-07-02T09:00:00.000Z'), {
        timeZone: 'Europe/Atlantis',
        dueSoonDays: 14,
      }),
    );

    expect(error.message).toBe('timeZone: must be an IANA time zone such as Europe/Moscow');
  });

  it('should refuse a negative lead time', () => {
    const error = refusal(() =>
      dueFollowUps(anAdoptedRecommendation(), new Date('2017-07-02T09:00:00.000Z'), {
        timeZone: 'Europe/Moscow',
        dueSoonDays: -1,
      }),
    );

    expect(error.message).toBe('dueSoonDays: must be a whole number of days, 0 or more');
  });
});

describe('announceFollowUps', () => {
  it('should record what it announced so the next run announces nothing', () => {
    const context = contextAt('2017-07-02T09:00:00.000Z', 'tl-1', 'tl-2');

    const first = announceFollowUps(anAdoptedRecommendation(), context);
    const second = announceFollowUps(first.state, contextAt('2017-07-03T09:00:00.000Z'));

    expect(first.changes).toEqual([
      { kind: 'overdue', dueDate: '2017-06-30', daysOverdue: 2 },
      { kind: 'review-due', reviewDate: '2017-03-01' },
    ]);
    expect(first.state.announced).toEqual({ overdue: '2017-06-30', reviewDue: '2017-03-01' });
    expect(first.state.updatedAt).toBe(context.now);
    expect(first.timeline.map((entry) => entry.id)).toEqual(['tl-1', 'tl-2']);
    expect(second).toEqual({ state: first.state, changes: [], timeline: [] });
  });

  it('should announce the overdue after the due-soon when both come in turn', () => {
    const soon = announceFollowUps(
      anAdoptedRecommendation({ reviewDate: undefined }),
      contextAt('2017-06-20T09:00:00.000Z'),
    );
    const late = announceFollowUps(soon.state, contextAt('2017-07-01T09:00:00.000Z'));

    expect(soon.changes).toEqual([{ kind: 'due-soon', dueDate: '2017-06-30', daysRemaining: 10 }]);
    expect(late.changes).toEqual([{ kind: 'overdue', dueDate: '2017-06-30', daysOverdue: 1 }]);
    expect(late.state.announced).toEqual({ dueSoon: '2017-06-30', overdue: '2017-06-30' });
  });
});

describe('nextFollowUpDate', () => {
  it('should be the review date when it comes before the due-soon notice', () => {
    expect(nextFollowUpDate(anAdoptedRecommendation())).toBe('2017-03-01');
  });

  it('should be fourteen days before the due date once the review was announced', () => {
    const reviewed = anAdoptedRecommendation({ announced: { reviewDue: '2017-03-01' } });

    expect(nextFollowUpDate(reviewed)).toBe('2017-06-16');
  });

  it('should be the day after the due date once due-soon was announced', () => {
    const noticed = anAdoptedRecommendation({
      announced: { reviewDue: '2017-03-01', dueSoon: '2017-06-30' },
    });

    expect(nextFollowUpDate(noticed)).toBe('2017-07-01');
  });

  it('should be nothing once everything was announced for the current dates', () => {
    const done = anAdoptedRecommendation({
      announced: { reviewDue: '2017-03-01', dueSoon: '2017-06-30', overdue: '2017-06-30' },
    });

    expect(nextFollowUpDate(done)).toBeUndefined();
  });

  it('should skip the due date of a proposal but keep its review', () => {
    expect(nextFollowUpDate(aRecommendation())).toBe('2017-03-01');
    expect(nextFollowUpDate(aRecommendation({ reviewDate: undefined }))).toBeUndefined();
  });

  it('should be nothing when the recommendation is finished', () => {
    expect(nextFollowUpDate(anAdoptedRecommendation({ status: 'IMPLEMENTED' }))).toBeUndefined();
  });

  it.each([
    ['2017-06-16T09:00:00.000Z', 'due-soon'],
    ['2017-07-01T09:00:00.000Z', 'overdue'],
  ])('should agree with dueFollowUps on its own day (%s: %s)', (at, kind) => {
    const reviewed = anAdoptedRecommendation({ announced: { reviewDue: '2017-03-01' } });
    const state =
      kind === 'overdue'
        ? anAdoptedRecommendation({ announced: { reviewDue: '2017-03-01', dueSoon: '2017-06-30' } })
        : reviewed;

    expect(nextFollowUpDate(state)).toBe(at.slice(0, 10));
    expect(dueFollowUps(state, new Date(at)).map((followUp) => followUp.kind)).toEqual([kind]);
  });
});

describe('announceFollowUps with only some kinds', () => {
  it('should announce and record only the kinds asked for when another replica holds the rest', () => {
    const state = anAdoptedRecommendation({ reviewDate: '2017-07-01' });
    const at = contextAt('2017-07-02T09:00:00.000Z');

    const decision = announceFollowUps(state, at, undefined, ['review-due']);

    expect(decision.changes).toEqual([{ kind: 'review-due', reviewDate: '2017-07-01' }]);
    expect(decision.state.announced).toEqual({ reviewDue: '2017-07-01' });
  });

  it('should change nothing when none of the due kinds is asked for', () => {
    const state = anAdoptedRecommendation({ announced: { reviewDue: '2017-03-01' } });

    const decision = announceFollowUps(state, contextAt('2017-07-02T09:00:00.000Z'), undefined, [
      'due-soon',
    ]);

    expect(decision.changes).toEqual([]);
    expect(decision.state).toBe(state);
  });

  it('should name the date each follow-up is about', () => {
    expect(followUpDate({ kind: 'review-due', reviewDate: '2017-03-01' })).toBe('2017-03-01');
    expect(followUpDate({ kind: 'overdue', dueDate: '2017-06-30', daysOverdue: 2 })).toBe(
      '2017-06-30',
    );
  });
});
