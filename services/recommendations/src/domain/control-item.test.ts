import {
  announceControlNotices,
  controlItemOverdue,
  extendControlItem,
  markControlItemDone,
  mayControl,
  mayReportOnControlItem,
  nextControlNoticeOn,
  redateControlItem,
  removeFromControl,
  reportControlItemProgress,
  takeUnderControl,
  type ControlItem,
} from './control-item';
import type { Actor } from './permissions';
import { MINPROMTORG, contextAt, refusal } from './recommendation.fixture';

const TECHNOPARK = 'org-technopark';
const MOSCOW = 'Europe/Moscow';

const secretary: Actor = { subject: 'user-secretary', roles: ['secretary'] };
const ministryUser: Actor = {
  subject: 'user-ministry',
  roles: ['addressee'],
  organizationId: MINPROMTORG,
};
const technoparkUser: Actor = {
  subject: 'user-park',
  roles: ['addressee'],
  organizationId: TECHNOPARK,
};
const memberOfPark: Actor = {
  subject: 'user-member',
  roles: ['member'],
  organizationId: TECHNOPARK,
};
const partnerOfPark: Actor = { subject: 'client', roles: ['partner'], organizationId: TECHNOPARK };
const ministryMember: Actor = { subject: 'user-m', roles: ['member'], organizationId: MINPROMTORG };

function taken(overrides: Partial<ControlItem> = {}): ControlItem {
  const { state } = takeUnderControl(
    {
      conferenceId: 'conf-1',
      roundtableId: 'rt-1',
      meetingDate: '2016-11-10',
      published: true,
      resolution: {
        id: 'res-9',
        kind: 'CONTROL_ITEM',
        text: 'Взять на контроль подготовку перечня проектов кластеров.',
        addresseeIds: [MINPROMTORG],
        responsible: { kind: 'ORGANIZATION', id: TECHNOPARK },
        dueDate: '2017-03-31',
        agendaItemId: 'agenda-2',
      },
    },
    contextAt('2016-11-10T10:10:00.000Z', 'ci-1'),
  );
  return { ...state, ...overrides };
}

const at = '2017-02-01T09:00:00.000Z';

describe('takeUnderControl', () => {
  it('should track a control item at once, controlled by its addressee, with its question and source', () => {
    expect(taken()).toEqual({
      id: 'ci-1',
      tenantId: 'akit',
      version: 1,
      text: 'Взять на контроль подготовку перечня проектов кластеров.',
      controllerId: MINPROMTORG,
      responsible: { kind: 'ORGANIZATION', id: TECHNOPARK },
      dueDate: '2017-03-31',
      source: {
        conferenceId: 'conf-1',
        roundtableId: 'rt-1',
        resolutionId: 'res-9',
        agendaItemId: 'agenda-2',
        meetingDate: '2016-11-10',
      },
      published: true,
      status: 'UNDER_CONTROL',
      takenAt: new Date('2016-11-10T10:10:00.000Z'),
      progress: [],
      extensions: [],
      announced: {},
      createdAt: new Date('2016-11-10T10:10:00.000Z'),
      updatedAt: new Date('2016-11-10T10:10:00.000Z'),
    });
  });

  it('should refuse any other kind of resolution', () => {
    const error = refusal(() =>
      takeUnderControl(
        {
          roundtableId: 'rt-1',
          meetingDate: '2016-11-10',
          published: false,
          resolution: { id: 'r', kind: 'RECOMMENDATION', text: 'x', addresseeIds: [] },
        },
        contextAt(at),
      ),
    );

    expect(error).toMatchObject({
      code: 'BAD_USER_INPUT',
      message: 'resolution.kind: a RECOMMENDATION is not taken under control',
    });
  });
});

