// How generated documents write dates and times: in Russian, in the documents' time zone.

// Building an Intl formatter costs far more than using one; minutes format thousands of times.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(kind: 'day' | 'time', timeZone: string): Intl.DateTimeFormat {
  const key = `${kind}:${timeZone}`;
  let found = formatters.get(key);
  if (!found) {
    found = new Intl.DateTimeFormat(
      'ru-RU',
      kind === 'day'
        ? { day: 'numeric', month: 'long', year: 'numeric', timeZone }
        : { hour: '2-digit', minute: '2-digit', hour12: false, timeZone },
    );
    formatters.set(key, found);
  }
  return found;
}

/** «10 ноября 2016 г.» for an instant, in the documents' time zone. */
export function formatDay(instant: Date, timeZone: string): string {
  return `${formatter('day', timeZone)
    .format(instant)
    .replace(/\s*г\.$/, '')} г.`;
}

/** «10 ноября 2016 г.» for a calendar date `YYYY-MM-DD`. */
export function formatCalendarDate(date: string): string {
  return formatDay(new Date(`${date}T12:00:00Z`), 'UTC');
}

/** «10–11 ноября 2016 г.», or one day. */
export function formatDateRange(startsOn: string, endsOn: string): string {
  return startsOn === endsOn
    ? formatCalendarDate(startsOn)
    : `${formatCalendarDate(startsOn)} — ${formatCalendarDate(endsOn)}`;
}

/** «11:05» in the documents' time zone. */
export function formatTime(instant: Date, timeZone: string): string {
  return formatter('time', timeZone).format(instant);
}
