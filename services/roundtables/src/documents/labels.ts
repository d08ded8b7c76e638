import type {
  AgendaItemStatus,
  ConferenceKind,
  ParticipantRole,
  ResolutionKind,
  RoundtableFormat,
} from '@kollegia/events';

// The Russian words documents use for the service's enums.

export const FORMAT: Record<RoundtableFormat, string> = {
  ROUND_TABLE: 'круглый стол',
  PANEL_DISCUSSION: 'панельная дискуссия',
  WORKING_MEETING: 'рабочее совещание',
};

/** «Протокол круглого стола …» */
export const FORMAT_GENITIVE: Record<RoundtableFormat, string> = {
  ROUND_TABLE: 'круглого стола',
  PANEL_DISCUSSION: 'панельной дискуссии',
  WORKING_MEETING: 'рабочего совещания',
};

/** «Рекомендации по итогам конференции …» */
export const CONFERENCE_KIND_GENITIVE: Record<ConferenceKind, string> = {
  CONFERENCE: 'конференции',
  FORUM: 'форума',
  WORKING_MEETING: 'рабочего совещания',
  STRATEGIC_SESSION: 'стратегической сессии',
  SEMINAR: 'семинара',
};

export const ROLE: Record<ParticipantRole, string> = {
  MODERATOR: 'модератор',
  SPEAKER: 'спикер',
  PARTICIPANT: 'участник',
  ORGANIZER: 'организатор',
  EXPERT: 'эксперт',
  OBSERVER: 'наблюдатель',
};

export const AGENDA_STATUS: Record<AgendaItemStatus, string> = {
  PENDING: 'не рассматривался',
  IN_DISCUSSION: 'обсуждается',
  DISCUSSED: 'рассмотрен',
  DEFERRED: 'отложен',
};

export const RESOLUTION_KIND: Record<ResolutionKind, string> = {
  RECOMMENDATION: 'Рекомендация',
  DECISION: 'Решение',
  CONTROL_ITEM: 'Контрольный пункт',
  QUESTION_TO_REGULATOR: 'Вопрос регулятору',
};

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