describe('who acts on an item under control', () => {
  it.each([
    ['a secretary', secretary, true, true],
    ['an addressee user of the controller', ministryUser, false, true],
    ['an addressee user of the responsible organisation', technoparkUser, true, false],
    ['a member speaking for the responsible organisation', memberOfPark, true, false],
    ['a partner naming the responsible organisation', partnerOfPark, false, false],
    ['a member speaking for the controller (not an addressee user)', ministryMember, false, false],
  ] as const)('should let %s report: %s, control: %s', (_who, actor, reports, controls) => {
    expect(mayReportOnControlItem(taken(), actor)).toBe(reports);
    expect(mayControl(taken(), actor)).toBe(controls);
  });

  it('should let the responsible person report, and leave a workspace-controlled item to secretaries', () => {
    const item = taken({
      responsible: { kind: 'PERSON', id: 'person-1' },
      controllerId: undefined,
    });

    expect(
      mayReportOnControlItem(item, { subject: 'user-1', person: 'person-1', roles: ['member'] }),
    ).toBe(true);
    // An account's id is not a person's, even when it happens to look like one.
    expect(mayReportOnControlItem(item, { subject: 'person-1', roles: ['member'] })).toBe(false);
    expect(mayControl(item, ministryUser)).toBe(false);
    expect(mayControl(item, secretary)).toBe(true);
  });
});

describe('the lifecycle UNDER_CONTROL → DONE | REMOVED', () => {
  it('should record progress by the responsible side', () => {
    const { state, changes } = reportControlItemProgress(
      taken(),
      {
        author: { kind: 'ORGANIZATION', id: TECHNOPARK },
        text: 'Перечень согласован.',
        percent: 60,
      },
      technoparkUser,
      contextAt(at, 'rep-1'),
    );

    const report = {
      id: 'rep-1',
      author: { kind: 'ORGANIZATION', id: TECHNOPARK },
      text: 'Перечень согласован.',
      percent: 60,
      reportedAt: new Date(at),
    };
    expect(state.progress).toEqual([report]);
    expect(changes).toEqual([{ kind: 'progress-reported', report }]);
  });

  it('should refuse progress from the controller side and a percent out of range', () => {
    const command = { author: { kind: 'ORGANIZATION' as const, id: MINPROMTORG }, text: 'x' };
    expect(
      refusal(() => reportControlItemProgress(taken(), command, ministryUser, contextAt(at))),
    ).toMatchObject({ code: 'FORBIDDEN' });
    expect(
      refusal(() =>
        reportControlItemProgress(taken(), { ...command, percent: 101 }, secretary, contextAt(at)),
      ),
    ).toMatchObject({ code: 'BAD_USER_INPUT', details: { field: 'percent' } });
  });

  it('should extend to a later date, keeping the previous one', () => {
    const { state, changes } = extendControlItem(
      taken(),
      { dueDate: '2017-06-30', reason: 'Ждём реестр' },
      ministryUser,
      contextAt(at),
    );

    const extension = {
      previousDueDate: '2017-03-31',
      dueDate: '2017-06-30',
      reason: 'Ждём реестр',
      extendedAt: new Date(at),
    };
    expect(state).toMatchObject({ dueDate: '2017-06-30', extensions: [extension] });
    expect(changes).toEqual([{ kind: 'extended', extension }]);
  });

  it('should refuse an extension to the same or an earlier date, and by the responsible side', () => {
    expect(
      refusal(() =>
        extendControlItem(taken(), { dueDate: '2017-03-31' }, secretary, contextAt(at)),
      ),
    ).toMatchObject({
      code: 'BAD_USER_INPUT',
      message: 'dueDate: must be after the current due date 2017-03-31',
    });
    expect(
      refusal(() =>
        extendControlItem(taken(), { dueDate: '2017-06-30' }, technoparkUser, contextAt(at)),
      ),
    ).toMatchObject({ code: 'FORBIDDEN' });
  });

  it('should mark done and remove from control, then refuse every change naming the status', () => {
    const done = markControlItemDone(taken(), { note: 'Направлено' }, ministryUser, contextAt(at));
    const removed = removeFromControl(
      taken(),
      { reason: 'Решено постановлением' },
      secretary,
      contextAt(at),
    );

    expect(done.state).toMatchObject({
      status: 'DONE',
      closingNote: 'Направлено',
      closedAt: new Date(at),
    });
    expect(removed.state).toMatchObject({
      status: 'REMOVED',
      closingNote: 'Решено постановлением',
    });
    const again = refusal(() =>
      extendControlItem(done.state, { dueDate: '2018-01-01' }, secretary, contextAt(at)),
    );
    expect(again).toMatchObject({
      code: 'CONFLICT',
      message: 'an item that is DONE cannot be extended (status DONE)',
      details: { currentState: 'DONE' },
    });
    expect(
      refusal(() =>
        reportControlItemProgress(
          removed.state,
          { author: { kind: 'ORGANIZATION', id: TECHNOPARK }, text: 'x' },
          technoparkUser,
          contextAt(at),
        ),
      ),
    ).toMatchObject({ code: 'CONFLICT', details: { currentState: 'REMOVED' } });
    expect(
      refusal(() => removeFromControl(taken(), { reason: ' ' }, secretary, contextAt(at))),
    ).toMatchObject({ code: 'BAD_USER_INPUT', details: { field: 'reason' } });
  });
});

