import dayjs from 'dayjs';
import 'dayjs/locale/ru';

import type {
  AgendaItemStatus,
  Attendance,
  CommunityStatus,
  OrganizationKind,
  ParticipantRole,
  RoundtableStatus,
} from './generated/graphql';

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

/** «7 декабря 2026, 14:05» in the browser's time zone. */
export function dateTime(iso: string): string {
  return dayjs(iso).format('D MMMM YYYY, HH:mm');
}

/** «14:05:12»: a line of the minutes. */
export function timeOfDay(iso: string): string {
  return dayjs(iso).format('HH:mm:ss');
}
