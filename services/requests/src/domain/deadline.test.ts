import {
  addTerm,
  answerDeadline,
  deadlinePolicy,
  daysUntil,
  type DayCounting,
  extendedDeadline,
  isPast,
  isWorkingDay,
  policyFor,
  procedurePolicy,
  registrationDeadline,
} from './deadline';
import { POLICY, refusal, RUSSIAN_HOLIDAYS } from './request.fixture';

const WORKING = deadlinePolicy({ dayCount: 'WORKING', holidays: RUSSIAN_HOLIDAYS });
/** Working days by Russia's official calendar (the tenant gives no holidays of its own). */
const OFFICIAL_WORKING = deadlinePolicy({ dayCount: 'WORKING' });

describe('deadlinePolicy', () => {
  it('should follow 59-FZ when nothing is set: 3 days to register, 30 to answer, one extension of 30', () => {
    expect(deadlinePolicy()).toEqual({
      jurisdiction: 'RU',
      registrationDays: 3,
      answerDays: 30,
      maxExtensionDays: 30,
      dayCount: 'CALENDAR',
      holidays: [],
      workingWeekendDays: [],
      rollToWorkingDay: true,
      timeZone: 'Europe/Moscow',
      dueSoonDays: 5,
    });
    expect(deadlinePolicy()).toEqual(procedurePolicy('RU'));
  });

  it('should follow the Belarusian law (300-З) for a Belarusian addressee: 15 days to answer, in Minsk', () => {
    expect(deadlinePolicy({ jurisdiction: 'BY' })).toEqual({
      jurisdiction: 'BY',
      registrationDays: 1,
      answerDays: 15,
      maxExtensionDays: 16,
      dayCount: 'CALENDAR',
      holidays: [],
      workingWeekendDays: [],
      rollToWorkingDay: true,
      timeZone: 'Europe/Minsk',
      dueSoonDays: 5,
    });
  });

  it('should refuse a jurisdiction without a procedure when one is given', () => {
    const error = refusal(() => deadlinePolicy({ jurisdiction: 'KZ' as 'RU' }));

    expect(error).toMatchObject({ code: 'BAD_USER_INPUT', details: { field: 'jurisdiction' } });
  });

  it('should sort the holidays and drop repeats when given in any order', () => {
    expect(
      deadlinePolicy({ holidays: ['2017-01-02', '2017-01-01', '2017-01-02'] }).holidays,
    ).toEqual(['2017-01-01', '2017-01-02']);
  });

  it.each([
    ['registrationDays', { registrationDays: 0 }, 'must be a whole number of days from 1 to 365'],
    ['answerDays', { answerDays: 2.5 }, 'must be a whole number of days from 1 to 365'],
    ['maxExtensionDays', { maxExtensionDays: -1 }, 'must be a whole number of days from 0 to 365'],
    ['dueSoonDays', { dueSoonDays: 61 }, 'must be a whole number of days from 0 to 60'],
    ['holidays', { holidays: ['2017-02-30'] }, 'must be a date YYYY-MM-DD'],
    ['timeZone', { timeZone: 'Moscow' }, 'must be an IANA time zone such as Europe/Moscow'],
  ])('should refuse %s when it is out of range', (field, settings, message) => {
    const error = refusal(() => deadlinePolicy(settings));

    expect(error).toMatchObject({
      code: 'BAD_USER_INPUT',
      message: `${field}: ${message}`,
      details: { field },
    });
  });
});

describe('policyFor', () => {
  const policies = {
    default: { holidays: RUSSIAN_HOLIDAYS },
    byAddresseeKind: {
      PARLIAMENTARY_COMMITTEE: { answerDays: 60, dayCount: 'WORKING' as const },
      REGIONAL_AUTHORITY: { timeZone: 'Europe/Volgograd', registrationDays: undefined },
    },
  };

  it('should lay the addressee kind’s settings over the tenant’s when the kind has some', () => {
    expect(policyFor(policies, 'PARLIAMENTARY_COMMITTEE')).toEqual({
      ...POLICY,
      answerDays: 60,
      dayCount: 'WORKING',
    });
  });

  it('should keep a setting when an override leaves it undefined', () => {
    expect(policyFor(policies, 'REGIONAL_AUTHORITY')).toEqual({
      ...POLICY,
      timeZone: 'Europe/Volgograd',
    });
  });

  it('should take the tenant’s policy when the kind has no settings or none is known', () => {
    expect(policyFor(policies, 'MINISTRY')).toEqual(POLICY);
    expect(policyFor(policies)).toEqual(POLICY);
  });

  it('should start from the addressee’s jurisdiction and still let the tenant override it', () => {
    expect(policyFor({ default: {} }, 'MINISTRY', 'BY')).toEqual(procedurePolicy('BY'));
    expect(policyFor(policies, 'PARLIAMENTARY_COMMITTEE', 'BY')).toMatchObject({
      jurisdiction: 'BY',
      registrationDays: 1,
      answerDays: 60,
      dayCount: 'WORKING',
      timeZone: 'Europe/Minsk',
    });
  });
});

