import dayjs from 'dayjs';
import 'dayjs/locale/ru';

import type {
  AgendaItemStatus,
  AnswerOutcome,
  Attendance,
  CommunityStatus,
  ConferenceKind,
  ConferenceStatus,
  OrganizationKind,
  ParticipantRole,
  RecommendationStatus,
  RecommendationTimelineEntryType,
  RequestDeadlineStage,
  RequestKind,
  RequestStatus,
  ResolutionKind,
  ResolutionStatus,
  RoundtableStatus,
} from './generated/graphql';

// The date pickers (Mantine dates) name months and weekdays through dayjs.
dayjs.locale('ru');

// The API's enums in Russian; the compiler checks that every value has its words.

export const ROUNDTABLE_STATUS: Record<RoundtableStatus, string> = {
  SCHEDULED: 'Запланировано',
  LIVE: 'Идёт',
  CONCLUDED: 'Завершено',
  CANCELLED: 'Отменено',
};

export const AGENDA_STATUS: Record<AgendaItemStatus, string> = {
  PENDING: 'Ожидает',
  IN_DISCUSSION: 'Обсуждается',
  DISCUSSED: 'Обсуждён',
  DEFERRED: 'Отложен',
};

export const PARTICIPANT_ROLE: Record<ParticipantRole, string> = {
  MODERATOR: 'Модератор',
  ORGANIZER: 'Организатор',
  SPEAKER: 'Докладчик',
  EXPERT: 'Эксперт',
  PARTICIPANT: 'Участник',
  OBSERVER: 'Наблюдатель',
};

export const ATTENDANCE: Record<Attendance, string> = {
  REGISTERED: 'зарегистрирован',
  ATTENDED: 'присутствует',
  ABSENT: 'отсутствует',
};

export const COMMUNITY_STATUS: Record<CommunityStatus, string> = {
  ACTIVE: 'действует',
  DISSOLVED: 'распущена',
};

export const ORGANIZATION_KIND: Record<OrganizationKind, string> = {
  AGENCY: 'Ведомство',
  ASSOCIATION: 'Ассоциация',
  BANK: 'Банк',
  CLUSTER: 'Кластер',
  COMPETENCE_CENTER: 'Центр компетенций',
  ENTERPRISE: 'Предприятие',
  EXPERT_CLUB: 'Экспертный клуб',
  IT_VENDOR: 'ИТ-компания',
  MEDIA: 'СМИ',
  MINISTRY: 'Министерство',
  OTHER: 'Другое',
  PARLIAMENTARY_COMMITTEE: 'Комитет парламента',
  PROJECT_OFFICE: 'Проектный офис',
  REGIONAL_AUTHORITY: 'Региональный орган власти',
  RESEARCH_INSTITUTE: 'НИИ',
  TECHNOPARK: 'Технопарк',
  UNIVERSITY: 'Вуз',
};

export const RESOLUTION_KIND: Record<ResolutionKind, string> = {
  RECOMMENDATION: 'Рекомендация',
  DECISION: 'Решение',
  CONTROL_ITEM: 'Взять на контроль',
  QUESTION_TO_REGULATOR: 'Вопрос регулятору',
};

export const RESOLUTION_STATUS: Record<ResolutionStatus, string> = {
  PROPOSED: 'предложено',
  ADOPTED: 'принято',
  WITHDRAWN: 'отозвано',
};

export const CONFERENCE_KIND: Record<ConferenceKind, string> = {
  CONFERENCE: 'Конференция',
  FORUM: 'Форум',
  SEMINAR: 'Семинар',
  STRATEGIC_SESSION: 'Стратегическая сессия',
  WORKING_MEETING: 'Рабочее совещание',
};

export const CONFERENCE_STATUS: Record<ConferenceStatus, string> = {
  PLANNED: 'Запланирована',
  OPEN: 'Идёт',
  CLOSED: 'Завершена',
};

export const REQUEST_KIND: Record<RequestKind, string> = {
  APPEAL: 'Обращение',
  INFORMATION_REQUEST: 'Запрос информации',
  PROPOSAL: 'Предложение',
  QUESTION: 'Вопрос',
};

export const REQUEST_STATUS: Record<RequestStatus, string> = {
  DRAFT: 'Проект',
  SUBMITTED: 'Поступило',
  REGISTERED: 'Зарегистрировано',
  ANSWERED: 'Дан ответ',
  CLOSED: 'Закрыто',
  WITHDRAWN: 'Отозвано',
};

