import {
  type Block,
  formatDateRange,
  formatDay,
  heading,
  type Line,
  orderedList,
  paragraph,
  strong,
  type TextDocument,
} from '@kollegia/documents';
import type { NameBook } from '@kollegia/service-kit';

import type { Conference } from '../domain/conference';
import type { Roundtable } from '../domain/roundtable';
import { CONFERENCE_KIND_GENITIVE, FORMAT } from './labels';
import { resolutionLines } from './minutes';

export interface ConferenceResolutionsInput {
  conference: Conference;
  /** Its concluded round tables, in the order they sat. */
  roundtables: readonly Roundtable[];
  names: NameBook;
  timeZone: string;
}

/**
 * «Рекомендации по итогам конференции …»: every adopted resolution of the conference's concluded
 * round tables, numbered through, grouped by round table, with addressees, responsible and due date.
 */
export function conferenceResolutions(input: ConferenceResolutionsInput): TextDocument {
  const { conference, names, timeZone } = input;
  const title = `Рекомендации по итогам ${CONFERENCE_KIND_GENITIVE[conference.kind]} «${conference.title}»`;
  const blocks: Block[] = [heading(1, title)];
  const about: Line[] = [
    [`${conference.city}, ${formatDateRange(conference.startsOn, conference.endsOn)}`],
  ];
  if (conference.organizerIds.length > 0) {
    about.push([
      strong('Организаторы:'),
      ` ${conference.organizerIds.map((id) => names.organization(id)).join('; ')}`,
    ]);
  }
  blocks.push(paragraph(...about));
  const sittings = input.roundtables
    .map((roundtable) => ({
      roundtable,
      adopted: roundtable.resolutions.filter((resolution) => resolution.status === 'ADOPTED'),
    }))
    .filter(({ adopted }) => adopted.length > 0);
  const total = sittings.reduce((sum, { adopted }) => sum + adopted.length, 0);
  if (total === 0) {
    blocks.push(paragraph(['Рекомендации и решения ещё не приняты.']));
    return { title, blocks };
  }
  blocks.push(paragraph([`Принято рекомендаций и решений: ${total}.`]));
  let number = 1;
  for (const { roundtable, adopted } of sittings) {
    const kind = FORMAT[roundtable.format];
    blocks.push(heading(2, `${kind[0]!.toUpperCase()}${kind.slice(1)} «${roundtable.title}»`));
    blocks.push(
      paragraph([
        strong('Модератор:'),
        ` ${names.party(roundtable.moderator)}, ${formatDay(roundtable.startsAt, timeZone)}`,
      ]),
    );
    blocks.push(
      orderedList(
        adopted.map((resolution) => resolutionLines(resolution, names)),
        number,
      ),
    );
    number += adopted.length;
  }
  return { title, blocks };
}