describe('isWorkingDay', () => {
  const transferred = deadlinePolicy({
    holidays: ['2016-02-22', '2016-02-23'],
    workingWeekendDays: ['2016-02-20'],
  });

  it.each([
    ['2016-02-19', true, 'a Friday'],
    ['2016-02-20', true, 'a Saturday made a working day'],
    ['2016-02-21', false, 'a Sunday'],
    ['2016-02-22', false, 'a Monday given off'],
    ['2016-02-23', false, 'a holiday'],
    ['2016-02-24', true, 'a Wednesday'],
  ])('should say %s is %s as %s', (date, expected) => {
    expect(isWorkingDay(date, transferred)).toBe(expected);
  });
});

describe('addTerm in calendar days', () => {
  it('should end a 30-day term on the next working day when it falls in the New Year holidays', () => {
    expect(addTerm(POLICY, '2016-12-07', 30)).toBe('2017-01-09');
  });

  it('should end it on the holiday itself when the policy does not move deadlines off days off', () => {
    expect(addTerm({ ...POLICY, rollToWorkingDay: false }, '2016-12-07', 30)).toBe('2017-01-06');
  });

  it('should end it off the New Year holidays by Russia’s official calendar when the tenant gives none', () => {
    expect(addTerm(deadlinePolicy(), '2016-12-07', 30)).toBe('2017-01-09');
  });

  it('should end it off Radunitsa by Belarus’s official calendar for a Belarusian addressee', () => {
    // 2 April 2019 + 35 days = Tuesday 7 May, Radunitsa; 8 May was transferred off too.
    expect(addTerm(deadlinePolicy({ jurisdiction: 'BY' }), '2019-04-02', 35)).toBe('2019-05-10');
  });

  it('should move a last day off weekends and fixed-date holidays when its year has no calendar', () => {
    // 2 December 2026 + 30 days = 1 January 2027: no 2027 calendar yet; 1–8 January are fixed.
    expect(addTerm(deadlinePolicy(), '2026-12-02', 30)).toBe('2027-01-11');
  });

  it('should move a term that ends on a Saturday to the Monday', () => {
    expect(addTerm(POLICY, '2016-12-07', 3)).toBe('2016-12-12');
  });

  it.each([
    ['2016-01-31', '2016-03-01', 'through a leap February'],
    ['2017-01-31', '2017-03-02', 'through a common February'],
    ['2016-11-30', '2016-12-30', 'from a month of 30 days'],
  ])('should count 30 days from %s to %s %s', (from, to) => {
    expect(addTerm(POLICY, from, 30)).toBe(to);
  });
});

