import type { Claims } from './auth/claims';
import {
  byUrgency,
  daysFrom,
  endorsingAs,
  mayReportProgress,
  ownEndorsementAction,
  takesEndorsements,
  timelineWords,
  urgencyOf,
  type UrgencyInput,
} from './recommendations';

const TODAY = '2026-12-07';

function recommendation(
  code: string,
  fields: Partial<UrgencyInput> = {},
): UrgencyInput & { code: string } {
  return { code, status: 'ADOPTED', overdue: false, dueDate: null, requests: [], ...fields };
}

describe('urgent recommendations', () => {
  it('should count whole days between two days, across a month', () => {
    expect(daysFrom(TODAY, '2026-12-07')).toBe(0);
    expect(daysFrom(TODAY, '2027-01-01')).toBe(25);
    expect(daysFrom(TODAY, '2026-11-30')).toBe(-7);
  });

  it('should call overdue what the API says is, or what waits on an overdue request', () => {
    expect(urgencyOf(recommendation('a', { overdue: true, dueDate: '2026-12-01' }), TODAY)).toEqual(
      {
        level: 'overdue',
        daysLeft: -6,
      },
    );
    expect(
      urgencyOf(
        recommendation('b', {
          requests: [{ status: 'REGISTERED', overdue: true, daysRemaining: -2 }],
        }),
        TODAY,
      ),
    ).toEqual({ level: 'overdue', daysLeft: -2 });
  });

  it('should call due soon a due date within 14 days or an awaited request within 5 days', () => {
    expect(urgencyOf(recommendation('a', { dueDate: '2026-12-21' }), TODAY)).toEqual({
      level: 'due-soon',
      daysLeft: 14,
    });
    expect(urgencyOf(recommendation('b', { dueDate: '2026-12-22' }), TODAY)).toBeUndefined();
    const asked = (daysRemaining: number) =>
      recommendation('c', { requests: [{ status: 'SUBMITTED', overdue: false, daysRemaining }] });
    expect(urgencyOf(asked(5), TODAY)).toEqual({ level: 'due-soon', daysLeft: 5 });
    expect(urgencyOf(asked(6), TODAY)).toBeUndefined();
  });

  it('should not hurry what is finished, nor on requests already answered', () => {
    expect(
      urgencyOf(recommendation('a', { status: 'IMPLEMENTED', dueDate: '2026-12-01' }), TODAY),
    ).toBeUndefined();
    expect(
      urgencyOf(
        recommendation('b', {
          requests: [{ status: 'ANSWERED', overdue: true, daysRemaining: -3 }],
        }),
        TODAY,
      ),
    ).toBeUndefined();
  });

  it('should order a page overdue first, then due soon, each by the nearest deadline, then the rest as given', () => {
    const page = [
      recommendation('plain-1'),
      recommendation('soon-10', { dueDate: '2026-12-17' }),
      recommendation('overdue-1', { overdue: true, dueDate: '2026-12-06' }),
      recommendation('plain-2', { dueDate: '2027-03-01' }),
      recommendation('soon-2', { dueDate: '2026-12-09' }),
      recommendation('overdue-30', { overdue: true, dueDate: '2026-11-07' }),
      recommendation('done', { status: 'REJECTED', dueDate: '2026-11-01' }),
    ];
    expect(byUrgency(page, TODAY).map((r) => r.code)).toEqual([
      'overdue-30',
      'overdue-1',
      'soon-2',
      'soon-10',
      'plain-1',
      'plain-2',
      'done',
    ]);
    expect(page[0]!.code).toBe('plain-1');
  });
});

describe('what a reader is offered on a recommendation', () => {
  const reader = (roles: Claims['roles'], organization?: string): Claims => ({
    subject: 'acc-1',
    tenant: 'akit',
    roles,
    ...(organization ? { organization } : {}),
  });
  const endorsedBy = (...ids: string[]) => ids.map((id) => ({ party: { id } }));

  it('should let a secretary or an admin endorse for any party, a member as itself, and no one else', () => {
    expect(endorsingAs(reader(['secretary']))).toBe('any-party');
    expect(endorsingAs(reader(['admin']))).toBe('any-party');
    expect(endorsingAs(reader(['member']))).toBe('self');
    expect(endorsingAs(reader(['addressee'], 'org-2'))).toBeUndefined();
    expect(endorsingAs(reader(['partner']))).toBeUndefined();
    expect(endorsingAs(undefined)).toBeUndefined();
  });

  it('should offer a member to take back its own endorsement in any status, and no new one once finished', () => {
    const member = reader(['member']);
    expect(
      ownEndorsementAction(member, { status: 'PROPOSED', endorsements: endorsedBy('org-2') }),
    ).toBe('endorse');
    expect(
      ownEndorsementAction(member, { status: 'IMPLEMENTED', endorsements: endorsedBy('acc-1') }),
    ).toBe('withdraw');
    expect(
      ownEndorsementAction(member, { status: 'IMPLEMENTED', endorsements: [] }),
    ).toBeUndefined();
    expect(takesEndorsements('IN_PROGRESS')).toBe(true);
    expect(takesEndorsements('REJECTED')).toBe(false);
  });

  it('should offer the progress report on an adopted one to the secretary, the responsible and the addressees', () => {
    const adopted = {
      status: 'ADOPTED' as const,
      addressees: [{ id: 'ministry' }],
      responsible: { id: 'office' },
    };
    expect(mayReportProgress(reader(['secretary']), adopted)).toBe(true);
    expect(mayReportProgress(reader(['admin']), adopted)).toBe(true);
    expect(mayReportProgress(reader(['addressee'], 'ministry'), adopted)).toBe(true);
    expect(mayReportProgress(reader(['member'], 'office'), adopted)).toBe(true);
    expect(
      mayReportProgress(reader(['member']), { ...adopted, responsible: { id: 'acc-1' } }),
    ).toBe(true);
    expect(mayReportProgress(reader(['member'], 'other'), adopted)).toBe(false);
    expect(mayReportProgress(reader(['partner'], 'ministry'), adopted)).toBe(false);
    expect(mayReportProgress(reader(['secretary']), { ...adopted, status: 'PROPOSED' })).toBe(
      false,
    );
  });
});

describe('the timeline in words', () => {
  it('should say what happened to a request, and the outcome of an answer, from the entry payload', () => {
    expect(timelineWords({ type: 'ADOPTED', data: {} })).toBe('Принята');
    expect(
      timelineWords({ type: 'REQUEST_RECORDED', data: { request: { kind: 'REGISTERED' } } }),
    ).toBe('Обращение зарегистрировано адресатом');
    expect(
      timelineWords({
        type: 'REQUEST_RECORDED',
        data: { request: { kind: 'ANSWERED', outcome: 'PARTIALLY_ACCEPTED' } },
      }),
    ).toBe('Получен ответ на обращение: поддержано частично');
    expect(timelineWords({ type: 'REQUEST_RECORDED', data: { request: { kind: 'NEW' } } })).toBe(
      'Событие обращения',
    );
  });
});
