import type { Logger } from '@kollegia/service-kit';

import type { ConferenceRepository } from '../db/conference.repository';
import type { PartyNameRepository } from '../db/party-name.repository';
import type { RoundtableRepository } from '../db/roundtable.repository';
import type { StatementRepository } from '../db/statement.repository';
import { ConferenceUseCases } from './conferences';
import { DocumentUseCases } from './documents';
import { PartyNameUseCases } from './party-names';
import { RoundtablePartUseCases } from './roundtable-parts';
import { RoundtableUseCases } from './roundtables';
import { StatementUseCases } from './statements';

export interface RoundtablesRepositories {
  conferences: ConferenceRepository;
  roundtables: RoundtableRepository;
  statements: StatementRepository;
  names: PartyNameRepository;
}

/** Every use case of the roundtables service, wired to its repositories. */
export class RoundtablesUseCases {
  readonly conferences: ConferenceUseCases;
  readonly roundtables: RoundtableUseCases;
  readonly parts: RoundtablePartUseCases;
  readonly statements: StatementUseCases;
  readonly documents: DocumentUseCases;
  readonly names: PartyNameUseCases;

  constructor(repos: RoundtablesRepositories, options: { logger: Logger; timeZone: string }) {
    this.conferences = new ConferenceUseCases(repos.conferences);
    this.roundtables = new RoundtableUseCases(repos.roundtables, repos.conferences);
    this.parts = new RoundtablePartUseCases(repos.roundtables);
    this.statements = new StatementUseCases(repos.roundtables, repos.statements, options.logger);
    this.documents = new DocumentUseCases({
      conferences: this.conferences,
      roundtables: this.roundtables,
      statements: this.statements,
      roundtableRepository: repos.roundtables,
      names: repos.names,
      timeZone: options.timeZone,
    });
    this.names = new PartyNameUseCases(repos.names);
  }
}
