import { aRegisteredRequest, aRequest, aSubmittedRequest } from './request.fixture';
import { timelineEntries } from './timeline';

const AT = new Date('2016-12-07T09:00:00.000Z');

describe('timelineEntries', () => {
  it('should note the recommendation a draft was made from', () => {
    expect(timelineEntries(aRequest(), [{ kind: 'drafted' }], 'system:requests', AT)).toEqual([
      {
        kind: 'DRAFTED',
        at: AT,
        actor: 'system:requests',
        version: 1,
        note: 'from recommendation rec-4',
      },
    ]);
  });

  it('should note the outgoing number and the registration deadline when a request is sent', () => {
    const [line] = timelineEntries(
      aSubmittedRequest({ version: 2 }),
      [{ kind: 'submitted' }],
      'user-secretary',
      AT,
    );

    expect(line).toEqual({
      kind: 'SUBMITTED',
      at: AT,
      actor: 'user-secretary',
      version: 2,
      note: 'outgoing number АКИТ-2016/014; registration due on 2016-12-08',
    });
  });

  it('should note the incoming number, whether it came on time and the answer deadline', () => {
    const [line] = timelineEntries(
      aRegisteredRequest(),
      [{ kind: 'registered' }],
      'user-minpromtorg',
      AT,
    );

    expect(line?.note).toBe(
      'incoming number ВХ-53117/16 of 2016-12-07 (on time); answer due on 2017-01-09',
    );
  });

  it('should write one line per change, in order', () => {
    const state = aRegisteredRequest();
    const deadline = state.deadline!;

    expect(
      timelineEntries(
        state,
        [
          { kind: 'due-soon', deadline, daysRemaining: 5 },
          { kind: 'overdue', deadline, daysOverdue: 2 },
        ],
        'system:requests',
        AT,
      ).map((line) => [line.kind, line.note]),
    ).toEqual([
      ['DUE_SOON', '5 days left to the answer deadline 2017-01-09'],
      ['OVERDUE', 'the answer deadline 2017-01-09 passed 2 days ago'],
    ]);
  });
});
