import type { Jurisdiction } from './calendars/production-calendar';
import type { DayCount } from './deadline';

/**
 * How the law of a jurisdiction makes an addressee register and answer a request, with the
 * articles that say so. The deadline engine counts every term of a procedure the same way
 * (`dayCount`), from the day after the event, in the jurisdiction's official calendar.
 */
export interface DeadlineProcedure {
  jurisdiction: Jurisdiction;
  /** The law on appeals. */
  law: string;
  registrationDays: number;
  registrationBasis: string;
  answerDays: number;
  answerBasis: string;
  /** The most one extension may add. */
  maxExtensionDays: number;
  extensionBasis: string;
  dayCount: DayCount;
  /** Whether a calendar-day term's last day that falls on a day off moves to the next working day. */
  rollToWorkingDay: boolean;
  countingBasis: string;
  /** The default time zone of the jurisdiction's addressees. */
  timeZone: string;
}

/** The procedures by jurisdiction; an addressee's country chooses its default. */
export const DEADLINE_PROCEDURES: Readonly<Record<Jurisdiction, DeadlineProcedure>> = {
  RU: {
    jurisdiction: 'RU',
    law: 'Федеральный закон от 02.05.2006 № 59-ФЗ «О порядке рассмотрения обращений граждан Российской Федерации»',
    registrationDays: 3,
    registrationBasis:
      '59-ФЗ, ст. 8 ч. 3: обязательная регистрация в течение трёх дней с момента поступления',
    answerDays: 30,
    answerBasis: '59-ФЗ, ст. 12 ч. 1: рассмотрение в течение 30 дней со дня регистрации',
    maxExtensionDays: 30,
    extensionBasis:
      '59-ФЗ, ст. 12 ч. 2: в исключительных случаях продление не более чем на 30 дней с уведомлением заявителя',
    dayCount: 'CALENDAR',
    rollToWorkingDay: true,
    countingBasis:
      'Сроки 59-ФЗ — в календарных днях; последний день на нерабочем дне переносится на ближайший рабочий (ГК РФ, ст. 193)',
    timeZone: 'Europe/Moscow',
  },
  BY: {
    jurisdiction: 'BY',
    law: 'Закон Республики Беларусь от 18.07.2011 № 300-З «Об обращениях граждан и юридических лиц»',
    registrationDays: 1,
    registrationBasis:
      'Письменные обращения регистрируются в день поступления, поступившие в нерабочий день — в первый следующий рабочий день (Положение о порядке ведения делопроизводства по обращениям, утв. постановлением Совета Министров от 30.12.2011 № 1786); здесь — не позднее следующего дня',
    answerDays: 15,
    answerBasis:
      '300-З, ст. 17: письменные обращения рассматриваются не позднее пятнадцати дней со дня, следующего за днём регистрации',
    maxExtensionDays: 16,
    extensionBasis:
      '300-З, ст. 17: обращения, требующие дополнительного изучения и проверки, — не позднее одного месяца; одно продление до 16 дней доводит 15-дневный срок до месяца (не более 31 дня)',
    dayCount: 'CALENDAR',
    rollToWorkingDay: true,
    countingBasis:
      'Сроки 300-З — в календарных днях; последний день на нерабочем дне переносится на первый следующий рабочий день',
    timeZone: 'Europe/Minsk',
  },
};
