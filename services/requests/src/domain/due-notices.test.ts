import { announceDueNotices, daysRemaining, dueNotices, overdue } from './due-notices';
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

  it('should take the lead time of the policy when it sets another', () => {
    expect(
      dueNotices(aRegisteredRequest(), new Date('2017-01-03T21:00:00.000Z'), {
        ...POLICY,
        dueSoonDays: 2,
      }),
    ).toEqual([]);
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
