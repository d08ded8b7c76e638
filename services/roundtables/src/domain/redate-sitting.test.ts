import { aLiveRoundtable, contextAt, refusal, TENANT } from './roundtable.fixture';
import { redateSitting, scheduledSpan, spanMapping } from './redate-sitting';
import type { Roundtable } from './roundtable';
import type { Statement } from './statement';

const at = (iso: string) => new Date(iso);
const context = contextAt('2026-12-07T10:00:00.000Z');

/** A 2016 sitting typed up on 7 December 2026 between 09:00 and 09:20, as the old API dated it. */
function typedUpToday(overrides: Partial<Roundtable> = {}): Roundtable {
  return aLiveRoundtable({
    status: 'CONCLUDED',
    startedAt: at('2026-12-07T09:00:00.000Z'),
    concludedAt: at('2026-12-07T09:20:00.000Z'),
    agenda: [
      { id: 'item-1', title: 'Опыт Германии и Китая', status: 'DISCUSSED' },
      { id: 'item-2', title: 'Кластеры и диверсификация ОПК', status: 'DISCUSSED' },
    ],
    statementCount: 2,
    lastStatementSequence: 2,
    ...overrides,
  });
}

function statement(sequence: number, occurredAt: string, revision?: number): Statement {
  return {
    id: `st-${sequence}`,
    tenantId: TENANT,
    roundtableId: 'rt-1',
    sequence,
    speaker: { kind: 'PERSON', id: 'person-speaker' },
    text: `Реплика ${sequence}`,
    recordedAt: at(occurredAt),
    occurredAt: at(occurredAt),
    ...(revision === undefined ? {} : { revision }),
  };
}

/** 10 November 2016, 08:00 to 10:00 UTC (11:00 to 13:00 in Moscow): twice as long as typed. */
const schedule = {
  startedAt: at('2016-11-10T08:00:00.000Z'),
  concludedAt: at('2016-11-10T08:40:00.000Z'),
};

describe('spanMapping', () => {
  const from = { startedAt: at('2026-12-07T09:00:00Z'), concludedAt: at('2026-12-07T09:20:00Z') };
  const to = { startedAt: at('2016-11-10T08:00:00Z'), concludedAt: at('2016-11-10T10:00:00Z') };

  it('should map the ends onto the ends and a moment between in proportion', () => {
    const move = spanMapping(from, to);

    expect(move(at('2026-12-07T09:00:00Z'))).toEqual(to.startedAt);
    expect(move(at('2026-12-07T09:05:00Z'))).toEqual(at('2016-11-10T08:30:00Z'));
    expect(move(at('2026-12-07T09:20:00Z'))).toEqual(to.concludedAt);
  });

  it('should take a moment outside the old span to its nearest end', () => {
    const move = spanMapping(from, to);

    expect(move(at('2026-12-07T08:00:00Z'))).toEqual(to.startedAt);
    expect(move(at('2026-12-08T09:00:00Z'))).toEqual(to.concludedAt);
  });

  it('should map everything to the new start when the old span has no length', () => {
    const move = spanMapping({ startedAt: from.startedAt, concludedAt: from.startedAt }, to);

    expect(move(from.startedAt)).toEqual(to.startedAt);
    expect(move(at('2026-12-07T09:10:00Z'))).toEqual(to.startedAt);
  });
});

