import { announceControlNotices, nextControlNoticeOn, takeUnderControl } from './control-item';
import { dueFollowUps, nextFollowUpDate } from './follow-ups';
import {
  controlItemPredecessor,
  dueDatePassedWhenRecorded,
  recommendationHappenedAt,
  recommendationPredecessor,
} from './happened';
import { adoptRecommendation } from './recommendation-lifecycle';
import {
  ADOPTED_AT,
  ASSOCIATION,
  CHAIR,
  CREATED_AT,
  MINPROMTORG,
  aRecommendation,
  anAdoptedRecommendation,
  contextAt,
  refusal,
} from './recommendation.fixture';

// The record as it happened (DESIGN.md section 3): when a change happened is given by the user,
// not in the future and not before what it follows; a due date that had passed when it was
// recorded is shown overdue but not announced.

const MOSCOW = 'Europe/Moscow';
const NOW = new Date('2026-12-07T09:00:00.000Z');
const FOLLOW_UPS = { timeZone: MOSCOW, dueSoonDays: 14 };

describe('when a change of a recommendation happened', () => {
  it('should take the given moment in the past, and now when none is given', () => {
    const adoptedOn = new Date('2016-12-01T09:00:00.000Z');

    expect(
      recommendationHappenedAt(aRecommendation(), 'decide', 'decidedAt', adoptedOn, NOW, MOSCOW),
    ).toEqual(adoptedOn);
    expect(
      recommendationHappenedAt(aRecommendation(), 'decide', 'decidedAt', null, NOW, MOSCOW),
    ).toEqual(NOW);
  });

  it('should refuse a moment in the future naming the argument', () => {
    const error = refusal(() =>
      recommendationHappenedAt(
        aRecommendation(),
        'decide',
        'decidedAt',
        new Date('2026-12-08T09:00:00.000Z'),
        NOW,
        MOSCOW,
      ),
    );

    expect(error).toMatchObject({ code: 'BAD_USER_INPUT', details: { field: 'decidedAt' } });
    expect(error.message).toMatch(/must not be in the future/);
  });

  it('should refuse an adoption before the proposal', () => {
    const error = refusal(() =>
      recommendationHappenedAt(
        aRecommendation(),
        'decide',
        'decidedAt',
        new Date('2016-11-10T09:00:00.000Z'),
        NOW,
        MOSCOW,
      ),
    );

    expect(error).toMatchObject({ code: 'BAD_USER_INPUT', details: { field: 'decidedAt' } });
    expect(error.message).toBe(
      `decidedAt: must not be before its proposal (${CREATED_AT.toISOString()})`,
    );
  });

  it('should order each happening after what it follows', () => {
    const proposal = { at: CREATED_AT, what: 'its proposal' };
    const adoption = { at: ADOPTED_AT, what: 'its adoption' };
    const reported = new Date('2017-03-01T09:00:00.000Z');
    const inProgress = anAdoptedRecommendation({
      status: 'IN_PROGRESS',
      startedAt: reported,
      lastProgressAt: reported,
      endorsements: [{ party: { kind: 'ORGANIZATION', id: ASSOCIATION }, endorsedAt: ADOPTED_AT }],
    });
    const reportedLast = { at: reported, what: 'its last progress report' };
    const start = { at: reported, what: 'the start of its work' };

    expect(recommendationPredecessor(aRecommendation(), 'decide', MOSCOW)).toEqual(proposal);
    expect(recommendationPredecessor(aRecommendation(), 'endorse', MOSCOW)).toEqual(proposal);
    expect(recommendationPredecessor(inProgress, 'report', MOSCOW)).toEqual(adoption);
    // The start and the last report are the same moment here: the first of them names it.
    expect(recommendationPredecessor(inProgress, 'finish', MOSCOW)).toEqual(start);
    expect(recommendationPredecessor(inProgress, 'close', MOSCOW)).toEqual(start);
    expect(
      recommendationPredecessor({ ...inProgress, startedAt: ADOPTED_AT }, 'finish', MOSCOW),
    ).toEqual(reportedLast);
    const partly = new Date('2017-06-01T09:00:00.000Z');
    expect(
      recommendationPredecessor(
        { ...inProgress, status: 'PARTIALLY_IMPLEMENTED', finishedAt: partly },
        'finish',
        MOSCOW,
      ),
    ).toEqual({ at: partly, what: 'its outcome' });
    expect(recommendationPredecessor(anAdoptedRecommendation(), 'close', MOSCOW)).toEqual(adoption);
    expect(
      recommendationPredecessor(
        inProgress,
        { withdrawEndorsementOf: { kind: 'ORGANIZATION', id: ASSOCIATION } },
        MOSCOW,
      ),
    ).toEqual({ at: ADOPTED_AT, what: 'the endorsement' });
  });

  it('should propose a draft not before the start of its meeting day in the workspace', () => {
    const draft = aRecommendation({
      status: 'DRAFT',
      proposedAt: undefined,
      source: { meetingDate: '2016-11-10' },
    });

    expect(recommendationPredecessor(draft, 'propose', MOSCOW)).toEqual({
      at: new Date('2016-11-09T21:00:00.000Z'),
      what: 'the day of its meeting',
    });
    expect(
      recommendationPredecessor(aRecommendation({ status: 'DRAFT' }), 'propose', MOSCOW),
    ).toBeUndefined();
  });
});

