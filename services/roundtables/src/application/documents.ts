import type { MemberRef } from '@kollegia/events';
import { conflict, notFound } from '@kollegia/service-kit/domain';

import type { RoundtableRepository } from '../db/roundtable.repository';
import type { Conference } from '../domain/conference';
import type { Roundtable } from '../domain/roundtable';
import { conferenceResolutions } from '../documents/conference-resolutions';
import type { TextDocument } from '../documents/document';
import { renderHtml } from '../documents/html';
import { renderMarkdown } from '../documents/markdown';
import { roundtableMinutes } from '../documents/minutes';
import { NameBook } from '../documents/names';
import type { CommandContext } from './context';
import type { ConferenceUseCases } from './conferences';
import { conferenceReferences, roundtableReferences, type MemberUseCases } from './members';
import { requireReader, visibilityOf } from './permissions';
import type { RoundtableUseCases } from './roundtables';
import type { StatementUseCases } from './statements';

/** A generated document in both formats. */
export interface RenderedDocument {
  title: string;
  markdown: string;
  html: string;
  generatedAt: Date;
}

function rendered(document: TextDocument, now: Date): RenderedDocument {
  return {
    title: document.title,
    markdown: renderMarkdown(document),
    html: renderHtml(document),
    generatedAt: now,
  };
}

/** Every organisation and person a round table's documents name. */
function partiesOf(roundtable: Roundtable): MemberRef[] {
  return Object.values(roundtableReferences(roundtable)).flat();
}

/**
 * The documents generated from the data: the minutes of a concluded round table and the
 * resolutions of a conference. Generated on request (never stored), so they always show the
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
  async minutes(context: CommandContext, id: string): Promise<RenderedDocument> {
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
    return rendered(document, context.now);
  }

  /**
   * «Рекомендации по итогам …»: the adopted resolutions of the conference's concluded round
   * tables (published ones only for callers who see published material only).
   */
  async conferenceResolutions(context: CommandContext, id: string): Promise<RenderedDocument> {
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
    return rendered(document, context.now);
  }
}
