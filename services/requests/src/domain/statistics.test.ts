import {
  requestAnswered,
  requestClosed,
  requestDeadlineExtended,
  requestDrafted,
  requestOverdue,
  requestRegistered,
  requestSubmitted,
  requestWithdrawn,
} from '@kollegia/events/testing';
import type { AnswerOutcome } from '@kollegia/events';

import { MINPROMTORG, TENANT } from './request.fixture';
import {
  type AddresseeStatistics,
  applyRequestEvent,
  noStatistics,
  type RequestEvent,
  summarize,
} from './statistics';

const tenantid = TENANT;
const addresseeId = MINPROMTORG;

/** When the requests below were entered: long after they were sent (the record as it happened). */
const RECORDED_AT = '2026-12-01T09:00:00.000Z';

function submitted(id: string, sentAt: string, dueOn: string) {
  return requestSubmitted({
    tenantid,
    data: {
      id,
      addresseeId,
      submittedAt: RECORDED_AT,
      sentAt,
      dueOn,
      dueAt: `${dueOn}T23:59:59.999+03:00`,
    },
  });
}

function registered(id: string, registeredOn: string, dueOn: string) {
  return requestRegistered({
    tenantid,
    data: { id, addresseeId, registeredOn, dueOn, dueAt: `${dueOn}T23:59:59.999+03:00` },
  });
}

function answered(id: string, answeredAt: string, outcome: AnswerOutcome, onTime: boolean) {
  return requestAnswered({
    tenantid,
    data: {
      id,
      addresseeId,
      onTime,
      answer: { text: 'Ответ по существу обращения.', outcome, answeredAt },
    },
  });
}

// Four requests to Минпромторг России that count, and the noise around them.
const history: RequestEvent[] = [
  // req-1: registered on time and accepted on the last day, 35 days after it was sent.
  submitted('req-1', '2016-12-05T10:00:00+03:00', '2016-12-08'),
  registered('req-1', '2016-12-07', '2017-01-09'),
  answered('req-1', '2017-01-09T15:00:00+03:00', 'ACCEPTED', true),
  requestClosed({ tenantid, data: { id: 'req-1', addresseeId } }),
  // req-2: extended, then declined late, 67 days after it was sent.
  submitted('req-2', '2016-12-05T11:00:00+03:00', '2016-12-08'),
  registered('req-2', '2016-12-08', '2017-01-09'),
  requestDeadlineExtended({
    tenantid,
    data: { id: 'req-2', addresseeId, dueOn: '2017-02-08', dueAt: '2017-02-08T23:59:59.999+03:00' },
  }),
  answered('req-2', '2017-02-10T12:00:00+03:00', 'DECLINED', false),
  // req-3: never registered; its registration deadline of 13 January has passed.
  submitted('req-3', '2017-01-10T09:00:00+03:00', '2017-01-13'),
  requestOverdue({ tenantid, data: { id: 'req-3', addresseeId } }),
  // req-6: answered for information only, in four days.
  submitted('req-6', '2017-01-16T09:00:00+03:00', '2017-01-19'),
  answered('req-6', '2017-01-20T09:00:00+03:00', 'INFORMATION_ONLY', true),
  // req-4: sent, then withdrawn; req-5: withdrawn as a draft, so the addressee never saw it.
  submitted('req-4', '2017-01-11T09:00:00+03:00', '2017-01-16'),
  requestWithdrawn({ tenantid, data: { id: 'req-4', addresseeId, previousStatus: 'SUBMITTED' } }),
  requestDrafted({ tenantid, data: { id: 'req-5', addresseeId } }),
  requestWithdrawn({ tenantid, data: { id: 'req-5', addresseeId, previousStatus: 'DRAFT' } }),
  // Another addressee's request, and another tenant's request to the same addressee.
  requestSubmitted({ tenantid, data: { id: 'req-7', addresseeId: 'org-nti-office' } }),
  requestSubmitted({ tenantid: 'other-tenant', data: { id: 'req-8', addresseeId } }),
];

const now = new Date('2017-02-15T09:00:00.000Z');

function replay(events: readonly RequestEvent[]): AddresseeStatistics {
  return events.reduce(applyRequestEvent, noStatistics(TENANT, MINPROMTORG));
}

