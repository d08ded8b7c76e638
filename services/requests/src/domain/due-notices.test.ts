import {
  announceDueNotices,
  daysRemaining,
  dueNotices,
  nextNoticeAt,
  overdue,
  withDueSoonLead,
} from './due-notices';
import { extendDeadline } from './request-lifecycle';
import {
  aRegisteredRequest,
  aRequest,
  aSubmittedRequest,
  contextAt,
  POLICY,
  SECRETARY,
} from './request.fixture';

// The registered request's answer is due on 9 January 2017 (Moscow): dueAt 20:59:59.999 UTC.
const answerDue = {
  stage: 'ANSWER' as const,
  dueOn: '2017-01-09',
  dueAt: new Date('2017-01-09T20:59:59.999Z'),
};
const registrationDue = {
  stage: 'REGISTRATION' as const,
  dueOn: '2016-12-08',
  dueAt: new Date('2016-12-08T20:59:59.999Z'),
};

describe('daysRemaining and overdue', () => {
  it.each([
    ['2017-01-03T21:00:00.000Z', 5, false],
    ['2017-01-09T20:59:59.999Z', 0, false],
    ['2017-01-09T21:00:00.000Z', -1, true],
    ['2017-01-12T09:00:00.000Z', -3, true],
  ])('should count at %s %i days left, overdue %s', (iso, days, isOverdue) => {
    const at = new Date(iso);

    expect(daysRemaining(aRegisteredRequest(), at)).toBe(days);
    expect(overdue(aRegisteredRequest(), at)).toBe(isOverdue);
  });

  it('should run the registration deadline while the request waits for registration', () => {
    const at = new Date('2016-12-09T08:00:00.000Z');

    expect(daysRemaining(aSubmittedRequest(), at)).toBe(-1);
    expect(overdue(aSubmittedRequest(), at)).toBe(true);
  });

  it.each([
    ['a draft', aRequest()],
    ['an answered request', aRegisteredRequest({ status: 'ANSWERED' })],
    ['a withdrawn request', aRegisteredRequest({ status: 'WITHDRAWN' })],
    ['a closed request', aRegisteredRequest({ status: 'CLOSED' })],
  ])('should have no deadline running for %s', (_case, request) => {
    const at = new Date('2017-02-01T09:00:00.000Z');

    expect(daysRemaining(request, at)).toBeUndefined();
    expect(overdue(request, at)).toBe(false);
  });
});

describe('a request entered as it happened', () => {
  // Sent 14 November 2016, registered 16 November 2016, both entered on 7 December 2026.
  const recordedAt = new Date('2026-12-07T10:00:00.000Z');
  const past = aRegisteredRequest({
    submittedAt: new Date('2016-11-14T09:00:00.000Z'),
    registrationDueOn: '2016-11-17',
    registeredOn: '2016-11-16',
    deadline: {
      stage: 'ANSWER',
      dueOn: '2016-12-16',
      dueAt: new Date('2016-12-16T20:59:59.999Z'),
    },
    deadlineRecordedAt: recordedAt,
  });
  const later = new Date('2026-12-08T10:00:00.000Z');

  it('should be shown overdue, its days remaining negative', () => {
    expect(overdue(past, later)).toBe(true);
    expect(daysRemaining(past, later)).toBe(-3644);
  });

  it('should announce nothing for a deadline that had passed when it was recorded', () => {
    expect(dueNotices(past, later, POLICY)).toEqual([]);
    expect(nextNoticeAt(past)).toBeNull();
  });

  it('should still announce a deadline that passes after it was recorded', () => {
    const recordedInTime = { ...past, deadlineRecordedAt: new Date('2016-12-01T09:00:00.000Z') };

    expect(dueNotices(recordedInTime, later, POLICY)).toMatchObject([
      { kind: 'overdue', deadline: { dueOn: '2016-12-16' } },
    ]);
  });
});

describe('daysRemaining of a working-day procedure', () => {
  it('should count working days of the calendar the request kept', () => {
    const counting = { ...aRegisteredRequest().counting!, dayCount: 'WORKING' as const };
    const request = aRegisteredRequest({ counting });

    // 29 December 2016: 30 December and 9 January are the working days left.
    expect(daysRemaining(request, new Date('2016-12-29T09:00:00.000Z'))).toBe(2);
    expect(daysRemaining(aRegisteredRequest(), new Date('2016-12-29T09:00:00.000Z'))).toBe(11);
  });
});

