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