export const DEADLINE_STAGE: Record<RequestDeadlineStage, string> = {
  REGISTRATION: 'срок регистрации',
  ANSWER: 'срок ответа',
};

export const ANSWER_OUTCOME: Record<AnswerOutcome, string> = {
  ACCEPTED: 'Поддержано',
  PARTIALLY_ACCEPTED: 'Поддержано частично',
  DECLINED: 'Отклонено',
  INFORMATION_ONLY: 'Принято к сведению',
};

export const RECOMMENDATION_STATUS: Record<RecommendationStatus, string> = {
  DRAFT: 'Черновик',
  PROPOSED: 'Предложена',
  ADOPTED: 'Принята',
  IN_PROGRESS: 'Исполняется',
  IMPLEMENTED: 'Исполнена',
  PARTIALLY_IMPLEMENTED: 'Исполнена частично',
  REJECTED: 'Отклонена',
  WITHDRAWN: 'Отозвана',
  SUPERSEDED: 'Заменена',
};

export const RECOMMENDATION_EVENT: Record<RecommendationTimelineEntryType, string> = {
  DRAFTED: 'Составлена',
  PROPOSED: 'Предложена',
  REVISED: 'Изменена',
  RENUMBERED: 'Получила новый код',
  ADOPTED: 'Принята',
  ENDORSED: 'Поддержана',
  ENDORSEMENT_WITHDRAWN: 'Поддержка отозвана',
  REQUEST_RECORDED: 'Событие обращения',
  IN_PROGRESS: 'Начато исполнение',
  PROGRESS_REPORTED: 'Отчёт о ходе исполнения',
  DUE_SOON: 'Срок на подходе',
  OVERDUE: 'Срок истёк',
  REVIEW_DUE: 'Пора рассмотреть ход',
  IMPLEMENTED: 'Исполнена',
  PARTLY_IMPLEMENTED: 'Исполнена частично',
  REJECTED: 'Отклонена',
  WITHDRAWN: 'Отозвана',
  SUPERSEDED: 'Заменена',
};

let timeZone = 'Europe/Moscow';

/**
 * The zone every date and time is shown in: the association's (`/config.json`), not the browser's,
 * so a sitting in Moscow reads 10:00 on a laptop in Novosibirsk as on the minutes.
 */
export function showTimesIn(zone: string): void {
  timeZone = zone;
}

function partsOf(iso: string, options: Intl.DateTimeFormatOptions): Record<string, string> {
  const format = new Intl.DateTimeFormat('ru-RU', { timeZone, hourCycle: 'h23', ...options });
  return Object.fromEntries(format.formatToParts(new Date(iso)).map((p) => [p.type, p.value]));
}

/** «7 декабря 2026, 14:05» in the association's time zone. */
export function dateTime(iso: string): string {
  const p = partsOf(iso, {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  });
  return `${p.day} ${p.month} ${p.year}, ${p.hour}:${p.minute}`;
}

/** «14:05:12»: a line of the minutes. */
export function timeOfDay(iso: string): string {
  const p = partsOf(iso, { hour: '2-digit', minute: '2-digit', second: '2-digit' });
  return `${p.hour}:${p.minute}:${p.second}`;
}

/** «10 декабря 2026»: a day the API gives as YYYY-MM-DD (already a day of some calendar). */
export function calendarDay(day: string): string {
  const format = new Intl.DateTimeFormat('ru-RU', {
    timeZone: 'UTC',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  });
  const p = Object.fromEntries(
    format.formatToParts(new Date(`${day}T00:00:00Z`)).map((part) => [part.type, part.value]),
  );
  return `${p.day} ${p.month} ${p.year}`;
}

/** Today (YYYY-MM-DD) in the association's time zone: what due dates are counted from. */
export function today(): string {
  const p = partsOf(new Date().toISOString(), {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  });
  return `${p.year}-${p.month}-${p.day}`;
}

/** «10 ноября 2016», or «10 ноября 2016 — 11 ноября 2016» for days that span. */
export function dayRange(first: string, last: string): string {
  return first === last ? calendarDay(first) : `${calendarDay(first)} — ${calendarDay(last)}`;
}