describe('addTerm in working days', () => {
  it('should skip the weekend and the New Year holidays when counting ten working days', () => {
    // Dec 27, 28, 29, 30, then Jan 9, 10, 11, 12, 13, 16.
    expect(addTerm(WORKING, '2016-12-26', 10)).toBe('2017-01-16');
  });

  it('should skip Defender’s Day and the bridge after it when counting five working days', () => {
    // Feb 21, 22, then 27, 28, Mar 1.
    expect(addTerm(WORKING, '2017-02-20', 5)).toBe('2017-03-01');
  });

  it('should count a transferred working Saturday when the calendar has one', () => {
    const policy = deadlinePolicy({
      dayCount: 'WORKING',
      holidays: ['2016-02-22', '2016-02-23'],
      workingWeekendDays: ['2016-02-20'],
    });

    // Feb 19 (Fri), 20 (working Sat), then 24 (Wed).
    expect(addTerm(policy, '2016-02-18', 3)).toBe('2016-02-24');
  });

  it('should start counting the day after when the request arrives on a day off', () => {
    expect(addTerm(WORKING, '2017-01-07', 1)).toBe('2017-01-09');
  });

  it('should count by Russia’s official calendar when the tenant gives none', () => {
    // Dec 27, 28, 29, 30, then Jan 9, 10, 11, 12, 13, 16 — as with the tenant's own list above.
    expect(addTerm(OFFICIAL_WORKING, '2016-12-26', 10)).toBe('2017-01-16');
    // 2016: Saturday 20 February was worked for Monday 22 February.
    expect(addTerm(OFFICIAL_WORKING, '2016-02-18', 3)).toBe('2016-02-24');
  });

  it('should refuse a term that runs into a year without an official calendar, naming it', () => {
    const error = refusal(() => addTerm(OFFICIAL_WORKING, '2026-12-20', 10));

    expect(error).toMatchObject({
      code: 'CONFLICT',
      details: { reason: 'NO_PRODUCTION_CALENDAR', jurisdiction: 'RU', year: 2027 },
    });
    expect(error.message).toMatch(/^no official working-day calendar of RU for 2027 \(/);
  });
});

describe('registrationDeadline', () => {
  it('should count from the next day in Moscow when the request is sent at 23:30 UTC', () => {
    expect(registrationDeadline(POLICY, new Date('2016-12-04T23:30:00.000Z'))).toEqual({
      stage: 'REGISTRATION',
      dueOn: '2016-12-08',
      dueAt: new Date('2016-12-08T20:59:59.999Z'),
    });
  });

  it('should count from the same day when it is sent at 20:30 UTC, still the evening in Moscow', () => {
    expect(registrationDeadline(POLICY, new Date('2016-12-04T20:30:00.000Z'))).toEqual({
      stage: 'REGISTRATION',
      dueOn: '2016-12-07',
      dueAt: new Date('2016-12-07T20:59:59.999Z'),
    });
  });

  it('should end the day in the addressee’s zone when it sits in Vladivostok', () => {
    const vladivostok = deadlinePolicy({ timeZone: 'Asia/Vladivostok' });

    expect(registrationDeadline(vladivostok, new Date('2016-12-04T14:30:00.000Z'))).toEqual({
      stage: 'REGISTRATION',
      dueOn: '2016-12-08',
      dueAt: new Date('2016-12-08T13:59:59.999Z'),
    });
  });
});

describe('answerDeadline and extendedDeadline', () => {
  it('should give the answer deadline 30 days after registration, off the holidays', () => {
    expect(answerDeadline(POLICY, '2016-12-07')).toEqual({
      stage: 'ANSWER',
      dueOn: '2017-01-09',
      dueAt: new Date('2017-01-09T20:59:59.999Z'),
    });
  });

  it('should count the extension from the current deadline when it is extended by 30 days', () => {
    const current = answerDeadline(POLICY, '2016-12-07');

    expect(extendedDeadline(POLICY, current, 30)).toEqual({
      stage: 'ANSWER',
      dueOn: '2017-02-08',
      dueAt: new Date('2017-02-08T20:59:59.999Z'),
    });
  });

  it('should count the extension in working days when the policy does', () => {
    const current = { stage: 'ANSWER' as const, dueOn: '2017-02-20', dueAt: new Date(0) };

    expect(extendedDeadline(WORKING, current, 5).dueOn).toBe('2017-03-01');
  });
});

describe('daysUntil and isPast', () => {
  const due = answerDeadline(POLICY, '2016-12-07');
  const calendarDays: DayCounting = { ...procedurePolicy('RU'), dayCount: 'CALENDAR' };
  const workingDays: DayCounting = { ...procedurePolicy('RU'), dayCount: 'WORKING' };

  it.each([
    ['2017-01-04T09:00:00.000Z', 5],
    ['2017-01-09T20:59:59.999Z', 0],
    ['2017-01-09T21:00:00.000Z', -1],
  ])('should count the calendar days left at %s as %i', (iso, days) => {
    expect(daysUntil(due, new Date(iso), calendarDays)).toBe(days);
  });

  it.each([
    ['2016-12-29T09:00:00.000Z', 2, 'Dec 30 and Jan 9 left after today (the holidays between)'],
    ['2017-01-04T09:00:00.000Z', 1, 'only Jan 9 left in the New Year holidays'],
    ['2017-01-09T09:00:00.000Z', 0, 'on the last day'],
    ['2017-01-11T09:00:00.000Z', -2, 'two working days after it'],
    ['2017-01-14T09:00:00.000Z', -4, 'on the Saturday after Jan 10–13'],
  ])('should count working days at %s as %i: %s', (iso, days) => {
    expect(daysUntil(due, new Date(iso), workingDays)).toBe(days);
  });

  it('should read a deadline passed on a Friday as −1 on the Saturday, in working days', () => {
    const friday = { stage: 'ANSWER' as const, dueOn: '2017-01-13', dueAt: new Date(0) };

    expect(daysUntil(friday, new Date('2017-01-14T09:00:00.000Z'), workingDays)).toBe(-1);
  });

  it('should not have passed at the last millisecond of the last day in Moscow', () => {
    expect(isPast(due, new Date('2017-01-09T20:59:59.999Z'))).toBe(false);
    expect(isPast(due, new Date('2017-01-09T21:00:00.000Z'))).toBe(true);
  });
});