describe('when an action on an item under control happened', () => {
  const item = takeUnderControl(
    {
      roundtableId: 'rt-1',
      meetingDate: '2016-11-10',
      published: true,
      resolution: {
        id: 'res-9',
        kind: 'CONTROL_ITEM',
        text: 'Взять на контроль подготовку перечня проектов кластеров.',
        addresseeIds: [MINPROMTORG],
        dueDate: '2017-03-31',
      },
      recordedOn: '2026-12-07',
    },
    contextAt('2016-11-10T10:10:00.000Z', 'ci-1'),
  ).state;

  it('should report not before it was taken, and control not before the last report or extension', () => {
    const report = new Date('2017-02-01T07:00:00.000Z');
    const extension = new Date('2017-01-15T07:00:00.000Z');
    const worked = {
      ...item,
      progress: [
        {
          id: 'p-1',
          author: { kind: 'ORGANIZATION' as const, id: ASSOCIATION },
          text: 'x',
          reportedAt: report,
        },
      ],
      extensions: [{ dueDate: '2017-06-30', extendedAt: extension }],
    };

    expect(controlItemPredecessor(item, 'report')).toEqual({
      at: new Date('2016-11-10T10:10:00.000Z'),
      what: 'its taking under control',
    });
    expect(controlItemPredecessor(worked, 'report').at).toEqual(item.takenAt);
    expect(controlItemPredecessor(worked, 'control')).toEqual({
      at: report,
      what: 'its last progress report',
    });
  });
});

describe('a due date that had passed when it was recorded', () => {
  it('should count as passed only from the day after it', () => {
    expect(dueDatePassedWhenRecorded('2017-03-31', '2026-12-07')).toBe(true);
    expect(dueDatePassedWhenRecorded('2026-12-07', '2026-12-07')).toBe(false);
    expect(dueDatePassedWhenRecorded('2017-03-31', undefined)).toBe(false);
    expect(dueDatePassedWhenRecorded(undefined, '2026-12-07')).toBe(false);
  });

  it('should announce no notice of an item taken under control after its due date', () => {
    const takeRecordedOn = (recordedOn: string | undefined) =>
      takeUnderControl(
        {
          roundtableId: 'rt-1',
          meetingDate: '2016-11-10',
          published: true,
          resolution: {
            id: 'res-9',
            kind: 'CONTROL_ITEM',
            text: 'Взять на контроль подготовку перечня проектов кластеров.',
            addresseeIds: [MINPROMTORG],
            dueDate: '2017-03-31',
          },
          ...(recordedOn ? { recordedOn } : {}),
        },
        contextAt('2016-11-10T10:10:00.000Z', 'ci-1'),
      ).state;
    const late = takeRecordedOn('2026-12-07');

    expect(late.dueDateRecordedOn).toBe('2026-12-07');
    expect(nextControlNoticeOn(late, 14)).toBeUndefined();
    expect(
      announceControlNotices(late, NOW, FOLLOW_UPS, contextAt(NOW.toISOString())).changes,
    ).toEqual([]);
    // Recorded before it passed (or before the day was kept): announced as before.
    const live = takeRecordedOn('2016-11-10');
    expect(nextControlNoticeOn(live, 14)).toBe('2017-03-17');
    expect(
      announceControlNotices(live, NOW, FOLLOW_UPS, contextAt(NOW.toISOString())).changes,
    ).toEqual([{ kind: 'overdue', dueDate: '2017-03-31', daysOverdue: 3538 }]);
  });

  it('should announce no follow-up of a recommendation adopted after its due date, and show it overdue', () => {
    const adoptedLate = adoptRecommendation(
      aRecommendation(),
      { decidedBy: { kind: 'PERSON', id: CHAIR }, recordedOn: '2026-12-07' },
      contextAt('2016-12-01T09:00:00.000Z'),
    ).state;
    const adoptedInTime = anAdoptedRecommendation({ reviewDate: undefined });

    expect(adoptedLate).toMatchObject({ status: 'ADOPTED', dueDateRecordedOn: '2026-12-07' });
    expect(dueFollowUps({ ...adoptedLate, reviewDate: undefined }, NOW, FOLLOW_UPS)).toEqual([]);
    expect(nextFollowUpDate({ ...adoptedLate, reviewDate: undefined }, FOLLOW_UPS)).toBeUndefined();
    expect(dueFollowUps(adoptedInTime, NOW, FOLLOW_UPS)).toEqual([
      { kind: 'overdue', dueDate: '2017-06-30', daysOverdue: 3447 },
    ]);
  });
});
