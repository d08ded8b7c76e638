import type { CommunityRepository } from '../db/community.repository';
import type { MembershipRepository } from '../db/membership.repository';
import type { OrganizationRepository } from '../db/organization.repository';
import type { PersonRepository } from '../db/person.repository';
import { CommunityUseCases } from './communities';
import { MembershipUseCases } from './memberships';
import { OrganizationUseCases } from './organizations';
import { PersonUseCases } from './people';
import { VisibleFilters } from './visible-filters';

export interface MembersRepositories {
  organizations: OrganizationRepository;
  people: PersonRepository;
  communities: CommunityRepository;
  memberships: MembershipRepository;
}

/** Every use case of the members service, wired to its repositories. */
export class MembersUseCases {
  readonly organizations: OrganizationUseCases;
  readonly people: PersonUseCases;
  readonly communities: CommunityUseCases;
  readonly memberships: MembershipUseCases;

  constructor(repos: MembersRepositories) {
    const filters = new VisibleFilters(repos.communities, repos.memberships, repos.organizations);
    this.organizations = new OrganizationUseCases(repos.organizations, filters);
    this.people = new PersonUseCases(repos.people, repos.organizations, filters);
    this.communities = new CommunityUseCases(repos.communities);
    this.memberships = new MembershipUseCases(
      repos.memberships,
      repos.communities,
      repos.organizations,
      repos.people,
    );
  }
}
