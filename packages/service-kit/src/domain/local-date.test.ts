import {
  addCalendarDays,
  dayOfWeek,
  daysBetween,
  endOfLocalDay,
  localDate,
  startOfLocalDay,
  timeZoneName,
} from './local-date';

describe('localDate', () => {
  it.each([
    ['2016-12-04T23:30:00.000Z', 'Europe/Moscow', '2016-12-05'],
    ['2016-12-04T20:59:59.999Z', 'Europe/Moscow', '2016-12-04'],
    ['2016-12-04T21:00:00.000Z', 'Europe/Moscow', '2016-12-05'],
    ['2016-12-04T14:00:00.000Z', 'Asia/Vladivostok', '2016-12-05'],
    ['2016-12-04T23:30:00.000Z', 'Europe/Kaliningrad', '2016-12-05'],
    ['2017-01-01T03:00:00.000Z', 'America/New_York', '2016-12-31'],
  ])('should read %s as %s’s date %s', (iso, timeZone, date) => {
    expect(localDate(new Date(iso), timeZone)).toBe(date);
  });
});

describe('startOfLocalDay and endOfLocalDay', () => {
  it('should begin and end a Moscow day three hours before UTC’s when the offset is +03:00', () => {
    expect(startOfLocalDay('2016-12-08', 'Europe/Moscow')).toEqual(
      new Date('2016-12-07T21:00:00.000Z'),
    );
    expect(endOfLocalDay('2016-12-08', 'Europe/Moscow')).toEqual(
      new Date('2016-12-08T20:59:59.999Z'),
    );
  });

  it('should use the offset of the time when Moscow kept +04:00 when the date is in 2012', () => {
    expect(endOfLocalDay('2012-06-01', 'Europe/Moscow')).toEqual(
      new Date('2012-06-01T19:59:59.999Z'),
    );
  });

  it('should span 23 hours when the clocks go forward that day', () => {
    const start = startOfLocalDay('2017-03-26', 'Europe/Berlin');
    const end = endOfLocalDay('2017-03-26', 'Europe/Berlin');

    expect(start).toEqual(new Date('2017-03-25T23:00:00.000Z'));
    expect(end).toEqual(new Date('2017-03-26T21:59:59.999Z'));
    expect(end.getTime() + 1 - start.getTime()).toBe(23 * 60 * 60 * 1000);
  });

  it('should span 25 hours when the clocks go back that day', () => {
    const start = startOfLocalDay('2017-10-29', 'Europe/Berlin');
    const end = endOfLocalDay('2017-10-29', 'Europe/Berlin');

    expect(end.getTime() + 1 - start.getTime()).toBe(25 * 60 * 60 * 1000);
  });
});

describe('addCalendarDays', () => {
  it.each([
    ['2016-12-07', 30, '2017-01-06'],
    ['2016-01-31', 30, '2016-03-01'],
    ['2017-01-31', 30, '2017-03-02'],
    ['2017-02-28', 1, '2017-03-01'],
    ['2016-12-31', 1, '2017-01-01'],
    ['2017-03-01', -1, '2017-02-28'],
  ])('should move %s by %i days to %s', (date, days, expected) => {
    expect(addCalendarDays(date, days)).toBe(expected);
  });
});

describe('daysBetween', () => {
  it.each([
    ['2016-12-05', '2016-12-08', 3],
    ['2017-01-09', '2017-01-04', -5],
    ['2016-02-01', '2016-03-01', 29],
  ])('should count from %s to %s as %i', (from, to, days) => {
    expect(daysBetween(from, to)).toBe(days);
  });
});

describe('dayOfWeek', () => {
  it('should know 6 January 2017 was a Friday and the 7th a Saturday', () => {
    expect([dayOfWeek('2017-01-06'), dayOfWeek('2017-01-07'), dayOfWeek('2017-01-08')]).toEqual([
      5, 6, 0,
    ]);
  });
});

describe('timeZoneName', () => {
  it('should refuse a zone the runtime does not know', () => {
    expect(() => timeZoneName('timeZone', 'MSK')).toThrow(
      'timeZone: must be an IANA time zone such as Europe/Moscow',
    );
  });
});

describe('localDate (instants near midnight)', () => {
  it('should give the next day in Moscow when it is 23:30 UTC', () => {
    expect(localDate(new Date('2016-12-04T23:30:00.000Z'), 'Europe/Moscow')).toBe('2016-12-05');
  });

  it('should give the same day in Moscow when it is 20:59 UTC', () => {
    expect(localDate(new Date('2016-12-04T20:59:59.999Z'), 'Europe/Moscow')).toBe('2016-12-04');
  });

  it('should give the previous day when the zone lies west of UTC', () => {
    expect(localDate(new Date('2017-01-01T03:00:00.000Z'), 'America/New_York')).toBe('2016-12-31');
  });
});

describe('daysBetween (month and year ends)', () => {
  it.each([
    ['2016-12-31', '2017-01-01', 1],
    ['2017-02-28', '2017-03-01', 1],
    ['2016-02-28', '2016-03-01', 2],
    ['2017-06-30', '2017-06-16', -14],
    ['2017-06-30', '2017-06-30', 0],
  ])('should count from %s to %s as %i days', (from, to, days) => {
    expect(daysBetween(from, to)).toBe(days);
  });
});

describe('timeZoneName (validation)', () => {
  it('should return the zone when the runtime knows it', () => {
    expect(timeZoneName('timeZone', 'Europe/Volgograd')).toBe('Europe/Volgograd');
  });

  it('should refuse a zone the runtime does not know', () => {
    expect(() => timeZoneName('timeZone', 'Moscow')).toThrow(
      'timeZone: must be an IANA time zone such as Europe/Moscow',
    );
  });
});