describe('applyRequestEvent and summarize', () => {
  it('should sum up the addressee’s requests when the history is applied once', () => {
    expect(summarize(replay(history), now)).toEqual({
      received: 4,
      answered: 3,
      answeredOnTime: 2,
      overdueNow: 1,
      medianDaysToAnswer: 35,
      acceptanceRate: 0.5,
      outcomes: { ACCEPTED: 1, PARTIALLY_ACCEPTED: 0, DECLINED: 1, INFORMATION_ONLY: 1 },
    });
  });

  it('should keep the facts of each request when the events are applied', () => {
    const statistics = replay(history);

    expect(statistics.requests.map((request) => request.requestId)).toEqual([
      'req-1',
      'req-2',
      'req-3',
      'req-6',
      'req-4',
    ]);
    expect(statistics.requests[1]).toEqual({
      requestId: 'req-2',
      submittedAt: new Date('2016-12-05T08:00:00.000Z'),
      registrationDueAt: new Date('2016-12-08T20:59:59.999Z'),
      registeredOn: '2016-12-08',
      answerDueAt: new Date('2017-01-09T20:59:59.999Z'),
      extendedDueAt: new Date('2017-02-08T20:59:59.999Z'),
      answeredAt: new Date('2017-02-10T09:00:00.000Z'),
      outcome: 'DECLINED',
      answeredOnTime: false,
    });
  });

  it('should take the submission’s moment as the sending when an older event has no sentAt', () => {
    const older = requestSubmitted({
      tenantid,
      data: {
        id: 'req-1',
        addresseeId,
        submittedAt: '2016-12-05T08:00:00.000Z',
        sentAt: undefined,
        dueOn: '2016-12-08',
        dueAt: '2016-12-08T23:59:59.999+03:00',
      },
    });

    expect(replay([older]).requests[0]?.submittedAt).toEqual(new Date('2016-12-05T08:00:00.000Z'));
  });

  it('should return the same statistics when an event is applied a second time', () => {
    const once = replay(history);

    for (const event of history) {
      expect(applyRequestEvent(once, event)).toBe(once);
    }
  });

  it('should give the same summary when the whole history is replayed twice or backwards', () => {
    const once = summarize(replay(history), now);

    expect(summarize(replay([...history, ...history]), now)).toEqual(once);
    expect(summarize(replay([...history].reverse()), now)).toEqual(once);
  });

  it('should keep the extended deadline when the registration arrives after the extension', () => {
    const [, , , , submittedEvent, registeredEvent, extendedEvent] = history;
    const outOfOrder = replay([submittedEvent!, extendedEvent!, registeredEvent!]);

    // Without the extension req-2 would be overdue from 10 January.
    expect(summarize(outOfOrder, new Date('2017-01-20T09:00:00.000Z')).overdueNow).toBe(0);
  });

  it('should count a request overdue only once its running deadline has passed in Moscow', () => {
    const statistics = replay([submitted('req-9', '2017-01-10T09:00:00+03:00', '2017-01-13')]);

    expect(summarize(statistics, new Date('2017-01-13T20:59:59.999Z')).overdueNow).toBe(0);
    expect(summarize(statistics, new Date('2017-01-13T21:00:00.000Z')).overdueNow).toBe(1);
  });

  it('should take the middle of the two middle values when the number of answers is even', () => {
    const statistics = replay([
      submitted('a', '2017-01-10T09:00:00+03:00', '2017-01-13'),
      answered('a', '2017-01-12T09:00:00+03:00', 'ACCEPTED', true),
      submitted('b', '2017-01-10T09:00:00+03:00', '2017-01-13'),
      answered('b', '2017-01-15T09:00:00+03:00', 'PARTIALLY_ACCEPTED', true),
    ]);

    expect(summarize(statistics, now)).toMatchObject({
      medianDaysToAnswer: 3.5,
      acceptanceRate: 1,
    });
  });

  it('should have no median and no acceptance rate when nothing was answered', () => {
    expect(summarize(noStatistics(TENANT, MINPROMTORG), now)).toEqual({
      received: 0,
      answered: 0,
      answeredOnTime: 0,
      overdueNow: 0,
      medianDaysToAnswer: null,
      acceptanceRate: null,
      outcomes: { ACCEPTED: 0, PARTIALLY_ACCEPTED: 0, DECLINED: 0, INFORMATION_ONLY: 0 },
    });
  });

  it('should count days in the addressee’s calendar when an answer comes late in the evening', () => {
    const statistics = replay([
      submitted('c', '2017-01-10T09:00:00+03:00', '2017-01-13'),
      answered('c', '2017-01-10T23:30:00+03:00', 'ACCEPTED', true),
    ]);

    expect(summarize(statistics, now).medianDaysToAnswer).toBe(0);
    expect(summarize(statistics, now, 'Asia/Vladivostok').medianDaysToAnswer).toBe(1);
  });
});