describe('redateSitting', () => {
  it('should move the sitting, its questions and statements linearly, each moved statement a revision up', () => {
    const sitting = typedUpToday({
      agenda: [
        {
          id: 'item-1',
          title: 'Опыт Германии и Китая',
          status: 'DISCUSSED',
          openedAt: at('2026-12-07T09:00:00.000Z'),
          closedAt: at('2026-12-07T09:10:00.000Z'),
        },
        { id: 'item-2', title: 'Кластеры и диверсификация ОПК', status: 'PENDING' },
      ],
      lastStatementAt: at('2026-12-07T09:15:00.000Z'),
    });
    const statements = [
      statement(1, '2026-12-07T09:05:00.000Z'),
      statement(2, '2026-12-07T09:15:00.000Z', 3),
    ];

    const decision = redateSitting(sitting, statements, schedule, context);

    expect(decision.state).toEqual({
      ...sitting,
      startedAt: schedule.startedAt,
      concludedAt: schedule.concludedAt,
      agenda: [
        {
          ...sitting.agenda[0],
          openedAt: at('2016-11-10T08:00:00.000Z'),
          closedAt: at('2016-11-10T08:20:00.000Z'),
        },
        sitting.agenda[1],
      ],
      lastStatementAt: at('2016-11-10T08:30:00.000Z'),
      updatedAt: context.now,
    });
    expect(decision.changes).toEqual([
      {
        kind: 'redated',
        previous: { startedAt: sitting.startedAt, concludedAt: sitting.concludedAt },
      },
    ]);
    expect(decision.statements).toEqual([
      { ...statements[0], occurredAt: at('2016-11-10T08:10:00.000Z'), revision: 1 },
      { ...statements[1], occurredAt: at('2016-11-10T08:30:00.000Z'), revision: 4 },
    ]);
    // When they were entered stays.
    expect(decision.statements.map((s) => s.recordedAt)).toEqual(
      statements.map((s) => s.recordedAt),
    );
  });

  it('should change nothing and announce nothing for the times it has', () => {
    const sitting = typedUpToday();

    const decision = redateSitting(
      sitting,
      [statement(1, '2026-12-07T09:05:00.000Z')],
      { startedAt: sitting.startedAt!, concludedAt: sitting.concludedAt! },
      context,
    );

    expect(decision).toEqual({ state: sitting, changes: [], statements: [] });
  });

  it('should leave out a statement whose moment does not move', () => {
    const sitting = typedUpToday();
    const start = statement(1, '2026-12-07T09:00:00.000Z');

    const decision = redateSitting(
      sitting,
      [start],
      { startedAt: sitting.startedAt!, concludedAt: at('2026-12-07T09:40:00.000Z') },
      context,
    );

    expect(decision.statements).toEqual([]);
    expect(decision.changes).toHaveLength(1);
  });

  it('should refuse a sitting that has not concluded, naming its status', () => {
    const error = refusal(() => redateSitting(aLiveRoundtable(), [], schedule, context));

    expect(error).toMatchObject({
      code: 'CONFLICT',
      message: 'a LIVE round table cannot be redated (status LIVE)',
      details: { currentState: 'LIVE' },
    });
  });

  it('should refuse once the minutes are approved', () => {
    const approved = typedUpToday({ minutesApprovedAt: at('2026-12-07T09:30:00.000Z') });

    const error = refusal(() => redateSitting(approved, [], schedule, context));

    expect(error).toMatchObject({
      code: 'CONFLICT',
      message:
        'the minutes of round table rt-1 are APPROVED and cannot be redated (status APPROVED)',
      details: { currentState: 'APPROVED' },
    });
  });

  it('should refuse a moment in the future beyond the clock skew', () => {
    const error = refusal(() =>
      redateSitting(
        typedUpToday(),
        [],
        { startedAt: schedule.startedAt, concludedAt: at('2026-12-07T10:02:01.000Z') },
        context,
      ),
    );

    expect(error).toMatchObject({
      code: 'BAD_USER_INPUT',
      details: { field: 'concludedAt' },
      message: 'concludedAt: must not be in the future (now is 2026-12-07T10:00:00.000Z)',
    });
  });

  it('should refuse a conclusion not after the start', () => {
    const error = refusal(() =>
      redateSitting(
        typedUpToday(),
        [],
        { startedAt: schedule.startedAt, concludedAt: schedule.startedAt },
        context,
      ),
    );

    expect(error).toMatchObject({
      code: 'BAD_USER_INPUT',
      details: { field: 'concludedAt' },
      message: 'concludedAt: must be after startedAt (2016-11-10T08:00:00.000Z)',
    });
  });
});

describe('scheduledSpan', () => {
  it('should put a sitting typed up days after its schedule onto its schedule', () => {
    expect(scheduledSpan(typedUpToday())).toEqual({
      startedAt: at('2016-11-10T08:00:00.000Z'),
      concludedAt: at('2016-11-10T10:00:00.000Z'),
    });
  });

  it('should keep the recorded length when the schedule has no end', () => {
    expect(scheduledSpan(typedUpToday({ endsAt: undefined }))).toEqual({
      startedAt: at('2016-11-10T08:00:00.000Z'),
      concludedAt: at('2016-11-10T08:20:00.000Z'),
    });
  });

  it('should leave a sitting that started within a day of its scheduled end', () => {
    const onTime = typedUpToday({
      startedAt: at('2016-11-11T10:00:00.000Z'),
      concludedAt: at('2016-11-11T11:00:00.000Z'),
    });

    expect(scheduledSpan(onTime)).toBeUndefined();
  });

  it('should leave a sitting bearing moments only the record of when things happened writes', () => {
    expect(scheduledSpan(typedUpToday({ lastStatementAt: at('2026-12-07T09:10:00Z') }))).toBe(
      undefined,
    );
    const opened = typedUpToday();
    opened.agenda = [{ ...opened.agenda[0]!, openedAt: at('2026-12-07T09:01:00Z') }];
    expect(scheduledSpan(opened)).toBeUndefined();
  });

  it('should leave sittings not concluded, or with approved minutes', () => {
    expect(scheduledSpan(typedUpToday({ status: 'CANCELLED' }))).toBeUndefined();
    expect(
      scheduledSpan(typedUpToday({ minutesApprovedAt: at('2026-12-07T09:30:00Z') })),
    ).toBeUndefined();
  });
});