describe('dueNotices', () => {
  it('should announce nothing six days before the answer is due', () => {
    expect(dueNotices(aRegisteredRequest(), new Date('2017-01-03T20:59:00.000Z'), POLICY)).toEqual(
      [],
    );
  });

  it('should announce due-soon five days before the answer is due in Moscow', () => {
    expect(dueNotices(aRegisteredRequest(), new Date('2017-01-03T21:00:00.000Z'), POLICY)).toEqual([
      { kind: 'due-soon', deadline: answerDue, daysRemaining: 5 },
    ]);
  });

  it('should take the lead the request keeps when the policy has another now', () => {
    const keepsTwo = aRegisteredRequest({ dueSoonDays: 2 });

    expect(dueNotices(keepsTwo, new Date('2017-01-03T21:00:00.000Z'), POLICY)).toEqual([]);
    expect(dueNotices(keepsTwo, new Date('2017-01-06T21:00:00.000Z'), POLICY)).toEqual([
      { kind: 'due-soon', deadline: answerDue, daysRemaining: 2 },
    ]);
  });

  it("should take the policy's lead for a request stored before requests kept one", () => {
    const before = aRegisteredRequest({ dueSoonDays: undefined });
    const at = new Date('2017-01-03T21:00:00.000Z');

    expect(dueNotices(before, at, { ...POLICY, dueSoonDays: 2 })).toEqual([]);
    expect(dueNotices(before, at, POLICY)).toEqual([
      { kind: 'due-soon', deadline: answerDue, daysRemaining: 5 },
    ]);
  });

  it('should announce overdue, not due-soon, when the deadline passed before anything was announced', () => {
    expect(dueNotices(aRegisteredRequest(), new Date('2017-01-11T09:00:00.000Z'), POLICY)).toEqual([
      { kind: 'overdue', deadline: answerDue, daysOverdue: 2 },
    ]);
  });

  it('should not warn of the registration deadline but announce it overdue when it passed', () => {
    expect(dueNotices(aSubmittedRequest(), new Date('2016-12-06T09:00:00.000Z'), POLICY)).toEqual(
      [],
    );
    expect(dueNotices(aSubmittedRequest(), new Date('2016-12-08T21:00:00.000Z'), POLICY)).toEqual([
      { kind: 'overdue', deadline: registrationDue, daysOverdue: 1 },
    ]);
  });

  it('should announce nothing when both notices were announced for this deadline', () => {
    const announced = aRegisteredRequest({
      announced: { dueSoon: 'ANSWER/2017-01-09', overdue: 'ANSWER/2017-01-09' },
    });

    expect(dueNotices(announced, new Date('2017-01-05T09:00:00.000Z'), POLICY)).toEqual([]);
    expect(dueNotices(announced, new Date('2017-01-11T09:00:00.000Z'), POLICY)).toEqual([]);
  });

  it('should announce the answer deadline when registration went overdue before it was registered', () => {
    const lateRegistration = aRegisteredRequest({
      announced: { overdue: 'REGISTRATION/2016-12-08' },
    });

    expect(dueNotices(lateRegistration, new Date('2017-01-11T09:00:00.000Z'), POLICY)).toEqual([
      { kind: 'overdue', deadline: answerDue, daysOverdue: 2 },
    ]);
  });

  it('should announce nothing when the request is no longer waiting', () => {
    expect(
      dueNotices(
        aRegisteredRequest({ status: 'ANSWERED' }),
        new Date('2017-01-11T09:00:00Z'),
        POLICY,
      ),
    ).toEqual([]);
  });
});

describe('announceDueNotices', () => {
  it('should record the notices it announced so the next run announces nothing', () => {
    const context = contextAt('2017-01-05T09:00:00.000Z');

    const first = announceDueNotices(aRegisteredRequest(), POLICY, context);
    const second = announceDueNotices(first.state, POLICY, contextAt('2017-01-06T09:00:00.000Z'));

    expect(first.changes).toEqual([{ kind: 'due-soon', deadline: answerDue, daysRemaining: 4 }]);
    expect(first.state.announced).toEqual({ dueSoon: 'ANSWER/2017-01-09' });
    expect(first.state.updatedAt).toBe(context.now);
    expect(second).toEqual({ state: first.state, changes: [] });
  });

  it('should announce the new deadline again when the deadline was extended after the notices', () => {
    const soon = announceDueNotices(
      aRegisteredRequest(),
      POLICY,
      contextAt('2017-01-05T09:00:00Z'),
    );
    const late = announceDueNotices(soon.state, POLICY, contextAt('2017-01-10T09:00:00Z'));
    const extended = extendDeadline(
      late.state,
      { days: 30, reason: 'Нужно согласование с Проектным офисом НТИ' },
      SECRETARY,
      POLICY,
      contextAt('2017-01-10T10:00:00Z'),
    );

    const quiet = announceDueNotices(extended.state, POLICY, contextAt('2017-01-20T09:00:00Z'));
    const again = announceDueNotices(extended.state, POLICY, contextAt('2017-02-03T09:00:00Z'));

    expect(late.changes.map((change) => change.kind)).toEqual(['overdue']);
    expect(overdue(extended.state, new Date('2017-01-10T10:00:00Z'))).toBe(false);
    expect(quiet.changes).toEqual([]);
    expect(again.changes).toEqual([
      {
        kind: 'due-soon',
        deadline: {
          stage: 'ANSWER',
          dueOn: '2017-02-08',
          dueAt: new Date('2017-02-08T20:59:59.999Z'),
        },
        daysRemaining: 5,
      },
    ]);
  });
});

