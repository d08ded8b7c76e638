import type { Directory, Logger, OnceClaims } from '@kollegia/service-kit';

import type { ConferenceRepository } from '../db/conference.repository';
import type { RoundtableRepository } from '../db/roundtable.repository';
import type { StatementRepository } from '../db/statement.repository';
import { ConferenceUseCases } from './conferences';
import { DocumentUseCases } from './documents';
import { MemberUseCases } from './members';
import { RoundtablePartUseCases } from './roundtable-parts';
import { RoundtableUseCases } from './roundtables';
import { SittingsDatedByScheduleMigration } from './sittings-dated-by-schedule';
import { StatementUseCases } from './statements';

export interface RoundtablesRepositories {
  conferences: ConferenceRepository;
  roundtables: RoundtableRepository;
  statements: StatementRepository;
  directory: Directory;
  /** Claims on the start-up migrations, so one replica runs each, once. */
  migrationClaims: OnceClaims;
}

/** Every use case of the roundtables service, wired to its repositories. */
export class RoundtablesUseCases {
  readonly conferences: ConferenceUseCases;
  readonly roundtables: RoundtableUseCases;
  readonly parts: RoundtablePartUseCases;
  readonly statements: StatementUseCases;
  readonly documents: DocumentUseCases;
  readonly members: MemberUseCases;
  readonly datedBySchedule: SittingsDatedByScheduleMigration;

  constructor(repos: RoundtablesRepositories, options: { logger: Logger; timeZone: string }) {
    this.members = new MemberUseCases(repos.directory);
    this.conferences = new ConferenceUseCases(repos.conferences, this.members);
    this.statements = new StatementUseCases(repos.roundtables, repos.statements, options.logger);
    this.roundtables = new RoundtableUseCases(
      repos.roundtables,
      repos.conferences,
      this.members,
      this.statements,
    );
    this.datedBySchedule = new SittingsDatedByScheduleMigration({
      roundtables: repos.roundtables,
      statements: repos.statements,
      redate: this.roundtables,
      claims: repos.migrationClaims,
      logger: options.logger,
    });
    this.parts = new RoundtablePartUseCases({
      roundtables: repos.roundtables,
      members: this.members,
    });
    this.documents = new DocumentUseCases({
      conferences: this.conferences,
      roundtables: this.roundtables,
      statements: this.statements,
      roundtableRepository: repos.roundtables,
      members: this.members,
      timeZone: options.timeZone,
    });
  }
}
