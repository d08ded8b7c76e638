import type { AddresseeRepository } from '../db/addressee.repository';
import type { DeadlinePolicyRepository } from '../db/deadline-policy.repository';
import type { OutgoingNumberRepository } from '../db/outgoing-number.repository';
import type { RequestFactsRepository } from '../db/request-facts.repository';
import type { RequestRepository } from '../db/request.repository';
import { AddresseeUseCases } from './addressees';
import { DeadlinePolicyUseCases } from './deadline-policies';
import { RequestQueries } from './request-queries';
import { RequestUseCases } from './requests';
import { StatisticsUseCases } from './statistics';

export interface RequestsRepositories {
  requests: RequestRepository;
  numbers: OutgoingNumberRepository;
  policies: DeadlinePolicyRepository;
  addressees: AddresseeRepository;
  facts: RequestFactsRepository;
}

/** Every use case of the requests service, wired to its repositories. */
export class RequestsUseCases {
  readonly requests: RequestUseCases;
  readonly queries: RequestQueries;
  readonly policies: DeadlinePolicyUseCases;
  readonly addressees: AddresseeUseCases;
  readonly statistics: StatisticsUseCases;

  constructor(repos: RequestsRepositories, defaults: { dueSoonDays: number }) {
    this.policies = new DeadlinePolicyUseCases(repos.policies, repos.addressees, defaults);
    this.requests = new RequestUseCases(
      repos.requests,
      repos.numbers,
      this.policies,
      repos.addressees,
    );
    this.queries = new RequestQueries(repos.requests);
    this.addressees = new AddresseeUseCases(repos.addressees);
    this.statistics = new StatisticsUseCases(repos.facts, this.policies);
  }
}
