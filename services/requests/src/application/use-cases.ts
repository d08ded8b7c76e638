import type { Directory } from '@kollegia/service-kit';

import type { DeadlinePolicyRepository } from '../db/deadline-policy.repository';
import type { OutgoingNumberRepository } from '../db/outgoing-number.repository';
import type { RequestFactsRepository } from '../db/request-facts.repository';
import type { RequestRepository } from '../db/request.repository';
import { DeadlinePolicyUseCases } from './deadline-policies';
import { RequestDocuments } from './documents';
import { MemberUseCases } from './members';
import { RequestQueries } from './request-queries';
import { RequestUseCases } from './requests';
import { StatisticsUseCases } from './statistics';

export interface RequestsRepositories {
  requests: RequestRepository;
  numbers: OutgoingNumberRepository;
  policies: DeadlinePolicyRepository;
  directory: Directory;
  facts: RequestFactsRepository;
}

/** Every use case of the requests service, wired to its repositories. */
export class RequestsUseCases {
  readonly requests: RequestUseCases;
  readonly queries: RequestQueries;
  readonly policies: DeadlinePolicyUseCases;
  readonly members: MemberUseCases;
  readonly statistics: StatisticsUseCases;
  readonly documents: RequestDocuments;

  constructor(repos: RequestsRepositories, defaults: { dueSoonDays: number }) {
    this.members = new MemberUseCases(repos.directory);
    this.policies = new DeadlinePolicyUseCases(repos.policies, this.members, defaults);
    this.requests = new RequestUseCases(repos.requests, repos.numbers, this.policies, this.members);
    this.queries = new RequestQueries(repos.requests, this.members);
    this.statistics = new StatisticsUseCases(repos.facts, this.policies, this.members);
    this.documents = new RequestDocuments(this.members);
  }
}
