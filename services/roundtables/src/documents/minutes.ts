import {
  type Block,
  bulletList,
  emphasis,
  formatCalendarDate,
  formatDay,
  formatTime,
  heading,
  type Line,
  orderedList,
  paragraph,
  strong,
  type TextDocument,
} from '@kollegia/documents';
import type { NameBook } from '@kollegia/service-kit';

import type { Conference } from '../domain/conference';
import {
  type Participant,
  questionsOf,
  type Resolution,
  type Roundtable,
} from '../domain/roundtable';
import type { Statement } from '../domain/statement';
import { AGENDA_STATUS, FORMAT, FORMAT_GENITIVE, RESOLUTION_KIND, ROLE } from './labels';

export interface MinutesInput {
  roundtable: Roundtable;
  conference?: Pick<Conference, 'title' | 'city'>;
  /** Every statement, in sequence order. */
  statements: Iterable<Statement>;
  names: NameBook;
  timeZone: string;
}

/**
 * «Иванова Мария Сергеевна (АКИТ РФ)»: a participant with the organisation they speak for; an
 * unnamed delegation as the minutes describe it, «Минпромторг России: руководство и специалисты
 * министерства (5 чел.)».
 */
export function participantName(participant: Participant, names: NameBook): string {
  const { personId, organizationId, delegation } = participant;
  if (delegation) {
    const count = delegation.headCount === undefined ? '' : ` (${delegation.headCount} чел.)`;
    return `${names.organization(organizationId!)}: ${delegation.description}${count}`;
  }
  if (personId === undefined) return names.organization(organizationId!);
  const person = names.person(personId);
  return organizationId === undefined || names.omitsOrganization(organizationId)
    ? person
    : `${person} (${names.organization(organizationId)})`;
}

function speakerName(statement: Statement, roundtable: Roundtable, names: NameBook): string {
  const { speaker } = statement;
  const seat = roundtable.participants.find((participant) =>
    speaker.kind === 'PERSON'
      ? participant.personId === speaker.id
      : participant.personId === undefined && participant.organizationId === speaker.id,
  );
  return seat ? participantName(seat, names) : names.party(speaker);
}

/** A resolution as the documents print it: what, to whom, who answers, by when. */
export function resolutionLines(resolution: Resolution, names: NameBook): Line[] {
  const lines: Line[] = [[strong(`${RESOLUTION_KIND[resolution.kind]}.`), ` ${resolution.text}`]];
  if (resolution.addresseeIds.length > 0) {
    const addressees = resolution.addresseeIds.map((id) => names.organization(id)).join('; ');
    lines.push([emphasis('Адресаты:'), ` ${addressees}`]);
  }
  if (resolution.responsible) {
    lines.push([emphasis('Ответственный:'), ` ${names.party(resolution.responsible)}`]);
  }
  if (resolution.dueDate) {
    lines.push([emphasis('Срок:'), ` ${formatCalendarDate(resolution.dueDate)}`]);
  }
  return lines;
}

function header(input: MinutesInput): Block[] {
  const { roundtable, conference, names, timeZone } = input;
  // When it sat, as it happened; the schedule when the moments are not on record.
  const began = roundtable.startedAt ?? roundtable.startsAt;
  const ended = roundtable.concludedAt ?? roundtable.endsAt;
  const time = `${formatTime(began, timeZone)}${ended ? `–${formatTime(ended, timeZone)}` : ''}`;
  const lines: Line[] = [];
  if (conference) {
    lines.push([strong('Мероприятие:'), ` ${conference.title}, ${conference.city}`]);
  }
  lines.push([strong('Дата:'), ` ${formatDay(began, timeZone)}, ${time}`]);
  if (roundtable.venue) lines.push([strong('Место:'), ` ${roundtable.venue}`]);
  lines.push([strong('Формат:'), ` ${FORMAT[roundtable.format]}`]);
  lines.push([strong('Модератор:'), ` ${names.party(roundtable.moderator)}`]);
  if (roundtable.source) {
    const { url, title, publisher } = roundtable.source;
    const named = [title, publisher].filter(Boolean).join(', ');
    lines.push([strong('Источник:'), ` ${named ? `${named}, ` : ''}${url}`]);
  }
  return [paragraph(...lines)];
}

