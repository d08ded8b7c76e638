import { dayOfWeek } from '@kollegia/service-kit/domain';

import { refusal } from '../request.fixture';
import {
  isOfficialWorkingDay,
  jurisdictionOf,
  PRODUCTION_CALENDARS,
  type Jurisdiction,
} from './production-calendar';

/** The working days of a year by a jurisdiction's official calendar. */
function workingDaysOf(jurisdiction: Jurisdiction, year: number): number {
  let count = 0;
  for (let day = new Date(Date.UTC(year, 0, 1)); day.getUTCFullYear() === year;) {
    if (isOfficialWorkingDay(jurisdiction, day.toISOString().slice(0, 10), 'refuse')) count += 1;
    day = new Date(day.getTime() + 86_400_000);
  }
  return count;
}

describe('Russia’s production calendar', () => {
  it.each([
    ['2017-01-02', false, 'a New Year holiday (art. 112)'],
    ['2017-01-06', false, 'a New Year holiday on a Friday'],
    ['2017-01-08', false, 'the last New Year holiday'],
    ['2017-01-09', true, 'the first working day of 2017'],
    ['2017-02-24', false, 'the day off moved from Sunday 1 January by decree No. 756'],
    ['2017-05-08', false, 'the day off moved from Saturday 7 January'],
    ['2016-02-20', true, 'a Saturday worked for Monday 22 February (decree No. 1017)'],
    ['2016-02-22', false, 'the Monday given off for it'],
    ['2018-11-05', false, 'the Monday after 4 November on a Sunday (art. 112 part 2)'],
    ['2024-11-02', true, 'a Saturday worked for Tuesday 30 April (decree No. 1314)'],
    ['2026-01-09', false, 'the day off moved from Saturday 3 January (decree No. 1466)'],
    ['2026-12-31', false, 'the day off moved from Sunday 4 January'],
  ])('should say %s is a working day: %s (%s)', (date, working) => {
    expect(isOfficialWorkingDay('RU', date, 'refuse')).toBe(working);
  });

  it.each([2016, 2017, 2018, 2019, 2021, 2022, 2023, 2025, 2026])(
    'should have 247 working days in %i, as the official calendar',
    (year) => {
      expect(workingDaysOf('RU', year)).toBe(247);
    },
  );

  it.each([2020, 2024])('should have 248 working days in %i, as the official calendar', (year) => {
    expect(workingDaysOf('RU', year)).toBe(248);
  });
});

describe('Belarus’s production calendar', () => {
  it.each([
    ['2019-05-07', false, 'Radunitsa'],
    ['2019-05-06', false, 'a Monday moved to Saturday 4 May (resolution No. 906)'],
    ['2019-05-04', true, 'the Saturday worked for it'],
    ['2019-11-16', true, 'the Saturday worked for Friday 8 November'],
    ['2021-01-08', false, 'a Friday moved to Saturday 16 January (resolution No. 635)'],
    ['2022-01-02', false, 'New Year, a holiday since 2020, on a Sunday'],
    ['2022-01-03', true, 'the Monday after it: a Belarusian holiday on a weekend is not moved'],
    ['2026-04-20', false, 'the Monday before Radunitsa, moved to Saturday 25 April (No. 397)'],
    ['2026-04-25', true, 'the Saturday worked for it'],
  ])('should say %s is a working day: %s (%s)', (date, working) => {
    expect(isOfficialWorkingDay('BY', date, 'refuse')).toBe(working);
  });
});

describe('each calendar’s data', () => {
  it.each(Object.values(PRODUCTION_CALENDARS).map((c) => [c.jurisdiction, c] as const))(
    'should cite an act for every year of %s and list working weekend days that are weekends',
    (_, calendar) => {
      for (const [year, data] of Object.entries(calendar.years)) {
        expect(data?.source.act).toContain(year);
        for (const monthDay of data?.workingWeekendDays ?? []) {
          expect([0, 6]).toContain(dayOfWeek(`${year}-${monthDay}`));
        }
      }
    },
  );

  it('should cover 2016–2027 with a calendar or a reason for leaving the year out', () => {
    for (const calendar of Object.values(PRODUCTION_CALENDARS)) {
      for (let year = 2016; year <= 2027; year += 1) {
        expect(calendar.years[year] ?? calendar.missing[year]).toBeDefined();
      }
    }
  });
});

describe('a year without a calendar', () => {
  it('should be refused, naming the year and the jurisdiction, when working days are counted', () => {
    const error = refusal(() => isOfficialWorkingDay('BY', '2020-03-02', 'refuse'));

    expect(error).toMatchObject({
      code: 'CONFLICT',
      details: { reason: 'NO_PRODUCTION_CALENDAR', jurisdiction: 'BY', year: 2020 },
    });
    expect(error.message).toContain('no official working-day calendar of BY for 2020');
  });

  it('should read weekends and fixed-date holidays only when a last day is moved off a day off', () => {
    expect(isOfficialWorkingDay('RU', '2027-01-08', 'statutory')).toBe(false);
    expect(isOfficialWorkingDay('RU', '2027-01-11', 'statutory')).toBe(true);
  });
});

describe('jurisdictionOf', () => {
  it.each([
    ['BY', 'BY'],
    ['by', 'BY'],
    ['RU', 'RU'],
    ['KZ', 'RU'],
    [undefined, 'RU'],
  ])('should choose the procedure of %s as %s', (country, jurisdiction) => {
    expect(jurisdictionOf(country)).toBe(jurisdiction);
  });
});
