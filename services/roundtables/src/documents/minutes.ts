import type { Conference } from '../domain/conference';
import type { Participant, Resolution, Roundtable } from '../domain/roundtable';
import type { Statement } from '../domain/statement';
import {
  type Block,
  bulletList,
  emphasis,
  heading,
  type Line,
  orderedList,
  paragraph,
  strong,
  type TextDocument,
} from './document';
import {
  AGENDA_STATUS,
  FORMAT,
  FORMAT_GENITIVE,
  formatCalendarDate,
  formatDay,
  formatTime,
  RESOLUTION_KIND,
  ROLE,
} from './labels';
import type { NameBook } from './names';

export interface MinutesInput {
  roundtable: Roundtable;
  conference?: Pick<Conference, 'title' | 'city'>;
  /** Every statement, in sequence order. */
  statements: Iterable<Statement>;
  names: NameBook;
  timeZone: string;
}

/** «Иванова Мария Сергеевна (АКИТ РФ)»: a participant with the organisation they speak for. */
export function participantName(participant: Participant, names: NameBook): string {
  const { personId, organizationId } = participant;
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
  const time = `${formatTime(roundtable.startsAt, timeZone)}${
    roundtable.endsAt ? `–${formatTime(roundtable.endsAt, timeZone)}` : ''
  }`;
  const lines: Line[] = [];
  if (conference) {
    lines.push([strong('Мероприятие:'), ` ${conference.title}, ${conference.city}`]);
  }
  lines.push([strong('Дата:'), ` ${formatDay(roundtable.startsAt, timeZone)}, ${time}`]);
  if (roundtable.venue) lines.push([strong('Место:'), ` ${roundtable.venue}`]);
  lines.push([strong('Формат:'), ` ${FORMAT[roundtable.format]}`]);
  lines.push([strong('Модератор:'), ` ${names.party(roundtable.moderator)}`]);
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
  for (const statement of input.statements) {
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
          `${formatTime(statement.recordedAt, timeZone)} ${speakerName(statement, roundtable, names)}:`,
        ),
        ` ${statement.text}`,
      ]),
    );
  }
  if (count === 0) blocks.push(paragraph(['Выступления не записаны.']));
  return { blocks, count };
}

function resolutions(roundtable: Roundtable, names: NameBook): Block[] {
  const adopted = roundtable.resolutions.filter((r) => r.status === 'ADOPTED');
  const withdrawn = roundtable.resolutions.filter((r) => r.status === 'WITHDRAWN');
  const blocks: Block[] = [heading(2, 'Решения')];
  blocks.push(
    adopted.length > 0
      ? orderedList(adopted.map((resolution) => resolutionLines(resolution, names)))
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
          roundtable.agenda.map((item) => [[`${item.title} — ${AGENDA_STATUS[item.status]}`]]),
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
    ],
  };
}