describe('nextNoticeAt', () => {
  it('should be the first day of the due-soon lead, in the time zone, while nothing was announced', () => {
    // 4 January 2017 begins in Moscow at 21:00 UTC on the 3rd: five days before the 9th.
    expect(nextNoticeAt(aRegisteredRequest())).toEqual(new Date('2017-01-03T21:00:00.000Z'));
  });

  it('should follow the lead the request keeps', () => {
    expect(nextNoticeAt(aRegisteredRequest({ dueSoonDays: 2 }))).toEqual(
      new Date('2017-01-06T21:00:00.000Z'),
    );
    expect(nextNoticeAt(aRegisteredRequest({ dueSoonDays: 0 }))).toEqual(
      new Date('2017-01-08T21:00:00.000Z'),
    );
  });

  it('should be the first instant after the deadline once due-soon was announced', () => {
    const announced = aRegisteredRequest({ announced: { dueSoon: 'ANSWER/2017-01-09' } });

    expect(nextNoticeAt(announced)).toEqual(new Date('2017-01-09T21:00:00.000Z'));
  });

  it('should be the first instant after the registration deadline while the request waits for registration', () => {
    expect(nextNoticeAt(aSubmittedRequest())).toEqual(new Date('2016-12-08T21:00:00.000Z'));
    // Registration is never announced due soon, so its moment needs no lead.
    expect(nextNoticeAt(aSubmittedRequest({ dueSoonDays: undefined }))).toEqual(
      new Date('2016-12-08T21:00:00.000Z'),
    );
  });

  it('should be null once the running deadline was announced overdue', () => {
    const done = aRegisteredRequest({ announced: { overdue: 'ANSWER/2017-01-09' } });

    expect(nextNoticeAt(done)).toBeNull();
  });

  it("should be the answer deadline's after a registration whose deadline went overdue", () => {
    const lateRegistration = aRegisteredRequest({
      announced: { overdue: 'REGISTRATION/2016-12-08' },
    });

    expect(nextNoticeAt(lateRegistration)).toEqual(new Date('2017-01-03T21:00:00.000Z'));
  });

  it.each([
    ['a draft', aRequest()],
    ['an answered request', aRegisteredRequest({ status: 'ANSWERED' })],
    ['a withdrawn request', aRegisteredRequest({ status: 'WITHDRAWN' })],
    ['a closed request', aRegisteredRequest({ status: 'CLOSED' })],
  ])('should be null for %s', (_case, request) => {
    expect(nextNoticeAt(request)).toBeNull();
  });

  it('should be unknown when due-soon is pending and the request keeps no lead', () => {
    expect(nextNoticeAt(aRegisteredRequest({ dueSoonDays: undefined }))).toBeUndefined();
  });

  it('should move to the new deadline when the deadline is extended', () => {
    const soon = announceDueNotices(
      aRegisteredRequest(),
      POLICY,
      contextAt('2017-01-05T09:00:00Z'),
    );
    const extended = extendDeadline(
      soon.state,
      { days: 30, reason: 'Нужно согласование с Проектным офисом НТИ' },
      SECRETARY,
      POLICY,
      contextAt('2017-01-06T10:00:00Z'),
    );

    expect(nextNoticeAt(soon.state)).toEqual(new Date('2017-01-09T21:00:00.000Z'));
    // Due on 8 February: due soon from the 3rd, in Moscow.
    expect(nextNoticeAt(extended.state)).toEqual(new Date('2017-02-02T21:00:00.000Z'));
  });

  it.each([
    ['registered', aRegisteredRequest()],
    ['registered with a lead of 2', aRegisteredRequest({ dueSoonDays: 2 })],
    ['announced due soon', aRegisteredRequest({ announced: { dueSoon: 'ANSWER/2017-01-09' } })],
    ['submitted', aSubmittedRequest()],
  ])('should be the moment dueNotices first finds a notice for a request %s', (_case, request) => {
    const at = nextNoticeAt(request);
    if (!at) throw new Error('expected a moment');

    expect(dueNotices(request, new Date(at.getTime() - 1), POLICY)).toEqual([]);
    expect(dueNotices(request, at, POLICY)).toHaveLength(1);
  });
});

describe('withDueSoonLead', () => {
  it("should give a request stored before requests kept a lead its policy's", () => {
    const before = aRegisteredRequest({ dueSoonDays: undefined });

    expect(withDueSoonLead(before, { ...POLICY, dueSoonDays: 7 })).toEqual(
      aRegisteredRequest({ dueSoonDays: 7 }),
    );
  });

  it('should leave a request that keeps a lead, or has no deadline running, as it is', () => {
    const keeps = aRegisteredRequest({ dueSoonDays: 2 });
    const draft = aRequest();

    expect(withDueSoonLead(keeps, POLICY)).toBe(keeps);
    expect(withDueSoonLead(draft, POLICY)).toBe(draft);
  });

  it('should be kept by the announcement of a request that had no lead', () => {
    const before = aRegisteredRequest({ dueSoonDays: undefined });

    const { state } = announceDueNotices(before, POLICY, contextAt('2017-01-05T09:00:00Z'));

    expect(state.dueSoonDays).toBe(POLICY.dueSoonDays);
    expect(nextNoticeAt(state)).toEqual(new Date('2017-01-09T21:00:00.000Z'));
  });
});