describe('due-soon and overdue notices', () => {
  const options = { timeZone: MOSCOW, dueSoonDays: 14 };

  it('should announce due soon once per due date, then overdue once, and again after an extension', () => {
    const item = taken();
    expect(nextControlNoticeOn(item, 14)).toBe('2017-03-17');
    expect(
      announceControlNotices(item, new Date('2017-03-16T09:00:00Z'), options, contextAt(at))
        .changes,
    ).toEqual([]);

    const soon = announceControlNotices(
      item,
      new Date('2017-03-17T09:00:00Z'),
      options,
      contextAt(at),
    );
    expect(soon.changes).toEqual([{ kind: 'due-soon', dueDate: '2017-03-31', daysRemaining: 14 }]);
    expect(
      announceControlNotices(soon.state, new Date('2017-03-18T09:00:00Z'), options, contextAt(at))
        .changes,
    ).toEqual([]);
    expect(nextControlNoticeOn(soon.state, 14)).toBe('2017-04-01');

    const late = announceControlNotices(
      soon.state,
      new Date('2017-04-02T09:00:00Z'),
      options,
      contextAt(at),
    );
    expect(late.changes).toEqual([{ kind: 'overdue', dueDate: '2017-03-31', daysOverdue: 2 }]);
    expect(controlItemOverdue(late.state, new Date('2017-04-02T09:00:00Z'), MOSCOW)).toBe(true);
    expect(nextControlNoticeOn(late.state, 14)).toBeUndefined();

    const extended = extendControlItem(
      late.state,
      { dueDate: '2017-06-30' },
      secretary,
      contextAt(at),
    ).state;
    expect(nextControlNoticeOn(extended, 14)).toBe('2017-06-16');
    expect(controlItemOverdue(extended, new Date('2017-04-02T09:00:00Z'), MOSCOW)).toBe(false);
  });

  it('should announce only overdue for an item already past its date when first seen, and nothing once closed', () => {
    const item = taken();
    const now = new Date('2026-12-07T09:00:00Z');

    const first = announceControlNotices(item, now, options, contextAt(at));
    expect(first.changes).toEqual([{ kind: 'overdue', dueDate: '2017-03-31', daysOverdue: 3538 }]);
    const done = markControlItemDone(item, {}, secretary, contextAt(at)).state;
    expect(announceControlNotices(done, now, options, contextAt(at)).changes).toEqual([]);
    expect(nextControlNoticeOn(done, 14)).toBeUndefined();
  });
});

describe('redateControlItem', () => {
  const context = { now: new Date('2026-12-07T09:00:00.000Z') };
  const sitting = { meetingDate: '2016-11-09', concludedAt: new Date('2016-11-09T10:10:00.000Z') };

  it('should move its meeting day and taking under control to the corrected sitting, in any status, announcing nothing', () => {
    const item = taken({ status: 'DONE' });

    const decision = redateControlItem(item, sitting, context);

    expect(decision.state).toEqual({
      ...item,
      source: { ...item.source, meetingDate: '2016-11-09' },
      takenAt: sitting.concludedAt,
      updatedAt: context.now,
    });
    expect(decision.changes).toEqual([]);
  });

  it('should change nothing when it is there already', () => {
    const item = taken({
      source: { ...taken().source, meetingDate: '2016-11-09' },
      takenAt: new Date(sitting.concludedAt),
    });

    expect(redateControlItem(item, sitting, context).state).toBe(item);
  });
});
