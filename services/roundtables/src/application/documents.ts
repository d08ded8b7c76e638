import type { MemberRef } from '@kollegia/events';
import { type GeneratedDocument, NameBook } from '@kollegia/service-kit';
import { conflict, notFound } from '@kollegia/service-kit/domain';

import type { RoundtableRepository } from '../db/roundtable.repository';
import type { Conference } from '../domain/conference';
import type { Roundtable } from '../domain/roundtable';
import { conferenceResolutions } from '../documents/conference-resolutions';
import { roundtableMinutes } from '../documents/minutes';
import type { CommandContext } from './context';
import type { ConferenceUseCases } from './conferences';
import { conferenceReferences, roundtableReferences, type MemberUseCases } from './members';
import { requireReader, visibilityOf } from './permissions';
import type { RoundtableUseCases } from './roundtables';
import type { StatementUseCases } from './statements';

/** Every organisation and person a round table's documents name. */
function partiesOf(roundtable: Roundtable): MemberRef[] {
  return Object.values(roundtableReferences(roundtable)).flat();
}

/**
 * The documents generated from the data: the minutes of a concluded round table and the
 * resolutions of a conference, each rendered to the format the caller asks for (see
 * GeneratedDocumentType). Generated on request (never stored), so they always show the
 * current names; names come from the directory read model, and a reader who sees published
 * material only is printed no name of an organisation that is not published (see NameBook).
 */
export class DocumentUseCases {
  constructor(
    private readonly deps: {
      conferences: ConferenceUseCases;
      roundtables: RoundtableUseCases;
      statements: StatementUseCases;
      roundtableRepository: RoundtableRepository;
      members: MemberUseCases;
      timeZone: string;
    },
  ) {}

  /** The minutes; NOT_FOUND when invisible, CONFLICT until the round table is concluded. */
  async minutes(context: CommandContext, id: string): Promise<GeneratedDocument> {
    const roundtable = await this.deps.roundtables.find(context, id);
    if (!roundtable) throw notFound('roundtable', id);
    if (roundtable.status !== 'CONCLUDED') {
      throw conflict(
        `minutes are drawn up once a round table is concluded (status ${roundtable.status})`,
        roundtable.status,
      );
    }
    // Through the use case: a partner may see a round table whose conference is not published.
    const conference: Conference | undefined = roundtable.conferenceId
      ? await this.deps.conferences.find(context, roundtable.conferenceId)
      : undefined;
    const [statements, names] = await Promise.all([
      this.deps.statements.all(roundtable),
      this.deps.members.find(context, partiesOf(roundtable)),
    ]);
    const document = roundtableMinutes({
      roundtable,
      ...(conference ? { conference } : {}),
      statements,
      names: new NameBook(names, this.deps.members.publishedOnly(context)),
      timeZone: this.deps.timeZone,
    });
    return { document, generatedAt: context.now };
  }

  /**
   * «Рекомендации по итогам …»: the adopted resolutions of the conference's concluded round
   * tables (published ones only for callers who see published material only).
   */
  async conferenceResolutions(context: CommandContext, id: string): Promise<GeneratedDocument> {
    const identity = requireReader(context.identity);
    const conference = await this.deps.conferences.find(context, id);
    if (!conference) throw notFound('conference', id);
    const roundtables = await this.deps.roundtableRepository.ofConference(
      identity.tenantId,
      conference.id,
      ['CONCLUDED'],
      visibilityOf(identity).publishedOnly,
    );
    const names = await this.deps.members.find(context, [
      ...Object.values(conferenceReferences(conference)).flat(),
      ...roundtables.flatMap(partiesOf),
    ]);
    const document = conferenceResolutions({
      conference,
      roundtables,
      names: new NameBook(names, this.deps.members.publishedOnly(context)),
      timeZone: this.deps.timeZone,
    });
    return { document, generatedAt: context.now };
  }
}