function participants(roundtable: Roundtable, names: NameBook): Block[] {
  const present = roundtable.participants.filter((p) => p.attendance !== 'ABSENT');
  const absent = roundtable.participants.filter((p) => p.attendance === 'ABSENT');
  const blocks: Block[] = [heading(2, 'Участники')];
  blocks.push(
    present.length > 0
      ? orderedList(present.map((p) => [[`${participantName(p, names)} — ${ROLE[p.role]}`]]))
      : paragraph(['Участники не зарегистрированы.']),
  );
  if (absent.length > 0) {
    blocks.push(
      paragraph([
        emphasis('Не присутствовали:'),
        ` ${absent.map((p) => participantName(p, names)).join('; ')}`,
      ]),
    );
  }
  return blocks;
}

function discussion(input: MinutesInput): { blocks: Block[]; count: number } {
  const { roundtable, names, timeZone } = input;
  const titles = new Map(
    roundtable.agenda.map((item, index) => [item.id, `${index + 1}. ${item.title}`]),
  );
  const blocks: Block[] = [heading(2, 'Ход обсуждения')];
  let current: string | undefined | null = null;
  let count = 0;
  // In the order said: lines typed up after the sitting take their place among the live ones.
  const said = [...input.statements].sort(
    (a, b) => a.occurredAt.getTime() - b.occurredAt.getTime() || a.sequence - b.sequence,
  );
  for (const statement of said) {
    count += 1;
    // A new sub-heading whenever the question spoken to changes.
    if (statement.agendaItemId !== current) {
      current = statement.agendaItemId;
      blocks.push(
        heading(
          3,
          current === undefined
            ? 'Вне повестки'
            : (titles.get(current) ?? 'Вопрос снят с повестки'),
        ),
      );
    }
    blocks.push(
      paragraph([
        strong(
          `${formatTime(statement.occurredAt, timeZone)} ${speakerName(statement, roundtable, names)}:`,
        ),
        ` ${statement.text}`,
      ]),
    );
  }
  if (count === 0) blocks.push(paragraph(['Выступления не записаны.']));
  return { blocks, count };
}

/** «По вопросам повестки: 1, 3.» — the places of the questions a resolution resolves. */
function questionLine(roundtable: Roundtable, resolution: Resolution): Line[] {
  const places = questionsOf(resolution)
    .map((id) => roundtable.agenda.findIndex((item) => item.id === id) + 1)
    .filter((place) => place > 0);
  if (places.length === 0) return [];
  const label = places.length === 1 ? 'По вопросу повестки:' : 'По вопросам повестки:';
  return [[emphasis(label), ` ${places.join(', ')}`]];
}

function resolutions(roundtable: Roundtable, names: NameBook): Block[] {
  const adopted = roundtable.resolutions.filter((r) => r.status === 'ADOPTED');
  const withdrawn = roundtable.resolutions.filter((r) => r.status === 'WITHDRAWN');
  const blocks: Block[] = [heading(2, 'Решения')];
  blocks.push(
    adopted.length > 0
      ? orderedList(
          adopted.map((resolution) => [
            ...resolutionLines(resolution, names),
            ...questionLine(roundtable, resolution),
          ]),
        )
      : paragraph(['Решения не приняты.']),
  );
  if (withdrawn.length > 0) {
    blocks.push(heading(3, 'Отозванные предложения'));
    blocks.push(
      bulletList(
        withdrawn.map((resolution) => [
          [resolution.text],
          ...(resolution.withdrawReason
            ? [[emphasis('Причина:'), ` ${resolution.withdrawReason}`]]
            : []),
        ]),
      ),
    );
  }
  return blocks;
}

/** The minutes of a concluded round table: header, participants, agenda, discussion, decisions. */
export function roundtableMinutes(input: MinutesInput): TextDocument {
  const { roundtable, names } = input;
  const title = `Протокол ${FORMAT_GENITIVE[roundtable.format]} «${roundtable.title}»`;
  const { blocks: spoken, count } = discussion(input);
  const agenda =
    roundtable.agenda.length > 0
      ? orderedList(
          roundtable.agenda.map((item) => [
            [`${item.title} — ${AGENDA_STATUS[item.status]}`],
            ...(item.result ? [[emphasis('Итог:'), ` ${item.result}`]] : []),
          ]),
        )
      : paragraph(['Повестка не утверждалась.']);
  return {
    title,
    blocks: [
      heading(1, title),
      ...header(input),
      ...participants(roundtable, names),
      heading(2, 'Повестка'),
      agenda,
      ...spoken,
      ...resolutions(roundtable, names),
      paragraph([emphasis(`Всего выступлений: ${count}.`)]),
      paragraph([
        emphasis(
          roundtable.minutesApprovedAt
            ? `Протокол утверждён ${formatDay(roundtable.minutesApprovedAt, input.timeZone)}`
            : 'Проект протокола: не утверждён.',
        ),
      ]),
    ],
  };
}
