/** What the inbox reads of a request's deadline (the API's derived fields). */
export interface InboxDeadline {
  overdue: boolean;
  /** Days left, counted as the request's procedure counts them; null when no deadline runs. */
  daysRemaining?: number | null;
  /** Which days those are: calendar or working days of the addressee's calendar. */
  dayCount?: 'CALENDAR' | 'WORKING' | null;
}

/**
 * The inbox's order: overdue first, then by days left (fewest first), then requests with no
 * running deadline; otherwise the API's order (newest sent first) stays.
 */
export function byUrgency<T extends InboxDeadline>(requests: readonly T[]): T[] {
  const rank = (request: T) =>
    request.overdue
      ? 0
      : request.daysRemaining === null || request.daysRemaining === undefined
        ? 2
        : 1;
  const days = (request: T) => request.daysRemaining ?? 0;
  return [...requests].sort((a, b) => rank(a) - rank(b) || days(a) - days(b));
}

/**
 * The days left in words, in the unit the API counted them in: «осталось 3 рабочих дня»,
 * «осталось 5 дней», «последний день», «просрочено на 2 рабочих дня». The board counts no days
 * itself: the requests service does, by the addressee's procedure and production calendar.
 */
export function daysLeftWords(deadline: InboxDeadline): string {
  const days = deadline.daysRemaining;
  if (days === null || days === undefined) return 'срок не идёт';
  if (days === 0 && !deadline.overdue) return 'последний день';
  const words = daysWords(Math.abs(days), deadline.dayCount === 'WORKING');
  return deadline.overdue ? `просрочено на ${words}` : `осталось ${words}`;
}

const plural = new Intl.PluralRules('ru');
const DAY = { one: 'день', few: 'дня', many: 'дней', other: 'дня' } as const;
const WORKING = { one: 'рабочий', few: 'рабочих', many: 'рабочих', other: 'рабочих' } as const;

/** «1 день», «3 дня», «5 дней»; «1 рабочий день», «3 рабочих дня», «5 рабочих дней». */
function daysWords(count: number, working: boolean): string {
  const form = plural.select(count) as keyof typeof DAY;
  return working ? `${count} ${WORKING[form]} ${DAY[form]}` : `${count} ${DAY[form]}`;
}

/** Today (YYYY-MM-DD) in a time zone: the day a registration or an answer is dated by default. */
export function todayIn(timeZone: string, now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone }).format(now);
}
